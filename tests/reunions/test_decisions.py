"""Decisions recorded in the minutes are first-class: a proposal to the plan that the
coordination accepts (the action created or changed, with its history and its story) or refuses
with a reason; a task the member sees on their home and marks done; a guide draft opened
through the guides' services. Every role on every new view."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Action, Axis
from guides.models import Guide, Status
from reunions import services, tasks
from reunions.models import ActionProposal, Decision, Meeting
from tests.factories import PlanFactory


@pytest.fixture
def plan(db):
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    Action.objects.create(
        plan=plan, axis=axis, code="1.1", title="Dépistage", due_on=datetime.date(2027, 3, 31)
    )
    return plan


@pytest.fixture
def action(plan):
    return plan.actions.get(code="1.1")


@pytest.fixture
def axis(plan):
    return plan.axes.get(number=1)


def _decide(client, meeting, **fields):
    return client.post(
        reverse("reunions:decision_add", args=[meeting.pk]),
        {f"decision-{name}": value for name, value in fields.items()},
    )


def _story(client, action) -> str:
    page = client.get(reverse("actionplan:action_story", args=[action.pk])).content.decode()
    start = page.index('<ol class="story">')
    return page[start : page.index("</ol>", start)]


# --- Proposals to the plan ---------------------------------------------------------------------


def test_a_new_action_proposed_by_a_group_is_created_when_the_coordination_accepts(
    client, ambassador, coordinator, past, axis
):
    client.force_login(ambassador)
    _decide(client, past, kind="action", text="Étendre le dépistage à toutes les agences")
    proposal = ActionProposal.objects.get()
    assert proposal.status == ActionProposal.Status.PENDING and not proposal.is_change
    page = client.get(past.get_absolute_url()).content.decode()
    assert "Proposition en attente" in page

    # The coordinator's home counts it; the list shows it.
    client.force_login(coordinator)
    home = client.get(reverse("home")).content.decode()
    assert "1 proposition d&#x27;un groupe de travail attend votre décision" in home
    listing = client.get(reverse("reunions:proposals")).content.decode()
    assert "Étendre le dépistage à toutes les agences" in listing
    assert "Achats responsables" in listing

    # A code already used: said next to the field, nothing created, still pending.
    url = reverse("reunions:proposal", args=[proposal.pk])
    form = {
        "decision": "accepter",
        "accepter-axis": axis.pk,
        "accepter-code": "1.1",
        "accepter-title": "Dépistage dans toutes les agences",
    }
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Le code 1.1 est déjà utilisé" in response.content.decode()
    assert Action.objects.count() == 1
    proposal.refresh_from_db()
    assert proposal.status == ActionProposal.Status.PENDING

    response = client.post(url, {**form, "accepter-code": "1.2"})
    created = Action.objects.get(code="1.2")
    assert response.url == created.get_absolute_url()
    assert created.title == "Dépistage dans toutes les agences" and created.axis == axis
    proposal.refresh_from_db()
    assert proposal.status == ActionProposal.Status.ACCEPTED
    assert proposal.reviewed_by == coordinator and proposal.action == created
    # Its history names the coordinator who accepted.
    assert created.history.get().history_user == coordinator
    # The story of the action starts with the group's decision, then the action inscribed.
    story = _story(client, created)
    decision_at = story.index("Décision du groupe de travail « Achats responsables »")
    assert decision_at < story.index("Action 1.2 inscrite au plan")
    # The home no longer counts it; the meeting's page links the action.
    assert "attend votre décision" not in client.get(reverse("home")).content.decode()
    page = client.get(past.get_absolute_url()).content.decode()
    assert "Proposition acceptée" in page and "action 1.2 : Dépistage dans toutes" in page

    # Accepted twice (another tab): refused, nothing more created.
    response = client.post(url, {**form, "accepter-code": "1.3"}, follow=True)
    assert "Cette proposition a déjà été examinée." in response.content.decode()
    assert not Action.objects.filter(code="1.3").exists()


def test_a_change_to_an_existing_action_is_applied_through_the_plan(
    client, ambassador, coordinator, past, action
):
    client.force_login(ambassador)
    # A change that changes nothing is refused, with what was typed kept.
    response = _decide(client, past, kind="action", text="Revoir le dépistage", action=action.pk)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dites ce qui change dans l&#x27;action 1.1" in body
    assert 'value="Revoir le dépistage"' in body
    assert not Decision.objects.exists()

    _decide(
        client,
        past,
        kind="action",
        text="Repousser le dépistage à l'été",
        action=action.pk,
        due_on="2027-07-31",
    )
    proposal = ActionProposal.objects.get()
    assert proposal.is_change and proposal.action == action

    client.force_login(coordinator)
    client.post(
        reverse("reunions:proposal", args=[proposal.pk]),
        {"decision": "accepter", "accepter-due_on": "2027-07-31"},
    )
    action.refresh_from_db()
    assert action.due_on == datetime.date(2027, 7, 31)
    assert action.title == "Dépistage"  # left as it was
    change = action.history.order_by("-history_date").first()
    assert change.history_user == coordinator
    assert any(field == "due_on" for field, *_ in change.history_changes)
    assert "Repousser le dépistage à l&#x27;été" in _story(client, action)


def test_a_refusal_needs_a_reason_which_the_group_sees(client, ambassador, coordinator, past, axis):
    decision = services.decision_add(
        by=ambassador, meeting=past, kind="action", text="Une action de plus", axis=axis
    )
    client.force_login(coordinator)
    url = reverse("reunions:proposal", args=[decision.proposal.pk])
    response = client.post(url, {"decision": "refuser", "refuser-reason": ""})
    assert "Ce champ est obligatoire." in response.content.decode()
    client.post(url, {"decision": "refuser", "refuser-reason": "Déjà couvert par l'action 1.1."})
    decision.proposal.refresh_from_db()
    assert decision.proposal.status == ActionProposal.Status.REFUSED
    assert Action.objects.count() == 1
    # The refusal is on record: who, the reason before -> after.
    journal = client.get(reverse("ambassadeurs:journal"), {"kind": "proposition"})
    page = journal.content.decode()
    assert "Une action de plus" in page and "Déjà couvert par l&#x27;action 1.1." in page

    client.force_login(ambassador)
    page = client.get(past.get_absolute_url()).content.decode()
    assert "Proposition refusée" in page and "Déjà couvert par l&#x27;action 1.1." in page


def test_the_group_is_told_the_answer_once(
    ambassador, reader, coordinator, outsider, past, axis, django_capture_on_commit_callbacks
):
    accepted = services.decision_add(
        by=ambassador, meeting=past, kind="action", text="Étendre le dépistage", axis=axis
    ).proposal
    refused = services.decision_add(
        by=ambassador, meeting=past, kind="action", text="Une action de plus", axis=axis
    ).proposal
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_accept(
            by=coordinator, proposal=accepted, axis=axis, code="1.2", title="Dépistage partout"
        )
    # The group, its lead and its members: not the coordinator, nor anyone outside it.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [ambassador.email, reader.email]
    )
    message = mail.outbox[0]
    assert message.subject == "Proposition acceptée : Étendre le dépistage"
    assert "Elle est inscrite au plan comme action 1.2." in message.body
    assert Action.objects.get(code="1.2").get_absolute_url() in message.body
    # Delivered twice (a broker redelivery, the outbox flushed again): told once.
    assert services.proposal_notify(accepted.pk) == 0
    assert tasks.notify_proposal(accepted.pk) == 0
    assert len(mail.outbox) == 2

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_refuse(
            by=coordinator, proposal=refused, reason="Déjà couvert par l'action 1.1."
        )
    message = mail.outbox[0]
    assert message.subject == "Proposition refusée : Une action de plus"
    assert "Sa raison : Déjà couvert par l'action 1.1." in message.body
    assert past.get_absolute_url() in message.body
    assert len(mail.outbox) == 2


def test_a_pending_proposal_tells_nobody(ambassador, past, axis):
    decision = services.decision_add(
        by=ambassador, meeting=past, kind="action", text="En attente", axis=axis
    )
    mail.outbox.clear()
    assert services.proposal_notify(decision.proposal.pk) == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("role", "expected"),
    [("reader", 403), ("ambassador", 403), ("coordinator", 200), ("admin", 200)],
)
def test_only_the_coordination_reviews_proposals(client, members, past, axis, role, expected):
    decision = services.decision_add(
        by=members["ambassador"], meeting=past, kind="action", text="Nouvelle", axis=axis
    )
    client.force_login(members[role])
    assert client.get(reverse("reunions:proposals")).status_code == expected
    url = reverse("reunions:proposal", args=[decision.proposal.pk])
    assert client.get(url).status_code == expected
    form = {"decision": "accepter", "accepter-axis": axis.pk, "accepter-code": "1.5"}
    response = client.post(url, {**form, "accepter-title": "Nouvelle"})
    assert Action.objects.filter(code="1.5").exists() is (expected == 200)
    if expected != 200:
        assert response.status_code == expected


def test_visitors_are_sent_to_sign_in(client, past, ambassador, axis):
    decision = services.decision_add(
        by=ambassador, meeting=past, kind="action", text="Nouvelle", axis=axis
    )
    for url in (
        reverse("reunions:proposals"),
        reverse("reunions:proposal", args=[decision.proposal.pk]),
    ):
        assert "/accounts/login/" in client.get(url).url


# --- Tasks -------------------------------------------------------------------------------------


def test_a_task_shows_on_the_members_home_overdue_then_done(client, ambassador, reader, past):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    task = services.decision_add(
        by=ambassador,
        meeting=past,
        kind="task",
        text="Recenser les clauses",
        assignee=reader,
        due_on=yesterday,
    )
    client.force_login(reader)
    home = client.get(reverse("home")).content.decode()
    assert "1 tâche décidée en réunion vous attend (1 en retard)" in home
    assert "Recenser les clauses" in home and "en retard : prévue pour le" in home
    page = client.get(past.get_absolute_url()).content.decode()
    assert "en retard" in page

    url = reverse("reunions:task_done", args=[task.pk])
    response = client.post(url, follow=True)
    assert "Tâche marquée faite." in response.content.decode()
    task.refresh_from_db()
    assert task.done_by == reader and task.done_at is not None
    assert "tâche décidée" not in client.get(reverse("home")).content.decode()
    # Twice: said, nothing changes.
    done_at = task.done_at
    response = client.post(url, follow=True)
    assert "Cette tâche est déjà marquée faite." in response.content.decode()
    task.refresh_from_db()
    assert task.done_at == done_at


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("reader", 302),  # the assignee
        ("ambassador", 302),  # the group's lead
        ("other_ambassador", 404),  # not in the group: the meeting is hidden
        ("coordinator", 302),
        ("admin", 302),
    ],
)
def test_who_marks_a_task_done(client, members, past, role, expected):
    task = services.decision_add(
        by=members["ambassador"],
        meeting=past,
        kind="task",
        text="Recenser",
        assignee=members["reader"],
        due_on=timezone.localdate(),
    )
    client.force_login(members[role])
    response = client.post(reverse("reunions:task_done", args=[task.pk]))
    assert response.status_code == expected
    task.refresh_from_db()
    assert (task.done_at is not None) is (expected == 302)


def test_a_group_member_who_is_not_the_assignee_cannot_mark_it_done(
    client, ambassador, reader, group, past
):
    task = services.decision_add(
        by=ambassador,
        meeting=past,
        kind="task",
        text="Recenser",
        assignee=ambassador,
        due_on=timezone.localdate(),
    )
    client.force_login(reader)
    assert client.post(reverse("reunions:task_done", args=[task.pk])).status_code == 403
    task.refresh_from_db()
    assert task.done_at is None


# --- Guide drafts ------------------------------------------------------------------------------


def test_a_guide_draft_is_opened_with_the_decision_as_origin(
    client, ambassador, coordinator, past, action
):
    client.force_login(ambassador)
    _decide(
        client,
        past,
        kind="guide",
        text="Ouvrir le guide des achats responsables",
        title="Guide des achats responsables",
        action=action.pk,
    )
    decision = Decision.objects.get()
    guide = decision.guide
    assert guide.title == "Guide des achats responsables" and guide.status == Status.DRAFT
    assert set(guide.authors.all()) == {ambassador}  # the group's lead
    assert list(guide.actions.all()) == [action]
    assert "Lancement du guide" in guide.summary  # the meeting it comes from
    assert guide.theme == past.group.theme
    page = client.get(past.get_absolute_url()).content.decode()
    assert guide.get_absolute_url() in page
    client.force_login(coordinator)
    assert "(brouillon de guide) : Ouvrir le guide des achats" in _story(client, action)


def test_a_guide_draft_goes_to_someone_who_may_write_guides(client, ambassador, reader, past):
    client.force_login(ambassador)
    response = _decide(client, past, kind="guide", text="Un guide de plus", assignee=reader.pk)
    assert response.status_code == 400
    assert "Un brouillon de guide est rédigé par un ambassadeur" in response.content.decode()
    assert not Decision.objects.exists() and not Guide.objects.exists()


def test_no_decision_once_the_minutes_are_approved(client, ambassador, past):
    Meeting.objects.filter(pk=past.pk).update(minutes_state=Meeting.Minutes.APPROVED)
    client.force_login(ambassador)
    response = client.post(
        reverse("reunions:decision_add", args=[past.pk]),
        {"decision-kind": "action", "decision-text": "Trop tard"},
        follow=True,
    )
    assert "Le compte rendu est approuvé : il ne change plus." in response.content.decode()
    assert not Decision.objects.exists()
