"""The plan as one workbook for the AG (issue #14 part 6): a sheet per part of the report,
typed cells, the Actions sheet imported back, and the figures as they stood at a date."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from actionplan import imports, services, workbook
from actionplan.models import (
    Assembly,
    Deployment,
    DeploymentChange,
    FieldFeedback,
    Indicator,
    IndicatorTarget,
    Measurement,
    MeasurementEntry,
    Resolution,
    Status,
)
from mutuelles import frameworks
from mutuelles.models import Framework, FrameworkEntry

SHEETS = [
    "Actions",
    "Déploiements",
    "Indicateurs",
    "Mesures",
    "Retours du terrain",
    "Référentiels",
    "Résolutions",
]


def _moment(day: datetime.date, hour=12) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def registry_data(plan, mutuelle, other_mutuelle, coordinator, ambassador):
    assembly = Assembly.objects.create(
        name="AG du 18 juin 2026", held_on=datetime.date(2026, 6, 18)
    )
    plan.general_assembly = assembly
    plan.save()
    plan.actions.update(created_at=_moment(datetime.date(2026, 7, 1)))
    resolution = Resolution.objects.create(
        assembly=assembly,
        number="3",
        title="Prévention santé",
        voted_on=assembly.held_on,
        votes_for=120,
        votes_against=4,
        abstentions=2,
    )
    action = plan.actions.get(code="1.1")
    action.resolutions.set([resolution])
    frameworks.ship(Framework, FrameworkEntry)  # shipped by a migration: gone after a flush
    action.frameworks.set([FrameworkEntry.objects.get(code="ODD 3")])
    indicator = Indicator.objects.get(name="Index égalité")
    indicator.baseline, indicator.baseline_on = Decimal(80), datetime.date(2025, 12, 31)
    indicator.save()
    IndicatorTarget.objects.create(
        indicator=indicator, mutuelle=mutuelle, value=90, set_at=_moment(datetime.date(2026, 7, 1))
    )
    # A measure entered in September, corrected in November.
    measurement = Measurement.objects.create(
        indicator=indicator, mutuelle=mutuelle, period=datetime.date(2026, 7, 1), value=88
    )
    MeasurementEntry.objects.create(
        measurement=measurement, value=82, entered_at=_moment(datetime.date(2026, 9, 15))
    )
    MeasurementEntry.objects.create(
        measurement=measurement, value=88, entered_at=_moment(datetime.date(2026, 11, 15))
    )
    FieldFeedback.objects.create(
        mutuelle=mutuelle,
        author=ambassador,
        subject="Dépistage bien reçu",
        action=action,
        sentiment="positive",
        text="Les adhérents demandent des kits.",
        created_at=_moment(datetime.date(2026, 9, 20)),
        answer="Kits commandés.",
        handled_by=coordinator,
        handled_at=_moment(datetime.date(2026, 11, 2)),
    )
    return {"indicator": indicator, "resolution": resolution, "action": action}


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


def _rows(sheet):
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=False)) for row in rows]


def test_one_sheet_per_part_of_the_report_with_typed_cells(plan, registry_data, deployment):
    deployment.status, deployment.progress = Status.IN_PROGRESS, 40
    deployment.local_approach = "Avec la CPAM"
    deployment.save()
    book = _book(workbook.write(plan))
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.b for cell in sheet[1]), sheet.title
        assert sheet.column_dimensions["A"].width >= 5
    actions = book["Actions"]
    assert actions.column_dimensions["C"].width > actions.column_dimensions["A"].width
    assert [cell.value for cell in actions[1]] == workbook.ACTION_COLUMNS
    first = actions[2]
    assert first[0].value == 1 and first[0].data_type == "n"  # the axis, a number
    assert first[1].value == "1.1" and first[1].data_type == "s"
    assert first[5].is_date and first[5].value.date() == datetime.date(2027, 3, 31)
    assert first[5].number_format == "DD/MM/YYYY"
    assert first[8].value == 85 and first[8].data_type == "n"  # the target, a number
    assert first[10].value == "3"  # the resolution's number, as text
    deployments = _rows(book["Déploiements"])
    armor = next(r for r in deployments if r["Mutuelle"] == "Mutuelle Armor Santé")
    assert (armor["État"], armor["Avancement (%)"], armor["Démarche locale"]) == (
        "En cours",
        40,
        "Avec la CPAM",
    )
    assert isinstance(armor["Mis à jour le"], datetime.datetime)
    assert [r["Mutuelle"] for r in deployments if r["Code"] == "1.2"] == ["Groupe"]
    indicator = _rows(book["Indicateurs"])[0]
    assert indicator["Valeur de référence"] == 80 and indicator["Cible du groupe"] == 85
    assert indicator["Cible Armor"] == 90 and indicator["Cible Arverne"] == 85
    assert indicator["Calcul du chiffre du groupe"] == "Moyenne des mutuelles"
    assert "exclue" in indicator["Comment il est obtenu"]
    measures = _rows(book["Mesures"])
    assert [(m["Mutuelle"], m["Période"], m["Valeur"]) for m in measures] == [
        ("Mutuelle Armor Santé", "T3 2026", 88),
        ("Groupe (moyenne des mutuelles)", "T3 2026", 88),
    ]
    assert measures[0]["Début de la période"].date() == datetime.date(2026, 7, 1)
    feedback = _rows(book["Retours du terrain"])
    assert feedback[0]["Réponse de la coordination"] == "Kits commandés."
    resolutions = _rows(book["Résolutions"])
    assert resolutions[0]["Numéro"] == "3" and resolutions[0]["Voix pour"] == 120
    assert resolutions[0]["Actions qui la mettent en œuvre"] == "1.1"
    frameworks = _rows(book["Référentiels"])
    served = [r for r in frameworks if r["Code"] == "ODD 3"]
    assert [(r["Nature"], r["Référence"], r["Titre"]) for r in served] == [
        ("Action", "1.1", "Dépistage")
    ]
    assert next(r for r in frameworks if r["Code"] == "ODD 14")["Nature"] == (
        "— rien ne s'y rattache"
    )


def test_the_workbook_shows_the_figures_as_they_stood_at_a_date(
    plan, registry_data, deployment, ambassador
):
    # Before the cut-off (1 October): the deployment started, a measure entered; after it:
    # the deployment done, the measure corrected, a feedback answered, a new action.
    services.deployment_update(
        deployment=deployment, by=ambassador, status="in_progress", progress=30
    )
    DeploymentChange.objects.update(changed_at=_moment(datetime.date(2026, 9, 1)))
    services.deployment_update(
        deployment=deployment, by=ambassador, status="done", progress=100, next_step="Bilan"
    )
    DeploymentChange.objects.filter(progress=100).update(
        changed_at=_moment(datetime.date(2026, 10, 20))
    )
    later = plan.actions.create(
        axis=plan.axes.first(), code="1.9", title="Ajoutée après", created_at=timezone.now()
    )
    assert later.pk

    then = _book(workbook.write(plan, as_of=datetime.date(2026, 10, 1)))
    armor = next(r for r in _rows(then["Déploiements"]) if r["Mutuelle"] == "Mutuelle Armor Santé")
    assert (armor["État"], armor["Avancement (%)"], armor["Prochaine étape"]) == (
        "En cours",
        30,
        None,
    )
    updated = armor["Mis à jour le"]  # Paris time, as Excel shows it
    assert (updated.date(), updated.hour) == (datetime.date(2026, 9, 1), 12)
    assert [r["Valeur"] for r in _rows(then["Mesures"])] == [82, 82]  # before the correction
    assert _rows(then["Indicateurs"])[0]["Chiffre du groupe"] == 82
    assert _rows(then["Retours du terrain"])[0]["Réponse de la coordination"] is None
    assert "1.9" not in [r["Code"] for r in _rows(then["Actions"])]

    now = _book(workbook.write(plan))
    armor = next(r for r in _rows(now["Déploiements"]) if r["Mutuelle"] == "Mutuelle Armor Santé")
    assert (armor["État"], armor["Avancement (%)"]) == ("Réalisée", 100)
    assert [r["Valeur"] for r in _rows(now["Mesures"])] == [88, 88]
    assert "1.9" in [r["Code"] for r in _rows(now["Actions"])]


def test_an_action_reads_as_it_was_recorded_before_the_cut_off(plan, coordinator):
    plan.actions.update(created_at=_moment(datetime.date(2026, 7, 1)))
    action = plan.actions.get(code="1.1")
    services.action_save(by=coordinator, plan=plan, action=action, title="Ancien titre")
    action.history.update(history_date=_moment(datetime.date(2026, 9, 1)))
    services.action_save(by=coordinator, plan=plan, action=action, title="Nouveau titre")
    then = _rows(_book(workbook.write(plan, as_of=datetime.date(2026, 10, 1)))["Actions"])
    assert next(r for r in then if r["Code"] == "1.1")["Titre"] == "Ancien titre"
    now = _rows(_book(workbook.write(plan))["Actions"])
    assert next(r for r in now if r["Code"] == "1.1")["Titre"] == "Nouveau titre"


def _snapshot(plan):
    """Every sheet's values but the moments of the last change (they move with any save)."""
    book = _book(workbook.write(plan))
    return {
        sheet.title: [
            [value for value in row if not isinstance(value, datetime.datetime)]
            for row in sheet.iter_rows(values_only=True)
        ]
        for sheet in book.worksheets
    }


