import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError
from django.db import transaction
from django.utils.translation import gettext as _
from requests import RequestException

from . import oidc, services

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: members join through a coordinator's invitation."""

    def is_open_for_signup(self, request):
        return False

    def post_login(self, request, user, **kwargs):
        # Every sign-in, by password or through the provider, says how it was made.
        oidc.remember_second_factor(request, (kwargs.get("signal_kwargs") or {}).get("sociallogin"))
        return super().post_login(request, user, **kwargs)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in through the group's directory: the ID token's own checks, then who may come in
    (services.member_for_sign_in). allauth's sign-up form never shows: the member is found,
    their invitation accepted, their account created, or the sign-in refused."""

    def is_open_for_signup(self, request, sociallogin):
        return False

    def pre_social_login(self, request, sociallogin):
        linked = sociallogin.user if sociallogin.is_existing else None
        try:
            oidc.check(sociallogin)
            with transaction.atomic():
                member = services.member_for_sign_in(claims=oidc.claims(sociallogin), linked=linked)
                if linked is None:
                    sociallogin.connect(request, member)
        except oidc.Refused as refused:
            logger.warning("single sign-on refused: %s", refused.message)
            raise ImmediateHttpResponse(oidc.refusal(request, refused.message)) from refused

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        logger.warning("single sign-on failed: %s %r", error, exception)
        if error == AuthError.CANCELLED:
            message = _("Vous avez annulé la connexion avec votre compte du groupe.")
        elif isinstance(exception, RequestException):
            message = _(
                "Le fournisseur d'identité du groupe ne répond pas. Réessayez dans quelques "
                "minutes ; si cela dure, prévenez le service informatique."
            )
        elif exception is None and "state_id" in (extra_context or {}):
            message = _(
                "Cette demande de connexion a expiré ou a déjà servi. Recommencez depuis la "
                "page de connexion."
            )
        else:
            message = oidc.unverified_message()
        raise ImmediateHttpResponse(oidc.refusal(request, message, status=400))
