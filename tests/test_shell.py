"""The page shell: home per role, language switch, security headers, healthz."""

import json

import pytest
from django.urls import reverse

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_home_shows_who_i_am_my_mutuelle_and_the_group(client, members, role):
    user = members[role]
    client.force_login(user)
    page = client.get(reverse("home")).text
    assert user.first_name in page
    assert user.get_role_display() in page
    # Their own mutuelle, if they have one; the group's mutuelles one click away.
    assert (user.mutuelle.name if user.mutuelle else "l'équipe de coordination") in page
    assert 'href="/mutuelles/"' in page
    assert ("Le réseau en un coup d" in page) is (role in {"coordinator", "admin"})
    assert ('href="/invitations/"' in page) is (role in {"coordinator", "admin"})
    assert ('href="/admin/"' in page) is (role == "admin")


def test_reader_sees_their_ambassador_on_home(client, reader, ambassador):
    client.force_login(reader)
    page = client.get(reverse("home")).text
    assert "Vos ambassadeurs ESS/RSE" in page
    assert str(ambassador) in page


def test_language_switch_to_english_and_back(client, reader):
    client.force_login(reader)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("home")).text
    assert "Directory" in page and '<html lang="en">' in page
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert "Annuaire" in client.get(reverse("home")).text


def test_login_page_switches_language_without_signing_in(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert "Sign in to the intranet" in client.get(reverse("account_login")).text


def test_security_headers(client, db):
    response = client.get(reverse("account_login"))
    csp = response.headers["Content-Security-Policy"]
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]:
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script(client, reader):
    client.force_login(reader)
    page = client.get(reverse("home")).text
    assert "<script>" not in page
    assert " onclick=" not in page and " style=" not in page


def test_healthz_reports_each_part(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"


def test_healthz_answers_503_when_a_part_is_down(client, db, monkeypatch):
    from django.core.cache.backends.redis import RedisCache

    from solimut_rse import views

    unreachable = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 1}})
    monkeypatch.setattr(views, "cache", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"].startswith("error")


@pytest.mark.services
def test_healthz_checks_the_broker_when_one_is_configured(client, db, redis_url):
    from solimut_rse.celery import app

    app.conf.task_always_eager = False
    app.conf.broker_url = redis_url
    body = json.loads(client.get("/healthz").content)
    assert body["checks"]["broker"] == "ok"
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = redis_url
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["broker"].startswith("error")


def test_the_cached_network_on_home_follows_changes(client, coordinator, reader, mutuelle):
    from ambassadeurs import services
    from ambassadeurs.models import Role

    client.force_login(coordinator)
    before = client.get(reverse("home")).text
    assert "Sans ambassadeur pour l" in before and mutuelle.short_name in before
    services.member_set_access(
        member=reader, by=coordinator, role=Role.AMBASSADOR, mutuelle=mutuelle, is_active=True
    )
    after = client.get(reverse("home")).text
    assert "Sans ambassadeur pour l" not in after
