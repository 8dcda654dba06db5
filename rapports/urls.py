from django.urls import path

from . import views

app_name = "rapports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("nouvelle-version/", views.version_create, name="version_create"),
    path("versions/<int:pk>/", views.version_detail, name="version"),
    path("versions/<int:pk>/etat/", views.version_status, name="version_status"),
    path("versions/<int:pk>/pdf/", views.version_pdf, name="version_pdf"),
    path("versions/<int:pk>/classeur/", views.version_workbook, name="version_workbook"),
]
