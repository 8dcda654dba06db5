"""Sign-in by e-mail with allauth: no sign-up, rate limits, two-factor for coordinators."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from ambassadeurs.models import Role

from ..factories import PASSWORD, UserFactory


def _login(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_member_signs_in_with_email_and_lands_home(client, reader):
    response = _login(client, reader.email.upper())
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert "Bonjour" in client.get(reverse("home")).text


def test_wrong_password_gets_a_french_message(client, reader):
    response = _login(client, reader.email, "mauvais")
    assert response.status_code == 200
    assert "incorrect" in response.text


def test_public_sign_up_is_closed(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "inconnu@exemple.example",
            "password1": "X-tres-long-2026",
            "password2": "X-tres-long-2026",
        },
    )
    assert "inconnu@exemple.example" not in response.text or response.status_code != 302
    from ambassadeurs.models import User

    assert not User.objects.filter(email="inconnu@exemple.example").exists()


def test_failed_logins_are_rate_limited(client, reader):
    for _ in range(5):
        _login(client, reader.email, "mauvais")
    response = _login(client, reader.email)  # even the right password is refused now
    assert response.status_code != 302
    assert "Trop de tentatives" in response.text or "trop" in response.text.lower()


def test_admin_login_goes_through_allauth_and_its_limits(client, admin_user):
    response = client.get("/admin/")
    assert response.status_code == 302
    login_page = client.get(response.url, follow=True)
    assert login_page.redirect_chain[-1][0].startswith(reverse("account_login"))
    for _ in range(5):
        _login(client, admin_user.email, "mauvais")
    assert _login(client, admin_user.email).status_code != 302


def test_deactivated_member_is_signed_out_at_next_request(client, reader):
    client.force_login(reader)
    assert client.get(reverse("home")).status_code == 200
    reader.is_active = False
    reader.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_deactivated_member_cannot_sign_in(client, reader):
    reader.is_active = False
    reader.save()
    assert _login(client, reader.email).status_code != 302 or not client.session.get(
        "_auth_user_id"
    )


def test_logout_signs_out(client, reader):
    client.force_login(reader)
    client.post(reverse("account_logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_email_is_french(client, reader, mailoutbox):
    client.post(reverse("account_reset_password"), {"email": reader.email})
    assert len(mailoutbox) == 1
    assert "mot de passe" in mailoutbox[0].body.lower()
    assert "/accounts/password/reset/key/" in mailoutbox[0].body


def test_password_change(client, reader):
    client.force_login(reader)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "Nouveau-secret-2026",
            "password2": "Nouveau-secret-2026",
        },
    )
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.check_password("Nouveau-secret-2026")


# --- Two-factor sign-in ----------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.COORDINATOR, "admin"])
def test_coordinators_must_turn_on_two_factor_first(client, db, role):
    extra = {"is_superuser": True, "is_staff": True} if role == "admin" else {}
    user = UserFactory(role=Role.COORDINATOR, mutuelle=None, **extra)
    client.force_login(user)
    response = client.get(reverse("ambassadeurs:directory"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # The set-up opens (allauth first asks for the password again, as for any security change).
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200
    assert setup.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))


def test_coordinator_with_two_factor_goes_on(client, coordinator):
    assert Authenticator.objects.filter(user=coordinator).exists()
    client.force_login(coordinator)
    assert client.get(reverse("ambassadeurs:directory")).status_code == 200


def test_the_rule_can_be_turned_off_for_the_local_demo(client, db, settings):
    settings.RSE_REQUIRE_STAFF_MFA = False
    user = UserFactory(role=Role.COORDINATOR, mutuelle=None)
    client.force_login(user)
    assert client.get(reverse("ambassadeurs:directory")).status_code == 200


def test_ambassadors_may_but_need_not_turn_on_two_factor(client, ambassador):
    _login(client, ambassador.email)
    assert client.get(reverse("ambassadeurs:directory")).status_code == 200
    assert client.get(reverse("mfa_activate_totp"), follow=True).status_code == 200


def test_sign_in_asks_for_the_code_once_two_factor_is_on(client, ambassador):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(ambassador, generate_totp_secret())
    response = _login(client, ambassador.email)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("home")).status_code == 302  # not signed in yet
