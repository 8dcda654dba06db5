from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from actionplan.models import Deployment, Status

register = template.Library()


@register.filter
def field_label(name: str) -> str:
    """The French label of a deployment field kept in the history."""
    return Deployment._meta.get_field(name).verbose_name


@register.filter
def field_value(value, name: str):
    if name == "status":
        return Status(value).label if value in Status.values else value
    if name == "progress":
        return f"{value} %"
    return value or "—"


@register.filter
def quarter(day) -> str:
    """A quarter by its first day, as the plan names it: "T4 2026"."""
    return _("T%(q)s %(year)s") % {"q": (day.month - 1) // 3 + 1, "year": day.year}


def _classes(cell) -> str:
    return f"s-{escape(cell.status)}" + (" is-stale" if cell.stale else "")


@register.simple_tag
def matrix_body(board):
    """The rows of the actions x mutuelles matrix. Built here rather than in template tags:
    a page holds hundreds of cells, and this keeps the dashboard fast (see `make bench`)."""
    columns = len(board.mutuelles)
    url = reverse("actionplan:deployment", args=[0]).removesuffix("0/")  # ".../deploiements/"
    stale_text = escape(
        _("sans nouvelle depuis %(days)s jours") % {"days": settings.RSE_STALE_AFTER.days}
    )
    group_text = escape(_("Portée par le groupe"))
    parts, axis_id = [], None
    for row in board.rows:
        action = row.action
        if action.axis_id != axis_id:
            axis_id = action.axis_id
            title = _("Axe %(number)s · %(title)s") % {
                "number": action.axis.number,
                "title": action.axis.title,
            }
            parts.append(
                f'<tr class="matrix-axis"><th scope="rowgroup" colspan="{columns + 1}">'
                f"{escape(title)}</th></tr>"
            )
        parts.append(
            f'<tr><th scope="row" class="matrix-action"><a href="{action.get_absolute_url()}">'
            f'{escape(action.code)}</a> <span class="small">'
            f"{escape(Truncator(action.title).chars(60))}</span></th>"
        )
        if row.is_group:
            cell = row.cells[0]
            inner = ""
            if cell:
                inner = (
                    f'<a class="cell cell-wide {_classes(cell)}" href="{url}{cell.deployment_id}/"'
                    f' data-status="{escape(cell.status)}">'
                    f'{group_text} · {cell.progress} %<span class="visually-hidden"> · '
                    f"{escape(cell.label)}</span></a>"
                )
            parts.append(f'<td colspan="{columns}">{inner}</td>')
        else:
            for cell in row.cells:
                if cell is None:
                    parts.append("<td></td>")
                    continue
                stale = f" · {stale_text}" if cell.stale else ""
                parts.append(
                    f'<td><a class="cell {_classes(cell)}" href="{url}{cell.deployment_id}/" '
                    f'data-status="{escape(cell.status)}">'
                    f'{cell.progress}<span class="visually-hidden"> % · {escape(cell.label)}'
                    f"{stale}</span></a></td>"
                )
        parts.append("</tr>")
    if not board.rows:
        parts.append(
            f'<tr><td colspan="{columns + 1}">'
            f"{escape(_('Aucune action ne correspond à ces filtres.'))}</td></tr>"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
