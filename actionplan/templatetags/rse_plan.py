import functools

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from actionplan import quantities
from actionplan.models import Deployment, Status

register = template.Library()


@register.filter
def quantity(value) -> str:
    """A measured value, a target, a baseline: 85, 4,5 (no trailing zeros)."""
    return quantities.text(value)


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


@functools.cache
def _status_labels(language: str) -> dict[str, str]:
    """Each status's label, escaped, in `language`: read once, not once per card."""
    return {value: escape(str(label)) for value, label in Status.choices}


def _status_options(language: str, current: str) -> str:
    """The options of a status select, `current` chosen (one select per card); a status sent
    that is none of them (a refused save) chooses none."""
    return _options_choosing(language, current if current in Status.values else "")


@functools.cache
def _options_choosing(language: str, current: str) -> str:
    return "".join(
        f'<option value="{value}"{" selected" if value == current else ""}>{label}</option>'
        for value, label in _status_labels(language).items()
    )


@functools.cache
def _status_line(language: str, status: str, progress: int) -> str:
    """A deployment's state as `actionplan/partials/status.html` shows it everywhere: rendered
    once per status and progress (a few hundred at most), not once per card."""
    shown = Deployment(status=status, progress=progress)
    return render_to_string("actionplan/partials/status.html", {"deployment": shown})


def _card_dates(deployment: Deployment, short: str) -> str:
    """A card's due date and last review, "Échéance 31/12/2026 · dernier point le 02/11/2026 par
    Marie Dupont", dates in the `short` format."""
    parts = []
    if deployment.action.due_on:
        due = dateformat.format(deployment.action.due_on, short)
        parts.append(_("Échéance %(date)s") % {"date": due})
    if deployment.reviewed_at:
        when = dateformat.format(timezone.localtime(deployment.reviewed_at), short)
        name = str(deployment.reviewed_by) if deployment.reviewed_by else "—"
        parts.append(_("dernier point le %(date)s par %(name)s") % {"date": when, "name": name})
    return " · ".join(parts)


def _deployment_url_prefix() -> str:
    """The start of every deployment's address, ".../deploiements/": a list of hundreds of cards
    adds each one's id to it rather than reversing its address once per card."""
    return reverse("actionplan:deployment", args=[0]).removesuffix("0/")


@functools.cache
def _card_words(language: str, stale_days: int) -> dict[str, str]:
    """What every card of "Ma mutuelle" says, escaped, in `language`."""
    return {
        key: escape(text)
        for key, text in {
            "overdue": _("En retard"),
            "blocked": _("Bloquée"),
            "never": _("Jamais mise à jour"),
            "stale": _("Sans nouvelle depuis %(days)s jours") % {"days": stale_days},
            "status": _("État"),
            "progress": _("Avancement (%)"),
            "next_step": _("Prochaine étape"),
            "approach": _("Démarche locale"),
            "review": _("Rien de neuf"),
            "unsaved": _("Modification non enregistrée"),
            "next_step_read": _("Prochaine étape :"),
        }.items()
    }


