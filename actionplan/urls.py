from django.urls import path

from . import views

app_name = "actionplan"
urlpatterns = [
    path("", views.plan_home, name="plan"),
    path("ma-mutuelle/", views.my_mutuelle, name="my_mutuelle"),
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
    path("export/<str:kind>.<str:fmt>", views.export, name="export"),
]
