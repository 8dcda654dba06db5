"""The AG report as a PDF: the frozen content (content.gather) laid out by a template, through
the guides' renderer (guides.pdf: WeasyPrint fed only with our own files, tagged PDF/UA) with
the guides' print stylesheet and cover, plus the report's own rules (report-print.css)."""

import copy
import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from actionplan import charts
from actionplan.models import Indicator, Status
from guides import pdf

from .models import ReportVersion

STYLESHEET = "css/report-print.css"
# The matrix shows this many mutuelles side by side (landscape A4); more are split in groups.
MATRIX_COLUMNS = 12
# Up to this many mutuelles, each action lists every mutuelle's local approach; beyond, the
# report gives each one's state and progress only (the approaches are on the intranet).
APPROACHES_UP_TO = 12

STATUS_MARK = {
    Status.NOT_STARTED: "○",
    Status.IN_PROGRESS: "◐",
    Status.DONE: "●",
    Status.BLOCKED: "✕",
    Status.NOT_APPLICABLE: "–",
}
STATUS_CLASS = {
    Status.NOT_STARTED: "st-not-started",
    Status.IN_PROGRESS: "st-in-progress",
    Status.DONE: "st-done",
    Status.BLOCKED: "st-blocked",
    Status.NOT_APPLICABLE: "st-na",
}


def day(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text[:10]) if text else None


