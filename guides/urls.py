from django.urls import path

from . import views

app_name = "guides"
urlpatterns = [
    path("", views.guide_list, name="list"),
    path("nouveau/", views.guide_create, name="create"),
    path("<slug:slug>/", views.guide_detail, name="detail"),
    path("<slug:slug>/pdf/", views.guide_pdf, name="pdf"),
    path("<slug:slug>/brouillon/", views.guide_draft, name="draft"),
    path("<slug:slug>/modifier/", views.guide_edit, name="edit"),
    path("<slug:slug>/soumettre/", views.guide_submit, name="submit"),
    path("<slug:slug>/publier/", views.guide_publish, name="publish"),
    path("<slug:slug>/renvoyer/", views.guide_send_back, name="send_back"),
    path("<slug:slug>/archiver/", views.guide_archive, name="archive"),
    path("<slug:slug>/versions/", views.guide_compare, name="compare"),
    path("<slug:slug>/versions/<int:number>/", views.version_detail, name="version"),
    path(
        "<slug:slug>/versions/<int:number>/pdf/relancer/", views.guide_pdf_retry, name="pdf_retry"
    ),
    path("<slug:slug>/outils/", views.tool_add, name="tool_add"),
    path("<slug:slug>/outils/<int:pk>/", views.tool_download, name="tool"),
    path("<slug:slug>/outils/<int:pk>/supprimer/", views.tool_delete, name="tool_delete"),
    path("<slug:slug>/images/", views.picture_add, name="picture_add"),
]
