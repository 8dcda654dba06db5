"""The weekly update of a whole mutuelle in a real browser: counted in page loads, clicks and
saves; the unsaved-changes guard; status and progress rules; axe and a 375 px phone."""

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from actionplan import services
from actionplan.models import (
    Action,
    Axis,
    Deployment,
    DeploymentChange,
    Indicator,
    Measurement,
    Status,
)
from ambassadeurs.models import Role
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, PlanFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def armor(db):
    """Armor and its ambassador; a plan of 20 actions nobody has looked at yet."""
    mutuelle = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    actions = [
        Action.objects.create(plan=plan, axis=axis, code=f"1.{n}", title=f"Action numéro {n}")
        for n in range(1, 21)
    ]
    services.deployments_ensure(actions=actions)
    Indicator.objects.create(plan=plan, name="Index égalité", unit="points", target=85)
    ambassador = UserFactory(
        email="ambassadeur@armor.example", role=Role.AMBASSADOR, mutuelle=mutuelle
    )
    return {"mutuelle": mutuelle, "plan": plan, "ambassador": ambassador}


class Counted:
    """The page's loads (documents, not htmx's requests), clicks and saves (POSTs)."""

    def __init__(self, page: Page):
        self.page, self.loads, self.clicks, self.saves = page, 0, 0, 0
        page.on("load", lambda _page: self._load())
        page.on("request", self._request)

    def _load(self):
        self.loads += 1

    def _request(self, request):
        if request.method == "POST" and "/point/" in request.url:
            self.saves += 1
            self.sent = request.post_data

    def click(self, locator):
        self.clicks += 1
        locator.click()


def _open(page: Page, base: str, email: str) -> Counted:
    sign_in(page, base, email)
    counted = Counted(page)
    page.goto(f"{base}/plan/ma-mutuelle/")
    return counted


def test_a_week_with_nothing_new_is_one_page_load_and_21_clicks(page: Page, live_server, armor):
    counted = _open(page, live_server.url, armor["ambassador"].email)
    expect(page.get_by_role("heading", name="20 actions vous attendent")).to_be_visible()
    for toggle in page.locator("label.review-toggle").all():
        counted.click(toggle)
    expect(page.locator("#weekly-dirty")).to_have_text("20 changements pas encore enregistrés.")
    counted.click(page.get_by_role("button", name="Enregistrer"))

    expect(page.locator("#weekly-saved")).to_have_text("Enregistré : 20 « rien de neuf ».")
    expect(page.get_by_text("Rien ne vous attend : tout est à jour.")).to_be_visible()
    assert (counted.loads, counted.clicks, counted.saves) == (1, 21, 1)
    assert counted.clicks <= 25
    assert Deployment.objects.filter(reviewed_by=armor["ambassador"]).count() == 20
    assert DeploymentChange.objects.filter(is_review=True).count() == 20


def test_two_actions_and_a_measurement_are_one_page_load_and_one_save(
    page: Page, live_server, armor
):
    counted = _open(page, live_server.url, armor["ambassador"].email)
    first = page.locator("li.card", has_text="1.1 · Action numéro 1")
    first.get_by_label("État").select_option(label="En cours")
    first.get_by_label("Avancement").fill("30")
    second = page.locator("li.card", has_text="1.2 · Action numéro 2")
    second.get_by_label("État").select_option(label="Réalisée")
    expect(second.get_by_label("Avancement")).to_have_value("100")  # goes with "Réalisée"
    page.get_by_label("Nouvelle valeur (points)").fill("82,5")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.locator("#weekly-saved")).to_have_text(
        "Enregistré : 2 actions mises à jour, 1 mesure."
    )
    assert (counted.loads, counted.saves) == (1, 1)
    assert counted.sent.count("-status=") == 2  # the changed cards only
    rows = Deployment.objects.filter(
        mutuelle=armor["mutuelle"], action__code__in=["1.1", "1.2"]
    ).order_by("action__code")
    assert [(d.status, d.progress) for d in rows] == [
        (Status.IN_PROGRESS, 30),
        (Status.DONE, 100),
    ]
    assert str(Measurement.objects.get().value) == "82.50"


def test_unsaved_changes_are_marked_and_leaving_asks_first(page: Page, live_server, armor):
    _open(page, live_server.url, armor["ambassador"].email)
    card = page.locator("li.card", has_text="1.3 · Action numéro 3")
    card.get_by_label("Prochaine étape").fill("Réunion CSE")
    expect(card.get_by_text("Modification non enregistrée")).to_be_visible()
    expect(page.locator("#weekly-dirty")).to_have_text("1 changement pas encore enregistré.")

    asked = []

    def dismiss(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Annuaire"
    ).click()
    expect(card.get_by_label("Prochaine étape")).to_have_value("Réunion CSE")
    assert asked == ["beforeunload"]
    assert page.url.endswith("/plan/ma-mutuelle/")

    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("#weekly-saved")).to_have_text("Enregistré : 1 action mise à jour.")
    expect(page.locator("[data-unsaved-mark]:visible")).to_have_count(0)
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Annuaire"
    ).click()
    page.wait_for_url("**/annuaire/")
    assert asked == ["beforeunload"]  # saved: nothing to ask


