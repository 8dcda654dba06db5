"""The weekly update ("Ma mutuelle"): what needs the ambassador first, "rien de neuf" in one
click, every change saved at once (or none), status and progress in agreement."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actionplan import selectors, services
from actionplan.models import (
    Action,
    Deployment,
    DeploymentChange,
    FieldFeedback,
    Measurement,
    Status,
)

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]
EDITORS_OF_ARMOR = {"ambassador", "coordinator", "admin"}


@pytest.fixture
def second(plan, mutuelle):
    """A second action of Armor, already reviewed this week and in progress."""
    action = Action.objects.create(plan=plan, axis=plan.axes.first(), code="1.3", title="Vélo")
    services.deployments_ensure(actions=[action])
    deployment = action.deployments.get(mutuelle=mutuelle)
    Deployment.objects.filter(pk=deployment.pk).update(
        status=Status.IN_PROGRESS, progress=50, reviewed_at=timezone.now()
    )
    deployment.refresh_from_db()
    return deployment


def _card(deployment, **fields):
    values = {
        "status": deployment.status,
        "progress": deployment.progress,
        "next_step": deployment.next_step,
        "local_approach": deployment.local_approach,
        **fields,
    }
    return {f"d{deployment.pk}-{name}": value for name, value in values.items()}


def _post(client, mutuelle, data, htmx=False):
    return client.post(
        reverse("actionplan:weekly_update", args=[mutuelle.slug]),
        {"period": "2026-10-01", **data},
        headers={"HX-Request": "true"} if htmx else {},
    )


# --- The rule: what needs the ambassador ---------------------------------------------------------


def test_needing_update_is_never_reviewed_stale_overdue_or_blocked(
    plan, mutuelle, deployment, second
):
    now = timezone.now()
    assert list(selectors.needing_update(mutuelle, now=now)) == [deployment]  # never reviewed
    assert selectors.needing_update(mutuelle, now=now).count() == 1

    later = now + datetime.timedelta(days=31)  # RSE_STALE_AFTER_DAYS is 30
    assert selectors.needing_update(mutuelle, now=later).count() == 2
    need = selectors.needing_update(mutuelle, now=later).get(pk=second.pk)
    assert (need.need_stale, need.need_never, need.need_overdue) == (True, False, False)

    Deployment.objects.filter(pk=second.pk).update(status=Status.DONE, progress=100)
    assert selectors.needing_update(mutuelle, now=later).count() == 1  # done: nothing to do

    Deployment.objects.filter(pk=second.pk).update(status=Status.BLOCKED, progress=20)
    assert selectors.needing_update(mutuelle, now=now).get(pk=second.pk).need_blocked

    Action.objects.filter(pk=second.action_id).update(due_on=datetime.date(2026, 1, 1))
    Deployment.objects.filter(pk=second.pk).update(status=Status.IN_PROGRESS)
    assert selectors.needing_update(mutuelle, now=now).get(pk=second.pk).need_overdue


def test_a_review_counts_as_an_update_for_the_cadence(mutuelle, deployment, ambassador):
    services.mutuelle_update(by=ambassador, mutuelle=mutuelle, changes={}, reviewed=[deployment])
    now = timezone.now()
    assert selectors.needing_update(mutuelle, now=now).count() == 0
    later = now + datetime.timedelta(days=31)
    assert selectors.needing_update(mutuelle, now=later).count() == 1


def test_the_digest_follows_the_same_rule(plan, mutuelle, ambassador, deployment, mailoutbox):
    Deployment.objects.filter(pk=deployment.pk).update(
        status=Status.BLOCKED, progress=20, reviewed_at=timezone.now(), next_step="Attente DSI"
    )
    assert services.digests_send() == 1
    assert "Bloquées" in mailoutbox[0].body and "Attente DSI" in mailoutbox[0].body

    services.mutuelle_update(  # unblocked: nothing needs the ambassador any more
        by=ambassador,
        mutuelle=mutuelle,
        changes={deployment: {"status": Status.IN_PROGRESS, "progress": 20}},
    )
    mailoutbox.clear()
    assert services.digests_send() == 0
    assert mailoutbox == []


def test_a_never_reviewed_action_is_in_the_digest(plan, ambassador, deployment, mailoutbox):
    services.digests_send()
    assert "Jamais mises à jour" in mailoutbox[0].body and "1.1 Dépistage" in mailoutbox[0].body


# --- The service: everything at once, or nothing ------------------------------------------------


def test_changes_reviews_and_measurements_are_saved_together_and_kept_in_the_history(
    plan, mutuelle, ambassador, deployment, second
):
    indicator = plan.indicators.get()
    saved = services.mutuelle_update(
        by=ambassador,
        mutuelle=mutuelle,
        changes={
            deployment: {"status": Status.IN_PROGRESS, "progress": 30, "next_step": "CSE"},
            second: {"status": Status.IN_PROGRESS, "progress": 50},  # unchanged
        },
        reviewed=[second],
        measurements={indicator: Decimal("82.5")},
        period=datetime.date(2026, 10, 1),
    )
    assert (saved.updated, saved.reviewed, saved.measured) == (1, 1, 1)
    deployment.refresh_from_db()
    second.refresh_from_db()
    assert (deployment.status, deployment.progress, deployment.next_step) == (
        Status.IN_PROGRESS,
        30,
        "CSE",
    )
    assert deployment.reviewed_by == ambassador and second.reviewed_by == ambassador
    update, review = (
        DeploymentChange.objects.get(deployment=deployment),
        DeploymentChange.objects.get(deployment=second),
    )
    assert not update.is_review and update.after == {
        "next_step": "CSE",
        "progress": 30,
        "status": "in_progress",
    }
    assert review.is_review and review.before == review.after == {}
    assert Measurement.objects.get().value == Decimal("82.5")


def test_one_contradiction_saves_nothing_and_names_its_action(
    plan, mutuelle, ambassador, deployment, second
):
    with pytest.raises(ValidationError) as error:
        services.mutuelle_update(
            by=ambassador,
            mutuelle=mutuelle,
            changes={
                deployment: {"status": Status.IN_PROGRESS, "progress": 30},
                second: {"status": Status.DONE, "progress": 50},
            },
            reviewed=[deployment],
            measurements={plan.indicators.get(): Decimal("3")},
            period=datetime.date(2026, 10, 1),
        )
    assert error.value.message_dict == {
        f"d{second.pk}": ["« Réalisée » va avec 100 % d'avancement (ici 50 %)."]
    }
    deployment.refresh_from_db()
    assert (deployment.progress, deployment.reviewed_at) == (0, None)
    assert not DeploymentChange.objects.exists()
    assert not Measurement.objects.exists()


def test_an_untouched_contradiction_does_not_block_the_others(
    mutuelle, ambassador, deployment, second
):
    """Rows stored before the rule (in progress at 0 %) are checked only once changed."""
    Deployment.objects.filter(pk=second.pk).update(progress=0)
    second.refresh_from_db()
    services.mutuelle_update(
        by=ambassador,
        mutuelle=mutuelle,
        changes={second: {"status": Status.IN_PROGRESS, "progress": 0}},
        reviewed=[second],
    )
    assert DeploymentChange.objects.get().is_review


def test_the_weekly_update_of_another_mutuelle_is_refused(
    mutuelle, other_mutuelle, ambassador, other_deployment
):
    with pytest.raises(PermissionDenied):
        services.mutuelle_update(
            by=ambassador, mutuelle=other_mutuelle, changes={}, reviewed=[other_deployment]
        )
    with pytest.raises(PermissionDenied):  # Armor's update naming Arverne's row
        services.mutuelle_update(
            by=ambassador, mutuelle=mutuelle, changes={}, reviewed=[other_deployment]
        )
    other_deployment.refresh_from_db()
    assert other_deployment.reviewed_at is None


# --- The page ---------------------------------------------------------------------------------


def test_the_page_opens_on_what_needs_the_ambassador_and_folds_the_rest(
    client, ambassador, mutuelle, deployment, second
):
    client.force_login(ambassador)
    page = client.get(reverse("actionplan:my_mutuelle")).text
    needing, rest = page.split('id="others-title"')
    assert "1 action vous attend" in needing and "Jamais mise à jour" in needing
    assert f'id="deployment-{deployment.pk}"' in needing
    assert "<details" in rest and "Voir l'action à jour" in rest
    assert f'id="deployment-{second.pk}"' not in page  # read when opened
    assert "« Pas commencée » : 0 %" in page  # the rules, stated


def test_the_folded_actions_come_when_opened_or_by_a_link_without_javascript(
    client, ambassador, mutuelle, deployment, second
):
    client.force_login(ambassador)
    page = client.get(reverse("actionplan:my_mutuelle")).text
    unfold = f"{reverse('actionplan:my_mutuelle')}?mutuelle=armor&a-jour=1"
    assert f'data-hx-get="{unfold.replace("&", "&amp;")}"' in page
    assert f'href="{unfold.replace("&", "&amp;")}#a-jour"' in page

    opened = client.get(unfold, headers={"HX-Request": "true"})  # htmx, when opened
    assert "<html" not in opened.text and "HX-Request" in opened["Vary"]
    assert f'id="deployment-{second.pk}"' in opened.text
    assert f'name="d{second.pk}-status"' in opened.text
    assert f'id="deployment-{deployment.pk}"' not in opened.text  # not twice

    page = client.get(unfold).text  # the link: the whole page, the part open
    rest = page.split('id="others-title"')[1]
    assert '<details class="folded" id="a-jour" open>' in rest
    assert f'id="deployment-{second.pk}"' in rest and "Vélo" in rest


@pytest.mark.parametrize("role", ROLES)
def test_only_ambassadors_of_m_and_coordinators_save_the_weekly_update(
    client, members, mutuelle, plan, deployment, second, role
):
    client.force_login(members[role])
    response = _post(
        client,
        mutuelle,
        {
            **_card(deployment, status=Status.IN_PROGRESS, progress=40),
            **_card(second),
            "reviewed": [second.pk],
            f"m{plan.indicators.get().pk}": "88,5",
        },
    )
    deployment.refresh_from_db()
    second.refresh_from_db()
    if role in EDITORS_OF_ARMOR:
        assert response.status_code == 302
        assert response.url == reverse("actionplan:my_mutuelle") + "?mutuelle=armor"
        assert deployment.progress == 40 and second.reviewed_by == members[role]
        assert Measurement.objects.get().value == Decimal("88.5")
    else:
        assert response.status_code == 403
        assert deployment.progress == 0 and second.reviewed_by is None
        assert not DeploymentChange.objects.exists() and not Measurement.objects.exists()


def test_saved_in_place_the_reviewed_action_moves_to_the_folded_part(
    client, ambassador, mutuelle, deployment, second
):
    client.force_login(ambassador)
    response = _post(
        client, mutuelle, {**_card(deployment), **_card(second), "reviewed": [deployment.pk]}, True
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "Enregistré : 1 « rien de neuf »." in response.text
    assert "Rien ne vous attend" in response.text
    assert "Voir les 2 actions à jour" in response.text.split('id="others-title"')[1]
    assert f'id="deployment-{deployment.pk}"' not in response.text  # folded


def test_a_refused_save_in_place_lists_the_faults_and_saves_nothing(
    client, ambassador, mutuelle, deployment, second
):
    client.force_login(ambassador)
    response = _post(
        client,
        mutuelle,
        {
            **_card(deployment, status=Status.IN_PROGRESS, progress=0),
            **_card(second, status=Status.DONE),
            "reviewed": [second.pk],
        },
        True,
    )
    assert response.status_code == 400
    assert response["HX-Retarget"] == "#weekly-errors"
    text = response.text
    assert "Rien n'a été enregistré" in text
    assert f'href="#deployment-{deployment.pk}"' in text
    assert "1.1 Dépistage : « En cours » va avec un avancement de 1 à 99 % (ici 0 %)." in text
    assert "1.3 Vélo : « Réalisée » va avec 100 % d&#x27;avancement (ici 50 %)." in text
    assert f'id="errors-d{second.pk}" data-hx-swap-oob="true"' in text
    assert not DeploymentChange.objects.exists()


def test_a_change_saved_meanwhile_by_someone_else_is_not_overwritten(
    client, ambassador, coordinator, mutuelle, deployment, second
):
    client.force_login(ambassador)
    page_seen = {
        f"d{d.pk}-seen": d.updated_at.isoformat() for d in (deployment, second)
    }  # the page is open; meanwhile the coordinator updates action 1.1
    services.deployment_update(
        deployment=deployment, by=coordinator, status=Status.IN_PROGRESS, progress=10
    )
    stale_card = _card(deployment, status=Status.NOT_STARTED, progress=0)  # as shown then
    response = _post(
        client,
        mutuelle,
        {**stale_card, **_card(second, progress=60), **page_seen},
        True,
    )
    assert response.status_code == 400
    assert "Mise à jour entre-temps par quelqu&#x27;un d&#x27;autre" in response.text
    deployment.refresh_from_db()
    second.refresh_from_db()
    assert (deployment.progress, second.progress) == (10, 50)

    # Sent alone (the page sends the changed cards only), the other change goes through.
    response = _post(client, mutuelle, {**_card(second, progress=60), **page_seen}, True)
    assert response.status_code == 200
    second.refresh_from_db()
    assert second.progress == 60


def test_a_progress_that_is_no_percentage_is_explained(client, ambassador, mutuelle, deployment):
    client.force_login(ambassador)
    response = _post(client, mutuelle, _card(deployment, progress="beaucoup"), True)
    assert response.status_code == 400
    assert "1.1 Dépistage : L&#x27;avancement est un pourcentage entre 0 et 100." in response.text
    assert not DeploymentChange.objects.exists()


def test_without_javascript_a_refused_save_shows_what_was_typed(
    client, ambassador, mutuelle, deployment
):
    client.force_login(ambassador)
    response = _post(
        client,
        mutuelle,
        {**_card(deployment, status=Status.DONE, progress=60, next_step="Mon étape")},
    )
    assert response.status_code == 400
    assert "<html" in response.text
    assert 'value="Mon étape"' in response.text and 'value="60"' in response.text
    assert "« Réalisée » va avec 100 %" in response.text
    deployment.refresh_from_db()
    assert deployment.next_step == ""


def test_without_javascript_a_refused_save_shows_what_was_typed_in_the_folded_part_too(
    client, ambassador, mutuelle, deployment, second
):
    client.force_login(ambassador)
    response = _post(client, mutuelle, {**_card(second, progress=0, next_step="Relancer")})
    assert response.status_code == 400
    rest = response.text.split('id="others-title"')[1]
    assert f'id="deployment-{second.pk}"' in rest and 'value="Relancer"' in rest
    assert "« En cours » va avec un avancement de 1 à 99 % (ici 0 %)" in rest


def test_a_measurement_outside_the_plan_is_explained(client, ambassador, mutuelle, plan):
    client.force_login(ambassador)
    response = _post(
        client, mutuelle, {"period": "2030-01-01", f"m{plan.indicators.get().pk}": "3"}, True
    )
    assert response.status_code == 400
    assert "La période doit se situer dans le plan" in response.text
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_field_feedback_is_sent_in_place_by_editors_only(client, members, mutuelle, plan, role):
    client.force_login(members[role])
    response = client.post(
        reverse("actionplan:feedback", args=[mutuelle.slug]),
        {"subject": "Bon accueil", "sentiment": "positive", "text": "Les équipes adhèrent."},
        headers={"HX-Request": "true"},
    )
    if role in EDITORS_OF_ARMOR:
        assert response.status_code == 200
        assert "<html" not in response.text
        assert "Merci : votre retour du terrain est transmis" in response.text
        assert FieldFeedback.objects.get().subject == "Bon accueil"
    else:
        assert response.status_code == 403
        assert not FieldFeedback.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_feedback_form_is_folded_and_given_to_editors_when_opened(
    client, members, mutuelle, plan, role
):
    client.force_login(members[role])
    url = reverse("actionplan:my_mutuelle") + f"?mutuelle={mutuelle.slug}"
    page = client.get(url).text
    assert 'name="subject"' not in page  # folded: fetched when opened
    opened = client.get(url + "&nouveau-retour=1", headers={"HX-Request": "true"})
    without_script = client.get(url + "&nouveau-retour=1").text
    if role in EDITORS_OF_ARMOR:
        assert "Transmettre un retour du terrain" in page
        assert opened.status_code == 200 and "<html" not in opened.text
        assert 'name="subject"' in opened.text and "Transmettre" in opened.text
        assert 'name="subject"' in without_script  # the link's page: the form unfolded
    else:
        assert opened.status_code == 403
        assert 'name="subject"' not in without_script


def test_incomplete_feedback_in_place_keeps_what_was_typed(client, ambassador, mutuelle, plan):
    client.force_login(ambassador)
    response = client.post(
        reverse("actionplan:feedback", args=[mutuelle.slug]),
        {"subject": "Sans texte", "sentiment": "positive", "text": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400
    assert 'value="Sans texte"' in response.text
    assert not FieldFeedback.objects.exists()


def test_the_page_runs_as_many_queries_for_30_actions_as_for_8(
    client, ambassador, mutuelle, plan, deployment
):
    def count():
        cache.clear()  # rendered afresh, not read from the cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("actionplan:my_mutuelle")).status_code == 200
        return len(queries)

    def add_actions(upto):
        axis = plan.axes.first()
        actions = [
            Action.objects.create(plan=plan, axis=axis, code=f"1.{n}", title=f"Action {n}")
            for n in range(plan.actions.count() + 1, upto + 1)
        ]
        services.deployments_ensure(actions=actions)
        for d in Deployment.objects.filter(action__in=actions, mutuelle=mutuelle)[::2]:
            services.deployment_update(  # half reviewed, each by someone
                deployment=d, by=ambassador, status=Status.IN_PROGRESS, progress=10
            )

    client.force_login(ambassador)
    add_actions(8)
    small = count()
    add_actions(30)
    assert Deployment.objects.filter(mutuelle=mutuelle).count() == 29  # 1.2 is the group's
    assert count() == small


def test_read_only_the_page_speaks_of_the_mutuelle_not_of_the_reader(
    client, members, mutuelle, deployment, second
):
    """A member who cannot update Armor reads its cards as they stand, addressed to nobody."""
    Deployment.objects.filter(pk=deployment.pk).update(
        local_approach="Avec la médecine\ndu travail"
    )
    client.force_login(members["reader"])
    page = client.get(reverse("actionplan:my_mutuelle") + "?mutuelle=armor").text
    assert "1 action attend une mise à jour" in page and "vous attend" not in page
    card = page.split(f'id="deployment-{deployment.pk}"')[1].split("</li>")[0]
    assert 'class="status s-not_started">Pas commencée</span>' in card
    assert "Avec la médecine<br>du travail" in card and "<select" not in card

    Deployment.objects.filter(pk=deployment.pk).update(reviewed_at=timezone.now())
    cache.clear()
    assert (
        "Tout est à jour." in client.get(reverse("actionplan:my_mutuelle") + "?mutuelle=armor").text
    )


def test_what_was_typed_comes_back_escaped_when_a_save_is_refused(
    client, ambassador, mutuelle, deployment, second
):
    client.force_login(ambassador)
    typed = '"><img src=x onerror=alert(1)>'
    response = _post(
        client,
        mutuelle,
        {**_card(deployment, progress=typed, status="<b>bold</b>"), **_card(second)},
    )
    assert response.status_code == 400
    card = response.text.split(f'id="deployment-{deployment.pk}"')[1].split("</li>")[0]
    assert "<img" not in card and 'value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in card
    assert "<b>bold</b>" not in card and " selected" not in card  # a status that is none of them
