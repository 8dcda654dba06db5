from django.urls import path

from . import registry_views, views

app_name = "actionplan"
urlpatterns = [
    path("", views.plan_home, name="plan"),
    path("ma-mutuelle/", views.my_mutuelle, name="my_mutuelle"),
    path("suivi/", views.follow_up, name="follow_up"),
    path("axes/<int:pk>/", views.axis_detail, name="axis"),
    path("actions/nouvelle/", views.action_form, name="action_create"),
    path("actions/<int:pk>/", views.action_detail, name="action"),
    path("actions/<int:pk>/modifier/", views.action_form, name="action_edit"),
    path("actions/<int:pk>/supprimer/", views.action_delete, name="action_delete"),
    path("deploiements/<int:pk>/", views.deployment_detail, name="deployment"),
    path("deploiements/<int:pk>/modifier/", views.deployment_edit, name="deployment_edit"),
    path("mutuelles/<slug:slug>/point/", views.weekly_update, name="weekly_update"),
    path("mutuelles/<slug:slug>/retours/", views.feedback_create, name="feedback"),
    path("retours/", views.feedback_list, name="feedback_list"),
    path("retours/<int:pk>/", views.feedback_answer, name="feedback_answer"),
    path("gerer/", views.manage, name="manage"),
    path("gerer/axes/", views.axis_save, name="axis_create"),
    path("gerer/axes/<int:pk>/", views.axis_save, name="axis_edit"),
    path("gerer/indicateurs/", views.indicator_save, name="indicator_create"),
    path("gerer/indicateurs/<int:pk>/", views.indicator_save, name="indicator_edit"),
    path("importer/", views.plan_import, name="import"),
    path("importer/<int:pk>/", views.import_job, name="import_job"),
    path("importer/<int:pk>/progression/", views.import_progress, name="import_progress"),
    path("export/<str:kind>.<str:fmt>", views.export, name="export"),
]

# The AG's resolutions and the indicator registry (registry_views.py).
urlpatterns += [
    path("resolutions/", registry_views.resolution_list, name="resolutions"),
    path("resolutions/ag/", registry_views.assembly_create, name="assembly_create"),
    path("resolutions/nouvelle/", registry_views.resolution_form, name="resolution_create"),
    path("resolutions/<int:pk>/", registry_views.resolution_detail, name="resolution"),
    path(
        "resolutions/<int:pk>/histoire/",
        registry_views.resolution_story,
        name="resolution_story",
    ),
    path("actions/<int:pk>/histoire/", registry_views.action_story, name="action_story"),
    path("resolutions/<int:pk>/modifier/", registry_views.resolution_form, name="resolution_edit"),
    path("indicateurs/", registry_views.indicator_list, name="indicators"),
    path("indicateurs/<int:pk>/", registry_views.indicator_detail, name="indicator"),
    path(
        "indicateurs/<int:pk>/modifier/",
        registry_views.indicator_registry_edit,
        name="indicator_registry",
    ),
    path(
        "indicateurs/<int:pk>/cibles/", registry_views.indicator_targets, name="indicator_targets"
    ),
    path(
        "indicateurs/<int:pk>/mesures/<slug:slug>/",
        registry_views.measure_form,
        name="measure",
    ),
]
