"""Guides in a real browser: an ambassador writes and submits one in the rich-text editor, a
coordinator publishes it, a reader downloads its PDF; axe-core on the list, guide and editor."""

import subprocess

import pytest
from playwright.sync_api import Page, expect

from ambassadeurs.models import Role
from guides.models import Guide, Status
from mutuelles.models import Theme
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, ThemeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    ThemeFactory(name="Environnement", slug="environnement")
    return {
        "ambassador": UserFactory(
            email="ambassadeur@armor.example", role=Role.AMBASSADOR, mutuelle=armor
        ),
        "coordinator": UserFactory(
            email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
        ),
        "reader": UserFactory(email="salarie@armor.example", role=Role.READER, mutuelle=armor),
    }


def _page(browser, **options) -> Page:
    return browser.new_context(locale="fr-FR", **options).new_page()


def _write_guide(page: Page, base: str):
    page.goto(f"{base}/guides/nouveau/")
    page.get_by_role("textbox", name="Titre").fill("Guide des éco-gestes au bureau")
    page.get_by_label("Résumé").fill("Les gestes simples qui font baisser nos consommations.")
    page.get_by_label("Thème").select_option(label="Environnement")
    editor = page.locator(".ql-editor")
    editor.click()
    editor.type("Énergie")
    page.locator(".ql-header .ql-picker-label").click()
    page.locator(".ql-header .ql-picker-item[data-value='2']").click()
    editor.press("End")
    editor.press("Enter")
    editor.type("Éteindre les écrans le soir économise un quart de leur consommation.")
    page.get_by_role("button", name="Enregistrer le brouillon").click()


def test_write_submit_publish_and_download(browser, live_server, network, tmp_path, poppler):
    base = live_server.url
    author = _page(browser)
    sign_in(author, base, network["ambassador"].email)
    _write_guide(author, base)
    expect(author.get_by_text("Brouillon créé")).to_be_visible()
    guide = Guide.objects.get()
    assert "<h2>Énergie</h2>" in guide.body
    author.get_by_role("link", name="Voir le brouillon").first.click()
    expect(author.get_by_role("navigation", name="Sommaire")).to_contain_text("Énergie")
    author.get_by_role("button", name="Soumettre à relecture").click()
    expect(author.get_by_text("Guide soumis à relecture")).to_be_visible()

    coordinator = _page(browser)
    sign_in(coordinator, base, network["coordinator"].email)
    coordinator.goto(f"{base}/guides/")
    coordinator.get_by_role("region", name="À relire").get_by_role(
        "link", name="Guide des éco-gestes au bureau"
    ).click()
    coordinator.get_by_label("Ce qui change dans cette version").fill("Première édition")
    coordinator.get_by_role("button", name="Publier la version 1").click()
    expect(coordinator.get_by_text("Version 1 publiée")).to_be_visible()
    guide.refresh_from_db()
    assert guide.status == Status.PUBLISHED

    reader = _page(browser, accept_downloads=True)
    sign_in(reader, base, network["reader"].email)
    reader.goto(f"{base}/guides/")
    reader.get_by_role("link", name="Guide des éco-gestes au bureau").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Guide des éco-gestes au bureau")
    with reader.expect_download() as download:
        reader.get_by_role("link", name="Télécharger en PDF").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "guide-des-eco-gestes-au-bureau-v1.pdf"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Guide des éco-gestes au bureau" in text
    assert "Éteindre les écrans le soir" in text


def test_guide_pages_have_no_serious_accessibility_violation(browser, live_server, network):
    from guides import services

    guide = services.guide_create(
        by=network["ambassador"],
        title="Guide des achats responsables",
        summary="Acheter mieux.",
        theme=Theme.objects.get(),
        body="<h2>Pourquoi</h2><p>Texte.</p><table><tbody><tr><td>Label</td><td>Preuve</td>"
        "</tr><tr><td>Écolabel</td><td>Certificat</td></tr></tbody></table>",
    )
    services.publish(by=network["coordinator"], guide=guide)
    page = browser.new_context(bypass_csp=True, locale="fr-FR").new_page()
    sign_in(page, live_server.url, network["ambassador"].email)
    for path in [
        "/guides/",
        f"/guides/{guide.slug}/",
        f"/guides/{guide.slug}/modifier/",
        f"/guides/{guide.slug}/brouillon/",
        f"/guides/{guide.slug}/versions/",
    ]:
        page.goto(live_server.url + path)
        if "modifier" in path:
            expect(page.locator(".ql-editor")).to_be_visible()
        assert _axe_violations(page) == [], path
