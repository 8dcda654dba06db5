"""The story of an action and of a resolution: one chronological list, from the vote to the
latest measure, with what the initiatives did for it."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan import services
from actionplan.models import Action, Assembly, Resolution
from tests.factories import InitiativeFactory

JUNE_18 = datetime.date(2026, 6, 18)


@pytest.fixture
def storied(coordinator, ambassador, mutuelle, plan):
    """Resolution 3 voted on 18 June 2026; action 1.1 inscribed the same day; Armor starts it,
    measures its indicator, publishes an initiative for it, then finishes it."""
    assembly = Assembly.objects.create(
        name="AG du 18 juin 2026", held_on=datetime.date(2026, 6, 18)
    )
    resolution = Resolution.objects.create(
        assembly=assembly,
        number="3",
        title="Prévention santé",
        voted_on=assembly.held_on,
        votes_for=130,
        votes_against=2,
        abstentions=4,
    )
    action = plan.actions.get(code="1.1")
    Action.objects.filter(pk=action.pk).update(
        created_at=timezone.make_aware(datetime.datetime.combine(JUNE_18, datetime.time(15)))
    )
    action.refresh_from_db()
    action.resolutions.add(resolution)
    deployment = action.deployments.get(mutuelle=mutuelle)
    services.deployment_update(
        deployment=deployment, by=ambassador, status="in_progress", progress=40
    )
    services.measurement_record(
        by=ambassador,
        indicator=plan.indicators.get(),
        mutuelle=mutuelle,
        period=datetime.date(2026, 7, 1),
        value=Decimal(82),
    )
    initiative = InitiativeFactory(mutuelle=mutuelle, title="Village santé")
    initiative.actions.add(action)
    services.deployment_update(deployment=deployment, by=ambassador, status="done", progress=100)
    return resolution, action


def _lines(page):
    start = page.index('<ol class="story">')
    return page[start : page.index("</ol>", start)]


def test_an_action_s_story_runs_from_the_vote_to_today(client, reader, storied):
    _resolution, action = storied
    client.force_login(reader)
    response = client.get(reverse("actionplan:action_story", args=[action.pk]))
    assert response.status_code == 200
    story = _lines(response.text)
    told = [
        "Résolution 3 · Prévention santé votée (AG du 18 juin 2026) : 130 pour",
        "Action 1.1 inscrite au plan : Dépistage",
        "Armor s&#x27;y met (40 %)",
        "Armor mesure « Index égalité » pour T3 2026 : 82 points",
        "Initiative de Armor publiée : Village santé",
        "Armor l&#x27;a réalisée (100 %)",
    ]
    positions = [story.index(text) for text in told]
    assert positions == sorted(positions)
    assert "18 juin 2026" in story


def test_a_resolution_s_story_names_the_action_of_each_event(client, reader, storied):
    resolution, _action = storied
    client.force_login(reader)
    story = _lines(client.get(reverse("actionplan:resolution_story", args=[resolution.pk])).text)
    assert story.index("votée (AG du 18 juin 2026)") < story.index("<strong>1.1</strong> · ")
    assert '<strong>1.1</strong> · <a href="/plan/deploiements/' in story


def test_a_draft_initiative_is_not_part_of_the_story(client, reader, storied, mutuelle):
    _resolution, action = storied
    draft = InitiativeFactory(mutuelle=mutuelle, title="Brouillon caché", is_published=False)
    draft.actions.add(action)
    client.force_login(reader)
    page = client.get(reverse("actionplan:action_story", args=[action.pk])).text
    assert "Brouillon caché" not in page
