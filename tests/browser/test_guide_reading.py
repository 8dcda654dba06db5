"""Reading a long guide: its table of contents stays at hand, a side column that follows the
reader on a wide screen, a button at the bottom of a phone's screen."""

import pytest
from playwright.sync_api import expect

from guides import services
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHAPTERS = ["Pourquoi agir", "Nos engagements", "La méthode", "Les fiches", "Mesurer"]


@pytest.fixture
def long_guide(ambassador, coordinator):
    paragraph = "<p>" + "Acheter mieux, moins et plus près de chez nous. " * 40 + "</p>"
    guide = services.guide_create(
        by=ambassador,
        title="Guide des achats responsables",
        summary="Acheter mieux.",
        theme=ThemeFactory(name="Environnement", slug="environnement"),
        body="".join(f"<h2>{title}</h2>{paragraph * 3}" for title in CHAPTERS),
    )
    services.publish(by=coordinator, guide=guide)
    return guide


def _open(browser, live_server, reader, guide, width):
    page = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800}).new_page()
    sign_in(page, live_server.url, reader.email)
    page.goto(f"{live_server.url}{guide.get_absolute_url()}")
    return page


def test_on_a_wide_screen_the_contents_follow_the_reader(browser, live_server, reader, long_guide):
    page = _open(browser, live_server, reader, long_guide, 1280)
    contents = page.get_by_role("navigation", name="Sommaire")
    expect(contents.get_by_role("link", name="Mesurer")).to_be_visible()
    page.get_by_role("heading", name="Mesurer").scroll_into_view_if_needed()
    # Far down the text, the contents are still in view, beside it.
    expect(contents.get_by_role("link", name="Pourquoi agir")).to_be_in_viewport()
    contents.get_by_role("link", name="Pourquoi agir").click()
    expect(page.get_by_role("heading", name="Pourquoi agir")).to_be_in_viewport()


def test_on_a_phone_the_contents_are_a_button(browser, live_server, reader, long_guide):
    page = _open(browser, live_server, reader, long_guide, 375)
    contents = page.get_by_role("navigation", name="Sommaire")
    expect(contents.get_by_role("link", name="Mesurer")).to_be_hidden()
    page.get_by_role("heading", name="La méthode").scroll_into_view_if_needed()
    button = contents.get_by_text("Sommaire")
    expect(button).to_be_in_viewport()
    button.click()
    contents.get_by_role("link", name="Mesurer").click()
    expect(page.get_by_role("heading", name="Mesurer")).to_be_in_viewport()
    # The jump closes the contents again: the text is not hidden behind them.
    expect(contents.get_by_role("link", name="Mesurer")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert _axe_violations(page) == []
