"""Later apps show their part of an earlier app's page through core.contributions."""

from django.urls import reverse

from actionplan.models import Action, Axis
from guides import services as guides
from initiatives.models import Initiative

from ..factories import PlanFactory, ThemeFactory


def _action():
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    return Action.objects.create(plan=plan, axis=axis, code="1.1", title="Dépistage")


def test_an_actions_page_shows_its_initiatives_then_its_guides(
    client, reader, ambassador, coordinator, mutuelle
):
    action = _action()
    client.force_login(reader)
    page = client.get(reverse("actionplan:action", args=[action.pk])).text
    assert "Aucune initiative publiée n" in page
    assert "Les guides pour la mener" not in page  # no guide: no section

    initiative = Initiative.objects.create(
        mutuelle=mutuelle, author=ambassador, title="Dépistage en agence", is_published=True
    )
    initiative.actions.set([action])
    guide = guides.guide_create(
        by=ambassador,
        title="Guide du dépistage",
        summary="Pas à pas.",
        theme=ThemeFactory(),
        body="<p>.</p>",
    )
    guides.draft_save(by=ambassador, guide=guide, revision=guide.revision, actions=[action])
    guides.publish(by=coordinator, guide=guide)
    page = client.get(reverse("actionplan:action", args=[action.pk])).text
    assert page.index("Dépistage en agence") < page.index("Guide du dépistage")
    assert f"?action={action.code}" in page  # the initiatives list, filtered on the action


def test_a_members_profile_links_to_their_newsletter_subscription(client, reader):
    client.force_login(reader)
    page = client.get(reverse("ambassadeurs:profile")).text
    assert reverse("newsletter:subscription") in page
