from allauth.socialaccount import app_settings
from django.urls import include, path

from . import views

# allauth's OpenID Connect URLs and names (/accounts/oidc/<provider_id>/login/[callback/]), on
# our views: the provider's `package` points here.
urlpatterns = [
    path(
        f"{app_settings.OPENID_CONNECT_URL_PREFIX}/<str:provider_id>/",
        include(
            [
                path("login/", views.login, name="openid_connect_login"),
                path("login/callback/", views.callback, name="openid_connect_callback"),
            ]
        ),
    )
]