@register.simple_tag
def weekly_cards(cards, editable: bool) -> str:
    """The cards of "Ma mutuelle", each an action of the mutuelle: its fields when `editable`,
    else its state read only. Built here rather than in template tags, like the matrix: a page
    holds up to hundreds, and what is the same on each (its words, the options of its select,
    the start of its address) is written once."""
    language = get_language()
    words = _card_words(language, settings.RSE_STALE_AFTER.days)
    badges = (
        ("need_overdue", "badge-warning", words["overdue"]),
        ("need_blocked", "badge-warning", words["blocked"]),
        ("need_never", "badge-attention", words["never"]),
        ("need_stale", "badge-attention", words["stale"]),
    )
    urls = _deployment_url_prefix()
    short = get_format("SHORT_DATE_FORMAT")
    parts = []
    for deployment in cards:
        pk = str(deployment.pk)
        action = deployment.action
        faults = deployment.faults
        needs = " ".join(
            f'<span class="badge {style}">{word}</span>'
            for flag, style, word in badges
            if getattr(deployment, flag, False)
        )
        parts.append(
            f'<li class="card panel{" has-error" if faults else ""}" id="deployment-{pk}" '
            f'data-card>\n  <div class="card-head">\n    <h3><a href="{urls}{pk}/">'
            f"{escape(action.code)} · {escape(action.title)}</a></h3>\n"
            f'    <p class="card-needs">{needs}</p>\n'
            f'    <p class="small muted">{escape(_card_dates(deployment, short))}</p>\n'
            "  </div>\n"
        )
        if editable:
            progress = escape(deployment.progress)  # as typed, when a save was refused
            parts.append(
                f'  <input type="hidden" name="d{pk}-seen" '
                f'value="{escape(deployment.updated_at.isoformat())}">\n'
                '  <div class="card-fields">\n'
                f'    <div class="field"><label for="d{pk}-status">{words["status"]}</label>'
                f'<select id="d{pk}-status" name="d{pk}-status" data-status>'
                f"{_status_options(language, deployment.status)}</select></div>\n"
                f'    <div class="field"><label for="d{pk}-progress">{words["progress"]}</label>'
                f'<input type="number" min="0" max="100" step="1" inputmode="numeric" '
                f'id="d{pk}-progress" name="d{pk}-progress" value="{progress}" '
                "data-progress></div>\n"
                f'    <div class="field field-wide"><label for="d{pk}-next_step">'
                f'{words["next_step"]}</label><input type="text" maxlength="250" '
                f'id="d{pk}-next_step" name="d{pk}-next_step" '
                f'value="{escape(deployment.next_step)}"></div>\n'
                "  </div>\n"
                f'  <details class="more"{" open" if faults else ""}>'
                f"<summary>{words['approach']}</summary>"
                f'<label class="visually-hidden" for="d{pk}-local_approach">'
                f'{words["approach"]}</label><textarea rows="3" id="d{pk}-local_approach" '
                f'name="d{pk}-local_approach">{escape(deployment.local_approach)}</textarea>'
                "</details>\n"
                '  <div class="card-foot">'
                f'<input class="review-box" type="checkbox" id="r{pk}" name="reviewed" '
                f'value="{pk}"{" checked" if deployment.review_checked else ""}>'
                f'<label class="review-toggle" for="r{pk}">{words["review"]}</label>'
                f'<span class="unsaved" data-unsaved-mark hidden>{words["unsaved"]}</span>'
                "</div>\n"
                f'  <div class="card-errors" id="errors-d{pk}">'
                + "".join(f'<p role="alert">{escape(fault)}</p>' for fault in faults)
                + "</div>\n"
            )
        else:
            parts.append(f"  {_status_line(language, deployment.status, deployment.progress)}\n")
            if deployment.local_approach:
                approach = linebreaksbr(deployment.local_approach, autoescape=True)
                parts.append(f"  <p>{approach}</p>\n")
            if deployment.next_step:
                parts.append(
                    f'  <p class="small"><strong>{words["next_step_read"]}</strong> '
                    f"{escape(deployment.next_step)}</p>\n"
                )
        parts.append("</li>\n")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


