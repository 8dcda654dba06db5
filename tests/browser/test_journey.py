"""In a real browser (Debian's Chromium): sign in, home, directory; accessibility with axe-core."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ambassadeurs.models import Role, User
from tests.factories import PASSWORD, UserFactory, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text()


@pytest.fixture
def people(db):
    from tests.factories import MutuelleFactory, WorkingGroupFactory

    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    arverne = MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")
    ambassador = UserFactory(
        email="ambassadeur@armor.example",
        first_name="Gaëlle",
        last_name="Le Goff",
        role=Role.AMBASSADOR,
        mutuelle=armor,
    )
    colleague = UserFactory(
        first_name="Mathieu", last_name="Chassagne", role=Role.AMBASSADOR, mutuelle=arverne
    )
    group = WorkingGroupFactory(name="Sobriété numérique", lead=colleague)
    group.members.set([ambassador, colleague])
    return {"ambassador": ambassador, "colleague": colleague}


def sign_in(page: Page, base: str, email: str, password: str = PASSWORD):
    """Sign in as a member would, typing the authenticator's code when two-factor is on.
    Each step waits for the page it leads to: `wait_for_load_state()` after a click may
    return at once, the page still loaded being the one left, and the sign-in then raced the
    next navigation."""
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/2fa/authenticate/" in page.url:
        page.locator("input[name=code]").fill(totp_code(User.objects.get(email=email)))
        page.locator("main button[type=submit]").first.click()
        page.wait_for_url(lambda url: "/accounts/2fa/authenticate/" not in url)


def test_ambassador_signs_in_lands_home_and_uses_the_directory(page: Page, live_server, people):
    sign_in(page, live_server.url, people["ambassador"].email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Gaëlle")
    expect(page.get_by_text("Sobriété numérique")).to_be_visible()

    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Annuaire"
    ).click()
    expect(page).to_have_url(f"{live_server.url}/annuaire/")
    expect(page.get_by_text("Mathieu Chassagne")).to_be_visible()
    # Filtering goes through htmx: the results change and the URL keeps the filter.
    page.get_by_label("Mutuelle").select_option(label="Mutuelle Arverne")
    expect(page.get_by_text("Gaëlle Le Goff")).to_have_count(0)
    expect(page.get_by_text("Mathieu Chassagne")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/annuaire/?q=&mutuelle=arverne&role=&groupe=")


def test_phone_menu_opens_and_shows_the_navigation(page: Page, live_server, people):
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in(page, live_server.url, people["ambassador"].email)
    nav = page.get_by_role("navigation", name="Navigation principale")
    expect(nav).to_be_hidden()
    page.get_by_role("button", name="Menu").click()
    expect(nav.get_by_role("link", name="Annuaire")).to_be_visible()


def _axe_violations(page: Page):
    page.evaluate(AXE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def axe_page(browser, live_server):
    # axe is injected as a script: the page's CSP rightly forbids that, so bypass it here only.
    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    yield context.new_page()
    context.close()


def test_login_home_and_directory_have_no_serious_accessibility_violation(
    axe_page: Page, live_server, people
):
    axe_page.goto(f"{live_server.url}/accounts/login/")
    assert _axe_violations(axe_page) == []
    sign_in(axe_page, live_server.url, people["ambassador"].email)
    expect(axe_page.get_by_role("heading", level=1)).to_be_visible()
    for path in ["/", "/annuaire/", "/mutuelles/armor/"]:
        axe_page.goto(live_server.url + path)
        assert _axe_violations(axe_page) == [], path
