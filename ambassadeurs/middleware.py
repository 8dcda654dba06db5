from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import oidc
from .permissions import Action, can

# Where a coordinator without two-factor sign-in may still go: sign-in, its set-up, sign-out.
_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/media/", "/healthz")


class StaffMFAMiddleware:
    """Coordinators and administrators must turn on TOTP before using the intranet, unless the
    group's directory said their sign-in used a second factor (its `amr` claim)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.RSE_REQUIRE_STAFF_MFA
            and can(user, Action.COORDINATE)
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and not is_mfa_enabled(user)
            and not oidc.signed_in_with_second_factor(request)
        ):
            messages.warning(
                request,
                _(
                    "Votre rôle donne accès à la gestion du réseau : activez d'abord la "
                    "validation en deux étapes avec une application d'authentification."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
