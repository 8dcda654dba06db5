"""A working group's meeting in a real browser: its lead plans it, a member answers and adds a
point to the agenda, the lead writes the minutes in the rich-text editor, notes a decision
proposing an action to the plan and proposes the minutes, the member remarks, the lead approves
them; the coordinator turns the decision into an action, whose story then tells it; the lead
downloads the relay kit of the last edition to present it to colleagues; axe-core on the
agenda, the meeting page and the proposals."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actionplan.models import Action, Axis
from ambassadeurs.models import Role
from reunions.models import ActionProposal, Meeting
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import (
    EditionFactory,
    MutuelleFactory,
    PlanFactory,
    UserFactory,
    WorkingGroupFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    lead = UserFactory(
        email="ambassadeur@armor.example",
        first_name="Gaëlle",
        last_name="Le Goff",
        role=Role.AMBASSADOR,
        mutuelle=armor,
    )
    member = UserFactory(
        email="salarie@armor.example",
        first_name="Lucas",
        last_name="Bernard",
        role=Role.READER,
        mutuelle=armor,
    )
    group = WorkingGroupFactory(name="Achats responsables", slug="achats", lead=lead)
    group.members.set([lead, member])
    coordinator = UserFactory(
        email="coordination@groupe.example",
        first_name="Claire",
        last_name="Martin",
        role=Role.COORDINATOR,
        mutuelle=None,
        totp=True,
    )
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=2, title="Environnement")
    Action.objects.create(plan=plan, axis=axis, code="2.1", title="Bilan carbone")
    edition = EditionFactory(number=4, title="Lettre ESS/RSE n° 4")
    return {
        "lead": lead,
        "member": member,
        "group": group,
        "coordinator": coordinator,
        "edition": edition,
    }


def _page(browser, base, email):
    context = browser.new_context(bypass_csp=True, locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    sign_in(page, base, email)
    return context, page


def test_plan_answer_write_and_approve_the_minutes(browser, live_server, people):
    base = live_server.url
    day = timezone.localdate() + datetime.timedelta(days=6)

    # The lead plans the meeting from the group's page; the whole group is invited.
    context, lead = _page(browser, base, people["lead"].email)
    lead.goto(f"{base}{people['group'].get_absolute_url()}")
    lead.get_by_role("link", name="Planifier une réunion").click()
    lead.get_by_label("Titre").fill("Relecture des clauses")
    lead.get_by_label("Début").fill(f"{day:%Y-%m-%d}T14:00")
    lead.get_by_label("Fin").fill(f"{day:%Y-%m-%d}T13:00")
    lead.get_by_label("Lieu").fill("Salle Garonne")
    lead.get_by_role("button", name="Planifier et inviter").click()
    expect(lead.get_by_text("La réunion doit finir après son début.")).to_be_visible()
    lead.get_by_label("Fin").fill(f"{day:%Y-%m-%d}T16:00")
    lead.get_by_role("button", name="Planifier et inviter").click()
    expect(lead.get_by_role("heading", level=1)).to_have_text("Relecture des clauses")
    expect(lead.get_by_text("14:00")).to_be_visible()
    meeting = Meeting.objects.get()
    context.close()

    # The member finds it in their agenda, answers, adds a point.
    context, member = _page(browser, base, people["member"].email)
    member.goto(f"{base}/agenda/")
    assert _axe_violations(member) == []
    member.get_by_role("link", name="Relecture des clauses").click()
    member.get_by_label("peut-être").check()
    member.get_by_role("button", name="Répondre").click()
    expect(member.get_by_text("Réponse enregistrée.")).to_be_visible()
    member.get_by_label("Point à ajouter à l'ordre du jour").fill("Les clauses transport")
    member.get_by_role("button", name="Proposer ce point").click()
    expect(member.locator(".agenda-items")).to_contain_text("Les clauses transport")
    assert _axe_violations(member) == []
    context.close()

    # The meeting took place: the lead writes the minutes and proposes them for 3 days.
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    context, lead = _page(browser, base, people["lead"].email)
    lead.goto(f"{base}{meeting.get_absolute_url()}")
    lead.get_by_role("link", name="Rédiger le compte rendu").click()
    editor = lead.locator(".ql-editor")
    editor.click()
    editor.type("Les clauses transport sont à simplifier.")
    lead.get_by_role("button", name="Enregistrer", exact=True).click()
    # A decision: propose an action to the plan (a code already taken is refused later).
    lead.get_by_text("Noter une décision").click()
    lead.get_by_label("Nature").select_option("action")
    lead.locator("#id_decision-text").fill("Viser 20 % d'achats auprès de l'ESS")
    lead.get_by_label("Axe proposé pour une nouvelle action").select_option(
        label="2. Environnement"
    )
    lead.get_by_role("button", name="Ajouter la décision").click()
    expect(lead.get_by_text("Décision ajoutée.")).to_be_visible()
    expect(lead.locator(".decisions")).to_contain_text("Proposition en attente")
    assert _axe_violations(lead) == []
    lead.get_by_role("link", name="Reprendre le compte rendu").click()
    lead.get_by_label("Jours laissés aux participants").fill("3")
    lead.get_by_role("button", name="Proposer aux participants").click()
    expect(lead.get_by_text("Soumis aux remarques des participants")).to_be_visible()
    context.close()

    context, member = _page(browser, base, people["member"].email)
    member.goto(f"{base}/")
    member.get_by_role("link", name="Relecture des clauses").click()
    member.get_by_label("Votre remarque sur le compte rendu").fill("Citer la clause type n° 4.")
    member.get_by_role("button", name="Envoyer ma remarque").click()
    expect(member.locator(".remarks")).to_contain_text("Citer la clause type n° 4.")
    context.close()

    # The remarks period is over: the lead approves; the minutes are frozen.
    Meeting.objects.filter(pk=meeting.pk).update(
        remarks_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    context, lead = _page(browser, base, people["lead"].email)
    lead.goto(f"{base}{meeting.get_absolute_url()}")
    lead.get_by_role("button", name="Approuver le compte rendu").click()
    expect(lead.get_by_text("Compte rendu approuvé : il ne change plus.")).to_be_visible()
    expect(lead.get_by_role("link", name="Rédiger le compte rendu")).to_have_count(0)
    expect(lead.get_by_role("link", name="Reprendre le compte rendu")).to_have_count(0)
    context.close()
    meeting.refresh_from_db()
    assert meeting.minutes_state == Meeting.Minutes.APPROVED
    assert "Les clauses transport sont à simplifier." in meeting.minutes

    # The coordinator finds the proposal on their home and turns it into action 2.2.
    context, coordinator = _page(browser, base, people["coordinator"].email)
    coordinator.goto(f"{base}/")
    expect(coordinator.get_by_text("1 proposition d'un groupe de travail attend")).to_be_visible()
    coordinator.get_by_role("link", name="Examiner les propositions").click()
    assert _axe_violations(coordinator) == []
    coordinator.get_by_role("link", name="Examiner").first.click()
    coordinator.get_by_label("Code").fill("2.1")
    coordinator.get_by_role("button", name="Accepter et créer l'action").click()
    expect(coordinator.get_by_text("Le code 2.1 est déjà utilisé")).to_be_visible()
    assert _axe_violations(coordinator) == []
    coordinator.get_by_label("Code").fill("2.2")
    coordinator.get_by_role("button", name="Accepter et créer l'action").click()
    accepted = coordinator.get_by_text("Proposition acceptée : l'action 2.2 est au plan.")
    expect(accepted).to_be_visible()
    expect(coordinator.get_by_role("heading", level=1)).to_contain_text("Viser 20 %")
    action = Action.objects.get(code="2.2")
    coordinator.goto(f"{base}/plan/actions/{action.pk}/histoire/")
    story = coordinator.locator(".story")
    expect(story).to_contain_text("Décision du groupe de travail « Achats responsables »")
    expect(story).to_contain_text("Action 2.2 inscrite au plan")
    context.close()
    assert ActionProposal.objects.get().status == ActionProposal.Status.ACCEPTED

    # Back in Armor, the lead takes the last edition's relay kit to show colleagues.
    context, lead = _page(browser, base, people["lead"].email)
    lead.goto(f"{base}{people['edition'].get_absolute_url()}")
    lead.get_by_role("link", name="Ouvrir le kit de relais").click()
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Kit de relais")
    with lead.expect_download() as slides:
        lead.get_by_role("link", name="Diaporama (PDF, 16:9)").click()
    assert slides.value.suggested_filename == "kit-relais-edition-4-armor-diaporama.pdf"
    assert Path(slides.value.path()).read_bytes().startswith(b"%PDF-")
    context.close()
