"""The field-feedback loop in a real browser: an ambassador's feedback, the coordination
answers it in place (htmx), the ambassador reads the answer; axe-core on both lists."""

import pytest
from playwright.sync_api import expect

from actionplan import services
from ambassadeurs.models import Role
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, PlanFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    PlanFactory()
    ambassador = UserFactory(
        email="ambassadeur@armor.example", first_name="Gaëlle", role=Role.AMBASSADOR, mutuelle=armor
    )
    services.feedback_create(
        by=ambassador,
        mutuelle=armor,
        subject="Les affiches manquent en agence",
        sentiment="negative",
        text="Personne ne connaît le défi sportif.",
    )
    coordinator = UserFactory(
        email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
    )
    return {"coordinator": coordinator, "ambassador": ambassador}


def test_the_coordination_answers_and_the_ambassador_reads_it(browser, live_server, people):
    base = live_server.url
    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    coordinator = context.new_page()
    sign_in(coordinator, base, people["coordinator"].email)
    coordinator.goto(f"{base}/plan/")
    coordinator.get_by_role("link", name="Retours du terrain").first.click()
    assert _axe_violations(coordinator) == []
    item = coordinator.locator("li.feedback-item", has_text="Les affiches manquent en agence")
    expect(item).to_contain_text("À traiter")
    item.get_by_label("Réponse de la coordination").fill("")
    item.get_by_role("button", name="Envoyer la réponse").click()
    # The browser refuses an empty answer before sending it: nothing changed.
    expect(item).to_contain_text("À traiter")
    item.get_by_label("Réponse de la coordination").fill("Cent affiches partent lundi.")
    item.get_by_role("button", name="Envoyer la réponse").click()
    expect(item.get_by_role("status")).to_have_text("Enregistré")
    expect(item).to_contain_text("Répondu")
    assert coordinator.url.endswith("/plan/retours/")  # answered in place, no page load
    context.close()

    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    ambassador = context.new_page()
    sign_in(ambassador, base, people["ambassador"].email)
    ambassador.goto(f"{base}/plan/")
    ambassador.get_by_role("link", name="Retours du terrain").first.click()
    item = ambassador.locator("li.feedback-item", has_text="Les affiches manquent en agence")
    expect(item).to_contain_text("Cent affiches partent lundi.")
    expect(item.get_by_role("button")).to_have_count(0)
    assert _axe_violations(ambassador) == []
    context.close()
