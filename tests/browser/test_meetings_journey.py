"""A working group's meeting in a real browser: its lead plans it, a member answers and adds a
point to the agenda, the lead writes the minutes in the rich-text editor and proposes them, the
member remarks, the lead approves them; axe-core on the agenda and the meeting page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ambassadeurs.models import Role
from reunions.models import Meeting
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, UserFactory, WorkingGroupFactory

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
    return {"lead": lead, "member": member, "group": group}


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
