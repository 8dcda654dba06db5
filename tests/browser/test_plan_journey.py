"""The action plan in a real browser: a coordinator imports the AG's plan, an ambassador
updates a deployment in place, the coordinator sees the matrix cell change; axe-core."""

import pytest
from playwright.sync_api import expect

from actionplan.models import ActionPlan, Axis
from ambassadeurs.models import Role
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, PlanFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "axe;code;titre;pilote;échéance;portée;indicateur;cible;unité\n"
    "1;1.1;Dépistage du cancer colorectal;Direction santé;31/03/2027;mutuelle;;;\n"
    "1;1.2;Défi sportif inter-mutuelles;Groupe sport;31/05/2027;groupe;;;\n"
    "2;2.1;Bilan carbone;Services généraux;30/06/2027;mutuelle;Émissions par salarié;4;tCO2e\n"
)


@pytest.fixture
def network(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")
    plan = PlanFactory()
    Axis.objects.create(plan=plan, number=1, title="Santé")
    Axis.objects.create(plan=plan, number=2, title="Environnement")
    return {
        "coordinator": UserFactory(
            email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
        ),
        "ambassador": UserFactory(
            email="ambassadeur@armor.example",
            first_name="Gaëlle",
            role=Role.AMBASSADOR,
            mutuelle=armor,
        ),
    }


def test_import_update_in_place_and_see_the_matrix_change(browser, live_server, network, tmp_path):
    base = live_server.url
    spreadsheet = tmp_path / "plan-ag-2026.csv"
    spreadsheet.write_text(CSV, encoding="utf-8")

    coordinator = browser.new_context(locale="fr-FR").new_page()
    sign_in(coordinator, base, network["coordinator"].email)
    coordinator.goto(f"{base}/plan/importer/")
    coordinator.get_by_label("Fichier du plan").set_input_files(spreadsheet)
    coordinator.get_by_role("button", name="Vérifier et importer").click()
    expect(coordinator.get_by_text("3 actions importées dans le plan.")).to_be_visible()
    cell = coordinator.locator("a.cell", has_text="0").first
    expect(coordinator.get_by_role("table").first).to_contain_text("Dépistage du cancer")

    ambassador = browser.new_context(locale="fr-FR").new_page()
    sign_in(ambassador, base, network["ambassador"].email)
    ambassador.get_by_role("link", name="Ma mutuelle").first.click()
    row = ambassador.locator("li.card", has_text="Dépistage du cancer colorectal")
    row.get_by_label("État").select_option(label="En cours")
    row.get_by_label("Avancement").fill("40")
    row.locator("summary", has_text="Démarche locale").click()
    row.get_by_label("Démarche locale").fill("Courrier personnalisé et relance par SMS.")
    ambassador.get_by_role("button", name="Enregistrer").click()
    # Saved in place by htmx: the page did not reload, it says so.
    expect(ambassador.locator("#weekly-saved")).to_have_text("Enregistré : 1 action mise à jour.")

    coordinator.goto(f"{base}/plan/?mutuelle=armor")
    cell = coordinator.locator("tr", has_text="Dépistage du cancer colorectal").locator("a.cell")
    expect(cell).to_have_attribute("data-status", "in_progress")
    expect(cell).to_contain_text("40")
    cell.click()
    expect(
        coordinator.get_by_text("Courrier personnalisé et relance par SMS.").first
    ).to_be_visible()


def test_plan_and_my_mutuelle_have_no_serious_accessibility_violation(
    browser, live_server, network
):
    from actionplan import services
    from actionplan.models import Action

    plan = ActionPlan.objects.get()
    axis = plan.axes.first()
    actions = [
        Action.objects.create(plan=plan, axis=axis, code=f"1.{n}", title=f"Action {n}")
        for n in range(1, 4)
    ]
    services.deployments_ensure(actions=actions)
    network["reader"] = UserFactory(
        email="salarie@armor.example", role=Role.READER, mutuelle=network["ambassador"].mutuelle
    )
    for who, paths in [
        ("coordinator", ["/plan/", "/plan/gerer/", "/plan/importer/", "/mutuelles/armor/"]),
        ("ambassador", ["/plan/ma-mutuelle/", "/plan/"]),
        ("reader", ["/plan/", "/mutuelles/armor/"]),
    ]:
        context = browser.new_context(bypass_csp=True, locale="fr-FR")
        page = context.new_page()
        sign_in(page, live_server.url, network[who].email)
        for path in paths:
            page.goto(live_server.url + path)
            assert _axe_violations(page) == [], path
        context.close()


def test_no_page_scrolls_sideways_on_a_phone(browser, live_server, network):
    """Wide tables scroll inside their own box, the matrix turns into a card per mutuelle;
    the page itself fits a 375 px screen."""
    from actionplan import services
    from actionplan.models import Action

    plan = ActionPlan.objects.get()
    actions = [
        Action.objects.create(
            plan=plan,
            axis=plan.axes.first(),
            code=f"1.{n}",
            title=f"Action numéro {n} au titre assez long pour un écran",
        )
        for n in range(1, 6)
    ]
    services.deployments_ensure(actions=actions)
    page = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 800}).new_page()
    sign_in(page, live_server.url, network["coordinator"].email)
    for path in [
        "/",
        "/annuaire/",
        "/mutuelles/",
        "/mutuelles/armor/",
        "/plan/",
        "/plan/gerer/",
        "/plan/ma-mutuelle/?mutuelle=armor",
        f"/plan/actions/{actions[0].pk}/",
    ]:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width} px wide"

    page.goto(live_server.url + "/plan/")
    expect(page.locator("table.matrix")).to_be_hidden()
    card = page.get_by_role("region", name="Mutuelle Armor Santé")
    expect(card.get_by_role("link", name="1.1 · 0 %")).to_be_visible()
