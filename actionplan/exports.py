"""The matrix and the indicators as CSV (for any tool) or XLSX (for Excel), for coordinators."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from .models import Measurement, Status
from .selectors import dashboard

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def matrix_rows(plan):
    board = dashboard(plan, page_size=None)
    labels = dict(Status.choices)
    header = [_("Axe"), _("Code"), _("Action"), _("Pilote"), _("Échéance"), _("Portée")]
    for mutuelle in board.mutuelles:
        header += [
            _("%(mutuelle)s – état") % {"mutuelle": mutuelle.short_name},
            _("%(mutuelle)s – avancement (%%)") % {"mutuelle": mutuelle.short_name},
        ]
    yield header
    for row in board.rows:
        action = row.action
        line = [
            action.axis.number,
            action.code,
            action.title,
            action.owner,
            action.due_on,
            action.get_scope_display(),
        ]
        cells = row.cells * len(board.mutuelles) if row.is_group else row.cells
        for cell in cells:
            line += [labels[cell.status], cell.progress] if cell else ["", ""]
        yield line


def indicator_rows(plan):
    yield [
        _("Indicateur"),
        _("Unité"),
        _("Cible"),
        _("Sens"),
        _("Mutuelle"),
        _("Trimestre"),
        _("Valeur"),
        _("Cible atteinte"),
    ]
    measurements = (
        Measurement.objects.filter(indicator__plan=plan)
        .select_related("indicator", "mutuelle")
        .order_by("indicator__name", "mutuelle__name", "period")
    )
    for m in measurements:
        indicator = m.indicator
        yield [
            indicator.name,
            indicator.unit,
            indicator.target,
            indicator.get_direction_display(),
            m.mutuelle.name,
            m.period,
            m.value,
            _("oui") if indicator.reached(m.value) else _("non"),
        ]


def _plain(row) -> list:
    """Cells as Excel and CSV take them: lazy translations become text, None an empty cell."""
    return [
        "" if value is None else str(value) if isinstance(value, Promise) else value
        for value in row
    ]


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow(_plain(row))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8 then


def xlsx_bytes(rows, title) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(_plain(row))
        for cell in sheet[sheet.max_row]:
            # Text from people (titles imported from spreadsheets...) never becomes a formula.
            if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
                cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def response(plan, kind: str, fmt: str) -> HttpResponse:
    builders = {
        "matrice": (matrix_rows, _("Matrice")),
        "indicateurs": (indicator_rows, _("Indicateurs")),
    }
    if kind not in builders or fmt not in CONTENT_TYPES:
        raise Http404
    build, title = builders[kind]
    rows = build(plan)
    content = csv_bytes(rows) if fmt == "csv" else xlsx_bytes(rows, title)
    name = f"plan-{kind}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    return HttpResponse(
        content,
        content_type=CONTENT_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