def test_round_trip_a_corrected_cell_is_imported_and_nothing_else_moves(
    plan, registry_data, coordinator
):
    before = _snapshot(plan)
    book = _book(workbook.write(plan))
    sheet = book["Actions"]
    codes = [row[1].value for row in sheet.iter_rows(min_row=2)]
    row = codes.index("1.1") + 2
    sheet.cell(row=row, column=3, value="Dépistage du cancer colorectal")  # Titre
    sheet.cell(row=row, column=9, value=87)  # Cible
    buffer = io.BytesIO()
    book.save(buffer)

    lines = imports.parse(SimpleUploadedFile("plan-classeur.xlsx", buffer.getvalue()))
    assert [line.errors for line in lines] == [[], []]
    services.plan_import(by=coordinator, plan=plan, lines=lines, file_name="plan-classeur.xlsx")

    action = plan.actions.get(code="1.1")
    assert action.title == "Dépistage du cancer colorectal"
    assert list(action.resolutions.values_list("number", flat=True)) == ["3"]
    assert Indicator.objects.get(name="Index égalité").target == 87
    after = _snapshot(plan)
    changed = {
        (title, i)
        for title in before
        for i, (old, new) in enumerate(zip(before[title], after[title], strict=True))
        if old != new
    }
    # The action's row; its new title where other sheets name it (its deployments, its
    # framework tags); the indicator's row (its group target, and the mutuelles' targets that
    # follow it). Nothing else.
    assert ("Actions", row - 1) in changed and ("Indicateurs", 1) in changed
    for title, i in changed - {("Indicateurs", 1)}:
        assert "Dépistage du cancer colorectal" in after[title][i], (title, i)
    assert {title for title, _i in changed} == {
        "Actions",
        "Déploiements",
        "Indicateurs",
        "Référentiels",
    }


