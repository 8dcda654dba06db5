from django.urls import path

from . import views

app_name = "mutuelles"
urlpatterns = [
    path("", views.mutuelle_list, name="list"),
    path("<slug:slug>/", views.mutuelle_detail, name="detail"),
]