@register.filter
def quarter(day) -> str:
    """A quarter by its first day, as the plan names it: "T4 2026"."""
    return _("T%(q)s %(year)s") % {"q": (day.month - 1) // 3 + 1, "year": day.year}


@functools.cache
def _classes_of(status: str, stale: bool) -> str:
    return f"s-{escape(status)}" + (" is-stale" if stale else "")


def _classes(cell) -> str:
    return _classes_of(cell.status, cell.stale)


_escaped = functools.cache(escape)  # a cell's status, one of a few words


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
    labels = _status_labels(get_language())  # once, not per cell
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
                    f' data-status="{_escaped(cell.status)}">'
                    f'{group_text} · {cell.progress} %<span class="visually-hidden"> · '
                    f"{labels[cell.status]}</span></a>"
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
                    f'data-status="{_escaped(cell.status)}">'
                    f'{cell.progress}<span class="visually-hidden"> % · {labels[cell.status]}'
                    f"{stale}</span></a></td>"
                )
        parts.append("</tr>")
    if not board.rows:
        parts.append(
            f'<tr><td colspan="{columns + 1}">'
            f"{escape(_('Aucune action ne correspond à ces filtres.'))}</td></tr>"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


@register.simple_tag
def matrix_cards(board):
    """The same cells, a card per mutuelle (and one for the group's actions): how the matrix
    reads on a phone, where its columns would not fit. Built here for the reason above."""
    url = reverse("actionplan:deployment", args=[0]).removesuffix("0/")
    stale_text = escape(
        _("sans nouvelle depuis %(days)s jours") % {"days": settings.RSE_STALE_AFTER.days}
    )

    # A cell's words are the same in every card: each is escaped once, not once a card.
    names = {row.action.pk: escape(row.action.code) for row in board.rows}
    titles = {row.action.pk: escape(Truncator(row.action.title).chars(60)) for row in board.rows}
    labels = _status_labels(get_language())

    def card(key, title, cells):
        items = []
        for action, cell in cells:
            if cell is None:
                continue
            stale = f" · {stale_text}" if cell.stale else ""
            items.append(
                f'<li><a class="cell {_classes(cell)}" href="{url}{cell.deployment_id}/">'
                f'{names[action.pk]} · {cell.progress} %<span class="visually-hidden"> · '
                f"{titles[action.pk]} · {labels[cell.status]}{stale}</span></a></li>"
            )
        if not items:
            return ""
        return (
            f'<section class="matrix-card" aria-labelledby="matrix-card-{key}">'
            f'<h4 id="matrix-card-{key}">{escape(title)}</h4>'
            f'<ul class="matrix-card-cells">{"".join(items)}</ul></section>'
        )

    group = [(row.action, row.cells[0]) for row in board.rows if row.is_group]
    parts = [card("groupe", _("Actions portées par le groupe"), group)]
    mutuelle_rows = [row for row in board.rows if not row.is_group]
    for index, mutuelle in enumerate(board.mutuelles):
        cells = [(row.action, row.cells[index]) for row in mutuelle_rows]
        parts.append(card(escape(mutuelle.slug), mutuelle.name, cells))
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


@register.simple_tag
def chart_bars(chart):
    """The bars of a bar chart (actionplan.charts.BarChart), each with its label and value:
    built here, like the matrix, as the dashboard draws six charts of a bar per mutuelle."""
    label_x, left, pale = chart.label_x, chart.plot_left, ' fill-opacity="0.4"'
    return mark_safe(  # noqa: S308 - the texts are escaped, the rest are numbers and colours
        "".join(
            f'<text x="{label_x}" y="{bar.text_y}" text-anchor="end" class="chart-label">'
            f"{escape(bar.label)}</text>\n"
            f'  <rect x="{left}" y="{bar.y}" width="{bar.width}" height="18" rx="3" '
            f'fill="{escape(bar.colour)}"{"" if bar.reached else pale}/>\n'
            f'  <text x="{bar.text_x}" y="{bar.text_y}" class="chart-value">'
            f"{escape(bar.text)}</text>\n  "
            for bar in chart.bars
        )
    )


@register.simple_tag
def chart_figures(chart):
    """The rows of the data table beside an indicator's chart: a mutuelle, its latest value,
    whether it reaches the target. Built here for the reason above."""
    return mark_safe(  # noqa: S308 - every text is escaped
        "".join(
            f'<tr><th scope="row">{escape(bar.label)}</th><td>{escape(bar.figure)}</td>'
            f"<td>{escape(bar.verdict)}</td></tr>"
            for bar in chart.bars
        )
    )


@register.simple_tag
def progress_figures(progress):
    """The rows of the data table beside the chart of progress by mutuelle (`Dashboard.
    by_mutuelle`): each mutuelle, linked to its page, and its mean progress."""
    url = reverse("mutuelles:detail", args=["-"]).removesuffix("-/")  # ".../mutuelles/"
    return mark_safe(  # noqa: S308 - every text is escaped
        "".join(
            f'<tr><th scope="row"><a href="{url}{escape(mutuelle.slug)}/">'
            f"{escape(mutuelle.name)}</a></th><td>{value} %</td></tr>"
            for mutuelle, value in progress
        )
    )
