from django.urls import path

from . import views

app_name = "newsletter"
urlpatterns = [
    path("", views.archive, name="archive"),
    path("preparer/", views.assemble, name="assemble"),
    path("abonnes/", views.subscribers, name="subscribers"),
    path("abonnement/", views.subscription, name="subscription"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("vignette/<str:signed>/", views.picture, name="picture"),
    path("<int:number>/", views.edition_detail, name="edition"),
    path("<int:number>/modifier/", views.edition_update, name="update"),
    path("<int:number>/blocs/", views.block_add, name="block_add"),
    path("<int:number>/blocs/<int:pk>/", views.block_change, name="block_change"),
    path("<int:number>/apercu/", views.preview, name="preview"),
    path("<int:number>/test/", views.test_send, name="test_send"),
    path("<int:number>/envoyer/", views.send, name="send"),
    path("<int:number>/deprogrammer/", views.unschedule, name="unschedule"),
    path("<int:number>/reprendre/", views.resume, name="resume"),
    path("<int:number>/progression/", views.progress, name="progress"),
    path("<int:number>/rapport/", views.delivery_report, name="report"),
    path("<int:number>/rapport.<str:fmt>", views.delivery_report_export, name="report_export"),
]
