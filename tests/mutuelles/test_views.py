"""Every member sees each mutuelle and its ambassadors: "un représentant de chaque mutuelle"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan import services as plan_services
from actionplan.models import Action, Axis, Deployment, Status
from ambassadeurs.models import Role
from guides import services as guide_services
from initiatives.models import Initiative
from tests.factories import MutuelleFactory, PlanFactory, ThemeFactory, UserFactory

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_every_member_sees_a_mutuelle_and_its_ambassadors(client, members, mutuelle, role):
    client.force_login(members[role])
    response = client.get(reverse("mutuelles:detail", args=[mutuelle.slug]))
    assert response.status_code == 200
    assert mutuelle.name in response.text
    assert str(members["ambassador"]) in response.text
    assert members["ambassador"].email in response.text
    assert str(members["other_ambassador"]) not in response.text  # of another mutuelle


@pytest.mark.parametrize("role", ROLES)
def test_every_member_sees_the_list_of_mutuelles(client, members, mutuelle, other_mutuelle, role):
    client.force_login(members[role])
    page = client.get(reverse("mutuelles:list")).text
    assert mutuelle.name in page and other_mutuelle.name in page


def test_a_mutuelle_without_ambassador_says_so(client, reader):
    lonely = MutuelleFactory(name="Mutuelle Sans Relais")
    client.force_login(reader)
    page = client.get(reverse("mutuelles:detail", args=[lonely.slug])).text
    assert "pas encore d" in page  # "n'a pas encore d'ambassadeur"


def test_deactivated_ambassadors_and_inactive_mutuelles_are_not_shown(
    client, reader, ambassador, other_mutuelle
):
    ambassador.is_active = False
    ambassador.save()
    other_mutuelle.is_active = False
    other_mutuelle.save()
    client.force_login(reader)
    detail = client.get(reverse("mutuelles:detail", args=[reader.mutuelle.slug])).text
    assert ambassador.email not in detail
    assert other_mutuelle.name not in client.get(reverse("mutuelles:list")).text
    assert client.get(reverse("mutuelles:detail", args=[other_mutuelle.slug])).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_list_query_count_does_not_grow(client, reader, django_assert_max_num_queries, count):
    for mutuelle in MutuelleFactory.create_batch(count):
        UserFactory.create_batch(2, mutuelle=mutuelle, role=Role.AMBASSADOR)
    client.force_login(reader)
    with django_assert_max_num_queries(7):
        client.get(reverse("mutuelles:list"))


# --- What the mutuelle does: its initiatives, its progress on the plan, its guides -------------


@pytest.fixture
def network_work(mutuelle, other_mutuelle, ambassador, other_ambassador, coordinator):
    """Armor's published initiative and draft, a deployment of the plan in progress, a guide
    by one of its members (with a coordinator) and one by Arverne's, and a draft guide."""
    theme = ThemeFactory()
    for title, published in [("Défi vélo inter-agences", True), ("Potager en projet", False)]:
        Initiative.objects.create(
            mutuelle=mutuelle,
            author=ambassador,
            title=title,
            summary="Résumé",
            is_published=published,
        )
    plan = PlanFactory()
    health = Axis.objects.create(plan=plan, number=1, title="Santé")
    Axis.objects.create(plan=plan, number=2, title="Environnement")
    actions = [
        Action.objects.create(plan=plan, axis=health, code="1.1", title="Dépistage"),
        Action.objects.create(plan=plan, axis=health, code="1.2", title="Sentinelles"),
    ]
    plan_services.deployments_ensure(actions=actions)
    Deployment.objects.filter(action=actions[0], mutuelle=mutuelle).update(
        status=Status.IN_PROGRESS, progress=60
    )
    Deployment.objects.filter(action=actions[1], mutuelle=mutuelle).update(
        status=Status.NOT_APPLICABLE
    )
    for author, title, publish in [
        (ambassador, "Guide des achats responsables", True),
        (other_ambassador, "Guide du covoiturage", True),
        (ambassador, "Guide en brouillon", False),
    ]:
        guide = guide_services.guide_create(
            by=author, title=title, summary="Pour tous.", theme=theme, body="<p>Texte</p>"
        )
        if publish:
            guide.authors.add(coordinator)
            guide_services.publish(by=coordinator, guide=guide)
    return plan


@pytest.mark.parametrize("role", ROLES)
def test_every_member_sees_what_a_mutuelle_does(client, members, mutuelle, network_work, role):
    client.force_login(members[role])
    page = client.get(reverse("mutuelles:detail", args=[mutuelle.slug])).text
    assert "Défi vélo inter-agences" in page
    assert "Potager en projet" not in page  # a draft stays with its mutuelle
    # Its progress: 60 % on axis 1 (the action that does not apply left out), each deployment.
    assert "Son avancement sur le Plan d&#x27;action RSE 2026-2028" in page
    assert '<span class="axis-value">60 %</span>' in page
    deployment = Deployment.objects.get(action__code="1.1", mutuelle=mutuelle)
    assert f'href="{deployment.get_absolute_url()}"' in page
    assert "Environnement" not in page.split("progress-title")[1].split("guides-title")[0]
    # The guides its members wrote, published ones only.
    assert "Guide des achats responsables" in page
    assert "Guide du covoiturage" not in page
    assert "Guide en brouillon" not in page


def test_a_mutuelle_page_without_a_plan_or_work_says_so(client, reader, other_mutuelle):
    client.force_login(reader)
    page = client.get(reverse("mutuelles:detail", args=[other_mutuelle.slug])).text
    assert "Aucune initiative publiée pour l'instant." in page
    assert "Aucun guide publié par ses membres pour l'instant." in page
    assert "Son avancement" not in page


def test_detail_queries_are_the_same_for_8_and_50_mutuelles(client, reader, db, settings):
    from actionplan import demo as plan_demo
    from mutuelles import demo as reference

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    client.force_login(reader)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("mutuelles:detail", args=["armor"]))
        assert response.status_code == 200
        assert "Son avancement" in response.text
        return len(queries)

    def seed(mutuelles, actions_per_axis):
        found = reference.seed(extra=max(mutuelles - len(reference.MUTUELLES), 0))
        plan_demo.seed(mutuelles=list(found.values()), actions_per_axis=actions_per_axis)
        for index, mutuelle in enumerate(found.values()):
            author = UserFactory(mutuelle=mutuelle, role=Role.AMBASSADOR)
            for number in range(mutuelles // 8):
                Initiative.objects.create(
                    mutuelle=mutuelle,
                    author=author,
                    title=f"Initiative {index}-{number}",
                    summary="Résumé",
                    is_published=True,
                )

    seed(8, 6)
    small = count()
    seed(50, 75)
    assert Deployment.objects.filter(mutuelle__slug="armor").count() > 200  # of 300 actions
    assert count() == small
