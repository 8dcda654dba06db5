from django.urls import path

from . import views

app_name = "ambassadeurs"
urlpatterns = [
    path("annuaire/", views.directory, name="directory"),
    path("annuaire/<int:pk>/", views.member_detail, name="member"),
    path("annuaire/<int:pk>/acces/", views.member_access, name="member_access"),
    path("annuaire/<int:pk>/effacer/", views.member_erase, name="member_erase"),
    path("profil/", views.profile_edit, name="profile"),
    path("profil/mes-donnees/", views.my_data, name="my_data"),
    path("groupes/", views.working_group_list, name="working_groups"),
    path("groupes/<slug:slug>/", views.working_group_detail, name="working_group"),
    path(
        "groupes/<slug:slug>/adhesion/",
        views.working_group_membership,
        name="working_group_membership",
    ),
    path("invitations/", views.invitations, name="invitations"),
    path("journal/", views.journal, name="journal"),
    path("journal/export.<str:fmt>", views.journal_export, name="journal_export"),
    path("journal/<str:kind>/<int:pk>/", views.journal_object, name="journal_object"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
