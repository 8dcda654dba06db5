from typing import Any

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import get_random_string

from .views import SolimutAdapter


class SolimutProvider(OpenIDConnectProvider):
    """allauth's OpenID Connect provider (settings.SOCIALACCOUNT_PROVIDERS' `provider_class`),
    sending a nonce that `ambassadeurs.oidc.check` finds again in the ID token."""

    # Where allauth takes the login and callback URLs from: ours, with our adapter.
    package = "ambassadeurs.oidc"
    oauth2_adapter_class = SolimutAdapter

    def redirect(
        self, request: HttpRequest, process, next_url=None, data=None, **kwargs: Any
    ) -> HttpResponse:
        nonce = get_random_string(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        # The nonce is kept with allauth's state (in the session, used once).
        return super().redirect(
            request,
            process,
            next_url,
            data,
            auth_params={**auth_params, "nonce": nonce},
            nonce=nonce,
            **kwargs,
        )


provider_classes = [SolimutProvider]
