"""The rules of the action plan: deployments, history, validation, import, reminders."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from actionplan import imports, services
from actionplan.models import Action, Deployment, DeploymentChange, Measurement, Scope, Status
from tests.factories import MutuelleFactory, PlanFactory


def test_every_active_mutuelle_gets_a_deployment_of_each_per_mutuelle_action(
    plan, mutuelle, other_mutuelle
):
    action = plan.actions.get(code="1.1")
    assert set(action.deployments.values_list("mutuelle", flat=True)) == {
        mutuelle.pk,
        other_mutuelle.pk,
    }
    group_action = plan.actions.get(code="1.2")
    assert list(group_action.deployments.values_list("mutuelle", flat=True)) == [None]


def test_a_mutuelle_added_later_gets_its_deployments(plan):
    newcomer = MutuelleFactory(name="Mutuelle Nouvelle")
    assert Deployment.objects.filter(mutuelle=newcomer, action__code="1.1").exists()
    assert not Deployment.objects.filter(mutuelle=newcomer, action__code="1.2").exists()


def test_a_new_action_is_deployed_everywhere(plan, coordinator, mutuelle):
    action = services.action_save(
        by=coordinator,
        plan=plan,
        axis=plan.axes.first(),
        code="1.9",
        title="Nouvelle",
        scope=Scope.MUTUELLE,
    )
    assert action.deployments.count() == 2


def test_update_keeps_who_when_before_and_after(deployment, ambassador):
    services.deployment_update(
        deployment=deployment,
        by=ambassador,
        status=Status.IN_PROGRESS,
        progress=40,
        local_approach="Courrier et relance SMS",
        next_step="Bilan",
    )
    change = DeploymentChange.objects.get()
    assert change.changed_by == ambassador
    assert change.before == {
        "local_approach": "",
        "next_step": "",
        "progress": 0,
        "status": "not_started",
    }
    assert change.after["progress"] == 40 and change.after["status"] == "in_progress"
    assert (change.progress_before, change.progress) == (0, 40)
    deployment.refresh_from_db()
    assert deployment.updated_by == ambassador


def test_saving_without_change_adds_no_history(deployment, ambassador):
    services.deployment_update(deployment=deployment, by=ambassador, progress=0)
    assert not DeploymentChange.objects.exists()


@pytest.mark.parametrize(
    ("status", "progress", "message"),
    [
        (Status.DONE, 70, "« Réalisée » va avec 100 %"),
        (Status.NOT_STARTED, 20, "« Pas commencée » va avec 0 %"),
        (Status.IN_PROGRESS, 0, "« En cours » va avec un avancement de 1 à 99 %"),
        (Status.IN_PROGRESS, 100, "« En cours » va avec un avancement de 1 à 99 %"),
        (Status.BLOCKED, 0, "« Bloquée » va avec un avancement de 1 à 99 %"),
    ],
)
def test_status_and_progress_cannot_contradict_each_other(
    deployment, ambassador, status, progress, message
):
    with pytest.raises(ValidationError, match=message):
        services.deployment_update(
            deployment=deployment, by=ambassador, status=status, progress=progress
        )
    deployment.refresh_from_db()
    assert (deployment.status, deployment.progress) == (Status.NOT_STARTED, 0)
    assert not DeploymentChange.objects.exists()


@pytest.mark.parametrize(
    ("status", "progress"),
    [
        (Status.NOT_STARTED, 0),
        (Status.IN_PROGRESS, 1),
        (Status.BLOCKED, 99),
        (Status.DONE, 100),
        (Status.NOT_APPLICABLE, 40),
    ],
)
def test_status_and_progress_that_agree_are_saved(deployment, ambassador, status, progress):
    services.deployment_update(
        deployment=deployment, by=ambassador, status=status, progress=progress
    )
    deployment.refresh_from_db()
    assert (deployment.status, deployment.progress) == (status, progress)


@pytest.mark.parametrize("progress", [-5, 101, None])
def test_progress_outside_0_100_is_refused(deployment, ambassador, progress):
    with pytest.raises(ValidationError, match="entre 0 et 100"):
        services.deployment_update(deployment=deployment, by=ambassador, progress=progress)
    deployment.refresh_from_db()
    assert deployment.progress == 0
    assert not DeploymentChange.objects.exists()


def test_ambassador_cannot_update_another_mutuelle(other_deployment, ambassador):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.deployment_update(deployment=other_deployment, by=ambassador, progress=50)


def test_due_date_before_the_plan_and_duplicate_code_are_refused(plan, coordinator):
    axis = plan.axes.first()
    with pytest.raises(ValidationError) as error:
        services.action_save(
            by=coordinator,
            plan=plan,
            axis=axis,
            code="1.1",
            title="Doublon",
            due_on=datetime.date(2026, 1, 1),
        )
    messages = error.value.message_dict
    assert "déjà utilisé" in messages["code"][0]
    assert "avant le début du plan" in messages["due_on"][0]
    assert plan.actions.count() == 2


def test_measurement_outside_the_plan_is_refused(plan, ambassador, mutuelle):
    indicator = plan.indicators.get()
    with pytest.raises(ValidationError, match="dans le plan"):
        services.measurement_record(
            by=ambassador,
            indicator=indicator,
            mutuelle=mutuelle,
            period=datetime.date(2029, 1, 1),
            value=90,
        )
    assert not Measurement.objects.exists()
    services.measurement_record(
        by=ambassador,
        indicator=indicator,
        mutuelle=mutuelle,
        period=datetime.date(2026, 11, 15),
        value=90,
    )
    assert Measurement.objects.get().period == datetime.date(2026, 10, 1)  # its quarter


# --- Import ----------------------------------------------------------------------------------

CSV_OK = (
    "Axe;Code;Titre;Description;Pilote;Échéance;Portée;Indicateur;Cible;Unité\n"
    "1;1.1;Dépistage renforcé;Courrier et relances;Direction santé;31/03/2027;mutuelle;;;\n"
    "2;2.1;Bilan carbone;;Services généraux;30/06/2027;mutuelle;Émissions;4,5;tCO2e\n"
    "2;2.2;Rapport RSE commun;;Coordination;2027-06-30;groupe;;;\n"
).encode()


def test_import_applies_every_line(plan, coordinator):
    lines = imports.parse(SimpleUploadedFile("plan.csv", CSV_OK))
    assert services.plan_import(by=coordinator, plan=plan, lines=lines) == 3
    updated = plan.actions.get(code="1.1")
    assert updated.title == "Dépistage renforcé"  # an existing code is updated
    carbon = plan.actions.get(code="2.1")
    assert carbon.indicators.get().target == 4.5
    assert carbon.deployments.count() == 2
    assert plan.actions.get(code="2.2").scope == Scope.GROUP


def test_import_applies_nothing_when_one_line_is_wrong(plan, coordinator):
    bad = (
        CSV_OK
        + (
            "9;9.1;Axe inconnu;;;;;;;\n"
            "1;2.1;Code en double;;;;;;;\n"
            "1;1.5;Trop tôt;;;01/01/2020;;;;\n"
            "1;1.6;Portée inconnue;;;;partout;;;\n"
            "1;;Sans code;;;pas une date;;;;\n"
        ).encode()
    )
    with pytest.raises(ValidationError) as error:
        services.plan_import(
            by=coordinator, plan=plan, lines=imports.parse(SimpleUploadedFile("plan.csv", bad))
        )
    text = " | ".join(error.value.messages)
    assert "Ligne 5 : axe 9 inconnu" in text
    assert "Ligne 6 : le code 2.1 figure déjà ligne 3" in text
    assert "Ligne 7 : l'échéance 01/01/2020 tombe avant le début du plan" in text
    assert "Ligne 8 : portée « partout » inconnue" in text
    assert "Ligne 9 : le code de l'action est obligatoire" in text
    assert "Ligne 9 : l'échéance « pas une date » n'est pas une date" in text
    assert sorted(plan.actions.values_list("code", flat=True)) == ["1.1", "1.2"]
    assert plan.actions.get(code="1.1").title == "Dépistage"


def test_import_reads_xlsx(plan, coordinator):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["axe", "code", "titre", "échéance"])
    sheet.append([2, "2.5", "Matériel reconditionné", datetime.date(2027, 12, 31)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    lines = imports.parse(SimpleUploadedFile("plan.xlsx", buffer.getvalue()))
    services.plan_import(by=coordinator, plan=plan, lines=lines)
    assert plan.actions.get(code="2.5").due_on == datetime.date(2027, 12, 31)


def test_import_refuses_a_file_without_the_required_columns(plan):
    with pytest.raises(imports.ImportFileError, match="Colonnes obligatoires absentes"):
        imports.parse(SimpleUploadedFile("plan.csv", b"nom;date\nx;y\n"))


# --- Reminders -------------------------------------------------------------------------------


def test_digest_goes_to_ambassadors_with_overdue_or_stale_deployments_only(
    plan, ambassador, other_ambassador, deployment, other_deployment, mailoutbox
):
    action = deployment.action
    action.due_on = timezone.localdate() - datetime.timedelta(days=3)
    action.save()
    Deployment.objects.filter(pk=other_deployment.pk).update(status=Status.DONE, progress=100)
    sent = services.digests_send()
    assert sent == 1
    message = mailoutbox[0]
    assert message.to == [ambassador.email]
    assert "En retard" in message.body and "1.1 Dépistage" in message.body
    assert "/plan/ma-mutuelle/" in message.body


def test_nobody_gets_an_empty_digest(plan, ambassador, deployment, other_deployment, mailoutbox):
    Deployment.objects.update(reviewed_at=timezone.now())
    assert services.digests_send() == 0
    assert mailoutbox == []


def test_stale_deployments_are_in_the_digest(plan, ambassador, deployment, mailoutbox):
    Deployment.objects.filter(pk=deployment.pk).update(
        reviewed_at=timezone.now() - datetime.timedelta(days=45)
    )
    Action.objects.update(due_on=None)
    services.digests_send()
    assert [m.to for m in mailoutbox] == [[ambassador.email]]
    assert "Sans nouvelle depuis plus de 30 jours" in mailoutbox[0].body


@pytest.mark.services
def test_the_weekly_digest_goes_through_the_worker_and_smtp(
    celery_worker, smtp_server, transactional_db
):
    from actionplan.models import Axis
    from actionplan.tasks import send_deployment_digests
    from ambassadeurs.models import Role
    from tests.factories import UserFactory

    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    calm = MutuelleFactory(name="Mutuelle Calme", short_name="Calme", slug="calme")
    ambassador = UserFactory(
        email="ambassadeur@armor.example", role=Role.AMBASSADOR, mutuelle=armor
    )
    UserFactory(email="ambassadeur@calme.example", role=Role.AMBASSADOR, mutuelle=calm)
    UserFactory(email="salarie@armor.example", role=Role.READER, mutuelle=armor)
    plan = PlanFactory(starts_on=datetime.date(2026, 1, 1))
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    action = Action.objects.create(
        plan=plan,
        axis=axis,
        code="1.1",
        title="Dépistage",
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    services.deployments_ensure(actions=[action])
    Deployment.objects.filter(mutuelle=calm).update(status=Status.DONE, progress=100)

    send_deployment_digests.delay()

    celery_worker.wait_idle()  # the digest has gone out, and nothing more will come
    received = smtp_server.messages
    assert [m.rcpt_tos for m in received] == [["ambassadeur@armor.example"]]
    body = received[0].content.decode()
    assert "1.1 D" in body and "Armor" in body
    assert ambassador.email in body


def test_a_closed_plan_can_no_longer_be_updated(plan, deployment, ambassador):
    plan.is_current = False
    plan.save()
    with pytest.raises(ValidationError, match="plus en cours"):
        services.deployment_update(deployment=deployment, by=ambassador, progress=50)
    deployment.refresh_from_db()
    assert deployment.progress == 0


def test_changing_the_scope_replaces_the_deployments(plan, coordinator):
    action = plan.actions.get(code="1.1")
    services.action_save(by=coordinator, plan=plan, action=action, scope=Scope.GROUP)
    assert list(action.deployments.values_list("mutuelle", flat=True)) == [None]
    services.action_save(by=coordinator, plan=plan, action=action, scope=Scope.MUTUELLE)
    assert action.deployments.filter(mutuelle__isnull=True).count() == 0
    assert action.deployments.count() == 2
