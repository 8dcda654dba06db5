"""Cached fragments (core.fragments) show a change at once, whichever kind of data they show and
wherever it was changed: the admin, or a member's own profile."""

import pytest
from django.contrib import admin
from django.urls import reverse

from actionplan import services as plan_services
from actionplan.models import Action, Axis, Status
from core.revisions import BumpingAdmin
from initiatives.models import Initiative

from .factories import PlanFactory, ThemeFactory, admin_post

# page (URL name), who looks at it, and where its cached fragment starts and ends in the page
FRAGMENTS = {
    "home: latest initiatives": ("showcase", "reader", '<ul class="grid">', "</ul>"),
    "home: my mutuelle's ambassadors": ("home", "reader", 'id="my-mutuelle-title"', "</section>"),
    "initiatives list": ("initiatives:list", "reader", 'class="results-count"', "</main>"),
    "dashboard": ("actionplan:plan", "admin", 'class="dashboard"', 'id="plan-title"'),
}


@pytest.fixture
def world(mutuelle, ambassador, admin_user):
    """An initiative and a plan of `mutuelle`, a theme on each, and a deployment updated by its
    ambassador."""
    theme = ThemeFactory(name="Mobilité", slug="mobilite")
    initiative = Initiative.objects.create(
        mutuelle=mutuelle,
        author=ambassador,
        title="Défi vélo inter-agences",
        summary="Un mois de vélotaf.",
        is_published=True,
    )
    initiative.themes.set([theme])
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    action = Action.objects.create(plan=plan, axis=axis, code="1.1", title="Dépistage", theme=theme)
    plan_services.deployments_ensure(actions=[action])
    plan_services.deployment_update(
        deployment=action.deployments.get(mutuelle=mutuelle),
        by=ambassador,
        status=Status.IN_PROGRESS,
        progress=20,
    )
    return {
        "mutuelle": mutuelle,
        "ambassador": ambassador,
        "theme": theme,
        "initiative": initiative,
        "axis": axis,
    }


def _through_admin(name, field, value):
    def change(client, members, world):
        client.force_login(members["admin"])
        response = admin_post(client, world[name], **{field: value})
        assert response.status_code == 302, response.context["adminform"].form.errors

    return change


def _through_profile(client, members, world):
    ambassador = members["ambassador"]
    client.force_login(ambassador)
    response = client.post(
        reverse("ambassadeurs:profile"),
        {"first_name": ambassador.first_name, "last_name": "Quéméneur", "job_title": "Juriste"},
    )
    assert response.status_code == 302


# kind of data shown: how it changes, what the fragment then shows
CHANGES = {
    "initiative": (_through_admin("initiative", "title", "Défi rando"), "Défi rando"),
    "mutuelle": (_through_admin("mutuelle", "short_name", "Kerlann"), "Kerlann"),
    "mutuelle's name": (_through_admin("mutuelle", "name", "Mutuelle Kerlann"), "Kerlann"),
    "theme": (_through_admin("theme", "name", "Sobriété numérique"), "Sobriété numérique"),
    "axis of the plan": (_through_admin("axis", "title", "Prévention"), "Prévention"),
    "member (admin)": (_through_admin("ambassador", "last_name", "Quéméneur"), "Quéméneur"),
    "member (profile)": (_through_profile, "Quéméneur"),
}

SHOWN = [
    ("home: latest initiatives", "initiative"),
    ("home: latest initiatives", "mutuelle"),
    ("home: latest initiatives", "theme"),
    ("home: my mutuelle's ambassadors", "mutuelle's name"),
    ("home: my mutuelle's ambassadors", "member (admin)"),
    ("home: my mutuelle's ambassadors", "member (profile)"),
    ("initiatives list", "initiative"),
    ("initiatives list", "mutuelle"),
    ("initiatives list", "theme"),
    ("dashboard", "axis of the plan"),
    ("dashboard", "mutuelle"),
    ("dashboard", "theme"),
]


@pytest.mark.parametrize(("fragment", "kind"), SHOWN)
def test_a_cached_fragment_shows_a_change_at_once(client, members, world, fragment, kind):
    url_name, viewer, start, end = FRAGMENTS[fragment]
    change, shown = CHANGES[kind]

    def look():
        client.force_login(members[viewer])
        page = client.get(reverse(url_name)).text
        assert start in page
        return page.split(start, 1)[1].split(end, 1)[0]

    assert shown not in look()  # and now it is cached
    change(client, members, world)
    assert shown in look()


CACHED_APPS = {"mutuelles", "ambassadeurs", "actionplan", "initiatives"}


@pytest.mark.parametrize(
    "model",
    [model for model in admin.site._registry if model._meta.app_label in CACHED_APPS],
    ids=lambda model: model._meta.label,
)
def test_every_admin_of_data_shown_in_a_cached_fragment_bumps_its_revision(model):
    assert isinstance(admin.site._registry[model], BumpingAdmin)


def test_with_fragment_caching_off_a_page_shows_even_a_change_no_revision_announced(
    client, members, world, settings
):
    """`RSE_FRAGMENT_CACHE=0` (the bench's second column): nothing is kept, each page is
    computed from the database; the cache still serves the rate limits."""

    def initiatives_title():
        client.force_login(members["reader"])
        return client.get(reverse("initiatives:list")).text

    # A raw UPDATE bumps no revision: with caching on, the cached list goes on showing the old
    # title; with it off, the new one at once.
    assert "Défi vélo inter-agences" in initiatives_title()
    Initiative.objects.filter(pk=world["initiative"].pk).update(title="Défi rando")
    assert "Défi rando" not in initiatives_title()
    settings.RSE_FRAGMENT_CACHE = False
    assert "Défi rando" in initiatives_title()
