"""A member's open sessions (allauth.usersessions, our page and our tracking): which device,
from where, when last used; signing out the others; a deactivated member signed out
everywhere at once, from the coordination's page and from the admin."""

from html import unescape

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from ambassadeurs.models import Role
from ambassadeurs.sessions import device, place
from solimut_rse.settings import networks

from ..factories import PASSWORD, admin_post

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
)
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (FIREFOX_WINDOWS, "Firefox sur Windows"),
        (SAFARI_IPHONE, "Safari sur iPhone"),
        (EDGE_WINDOWS, "Edge sur Windows"),
        (CHROME_ANDROID, "Chrome sur Android"),
        ("curl/8.5.0", "Appareil inconnu"),
    ],
)
def test_the_device_is_named_as_people_know_it(user_agent, expected):
    assert device(user_agent) == expected


def test_the_place_is_the_groups_network_or_the_address_shortened(settings):
    settings.RSE_NETWORKS = networks("10.1.0.0/16=Siège, Rennes; 2001:db8::/32=Agence de Brest")
    assert place("10.1.42.7") == "Siège, Rennes"
    assert place("2001:db8:0:1::5") == "Agence de Brest"
    assert place("203.0.113.54") == "Hors des réseaux du groupe (203.0.113.…)"
    assert place("127.0.0.1") == "Cet ordinateur"


def test_a_wrong_network_stops_the_start_with_what_is_wrong():
    with pytest.raises(ImproperlyConfigured, match=r"10\.1\.0\.0/33"):
        networks("10.1.0.0/33=Siège")
    with pytest.raises(ImproperlyConfigured, match="no name"):
        networks("10.1.0.0/16=")


def _signed_in(user, user_agent, address="10.1.0.5") -> Client:
    """A browser of `user`'s, signed in through the sign-in page."""
    browser = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)
    response = browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def test_a_member_sees_their_sessions_and_signs_the_others_out(settings, reader):
    settings.RSE_NETWORKS = networks("10.1.0.0/16=Siège, Rennes")
    desk = _signed_in(reader, FIREFOX_WINDOWS)
    phone = _signed_in(reader, SAFARI_IPHONE, address="203.0.113.54")

    page = unescape(desk.get(reverse("usersessions_list")).text)
    assert "Firefox sur Windows" in page
    assert "Siège, Rennes" in page
    assert "Safari sur iPhone" in page
    assert "Hors des réseaux du groupe (203.0.113.…)" in page
    assert page.count("cette session") == 1
    assert "Dernière utilisation" in page
    assert "Déconnecter l'autre session" in page

    response = desk.post(reverse("usersessions_list"), follow=True)
    assert "Les autres sessions sont déconnectées." in response.text
    # The phone is signed out; the desk goes on.
    assert phone.get(reverse("home")).url.startswith(reverse("account_login"))
    assert desk.get(reverse("home")).status_code == 200
    assert UserSession.objects.filter(user=reader).count() == 1
    assert (
        "Vous n'êtes connecté·e nulle part ailleurs." in desk.get(reverse("usersessions_list")).text
    )


def test_sessions_of_other_members_are_neither_shown_nor_ended(reader, ambassador):
    mine = _signed_in(reader, FIREFOX_WINDOWS)
    theirs = _signed_in(ambassador, SAFARI_IPHONE)
    assert "Safari" not in mine.get(reverse("usersessions_list")).text
    mine.post(reverse("usersessions_list"))
    assert theirs.get(reverse("home")).status_code == 200


def test_when_a_session_was_last_used_is_written_at_most_every_few_minutes(settings, reader):
    browser = _signed_in(reader, FIREFOX_WINDOWS)
    session = UserSession.objects.get(user=reader)
    first_seen = session.last_seen_at

    browser.get(reverse("home"), REMOTE_ADDR="10.2.0.9")
    session.refresh_from_db()
    assert (session.ip, session.last_seen_at) == ("10.1.0.5", first_seen)

    settings.RSE_SESSION_SEEN_EVERY = 0
    browser.get(reverse("home"), REMOTE_ADDR="10.2.0.9")
    session.refresh_from_db()
    assert session.ip == "10.2.0.9"
    assert session.last_seen_at > first_seen


def _sessions_of(user) -> int:
    keys = UserSession.objects.filter(user=user).values("session_key")
    return Session.objects.filter(session_key__in=keys).count()


def test_a_coordinator_deactivating_a_member_signs_them_out_everywhere(client, coordinator, reader):
    desk, phone = _signed_in(reader, FIREFOX_WINDOWS), _signed_in(reader, SAFARI_IPHONE)
    assert _sessions_of(reader) == 2
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:member_access", args=[reader.pk]),
        {"role": Role.READER, "mutuelle": reader.mutuelle_id, "is_active": ""},
    )
    assert response.status_code == 302
    assert UserSession.objects.filter(user=reader).count() == 0
    assert Session.objects.filter(session_key__in=[desk.session.session_key]).count() == 0
    for browser in (desk, phone):
        assert browser.get(reverse("home")).url.startswith(reverse("account_login"))


def test_a_role_change_keeps_the_member_signed_in(client, coordinator, reader):
    desk = _signed_in(reader, FIREFOX_WINDOWS)
    client.force_login(coordinator)
    client.post(
        reverse("ambassadeurs:member_access", args=[reader.pk]),
        {"role": Role.AMBASSADOR, "mutuelle": reader.mutuelle_id, "is_active": "on"},
    )
    assert desk.get(reverse("home")).status_code == 200


def test_deactivating_in_the_admin_signs_the_member_out_too(client, admin_user, reader):
    desk = _signed_in(reader, FIREFOX_WINDOWS)
    client.force_login(admin_user)
    response = admin_post(client, reader, is_active="")
    assert response.status_code == 302
    assert _sessions_of(reader) == 0
    assert desk.get(reverse("home")).url.startswith(reverse("account_login"))
