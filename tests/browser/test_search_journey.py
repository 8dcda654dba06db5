"""Searching as a member does, in a real browser: "/" from any page to the header's box, the
words typed as they come to mind (no accent), a filter chosen among the results and removed,
a result opened; the count announced to screen readers; axe-core finds no serious violation;
a 375 px phone scrolls only down."""

import pytest
from playwright.sync_api import Page, expect

from ambassadeurs.models import Role
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import InitiativeFactory, MutuelleFactory, ThemeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    azur = MutuelleFactory(name="Mutuelle Azur", short_name="Azur", slug="azur")
    sport = ThemeFactory(name="Sport et activité physique", slug="sport")
    reader = UserFactory(first_name="Inès", role=Role.READER, mutuelle=armor)
    for mutuelle, city in [(armor, "Rennes"), (azur, "Nice"), (azur, "Toulon")]:
        InitiativeFactory(
            mutuelle=mutuelle,
            title=f"Défi vélo inter-agences à {city}",
            summary="Un mois de trajets à vélo entre les agences, en équipes.",
        ).themes.set([sport])
    InitiativeFactory(
        mutuelle=armor, title="Vélo-école en brouillon", summary="Pas encore.", is_published=False
    )
    return {"reader": reader}


def test_a_member_searches_from_the_header_filters_and_opens_a_result(
    browser, live_server, network
):
    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    page: Page = context.new_page()
    sign_in(page, live_server.url, network["reader"].email)
    page.goto(f"{live_server.url}/guides/")
    box = page.get_by_role(
        "searchbox", name="Rechercher dans tout l’intranet (raccourci : touche /)"
    )
    page.keyboard.press("/")
    expect(box).to_be_focused()
    page.keyboard.type("velo")
    page.keyboard.press("Enter")

    page.wait_for_url("**/search/?q=velo")
    results = page.get_by_role("heading", name="3 résultats pour « velo »")
    expect(results).to_be_visible()
    expect(page).to_have_title("3 résultats pour « velo » · Recherche · Solimut RSE")
    expect(page.get_by_text("Vélo-école en brouillon")).to_have_count(0)
    expect(page.locator("mark").first).to_have_text("vélo", ignore_case=True)
    assert _axe_violations(page) == []

    # A filter: the results are replaced, the count announced, the focus on their heading.
    mutuelles = page.get_by_role("region", name="Mutuelle")
    mutuelles.get_by_role("link", name="Azur 2 résultats").click()
    expect(page.get_by_role("heading", name="2 résultats pour « velo »")).to_be_focused()
    expect(page.get_by_role("status")).to_have_text("2 résultats pour « velo »")
    expect(page).to_have_url(f"{live_server.url}/search/?q=velo&mutuelle=azur")
    remove = page.get_by_role("link", name="Mutuelle : Azur (retirer ce filtre)")
    expect(remove).to_be_visible()
    assert _axe_violations(page) == []

    # New words keep the filter; removing it brings the other mutuelles back.
    page.get_by_label("Mots recherchés").fill("defi velo")
    page.get_by_label("Mots recherchés").press("Enter")
    expect(page.get_by_role("heading", name="2 résultats pour « defi velo »")).to_be_visible()
    page.get_by_role("link", name="Mutuelle : Azur (retirer ce filtre)").click()
    expect(page.get_by_role("heading", name="3 résultats pour « defi velo »")).to_be_visible()

    page.get_by_role("link", name="Défi vélo inter-agences à Toulon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Défi vélo inter-agences à Toulon")
    context.close()


def test_the_search_fits_a_phone(browser, live_server, network):
    context = browser.new_context(
        bypass_csp=True, locale="fr-FR", viewport={"width": 375, "height": 800}
    )
    page: Page = context.new_page()
    sign_in(page, live_server.url, network["reader"].email)
    page.goto(f"{live_server.url}/")
    box = page.get_by_role(
        "searchbox", name="Rechercher dans tout l’intranet (raccourci : touche /)"
    )
    expect(box).to_be_visible()  # in the header, beside the menu's button, not inside the menu
    box.fill("vélo")
    box.press("Enter")
    expect(page.get_by_role("heading", name="3 résultats pour « vélo »")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # The filters are folded under their heading until asked for.
    azur = page.get_by_role("link", name="Azur 2 résultats")
    expect(azur).to_be_hidden()
    page.get_by_text("Affiner").click()
    azur.click()
    expect(page.get_by_role("heading", name="2 résultats pour « vélo »")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert _axe_violations(page) == []
    context.close()
