"""A background import of the plan in a real browser: its page follows the job's progress by
itself (htmx polling a fragment every 2 s) and shows the result once it ends."""

import pytest
from playwright.sync_api import expect

from actionplan.models import Axis, PlanImport
from ambassadeurs.models import Role
from tests.browser.test_journey import sign_in
from tests.factories import PlanFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_import_page_follows_the_progress_then_shows_the_result(browser, live_server):
    plan = PlanFactory()
    Axis.objects.create(plan=plan, number=1, title="Santé")
    coordinator = UserFactory(
        email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
    )
    # The worker's side is played here: the job's row moves as the task would move it.
    job = PlanImport.objects.create(
        plan=plan,
        file_name="plan-federation.xlsx",
        created_by=coordinator,
        state="running",
        step="saving",
        done=200,
        total=1800,
    )
    page = browser.new_context(locale="fr-FR").new_page()
    sign_in(page, live_server.url, coordinator.email)
    page.goto(f"{live_server.url}{job.get_absolute_url()}")
    panel = page.locator("#progression")
    expect(panel).to_contain_text("Import en cours")
    expect(panel).to_contain_text("200 lignes sur 1800")

    PlanImport.objects.filter(pk=job.pk).update(done=1200)
    expect(panel).to_contain_text("1200 lignes sur 1800")  # without reloading the page
    expect(page.locator("progress")).to_have_attribute("value", "70")

    PlanImport.objects.filter(pk=job.pk).update(
        state="done", step="finished", done=1800, counts={"actions": 1800, "nouvelles": 12}
    )
    expect(panel).to_contain_text("Import terminé")
    expect(panel).to_contain_text("1800 actions importées dans le plan, dont 12 nouvelle(s).")
    expect(panel).not_to_have_attribute("data-hx-trigger", "every 2s")  # polling has stopped
