from django.urls import path

from . import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("export.<str:fmt>", views.initiative_export, name="export"),
    path("nouvelle/", views.initiative_form, name="create"),
    path("envois/", views.upload, name="upload"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/modifier/", views.initiative_form, name="edit"),
    path("<int:pk>/publier/", views.initiative_publish, name="publish"),
    path("<int:pk>/supprimer/", views.initiative_delete, name="delete"),
    path("<int:pk>/medias/", views.initiative_media, name="media"),
    path("<int:pk>/images/<int:image_pk>/supprimer/", views.image_delete, name="image_delete"),
    path(
        "<int:pk>/fichiers/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:pk>/fichiers/<int:attachment_pk>/supprimer/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("<int:pk>/reprise/", views.replicate, name="replicate"),
    path("<int:pk>/commentaires/", views.comment_add, name="comment"),
    path(
        "<int:pk>/commentaires/<int:comment_pk>/masquer/", views.comment_hide, name="comment_hide"
    ),
]