def test_a_coordinator_downloads_the_workbook_at_a_date(client, coordinator, plan):
    client.force_login(coordinator)
    page = client.get(reverse("actionplan:plan")).text
    assert reverse("actionplan:export", args=["classeur", "xlsx"]) in page
    response = client.get(
        reverse("actionplan:export", args=["classeur", "xlsx"]), {"au": "2026-10-01"}
    )
    assert response.status_code == 200
    assert 'filename="plan-classeur-2026-10-01.xlsx"' in response["Content-Disposition"]
    assert _book(response.content).sheetnames == SHEETS
    for odd in ("demain", "2999-01-01", "2026-13-45"):  # today's figures then
        response = client.get(reverse("actionplan:export", args=["classeur", "xlsx"]), {"au": odd})
        assert response.status_code == 200
        assert f"plan-classeur-{timezone.localdate():%Y-%m-%d}" in response["Content-Disposition"]


@pytest.mark.parametrize("role", ["reader", "ambassador"])
def test_others_do_not_get_the_workbook(client, members, plan, role):
    client.force_login(members[role])
    assert "classeur" not in client.get(reverse("actionplan:plan")).text
    response = client.get(reverse("actionplan:export", args=["classeur", "xlsx"]))
    assert response.status_code == 403


def test_deployments_at_a_date_undo_later_changes_only(plan, deployment, ambassador):
    services.deployment_update(
        deployment=deployment, by=ambassador, status="in_progress", progress=10
    )
    assert Deployment.objects.get(pk=deployment.pk).progress == 10
    rows = _rows(_book(workbook.write(plan, as_of=timezone.localdate()))["Déploiements"])
    assert next(r for r in rows if r["Mutuelle"] == "Mutuelle Armor Santé")["Avancement (%)"] == 10


