from django.urls import path

from . import views
from .relay import views as relay_views

app_name = "reunions"
urlpatterns = [
    path("", views.agenda, name="agenda"),
    path("flux/renouveler/", views.feed_reset, name="feed_reset"),
    path("flux/<str:token>.ics", views.feed, name="feed"),
    path("reunions/nouvelle/", views.meeting_create, name="meeting_create"),
    path("reunions/<int:pk>/", views.meeting_detail, name="meeting"),
    path("reunions/<int:pk>/modifier/", views.meeting_edit, name="meeting_edit"),
    path("reunions/<int:pk>/annuler/", views.meeting_cancel, name="meeting_cancel"),
    path("reunions/<int:pk>/reunion.ics", views.meeting_ics, name="meeting_ics"),
    path("reunions/<int:pk>/reponse/", views.answer, name="answer"),
    path("reunions/<int:pk>/ordre-du-jour/", views.agenda_item_add, name="agenda_item_add"),
    path("reunions/<int:pk>/presences/", views.attendance, name="attendance"),
    path("reunions/<int:pk>/compte-rendu/", views.minutes, name="minutes"),
    path("reunions/<int:pk>/compte-rendu/remarque/", views.remark, name="remark"),
    path(
        "reunions/<int:pk>/compte-rendu/approuver/", views.minutes_approve, name="minutes_approve"
    ),
    path("reunions/<int:pk>/compte-rendu/pdf/", views.minutes_pdf, name="minutes_pdf"),
    path("reunions/<int:pk>/decisions/", views.decision_add, name="decision_add"),
    path("propositions/", views.proposals, name="proposals"),
    path("propositions/<int:pk>/", views.proposal, name="proposal"),
    path("taches/<int:pk>/faite/", views.task_done, name="task_done"),
]

# The relay kit of a sent edition or a published guide (reunions/relay).
urlpatterns += [
    path("relais/lettre/<int:number>/", relay_views.edition_kit, name="relay_edition"),
    path(
        "relais/lettre/<int:number>/<str:kind>.pdf",
        relay_views.edition_pdf,
        name="relay_edition_pdf",
    ),
    path(
        "relais/lettre/<int:number>/partie-locale/",
        relay_views.edition_local,
        name="relay_edition_local",
    ),
    path(
        "relais/lettre/<int:number>/seances/",
        relay_views.edition_session,
        name="relay_edition_session",
    ),
    path("relais/guide/<slug:slug>/", relay_views.guide_kit, name="relay_guide"),
    path("relais/guide/<slug:slug>/<str:kind>.pdf", relay_views.guide_pdf, name="relay_guide_pdf"),
    path(
        "relais/guide/<slug:slug>/partie-locale/", relay_views.guide_local, name="relay_guide_local"
    ),
    path(
        "relais/guide/<slug:slug>/seances/", relay_views.guide_session, name="relay_guide_session"
    ),
]

# Files of a working group.
urlpatterns += [
    path("groupes/<slug:slug>/fichiers/", views.group_files, name="group_files"),
    path("groupes/<slug:slug>/fichiers/<int:pk>/", views.group_file, name="group_file"),
    path(
        "groupes/<slug:slug>/fichiers/<int:pk>/nouvelle-version/",
        views.group_file_version,
        name="group_file_version",
    ),
    path(
        "groupes/<slug:slug>/fichiers/<int:pk>/telecharger/",
        views.group_file_download,
        name="group_file_download",
    ),
    path(
        "groupes/<slug:slug>/fichiers/<int:pk>/versions/<int:number>/",
        views.group_file_version_download,
        name="group_file_version_download",
    ),
    path(
        "groupes/<slug:slug>/fichiers/<int:pk>/supprimer/",
        views.group_file_delete,
        name="group_file_delete",
    ),
]