def test_status_and_progress_rules_hold_in_the_browser(page: Page, live_server, armor):
    _open(page, live_server.url, armor["ambassador"].email)
    expect(page.get_by_text("« Pas commencée » : 0 %")).to_be_visible()
    card = page.locator("li.card", has_text="1.4 · Action numéro 4")
    card.get_by_label("État").select_option(label="Réalisée")
    expect(card.get_by_label("Avancement")).to_have_value("100")
    card.get_by_label("État").select_option(label="Pas commencée")
    expect(card.get_by_label("Avancement")).to_have_value("0")
    card.get_by_label("État").select_option(label="En cours")  # and still 0 %
    page.get_by_role("button", name="Enregistrer").click()

    alert = page.locator("#weekly-errors").get_by_role("alert")
    expect(alert).to_contain_text("Rien n'a été enregistré")
    expect(alert).to_contain_text("« En cours » va avec un avancement de 1 à 99 % (ici 0 %)")
    expect(card.locator(".card-errors")).to_contain_text("de 1 à 99 %")
    expect(card.get_by_text("Modification non enregistrée")).to_be_visible()  # still typed
    assert not DeploymentChange.objects.exists()

    card.get_by_label("Avancement").fill("10")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("#weekly-saved")).to_have_text("Enregistré : 1 action mise à jour.")
    expect(page.locator("#weekly-errors")).to_be_empty()


def test_the_folded_actions_open_in_place_and_save_with_the_rest(page: Page, live_server, armor):
    reviewed = Deployment.objects.filter(
        mutuelle=armor["mutuelle"], action__code__in=["1.18", "1.19", "1.20"]
    )
    reviewed.update(status=Status.IN_PROGRESS, progress=50, reviewed_at=timezone.now())
    counted = _open(page, live_server.url, armor["ambassador"].email)
    expect(page.get_by_role("heading", name="17 actions vous attendent")).to_be_visible()
    expect(page.locator("li.card", has_text="1.19 · Action numéro 19")).to_have_count(0)

    counted.click(page.get_by_text("Voir les 3 actions à jour"))
    card = page.locator("li.card", has_text="1.19 · Action numéro 19")
    card.get_by_label("Prochaine étape").fill("Bilan au comité")
    expect(page.locator("#weekly-dirty")).to_have_text("1 changement pas encore enregistré.")
    counted.click(page.get_by_role("button", name="Enregistrer"))

    expect(page.locator("#weekly-saved")).to_have_text("Enregistré : 1 action mise à jour.")
    assert (counted.loads, counted.clicks, counted.saves) == (1, 2, 1)
    assert reviewed.get(action__code="1.19").next_step == "Bilan au comité"
    assert _axe_violations(page) == []


def test_field_feedback_is_sent_in_place(page: Page, live_server, armor):
    counted = _open(page, live_server.url, armor["ambassador"].email)
    feedback = page.locator("#retours")
    feedback.get_by_text("Transmettre un retour du terrain").click()  # folded: fetched when opened
    feedback.get_by_label("Sujet").fill("Bon accueil en agence")
    feedback.get_by_label("Positif").check()
    feedback.get_by_label("Ce qui remonte du terrain").fill("Les collègues adhèrent.")
    feedback.get_by_role("button", name="Transmettre").click()
    expect(page.locator("#retours").get_by_role("status")).to_contain_text("Merci")
    assert counted.loads == 1


@pytest.mark.parametrize("width", [375, 1280])
def test_the_page_is_accessible_and_fits_a_thumb(page: Page, live_server, armor, width):
    page.set_viewport_size({"width": width, "height": 800})
    _open(page, live_server.url, armor["ambassador"].email)
    card = page.locator("li.card").first
    card.get_by_label("Prochaine étape").fill("Réunion")  # the unsaved state is shown too
    assert _axe_violations(page) == []
    if width == 375:
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        for target in [
            card.get_by_label("État"),
            card.get_by_label("Avancement"),
            card.get_by_label("Prochaine étape"),
            card.locator("label.review-toggle"),
            card.locator("summary"),
            page.locator("details.folded > summary").first
            if page.locator("details.folded").count()
            else card.locator("summary"),
            page.get_by_role("button", name="Enregistrer"),
            page.get_by_label("Nouvelle valeur (points)"),
        ]:
            box = target.bounding_box()
            assert box["height"] >= 44 and box["width"] >= 44, target