def test_published_initiatives_tags_are_in_the_frameworks_sheet(plan, mutuelle, ambassador):
    from initiatives.models import Initiative

    frameworks.ship(Framework, FrameworkEntry)
    entry = FrameworkEntry.objects.get(code="ODD 13")
    for published in (True, False):
        initiative = Initiative.objects.create(
            mutuelle=mutuelle,
            author=ambassador,
            title="Vélo au travail" if published else "Brouillon",
            summary="…",
            is_published=published,
            published_at=_moment(datetime.date(2026, 9, 1)) if published else None,
        )
        initiative.frameworks.set([entry])
    rows = _rows(_book(workbook.write(plan))["Référentiels"])
    assert [(r["Nature"], r["Référence"], r["Titre"]) for r in rows if r["Code"] == "ODD 13"] == [
        ("Initiative", "Armor", "Vélo au travail")
    ]
    before = _rows(_book(workbook.write(plan, as_of=datetime.date(2026, 8, 1)))["Référentiels"])
    assert [r["Nature"] for r in before if r["Code"] == "ODD 13"] == ["— rien ne s'y rattache"]


def _deployment_row(sheet, code, mutuelle):
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == code and row[2].value == mutuelle:
            return row
    raise AssertionError((code, mutuelle))


def _reimport(book, coordinator, plan):
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("plan-classeur.xlsx", buffer.getvalue())
    report: dict = {}
    services.plan_import(
        by=coordinator,
        plan=plan,
        lines=imports.parse(upload),
        deployments=imports.parse_deployments(upload),
        file_name="plan-classeur.xlsx",
        report=report,
    )
    return report


def test_the_deployments_sheet_imports_back_by_the_weekly_update_rules(
    plan, deployment, other_deployment, coordinator
):
    book = _book(workbook.write(plan))
    row = _deployment_row(book["Déploiements"], "1.1", "Mutuelle Armor Santé")
    row[3].value, row[4].value, row[5].value = "Réalisée", 100, "Avec la CPAM"
    report = _reimport(book, coordinator, plan)
    assert report["déploiements modifiés"] == 1
    deployment.refresh_from_db()
    assert (deployment.status, deployment.progress, deployment.local_approach) == (
        "done",
        100,
        "Avec la CPAM",
    )
    assert deployment.updated_by == coordinator
    change = DeploymentChange.objects.get(deployment=deployment)
    assert change.after == {"status": "done", "progress": 100, "local_approach": "Avec la CPAM"}
    other_deployment.refresh_from_db()
    assert other_deployment.status == "not_started" and not other_deployment.changes.exists()


def test_a_deployment_line_against_the_rules_imports_nothing_at_all(plan, deployment, coordinator):
    from django.core.exceptions import ValidationError

    book = _book(workbook.write(plan))
    actions = book["Actions"]
    actions.cell(row=2, column=3, value="Titre changé")
    row = _deployment_row(book["Déploiements"], "1.1", "Mutuelle Armor Santé")
    row[3].value, row[4].value = "Pas commencée", 40
    other = _deployment_row(book["Déploiements"], "1.1", "Mutuelle Arverne")
    other[2].value = "Mutuelle Inconnue"
    with pytest.raises(ValidationError) as refused:
        _reimport(book, coordinator, plan)
    line = row[0].row
    assert refused.value.messages == [
        f"Déploiements, ligne {line} : « Pas commencée » va avec 0 % d'avancement (ici 40 %).",
        f"Déploiements, ligne {other[0].row} : l'action 1.1 n'a pas de déploiement pour "
        "« Mutuelle Inconnue ».",
    ]
    deployment.refresh_from_db()
    assert (deployment.status, deployment.progress) == ("not_started", 0)
    assert plan.actions.get(code="1.1").title == "Dépistage"  # the actions too: all or nothing
    assert not DeploymentChange.objects.exists()
