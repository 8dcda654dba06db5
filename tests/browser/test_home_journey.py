"""Each role's home page in a real browser: its to-do list is there, axe-core finds no serious
violation, and a 375 px phone scrolls it only down."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from actionplan import services as plan_services
from actionplan.models import Status
from ambassadeurs.models import Role
from guides.models import Status as GuideStatus
from newsletter.models import Edition
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import (
    ActionFactory,
    AxisFactory,
    CommentFactory,
    EditionFactory,
    FieldFeedbackFactory,
    GuideFactory,
    InitiativeFactory,
    MutuelleFactory,
    PlanFactory,
    ReplicationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_TITLE = "Déployer une campagne de dépistage du cancer colorectal auprès des adhérents"


@pytest.fixture
def network(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    arverne = MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")
    people = {
        "reader": UserFactory(first_name="Inès", role=Role.READER, mutuelle=armor),
        "ambassador": UserFactory(first_name="Gaëlle", role=Role.AMBASSADOR, mutuelle=armor),
        "coordinator": UserFactory(
            first_name="Claire", role=Role.COORDINATOR, mutuelle=None, totp=True
        ),
    }
    axis = AxisFactory(plan=PlanFactory())
    late = ActionFactory(
        axis=axis, title=LONG_TITLE, due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    ActionFactory(axis=axis, title="Former des sentinelles en santé mentale")
    plan_services.deployments_ensure()
    plan_services.deployment_update(
        deployment=late.deployments.get(mutuelle=armor),
        by=people["ambassador"],
        status=Status.BLOCKED,
        progress=20,
        next_step="Attendre l'accord de la direction générale",
    )
    ours = InitiativeFactory(mutuelle=armor, title="Défi vélo inter-agences à Rennes")
    InitiativeFactory(
        mutuelle=armor, author=people["ambassador"], title="Potager", is_published=False
    )
    CommentFactory(initiative=ours, author=people["reader"])
    ReplicationFactory(initiative=ours, mutuelle=arverne)
    GuideFactory(title="Achats responsables", authors=[people["ambassador"]])
    GuideFactory(
        title="Éco-gestes au bureau",
        authors=[people["ambassador"]],
        status=GuideStatus.IN_REVIEW,
    )
    GuideFactory(title="Égalité femmes-hommes", published=True)
    FieldFeedbackFactory(mutuelle=arverne)
    EditionFactory(number=1)
    EditionFactory(number=2, status=Edition.Status.DRAFT)
    return people


@pytest.mark.parametrize(
    ("role", "heading", "item"),
    [
        ("reader", "Quoi de neuf ?", "1 nouvelle initiative publiée"),
        ("ambassador", "Ce qui vous attend", "2 actions du plan à mettre à jour pour Armor"),
        ("coordinator", "Ce qui vous attend", "1 guide attend votre relecture"),
    ],
)
def test_each_role_reads_its_to_do_list_on_a_phone_and_with_a_screen_reader(
    browser, live_server, network, role, heading, item
):
    # axe is injected as a script: the page's CSP rightly forbids that, so bypass it here only.
    context = browser.new_context(
        bypass_csp=True, locale="fr-FR", viewport={"width": 375, "height": 800}
    )
    page: Page = context.new_page()
    sign_in(page, live_server.url, network[role].email)
    page.goto(f"{live_server.url}/")
    to_do = page.get_by_role("region", name=heading)
    expect(to_do).to_contain_text(item)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert _axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    assert _axe_violations(page) == []
    context.close()


def test_the_network_s_news_unfold_below_the_to_do_list(browser, live_server, network):
    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    page: Page = context.new_page()
    sign_in(page, live_server.url, network["reader"].email)
    page.goto(f"{live_server.url}/")
    showcase = page.get_by_role("region", name="Les nouveautés du réseau")
    card = showcase.get_by_role("link", name="Défi vélo inter-agences à Rennes")
    expect(card).to_be_hidden()
    showcase.get_by_text("Voir les dernières initiatives, les derniers guides").click()
    expect(card).to_be_visible()
    assert _axe_violations(page) == []
    context.close()
