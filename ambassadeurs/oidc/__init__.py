"""Single sign-on with the group's directory (OpenID Connect through allauth.socialaccount).

allauth runs the protocol: state (single use, in the session), PKCE, the code exchange, the ID
token's issuer, audience and expiry. `provider.py` adds what allauth 65 leaves out: a nonce,
and the ID token's signature checked even when it comes straight from the token endpoint. Who
may come in is decided by `ambassadeurs.services.member_for_sign_in`, called from the
`SocialAccountAdapter` (ambassadeurs/adapters.py). This module holds what both read: the
claims of a sign-in, its checks, the second factor the provider vouches for.
"""

from typing import Any

from allauth.socialaccount.models import SocialLogin
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

PROVIDER_ID = "solimut"
# The `amr` (RFC 8176) of the sign-in that opened this session, when it was through the provider.
SESSION_AMR = "rse_oidc_amr"


class Refused(Exception):
    """A sign-in through the provider that must not go further: `message` says why, in French."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def configured() -> bool:
    return bool(settings.RSE_OIDC_SERVER_URL)


def id_token(sociallogin: SocialLogin) -> dict[str, Any]:
    return sociallogin.account.extra_data.get("id_token") or {}


def claims(sociallogin: SocialLogin) -> dict[str, Any]:
    """The ID token's claims, completed by the UserInfo answer (what allauth also prefers)."""
    return {**id_token(sociallogin), **(sociallogin.account.extra_data.get("userinfo") or {})}


def check(sociallogin: SocialLogin) -> None:
    """What allauth does not check: the nonce sent with this sign-in came back in the ID token
    (a token obtained for another sign-in is refused), and the UserInfo answer speaks of the
    same person (OpenID Connect Core 5.3.2)."""
    token = id_token(sociallogin)
    expected = sociallogin.state.get("nonce")
    if not token or not expected or token.get("nonce") != expected:
        raise Refused(unverified_message())
    userinfo = sociallogin.account.extra_data.get("userinfo")
    if userinfo and userinfo.get("sub") != token.get("sub"):
        raise Refused(unverified_message())


def unverified_message() -> str:
    return _(
        "La réponse du fournisseur d'identité n'a pas pu être vérifiée (signature, émetteur, "
        "destinataire, date de validité ou jeton de la demande incorrects). Vous n'êtes pas "
        "connecté·e. Recommencez depuis la page de connexion ; si cela se reproduit, prévenez le "
        "service informatique."
    )


def remember_second_factor(request: HttpRequest, sociallogin: SocialLogin | None) -> None:
    """Keep in the session how the provider says the member signed in (password sign-ins
    forget it)."""
    amr = id_token(sociallogin).get("amr") if sociallogin else None
    if isinstance(amr, list) and all(isinstance(value, str) for value in amr):
        request.session[SESSION_AMR] = amr
    else:
        request.session.pop(SESSION_AMR, None)


def signed_in_with_second_factor(request: HttpRequest) -> bool:
    """The provider said this session's sign-in used a second factor (RSE_OIDC_MFA_AMR)."""
    return bool(settings.RSE_OIDC_MFA_AMR & set(request.session.get(SESSION_AMR) or ()))


def refusal(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    response = TemplateResponse(
        request, "socialaccount/authentication_error.html", {"message": message}, status=status
    )
    return response.render()
