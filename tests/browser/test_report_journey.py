"""The AG report in a real browser, with a real worker: a coordinator picks the AG and a cut-off
date, watches the render's progress (htmx asks every 2 s) until the version is published
without reloading, and downloads its PDF; an ambassador reads it; axe-core on the pages."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from actionplan.models import Assembly
from ambassadeurs.models import Role
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import UserFactory
from tests.rapports.conftest import assembly, days_ago, plan  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where the journey leaves its screenshots, when asked (RSE_SCREENSHOTS=folder).
SHOTS = os.environ.get("RSE_SCREENSHOTS")


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.usefixtures("assembly")
def test_generate_watch_the_progress_and_download_the_report(
    browser, live_server, celery_worker, mutuelle, tmp_path
):
    ag = Assembly.objects.get()
    coordinator = UserFactory(
        email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
    )
    # bypass_csp: axe-core is injected into the pages at the end.
    context = browser.new_context(locale="fr-FR", accept_downloads=True, bypass_csp=True)
    page: Page = context.new_page()
    sign_in(page, live_server.url, coordinator.email)
    page.goto(f"{live_server.url}/rapports/")
    _shot(page, "rapports-list-empty")
    page.get_by_label("Assemblée générale").select_option(label=ag.name)
    page.get_by_label("Données arrêtées au").fill(days_ago(1).isoformat())
    page.get_by_role("button", name="Produire le rapport").click()

    status = page.locator(".report-status")
    expect(page.get_by_role("heading", level=1)).to_contain_text(ag.name)
    version_url = page.url
    # Queued or rendering, then published in place: the page is never reloaded.
    page.evaluate("window.__same_page = true")
    expect(status.get_by_role("link", name="Télécharger le PDF")).to_be_visible(timeout=180_000)
    assert page.evaluate("window.__same_page") is True
    expect(status).to_contain_text("Publié")
    _shot(page, "rapports-version")

    with page.expect_download() as download:
        status.get_by_role("link", name="Télécharger le PDF").click()
    path = tmp_path / "rapport.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")
    assert download.value.suggested_filename.endswith("-v1.pdf")
    celery_worker.wait_idle()

    page.goto(f"{live_server.url}/rapports/")
    expect(page.get_by_role("link", name="Version 1")).to_be_visible()
    _shot(page, "rapports-list")
    for url in [f"{live_server.url}/rapports/", version_url]:
        page.goto(url)
        assert _axe_violations(page) == [], url

    ambassador = UserFactory(role=Role.AMBASSADOR, mutuelle=mutuelle)
    reader = browser.new_context(bypass_csp=True, locale="fr-FR").new_page()
    sign_in(reader, live_server.url, ambassador.email)
    reader.goto(f"{live_server.url}/rapports/")
    expect(reader.get_by_role("button", name="Produire le rapport")).to_have_count(0)
    reader.get_by_role("link", name="Version 1").click()
    expect(reader.get_by_role("link", name="Télécharger le PDF")).to_be_visible()
    assert _axe_violations(reader) == []
