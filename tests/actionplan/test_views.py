"""Every role on every page of the action plan."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan import demo, services
from actionplan.models import Deployment, DeploymentChange, FieldFeedback, Status
from mutuelles import demo as reference
from mutuelles.models import Mutuelle
from tests.factories import MutuelleFactory

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]
COORDINATORS = {"coordinator", "admin"}
# Who may change the deployments, measurements and feedback of `mutuelle` (Armor).
EDITORS_OF_ARMOR = {"ambassador", "coordinator", "admin"}


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_network_progress_only_coordinators_follow_the_members(
    client, members, plan, deployment, role
):
    services.deployment_update(
        deployment=deployment, by=members["ambassador"], status=Status.IN_PROGRESS, progress=40
    )
    FieldFeedback.objects.create(
        mutuelle=deployment.mutuelle,
        subject="Affiches trop petites",
        text="À refaire.",
        sentiment="negative",
    )
    client.force_login(members[role])
    page = client.get(reverse("actionplan:plan")).text
    assert "Plan d&#x27;action RSE 2026-2028" in page
    assert "Dépistage" in page
    for part in ["Avancement par axe", "Avancement par mutuelle", "Matrice actions × mutuelles"]:
        assert part in page
    assert f'href="{deployment.get_absolute_url()}"' in page  # its cell in the matrix
    assert "<td>40 %</td>" in page  # Armor's mean progress, in the chart's table
    follows = role in COORDINATORS
    assert (reverse("actionplan:follow_up") in page) is follows
    assert (reverse("actionplan:export", args=["matrice", "csv"]) in page) is follows
    if follows:  # who updated the plan and the latest field feedback: on their own page
        follow = client.get(reverse("actionplan:follow_up")).text
        assert "Activité des ambassadeurs" in follow
        assert "Affiches trop petites" in follow
    else:
        assert client.get(reverse("actionplan:follow_up")).status_code == 403


def test_the_plan_axis_by_axis_opens_on_its_actions_page_or_in_place(client, reader, plan):
    """The axes below the dashboard are folded: each links to its actions, which htmx fetches
    into it when it is first opened."""
    client.force_login(reader)
    axis, empty = plan.axes.order_by("number")
    url = reverse("actionplan:axis", args=[axis.pk])
    page = client.get(reverse("actionplan:plan")).text
    assert f'data-hx-get="{url}" data-hx-trigger="toggle once"' in page
    assert f'<a href="{url}">Voir ses 2 actions</a>' in page
    assert "Pas encore d'action dans cet axe." in page  # Environnement
    whole = client.get(url).text
    assert "<h1>Axe 1 · Santé</h1>" in whole
    assert "Défi sportif" in whole and "<h1>" in whole
    part = client.get(url, headers={"HX-Request": "true"}).text
    assert "Dépistage" in part and "Défi sportif" in part
    assert "<h1>" not in part
    assert client.get(reverse("actionplan:axis", args=[empty.pk])).status_code == 200


def test_a_reader_never_gets_the_coordinators_cached_dashboard(client, coordinator, reader, plan):
    export = reverse("actionplan:export", args=["matrice", "xlsx"])
    client.force_login(coordinator)
    assert export in client.get(reverse("actionplan:plan")).text
    client.force_login(reader)
    assert export not in client.get(reverse("actionplan:plan")).text


def test_on_a_phone_the_matrix_reads_as_a_card_per_mutuelle(client, reader, plan, deployment):
    client.force_login(reader)
    page = client.get(reverse("actionplan:plan")).text
    cards = page.split('class="matrix-cards"')[1]
    armor = cards.split('id="matrix-card-armor"')[1].split("</section>")[0]
    assert "Mutuelle Armor Santé" in armor
    assert f'href="{deployment.get_absolute_url()}"' in armor
    assert "1.1 · 0 %" in armor
    group = cards.split('id="matrix-card-groupe"')[1].split("</section>")[0]
    assert "1.2 · 0 %" in group  # the group's action, once
    assert "1.2 · " not in armor


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_an_action_and_each_local_approach(client, members, deployment, role):
    deployment.local_approach = "Courrier personnalisé et relance SMS"
    deployment.save()
    client.force_login(members[role])
    page = client.get(deployment.action.get_absolute_url()).text
    assert "Courrier personnalisé et relance SMS" in page
    assert "Arverne" in page


@pytest.mark.parametrize("role", ROLES)
def test_deployment_page_offers_the_form_only_to_who_may_edit(client, members, deployment, role):
    client.force_login(members[role])
    page = client.get(deployment.get_absolute_url()).text
    assert ("Mettre à jour" in page) is (role in EDITORS_OF_ARMOR)


@pytest.mark.parametrize("role", ROLES)
def test_only_ambassadors_of_m_and_coordinators_update_a_deployment_of_m(
    client, members, deployment, role
):
    client.force_login(members[role])
    response = client.post(
        reverse("actionplan:deployment_edit", args=[deployment.pk]),
        {
            "status": Status.IN_PROGRESS,
            "progress": 30,
            "local_approach": "À notre façon",
            "next_step": "",
            "next": reverse("actionplan:my_mutuelle"),
        },
    )
    deployment.refresh_from_db()
    if role in EDITORS_OF_ARMOR:
        assert response.status_code == 302
        assert response.url == reverse("actionplan:my_mutuelle")
        assert (deployment.progress, deployment.local_approach) == (30, "À notre façon")
    else:
        assert response.status_code == 403
        assert deployment.progress == 0
        assert not DeploymentChange.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_my_mutuelle_is_editable_only_by_its_ambassadors_and_coordinators(
    client, members, plan, mutuelle, role
):
    client.force_login(members[role])
    page = client.get(reverse("actionplan:my_mutuelle"), {"mutuelle": mutuelle.slug}).text
    assert "Mutuelle Armor Santé" in page
    assert "Dépistage" in page
    assert ('name="reviewed"' in page) is (role in EDITORS_OF_ARMOR)


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_build_import_and_export_the_plan(client, members, plan, role):
    client.force_login(members[role])
    allowed = role in COORDINATORS
    for name, args in [
        ("actionplan:manage", []),
        ("actionplan:import", []),
        ("actionplan:action_create", []),
        ("actionplan:export", ["matrice", "xlsx"]),
        ("actionplan:export", ["indicateurs", "csv"]),
    ]:
        status = client.get(reverse(name, args=args)).status_code
        assert status == (200 if allowed else 403), name
    response = client.post(
        reverse("actionplan:action_create"),
        {
            "axis": plan.axes.first().pk,
            "code": "1.7",
            "title": "Nouvelle action",
            "scope": "mutuelle",
        },
    )
    assert response.status_code == (302 if allowed else 403)
    assert plan.actions.filter(code="1.7").exists() is allowed


def test_action_form_explains_a_duplicate_code_next_to_the_field(client, coordinator, plan):
    client.force_login(coordinator)
    response = client.post(
        reverse("actionplan:action_create"),
        {
            "axis": plan.axes.first().pk,
            "code": "1.1",
            "title": "Doublon",
            "scope": "mutuelle",
            "due_on": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert "Le code 1.1 est déjà utilisé" in response.text
    assert "avant le début du plan" in response.text
    assert 'value="Doublon"' in response.text


def test_import_page_lists_faulty_lines_and_changes_nothing(client, coordinator, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator)
    upload = SimpleUploadedFile("plan.csv", b"axe;code;titre\n7;7.1;Inconnu\n1;1.8;Bonne\n")
    response = client.post(reverse("actionplan:import"), {"file": upload})
    assert response.status_code == 400
    assert "Rien n" in response.text and "Ligne 2 : axe 7 inconnu" in response.text
    assert not plan.actions.filter(code="1.8").exists()


def test_exports_contain_the_matrix(client, coordinator, deployment):
    deployment.status, deployment.progress = Status.IN_PROGRESS, 45
    deployment.save()
    client.force_login(coordinator)
    response = client.get(reverse("actionplan:export", args=["matrice", "csv"]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Armor – état" in text
    assert "1.1;Dépistage" in text and "En cours;45" in text


def test_xlsx_export_opens_in_excel(client, coordinator, plan):
    import io

    from openpyxl import load_workbook

    client.force_login(coordinator)
    response = client.get(reverse("actionplan:export", args=["matrice", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["B2"].value == "1.1"


def test_dashboard_filters_by_status(client, coordinator, deployment, plan):
    deployment.status = Status.BLOCKED
    deployment.save()
    client.force_login(coordinator)
    page = client.get(reverse("actionplan:plan"), {"etat": Status.BLOCKED}).text
    assert "Dépistage" in page  # in the matrix and the blocked list
    assert "Défi sportif" not in page.split("Le plan, axe par axe")[0]


# --- Query counts do not depend on the plan's size -----------------------------------------------


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _seed(mutuelles, actions_per_axis):
    found = reference.seed(extra=max(mutuelles - len(reference.MUTUELLES), 0))
    return demo.seed(mutuelles=list(found.values()), actions_per_axis=actions_per_axis)


def test_dashboard_and_matrix_queries_are_the_same_for_8_and_50_mutuelles(
    client, coordinator, reader, db, settings
):
    # Caches off: every query the pages need is counted, at each size.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    pages = [
        (coordinator, reverse("actionplan:plan")),
        (reader, reverse("actionplan:plan")),
        (coordinator, reverse("actionplan:my_mutuelle") + "?mutuelle=armor"),
    ]

    def counts():
        found = []
        for member, url in pages:
            client.force_login(member)
            found.append(_count(client, url))
        return found

    _seed(8, 6)
    small = counts()
    plan = _seed(50, 75)  # 50 mutuelles x 300 actions
    assert plan.actions.count() == 300
    assert Mutuelle.objects.active().count() == 50
    assert Deployment.objects.filter(mutuelle__isnull=False).count() > 10_000
    assert counts() == small


def test_deployment_history_page_lists_the_changes(client, coordinator, deployment, ambassador):
    from actionplan import services

    services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.IN_PROGRESS, progress=20
    )
    services.deployment_update(deployment=deployment, by=ambassador, progress=60)
    client.force_login(coordinator)
    page = client.get(deployment.get_absolute_url()).text
    assert page.count(str(ambassador)) >= 2
    assert "20 %" in page and "60 %" in page


def test_no_plan_yet_says_so(client, reader):
    client.force_login(reader)
    page = client.get(reverse("actionplan:plan")).text
    assert "Aucun plan d'action n'est en cours pour l'instant." in page


def test_a_new_mutuelle_appears_in_the_matrix(client, coordinator, plan):
    MutuelleFactory(name="Mutuelle Nouvelle", short_name="Nouvelle")
    client.force_login(coordinator)
    assert "Nouvelle" in client.get(reverse("actionplan:plan")).text


def test_plan_dates_are_checked(client, coordinator, plan):
    client.force_login(coordinator)
    response = client.post(
        reverse("actionplan:manage"),
        {
            "title": plan.title,
            "assembly": plan.assembly,
            "adopted_on": "2026-06-18",
            "starts_on": "2026-07-01",
            "ends_on": "2026-01-01",
            "is_current": "on",
        },
    )
    assert response.status_code == 400
    assert "après son début" in response.text
    plan.refresh_from_db()
    assert plan.ends_on == datetime.date(2028, 6, 30)


def test_the_cached_dashboard_shows_each_change_at_once(
    client, coordinator, ambassador, deployment
):
    from actionplan import services

    client.force_login(coordinator)
    url = reverse("actionplan:plan") + "?mutuelle=armor"
    assert 'data-status="not_started"' in client.get(url).text
    services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.BLOCKED, progress=10
    )
    assert 'data-status="blocked"' in client.get(url).text


def test_a_change_made_in_the_admin_shows_on_the_dashboard(client, admin_user, deployment):
    client.force_login(admin_user)
    url = reverse("actionplan:plan") + "?mutuelle=armor"
    assert 'data-status="not_started"' in client.get(url).text
    response = client.post(
        reverse("admin:actionplan_deployment_change", args=[deployment.pk]),
        {
            "action": deployment.action_id,
            "mutuelle": deployment.mutuelle_id,
            "status": "done",
            "progress": 100,
            "local_approach": "",
            "next_step": "",
            "changes-TOTAL_FORMS": 0,
            "changes-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    assert 'data-status="done"' in client.get(url).text


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_edit_axes_and_indicators(client, members, plan, role):
    client.force_login(members[role])
    axis, indicator = plan.axes.get(number=1), plan.indicators.get()
    client.post(
        reverse("actionplan:axis_edit", args=[axis.pk]),
        {f"axis-{axis.pk}-number": 1, f"axis-{axis.pk}-title": "Santé de tous"},
    )
    prefix = f"ind-{indicator.pk}"
    client.post(
        reverse("actionplan:indicator_edit", args=[indicator.pk]),
        {
            f"{prefix}-name": "Index égalité",
            f"{prefix}-unit": "points",
            f"{prefix}-target": "90",
            f"{prefix}-direction": "increase",
        },
    )
    axis.refresh_from_db()
    indicator.refresh_from_db()
    changed = role in COORDINATORS
    assert (axis.title == "Santé de tous") is changed
    assert (indicator.target == 90) is changed


def test_deleting_an_action_asks_first(client, coordinator, action, deployment, ambassador):
    from actionplan import services

    services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.IN_PROGRESS, progress=30
    )
    client.force_login(coordinator)
    url = reverse("actionplan:action_delete", args=[action.pk])
    page = client.get(url).text
    assert "Ses 2 déploiements et leur historique (modifications enregistrées : 1)" in page
    assert plan_exists(action)
    assert client.post(url).status_code == 302
    assert not plan_exists(action)


def plan_exists(action):
    return type(action).objects.filter(pk=action.pk).exists()


def test_progress_over_time_follows_the_filters(
    client, coordinator, deployment, other_deployment, ambassador, other_ambassador
):
    from actionplan import services

    services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.IN_PROGRESS, progress=80
    )
    client.force_login(coordinator)
    armor = client.get(reverse("actionplan:plan"), {"mutuelle": "armor"}).text
    arverne = client.get(reverse("actionplan:plan"), {"mutuelle": "arverne"}).text
    this_month = armor.split('id="timeline-title"')[1].split("</tbody>")[0]
    assert "<td>80 %</td>" in this_month
    assert "<td>80 %</td>" not in arverne.split('id="timeline-title"')[1].split("</tbody>")[0]