def moment(text: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(text) if text else None


def figure(value: str | None, unit: str = "") -> str:
    """A stored number as a French reader reads it: 1 234,5 t."""
    if value is None:
        return "—"
    shown = charts.number(Decimal(value))
    return f"{shown}\u202f{unit}" if unit else shown


@dataclass
class Cell:
    status: str
    label: str
    progress: int
    mark: str
    css: str


@dataclass
class ActionView:
    code: str
    title: str
    raw: dict[str, Any]
    cells: list[Cell | None] = field(default_factory=list)  # by mutuelle, in the report's order
    counts: list[tuple[str, int]] = field(default_factory=list)


def _cell(deployment: dict) -> Cell:
    status = deployment["status"]
    return Cell(
        status=status,
        label=str(Status(status).label),
        progress=deployment["progress"],
        mark=STATUS_MARK.get(status, "?"),
        css=STATUS_CLASS.get(status, ""),
    )


def _chart(indicator: dict) -> charts.BarChart | None:
    points = [(point["label"], point["value"]) for point in indicator["series"]]
    if not points:
        return None
    model = Indicator(
        target=Decimal(indicator["target"]) if indicator["target"] is not None else Decimal(0),
        direction=indicator["direction"],
    )
    return charts.series_chart(
        model, [(label, None if value is None else Decimal(value)) for label, value in points]
    )


def context(content: dict[str, Any], version: ReportVersion | None = None) -> dict[str, Any]:
    """What the template needs, from the frozen content alone (left as it is)."""
    content = copy.deepcopy(content)
    mutuelles = content["mutuelles"]
    names = {m["id"]: m["short_name"] for m in mutuelles}
    names[None] = _("Groupe")
    position = {m["id"]: index for index, m in enumerate(mutuelles)}
    actions: dict[str, ActionView] = {}
    totals: Counter = Counter()
    for raw in content["actions"]:
        view = ActionView(raw["code"], raw["title"], raw, cells=[None] * len(mutuelles))
        raw["due_day"] = day(raw["due_on"])
        counts: Counter = Counter()
        for deployment in raw["deployments"]:
            counts[deployment["status"]] += 1
            totals[deployment["status"]] += 1
            deployment["name"] = names.get(deployment["mutuelle"], "?")
            deployment["label"] = str(Status(deployment["status"]).label)
            if deployment["mutuelle"] in position:
                view.cells[position[deployment["mutuelle"]]] = _cell(deployment)
        view.counts = [(str(Status(s).label), counts[s]) for s in Status.values if counts[s]]
        actions[raw["code"]] = view
    resolutions = [
        {**resolution, "views": [actions[c] for c in resolution["actions"] if c in actions]}
        for resolution in content["resolutions"]
    ]
    carried = {code for r in content["resolutions"] for code in r["actions"]}
    groups = [
        {
            "mutuelles": mutuelles[start : start + MATRIX_COLUMNS],
            "rows": [
                (view, view.cells[start : start + MATRIX_COLUMNS]) for view in actions.values()
            ],
            "first": start + 1,
            "last": min(start + MATRIX_COLUMNS, len(mutuelles)),
        }
        for start in range(0, len(mutuelles), MATRIX_COLUMNS)
    ]
    group_actions = [view for view in actions.values() if view.raw["scope"] == "group"]
    indicators = []
    for indicator in content["indicators"]:
        unit = indicator["unit"]
        rows = []
        for row in indicator["mutuelles"]:
            target = row["target"] or indicator["target"]
            rows.append(
                {
                    "name": names.get(row["mutuelle"], "?"),
                    "value": figure(row["value"], unit),
                    "target": figure(target, unit),
                    "own_target": row["target"] is not None,
                }
            )
        indicators.append(
            {
                **indicator,
                "chart": _chart(indicator),
                "rows": rows,
                "baseline_shown": figure(indicator["baseline"], unit),
                "baseline_day": day(indicator["baseline_on"]),
                "target_shown": figure(indicator["target"], unit),
                "latest_shown": figure(indicator["latest"]["value"], unit),
                "missing": [names.get(pk, "?") for pk in indicator["latest"]["excluded"]],
                "series_shown": [
                    {
                        **point,
                        "shown": figure(point["value"], unit),
                        "missing": [names.get(pk, "?") for pk in point["excluded"]],
                    }
                    for point in indicator["series"]
                ],
            }
        )
    changes = content["changes"]
    kinds = [*Status.values, "progress"]
    kind_labels = {**{s: str(Status(s).label) for s in Status.values}, "progress": _("Avancement")}
    months = [
        (day(month), [counts.get(kind, 0) for kind in kinds])
        for month, counts in changes["by_month"]
    ]
    listed = [
        {
            **event,
            "when_shown": moment(event["when"]),
            "name": names.get(event["mutuelle"], "?"),
            "label": kind_labels.get(event["status"], _("Avancement")),
            "title": actions[event["action"]].title if event["action"] in actions else "",
        }
        for event in changes["listed"]
    ]
    feedback = [
        {
            **item,
            "when_shown": moment(item["when"]),
            "answered_shown": moment(item["answered_on"]),
            "name": names.get(item["mutuelle"], "?"),
        }
        for item in content["feedback"]
    ]
    csess = next((f for f in content["frameworks"] if f["slug"] == content["csess"]), None)
    missing = [
        {
            "name": indicator["name"],
            "label": indicator["latest"]["label"],
            "who": indicator["missing"],
        }
        for indicator in indicators
        if indicator["missing"]
    ]
    unsaid = [
        view
        for view in actions.values()
        if view.raw["scope"] != "group"
        and any(d["status"] == Status.NOT_STARTED for d in view.raw["deployments"])
    ]
    progress_values = [
        view.raw["progress"]["value"]
        for view in actions.values()
        if view.raw["progress"]["value"] is not None
    ]
    static = f"{settings.SITE_URL}{settings.STATIC_URL}"
    assembly = content["assembly"]
    cut_off = day(content["cut_off"])
    facts = [
        (_("Assemblée générale"), assembly["name"]),
        (_("Données arrêtées au"), formats.date_format(cut_off, "j F Y")),
    ]
    if version is not None:
        facts.append((_("Version"), str(version.number)))
    if content["plan"]:
        facts.append((_("Plan d'action"), content["plan"]["title"]))
    return {
        "content": content,
        "version": version,
        "assembly": assembly,
        "held_on": day(assembly["held_on"]),
        "cut_off": cut_off,
        "previous": content["previous"],
        "previous_held_on": day(content["previous"]["held_on"]) if content["previous"] else None,
        "plan": content["plan"],
        "mutuelles": mutuelles,
        "resolutions": resolutions,
        "actions": list(actions.values()),
        "uncarried": [view for code, view in actions.items() if code not in carried],
        "group_actions": group_actions,
        "matrix_groups": groups,
        "legend": [(STATUS_MARK[s], str(Status(s).label), STATUS_CLASS[s]) for s in Status.values],
        "with_approaches": len(mutuelles) <= APPROACHES_UP_TO,
        "approaches_up_to": APPROACHES_UP_TO,
        "indicators": indicators,
        "changes": changes,
        "change_kinds": [kind_labels[k] for k in kinds],
        "months": months,
        "listed": listed,
        "feedback": feedback,
        "answered": sum(1 for item in feedback if item["answer"]),
        "csess": csess,
        "frameworks": content["frameworks"],
        "missing": missing,
        "unsaid": unsaid,
        "totals": [(str(Status(s).label), totals[s]) for s in Status.values],
        "deployments_total": sum(totals.values()),
        "mean_progress": round(sum(progress_values) / len(progress_values))
        if progress_values
        else None,
        "stylesheets": [f"{static}{pdf.STYLESHEET}", f"{static}{STYLESHEET}"],
        "logo": f"{static}{pdf.LOGO}",
        "cover_facts": facts,
        "site_url": settings.SITE_URL,
    }


def html_for(version: ReportVersion) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string("rapports/pdf.html", context(version.content or {}, version))


def render(
    version: ReportVersion, step: Callable[[str, int], None] = lambda text, percent: None
) -> tuple[bytes, int]:
    """The PDF of `version` from its frozen content, and its number of pages."""
    with translation.override(settings.LANGUAGE_CODE):
        step(_("Composition du document"), 60)
        html = html_for(version)
        step(_("Mise en page (la plus longue étape)"), 65)
        document = pdf.layout(html)
        step(_("Écriture du PDF (%(pages)s pages)") % {"pages": len(document.pages)}, 90)
        return document.write_pdf(**pdf.OPTIONS), len(document.pages)
