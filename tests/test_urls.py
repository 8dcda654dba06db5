"""Every page requires a signed-in member, except an explicit list: a new page cannot escape."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic import RedirectView

# Pages a logged-out visitor may open: sign-in and its recovery, the invitation link,
# the language switch, the health check and the newsletter's unsubscribe page.
PUBLIC = {
    "account_login",
    "account_logout",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_inactive",
    "account_login_code_confirm",
    "account_request_login_code",
    "account_confirm_login_code",
    "account_confirm_password_reset_code",
    "mfa_authenticate",
    "mfa_login_webauthn",
    "mfa_signup_webauthn",
    "ambassadeurs:invitation_accept",
    "set_language",
    "healthz",
    "newsletter:unsubscribe",
}

SAMPLE_ARGS = {"int": "1", "slug": "essai", "str": "essai", "path": "essai/fichier.txt"}


def walk(resolver, prefix="", namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + str(pattern.pattern), name, pattern.callback


def sample_path(route: str) -> str:
    """A concrete path for a route, with plausible values for its converters."""
    # Regex groups (admin) first: the first alternative, or a number.
    route = re.sub(
        r"\(\?P<\w+>([^)]*)\)",
        lambda m: m.group(1).split("|")[0] if "|" in m.group(1) else "1",
        route,
    )
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_ARGS[m.group(1) or "str"], route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\", "")


ALL = list(walk(get_resolver()))


def test_every_pattern_is_named():
    # Django's admin keeps unnamed redirects from its old change-page URLs: not pages.
    unnamed = [
        route
        for route, name, view in ALL
        if name is None and getattr(view, "view_class", None) is not RedirectView
    ]
    assert unnamed == []


def test_the_public_list_names_existing_pages():
    names = {name for _, name, _ in ALL}
    # allauth ships some of these only with features we keep off; the list may be wider.
    assert {"account_login", "healthz", "ambassadeurs:invitation_accept"} <= names


@pytest.mark.parametrize(("route", "name", "view"), ALL, ids=[n or r for r, n, _ in ALL])
def test_logged_out_visitor_is_sent_to_sign_in_unless_public(client, db, route, name, view):
    if name in PUBLIC:
        assert getattr(view, "login_required", True) is False, f"{name} should be public"
        return
    response = client.get(sample_path(route), follow=True)
    final = response.redirect_chain[-1][0] if response.redirect_chain else None
    assert final is not None and final.startswith("/accounts/login/"), (
        f"{name} ({route}) answered {response.status_code} to a logged-out visitor"
    )
