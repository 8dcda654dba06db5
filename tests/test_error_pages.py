"""Error pages: French, in the site's layout, under the CSP, and never an error of their own."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.urls import reverse


def assert_error_page(response, status: int, heading: str) -> str:
    assert response.status_code == status
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert '<html lang="fr">' in page
    # The site's layout: its header, stylesheet and footer.
    assert 'class="site-header"' in page and "/static/css/solimut" in page
    assert "harmoniser sans uniformiser" in page
    # Nothing the CSP would block.
    assert "<script>" not in page and " style=" not in page and " onclick=" not in page
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    return page


def test_a_request_for_an_unknown_host_gets_the_french_400_page(client, db):
    response = client.get(reverse("account_login"), HTTP_HOST="intrus.example")
    assert_error_page(response, 400, "Demande incorrecte")


def test_a_refused_member_gets_the_french_403_page_with_the_navigation(client, reader):
    client.force_login(reader)
    page = assert_error_page(client.get(reverse("ambassadeurs:invitations")), 403, "Accès refusé")
    assert "Se déconnecter" in page


def test_a_form_posted_without_its_csrf_token_gets_the_french_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@b.example", "password": "x"})
    page = assert_error_page(response, 403, "Formulaire expiré")
    assert "Rechargez la page" in page
    assert "Forbidden" not in page and "cookie not set" not in page  # Django's English


def test_an_unknown_page_gets_the_french_404_page(client, reader):
    assert_error_page(client.get("/nexiste-pas/"), 404, "Page introuvable")
    client.force_login(reader)
    page = assert_error_page(client.get("/mutuelles/nexiste-pas/"), 404, "Page introuvable")
    assert "Se déconnecter" in page


def test_a_method_a_page_does_not_take_gets_the_french_405_page(client, reader):
    client.force_login(reader)
    response = client.post(reverse("home"))
    assert_error_page(response, 405, "Action impossible ici")
    assert response["Allow"] == "GET"


def test_the_rate_limit_gets_the_french_429_page(client, db):
    # allauth allows 5 password reset requests a minute per address.
    url = reverse("account_reset_password")
    for _ in range(5):
        assert client.post(url, {"email": "oubli@armor.example"}).status_code == 302
    response = client.post(url, {"email": "oubli@armor.example"})
    assert_error_page(response, 429, "Trop de tentatives")


def test_an_error_page_still_renders_when_what_its_navigation_reads_is_down(
    client, reader, monkeypatch
):
    client.force_login(reader)

    def down(*args, **kwargs):
        raise OperationalError("the server closed the connection unexpectedly")

    monkeypatch.setattr("ambassadeurs.context_processors.can", down)
    page = assert_error_page(client.get("/nexiste-pas/"), 404, "Page introuvable")
    assert "Se déconnecter" not in page  # rendered without the request


@pytest.fixture
def no_manifest(settings, tmp_path):
    """The production storage over an empty STATIC_ROOT: collectstatic never ran."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "core.staticfiles.ManifestStaticFilesStorage"},
    }


@pytest.fixture
def cache_down():
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    # Restored before the suite's own fixtures clear the cache.
    with override_settings(CACHES=unreachable):
        yield


def test_the_500_page_renders_with_the_database_and_the_cache_down_and_no_manifest(
    reader, no_manifest, cache_down
):
    client = Client(raise_request_exception=False)
    client.force_login(reader)

    def refused(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    # Every query fails, starting with the session of the signed-in member.
    with mock.patch.object(connection, "ensure_connection", refused):
        response = client.get(reverse("home"))
    page = assert_error_page(response, 500, "Une erreur est survenue")
    assert "L'équipe technique a été prévenue" in page
    assert 'href="/static/css/solimut.css"' in page  # the collected original, not a hash
