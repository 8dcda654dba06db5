"""Single sign-on in a real browser against a real OpenID Connect provider (tests/oidc.py):
the button, the provider's sign-in and consent, home signed in; a coordinator whose directory
sign-in used a second factor passes the two-factor gate, the same one without is asked for
TOTP; a refusal is a French page."""

import re

import pytest
from playwright.sync_api import Page, expect

from ambassadeurs.models import Role
from tests import oidc
from tests.factories import MutuelleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    with oidc.running(tmp_path_factory.mktemp("oidc"), [live_server.url]) as provider:
        yield provider


@pytest.fixture
def directory(provider, settings):
    provider.settings(settings)
    yield provider
    provider.fault()


def sign_in_with_the_directory(page: Page, base: str, directory, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_role("button", name="Se connecter avec le compte Solimut").click()
    page.wait_for_url(lambda url: url.startswith(directory.url))
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill("le mot de passe de l'annuaire")
    page.get_by_role("button", name="Se connecter", exact=True).click()
    page.get_by_role("button", name="Autoriser").click()
    page.wait_for_url(lambda url: url.startswith(base))


def test_a_member_signs_in_with_the_solimut_account(page: Page, live_server, directory):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    UserFactory(email="ines@armor.example", first_name="Inès", role=Role.READER, mutuelle=armor)
    directory.account("ines", email="ines@armor.example", email_verified=True)
    sign_in_with_the_directory(page, live_server.url, directory, "ines@armor.example")
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bonjour Inès")


def test_the_directory_s_second_factor_lets_a_coordinator_in_and_its_absence_asks_for_totp(
    page: Page, live_server, directory
):
    UserFactory(
        email="pilote@groupe.example", first_name="Paul", role=Role.COORDINATOR, mutuelle=None
    )
    directory.account(
        "pilote", email="pilote@groupe.example", email_verified=True, amr=["pwd", "mfa"]
    )
    sign_in_with_the_directory(page, live_server.url, directory, "pilote@groupe.example")
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bonjour Paul")

    page.context.clear_cookies()
    directory.account("pilote", email="pilote@groupe.example", email_verified=True, amr=["pwd"])
    sign_in_with_the_directory(page, live_server.url, directory, "pilote@groupe.example")
    # The TOTP set-up, after allauth asks who is there again (as for every activation).
    expect(page).to_have_url(
        re.compile(r"/accounts/reauthenticate/\?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F$")
    )
    expect(page.get_by_text("activez d'abord la validation en deux étapes")).to_be_visible()


def test_an_unverified_address_gets_a_french_refusal(page: Page, live_server, directory):
    directory.account("x", email="inconnue@armor.example", email_verified=False)
    sign_in_with_the_directory(page, live_server.url, directory, "inconnue@armor.example")
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion impossible")
    expect(page.get_by_role("alert")).to_contain_text("n'est pas vérifiée")
    page.get_by_role("link", name="Retour à la page de connexion").click()
    expect(page.get_by_role("button", name="Se connecter avec le compte Solimut")).to_be_visible()
