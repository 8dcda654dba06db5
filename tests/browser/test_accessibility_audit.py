"""The audit the accessibility statement reports (`solimut_rse/accessibility.py`): every page it
lists, on the demo data, as the role it names, at 375 px and on a wide screen, in a real
browser: no serious or critical axe-core violation, no horizontal scroll on a phone, the
navigation on one line on a wide screen. The HTML
of every page is checked by the W3C Nu checker at the end of the module (conftest)."""

import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import Page, expect

from ambassadeurs.demo import PASSWORD
from ambassadeurs.models import User
from solimut_rse.accessibility import AUDITED_PAGES
from tests.browser.test_journey import _axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = "solimut-demo.example"
ACCOUNTS = {
    "reader": f"salarie@armor.{DEMO}",
    "ambassador": f"ambassadeur@armor.{DEMO}",
    "coordinator": f"coordination@{DEMO}",
}


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    # Coordinators sign in with a second factor: the demo's has none until a test gives one.
    TOTP.activate(User.objects.get(email=ACCOUNTS["coordinator"]), generate_totp_secret())


# The main navigation (when signed in) taller than twice one of its links: on two lines.
NAVIGATION_WRAPS = """() => {
    const nav = document.querySelector(".nav-inner");
    if (!nav) return false;
    const link = nav.querySelector("a").getBoundingClientRect();
    return nav.getBoundingClientRect().height >= 2 * link.height;
}"""


def _audit(page: Page, url: str) -> list[str]:
    problems = []
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        problems += [f"{width} px: {violation}" for violation in _axe_violations(page)]
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if width == 375 and scroll_width > width:
            problems.append(f"{width} px: scrolls sideways ({scroll_width} px wide)")
        if width == 1280 and page.evaluate(NAVIGATION_WRAPS):
            problems.append(f"{width} px: the navigation wraps onto a second line")
    return problems


def test_every_page_the_statement_lists_passes_the_automated_checks(browser, live_server, demo):
    problems = {}
    for role in ["anonymous", *ACCOUNTS]:
        # axe is injected as a script: the page's CSP rightly forbids that, so bypass it here.
        context = browser.new_context(bypass_csp=True, locale="fr-FR")
        page = context.new_page()
        if role != "anonymous":
            sign_in(page, live_server.url, ACCOUNTS[role], PASSWORD)
        for audited in (p for p in AUDITED_PAGES if p.role == role):
            url = live_server.url + reverse(audited.url_name, kwargs=audited.kwargs)
            if found := _audit(page, url):
                problems[f"{audited.label} ({role})"] = found
        context.close()
    assert problems == {}
    assert {p.role for p in AUDITED_PAGES} == {"anonymous", *ACCOUNTS}


def test_the_statement_and_the_site_map_are_one_click_away_from_every_footer(
    page: Page, live_server, demo
):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("contentinfo").get_by_role("link", name="Accessibilité : non conforme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Déclaration d'accessibilité")
    statement = page.get_by_role("main")
    for label in [p.label for p in AUDITED_PAGES]:
        expect(statement.get_by_role("listitem").filter(has_text=str(label)).first).to_be_visible()
    expect(statement).to_contain_text("Défenseur des droits")
    expect(statement).to_contain_text("rse@solimut.example")
    # Signed out, no site map: its pages are for members.
    footer = page.get_by_role("contentinfo")
    expect(footer.get_by_role("link", name="Plan du site")).to_have_count(0)

    sign_in(page, live_server.url, ACCOUNTS["ambassador"], PASSWORD)
    footer.get_by_role("link", name="Plan du site").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan du site")
    site_map = page.get_by_role("main")
    expect(site_map.get_by_role("link", name="Partager une initiative")).to_be_visible()
    expect(site_map.get_by_role("link", name="Mutuelle Arverne")).to_be_visible()
    # What the ambassador may not do is not offered.
    expect(site_map.get_by_role("link", name="Préparer une édition")).to_have_count(0)
    site_map.get_by_role("link", name="Ma mutuelle : la mise à jour du plan").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('actionplan:my_mutuelle')}")
