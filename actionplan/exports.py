"""The matrix and the indicators as CSV (for any tool) or XLSX (for Excel), and the whole plan as
one workbook (`workbook.py`), for coordinators."""

import datetime

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import tabular

from . import workbook
from .models import Measurement, Status
from .selectors import dashboard


def matrix_rows(plan):
    board = dashboard(plan, every_row=True)
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


def cutoff_day(text: str | None) -> datetime.date | None:
    """The day of `?au=AAAA-MM-JJ`: None (today) when absent, unreadable or in the future."""
    try:
        day = datetime.date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if day < timezone.localdate() else None


def workbook_response(plan, as_of: datetime.date | None = None) -> HttpResponse:
    """The whole plan as one workbook (`workbook.write`), named for the day it shows."""
    day = as_of or timezone.localdate()
    return HttpResponse(
        workbook.write(plan, as_of=as_of),
        content_type=tabular.CONTENT_TYPES["xlsx"],
        headers={
            "Content-Disposition": f'attachment; filename="plan-classeur-{day:%Y-%m-%d}.xlsx"'
        },
    )


def response(plan, kind: str, fmt: str, as_of: datetime.date | None = None) -> HttpResponse:
    if kind == "classeur" and fmt == "xlsx":
        return workbook_response(plan, as_of)
    builders = {
        "matrice": (matrix_rows, _("Matrice")),
        "indicateurs": (indicator_rows, _("Indicateurs")),
    }
    if kind not in builders or fmt not in tabular.CONTENT_TYPES:
        raise Http404
    build, title = builders[kind]
    return tabular.response(build(plan), fmt=fmt, name=f"plan-{kind}", title=title)
