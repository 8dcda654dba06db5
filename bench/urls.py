from django.http import HttpResponse
from django.urls import path

from solimut_rse.urls import urlpatterns as project_urlpatterns


def hello(request):
    return HttpResponse("Bonjour", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello, name="bench_hello"), *project_urlpatterns]
