"""The plan as one XLSX workbook, a sheet per part of the AG's report (issue #14 part 6): the
coordinators correct it in Excel and import it back, the report stores it beside its PDF.

`write(plan, as_of=day)` gives the plan as it stood at the end of `day` (Paris time):
- actions as recorded last before it (their history), the ones created after it left out;
- deployments with the changes made after it undone (`DeploymentChange`, newest first);
- indicators as recorded last before it, the mutuelles' targets set before it, measures as
  entered last before it (`registry.measured_values`), the group's figure from those;
- field feedback written before it, with the answers given before it; resolutions voted before
  it. Framework tags are today's: the record keeps their changes as names, not as a state.

The "Actions" sheet has the import's columns, named as the import reads them (French names
are the file's format, not interface text: they are not translated), so the sheet can be
corrected and imported back (`imports.parse` reads the sheet of that name).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import tabular
from mutuelles.models import FrameworkEntry, Mutuelle

from . import registry
from .dates import period_label
from .models import (
    Action,
    ActionPlan,
    Deployment,
    DeploymentChange,
    FieldFeedback,
    Indicator,
    IndicatorTarget,
    Resolution,
    Rollup,
    Scope,
    Status,
)

ACTIONS_SHEET = "Actions"
DEPLOYMENTS_SHEET = "Déploiements"
# The import's columns, in its order (imports.COLUMNS reads them, accents and case ignored).
ACTION_COLUMNS = [
    "Axe",
    "Code",
    "Titre",
    "Description",
    "Pilote",
    "Échéance",
    "Portée",
    "Indicateur",
    "Cible",
    "Unité",
    "Résolution",
]
SCOPE_WORDS: dict[str, str] = {Scope.MUTUELLE: "mutuelle", Scope.GROUP: "groupe"}
DEPLOYMENT_COLUMNS = [
    "Code",
    "Action",
    "Mutuelle",
    "État",
    "Avancement (%)",
    "Démarche locale",
    "Prochaine étape",
    "Mis à jour le",
]
GROUP = "Groupe"  # the mutuelle column of a deployment carried by the group itself


# --- What later apps tag (initiatives, guides): they register a source from their ready() ---

# source(as_of) -> (kind label, [(reference, title, [entries])]) of what it tags.
Tagged = tuple[str, str, Sequence[FrameworkEntry]]
TagSource = Callable[[datetime.datetime | None], tuple[str, Iterable[Tagged]]]
_tag_sources: list[TagSource] = []


def register_tags(source: TagSource) -> None:
    """A later app's part of the "Référentiels" sheet (this app may not import it)."""
    _tag_sources.append(source)


# --- The plan at a date -------------------------------------------------------------------------


def cutoff(as_of: datetime.date | None) -> datetime.datetime | None:
    """The last moment of `as_of` in the local time zone (None: now, as stored)."""
    if as_of is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(as_of, datetime.time.max))


def _actions(plan: ActionPlan, moment: datetime.datetime | None) -> list[Action]:
    """The plan's actions as they stood at `moment`: fields from their last record before it
    (today's values for an action with no record yet, e.g. bulk-loaded demo data)."""
    actions = list(
        plan.actions.select_related("axis")
        .prefetch_related("resolutions", "indicators", "frameworks")
        .order_by("axis__number", "position", "code")
    )
    if moment is None:
        return actions
    actions = [action for action in actions if action.created_at <= moment]
    records = (
        Action.history.filter(id__in=[a.pk for a in actions], history_date__lte=moment)
        .order_by("id", "-history_date", "-history_id")
        .values("id", "axis_id", "code", "title", "description", "owner", "due_on", "scope")
    )
    latest: dict[int, dict[str, Any]] = {}
    for record in records:
        latest.setdefault(record.pop("id"), record)
    axes = {axis.pk: axis for axis in plan.axes.all()}
    for action in actions:
        for name, value in latest.get(action.pk, {}).items():
            if name == "axis_id":
                action.axis = axes.get(value, action.axis)
            else:
                setattr(action, name, value)
    return sorted(actions, key=lambda a: (a.axis.number, a.position, a.code))


TRACKED = ("status", "progress", "local_approach", "next_step")


Dated = list[tuple[Deployment, datetime.datetime | None]]
Dated_by = dict[int, Dated]


def _deployments(actions: Sequence[Action], moment: datetime.datetime | None) -> Dated:
    """The deployments of `actions`, each with the changes made after `moment` undone, and
    when each was last updated up to then (None: never)."""
    deployments = list(
        Deployment.objects.filter(action__in=actions)
        .select_related("mutuelle")
        .order_by("mutuelle__name")
    )
    if moment is None:
        return [(deployment, deployment.updated_at) for deployment in deployments]
    by_pk = {deployment.pk: deployment for deployment in deployments}
    later = DeploymentChange.objects.filter(
        deployment__in=deployments, changed_at__gt=moment
    ).order_by("-changed_at", "-pk")
    undone: set[int] = set()
    for change in later:
        deployment = by_pk[change.deployment_id]
        for name, value in change.before.items():
            if name in TRACKED:
                setattr(deployment, name, value)
        deployment.progress = change.progress_before
        undone.add(deployment.pk)
    # An undone deployment was last updated by its last change up to the cut-off, if any.
    last: dict[int, datetime.datetime | None] = dict.fromkeys(undone)
    for deployment_id, changed_at in (
        DeploymentChange.objects.filter(
            deployment_id__in=undone, changed_at__lte=moment, is_review=False
        )
        .order_by("changed_at")
        .values_list("deployment_id", "changed_at")
    ):
        last[deployment_id] = changed_at
    return [
        (deployment, last[deployment.pk] if deployment.pk in undone else deployment.updated_at)
        for deployment in deployments
    ]


def _indicators(plan: ActionPlan, moment: datetime.datetime | None) -> list[Indicator]:
    indicators = list(
        plan.indicators.select_related("action").prefetch_related("frameworks").order_by("name")
    )
    if moment is None:
        return indicators
    fields = ["name", "unit", "target", "direction", "definition", "owner", "period"]
    fields += ["baseline", "baseline_on", "rollup"]
    records = (
        Indicator.history.filter(id__in=[i.pk for i in indicators], history_date__lte=moment)
        .order_by("id", "-history_date", "-history_id")
        .values("id", *fields)
    )
    latest: dict[int, dict[str, Any]] = {}
    for record in records:
        latest.setdefault(record.pop("id"), record)
    for indicator in indicators:
        for name, value in latest.get(indicator.pk, {}).items():
            setattr(indicator, name, value)
    return indicators


# --- The sheets --------------------------------------------------------------------------------


def _number(value: Decimal | None) -> int | Decimal | None:
    """A stored amount as Excel shows it best: 85 rather than 85.00."""
    if value is None:
        return None
    return int(value) if value == value.to_integral() else value


def action_rows(actions: Sequence[Action], moment: datetime.datetime | None) -> Iterator[list]:
    yield list(ACTION_COLUMNS)
    for action in actions:
        indicators = sorted(action.indicators.all(), key=lambda i: i.name)
        indicator = indicators[0] if indicators else None
        resolutions = [
            r.number
            for r in action.resolutions.all()
            if moment is None or r.voted_on <= moment.date()
        ]
        yield [
            action.axis.number,
            action.code,
            action.title,
            action.description,
            action.owner,
            action.due_on,
            SCOPE_WORDS.get(action.scope, action.scope),
            indicator.name if indicator else "",
            _number(indicator.target) if indicator else None,
            indicator.unit if indicator else "",
            ", ".join(resolutions),
        ]


def deployment_rows(actions: Sequence[Action], deployments: Dated) -> Iterator[list]:
    yield list(DEPLOYMENT_COLUMNS)
    by_action: Dated_by = defaultdict(list)
    for deployment, updated in deployments:
        by_action[deployment.action_id].append((deployment, updated))
    with translation.override("fr"):  # the states as the import reads them back
        labels = {value: str(label) for value, label in Status.choices}
    for action in actions:
        for deployment, updated in by_action[action.pk]:
            yield [
                action.code,
                action.title,
                deployment.mutuelle.name if deployment.mutuelle else GROUP,
                labels.get(deployment.status, deployment.status),
                deployment.progress,
                deployment.local_approach,
                deployment.next_step,
                updated,
            ]


def indicator_rows(
    indicators: Sequence[Indicator],
    mutuelles: Sequence[Mutuelle],
    moment: datetime.datetime | None,
    values: dict[int, registry.Values],
) -> Iterator[list]:
    header = [
        _("Indicateur"),
        _("Action"),
        _("Unité"),
        _("Sens"),
        _("Périodicité"),
        _("Définition"),
        _("Responsable"),
        _("Valeur de référence"),
        _("Date de la référence"),
        _("Cible du groupe"),
    ]
    header += [_("Cible %(mutuelle)s") % {"mutuelle": m.short_name} for m in mutuelles]
    header += [
        _("Calcul du chiffre du groupe"),
        _("Dernière période mesurée"),
        _("Chiffre du groupe"),
        _("Comment il est obtenu"),
    ]
    yield header
    targets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    stored = IndicatorTarget.objects.filter(indicator__in=indicators)
    if moment is not None:
        stored = stored.filter(set_at__lte=moment)
    for indicator_id, mutuelle_id, value in stored.values_list(
        "indicator_id", "mutuelle_id", "value"
    ):
        targets[indicator_id][mutuelle_id] = value
    for indicator in indicators:
        own = values.get(indicator.pk, {})
        period = max((p for _m, p in own), default=None)
        figure = registry.group_figure(indicator, mutuelles, own, period)
        line = [
            indicator.name,
            indicator.action.code if indicator.action else "",
            indicator.unit,
            indicator.get_direction_display(),
            indicator.get_period_display(),
            indicator.definition,
            indicator.owner,
            _number(indicator.baseline),
            indicator.baseline_on,
            _number(indicator.target),
        ]
        line += [_number(targets[indicator.pk].get(m.pk, indicator.target)) for m in mutuelles]
        line += [
            str(Rollup(indicator.rollup).label),
            period_label(period, indicator.period) if period else "",
            _number(figure.value),
            figure.explanation,
        ]
        yield line


def measure_rows(
    indicators: Sequence[Indicator],
    mutuelles: Sequence[Mutuelle],
    values: dict[int, registry.Values],
) -> Iterator[list]:
    yield [
        _("Indicateur"),
        _("Unité"),
        _("Mutuelle"),
        _("Période"),
        _("Début de la période"),
        _("Valeur"),
    ]
    names = {m.pk: m.name for m in Mutuelle.objects.all()}
    for indicator in indicators:
        own = values.get(indicator.pk, {})
        periods = sorted({period for _m, period in own})
        for period in periods:
            rows = sorted(
                (
                    (names.get(mutuelle_id, ""), value)
                    for (mutuelle_id, p), value in own.items()
                    if p == period
                ),
            )
            for name, value in rows:
                label = period_label(period, indicator.period)
                yield [indicator.name, indicator.unit, name, label, period, _number(value)]
            figure = registry.group_figure(indicator, mutuelles, own, period)
            if figure.value is not None:
                yield [
                    indicator.name,
                    indicator.unit,
                    _("Groupe (%(method)s)") % {"method": figure.method_label.lower()},
                    period_label(period, indicator.period),
                    period,
                    _number(figure.value),
                ]


def feedback_rows(plan: ActionPlan, moment: datetime.datetime | None) -> Iterator[list]:
    yield [
        _("Date"),
        _("Mutuelle"),
        _("Sujet"),
        _("Action"),
        _("Ressenti"),
        _("Ce qui remonte du terrain"),
        _("Réponse de la coordination"),
        _("Répondu le"),
    ]
    feedback = (
        FieldFeedback.objects.filter(mutuelle__isnull=False)
        .select_related("mutuelle", "action")
        .order_by("created_at", "pk")
    )
    if moment is not None:
        feedback = feedback.filter(created_at__lte=moment)
    for item in feedback:
        answered = item.handled_at is not None and (moment is None or item.handled_at <= moment)
        yield [
            item.created_at,
            item.mutuelle.name,
            item.subject,
            item.action.code if item.action and item.action.plan_id == plan.pk else "",
            item.get_sentiment_display(),
            item.text,
            item.answer if answered else "",
            item.handled_at if answered else None,
        ]


def framework_rows(
    actions: Sequence[Action],
    indicators: Sequence[Indicator],
    moment: datetime.datetime | None,
) -> Iterator[list]:
    yield [
        _("Référentiel"),
        _("Code"),
        _("Intitulé"),
        _("Nature"),
        _("Référence"),
        _("Titre"),
    ]
    tagged: list[tuple[str, str, str, Sequence[FrameworkEntry]]] = [
        (_("Action"), action.code, action.title, list(action.frameworks.all()))
        for action in actions
    ]
    tagged += [
        (
            _("Indicateur"),
            indicator.name,
            indicator.definition[:200],
            list(indicator.frameworks.all()),
        )
        for indicator in indicators
    ]
    for source in _tag_sources:
        kind, items = source(moment)
        tagged += [(kind, reference, title, entries) for reference, title, entries in items]
    by_entry: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for kind, reference, title, entries in tagged:
        for entry in entries:
            by_entry[entry.pk].append((kind, reference, title))
    for entry in FrameworkEntry.objects.select_related("framework").order_by(
        "framework__position", "framework__name", "position", "code"
    ):
        served = by_entry.get(entry.pk) or [(_("— rien ne s'y rattache"), "", "")]
        for kind, reference, title in served:
            yield [entry.framework.name, entry.code, entry.label, kind, reference, title]


def resolution_rows(
    plan: ActionPlan, actions: Sequence[Action], moment: datetime.datetime | None
) -> Iterator[list]:
    yield [
        _("Assemblée générale"),
        _("Numéro"),
        _("Titre"),
        _("Votée le"),
        _("Voix pour"),
        _("Voix contre"),
        _("Abstentions"),
        _("Adoptée"),
        _("Actions qui la mettent en œuvre"),
    ]
    if plan.general_assembly_id is None:
        return
    resolutions = Resolution.objects.filter(assembly_id=plan.general_assembly_id).select_related(
        "assembly"
    )
    if moment is not None:
        resolutions = resolutions.filter(voted_on__lte=moment.date())
    carried: dict[int, list[str]] = defaultdict(list)
    for action in actions:
        for resolution in action.resolutions.all():
            carried[resolution.pk].append(action.code)
    for resolution in resolutions:
        yield [
            resolution.assembly.name,
            resolution.number,
            resolution.title,
            resolution.voted_on,
            resolution.votes_for,
            resolution.votes_against,
            resolution.abstentions,
            _("oui") if resolution.adopted else _("non"),
            ", ".join(carried[resolution.pk]),
        ]


@dataclass
class Sheet:
    title: str
    rows: Iterable[Sequence[object]]


def sheets(plan: ActionPlan, as_of: datetime.date | None = None) -> list[Sheet]:
    moment = cutoff(as_of)
    mutuelles = list(Mutuelle.objects.active())
    actions = _actions(plan, moment)
    deployments = _deployments(actions, moment)
    indicators = _indicators(plan, moment)
    values = registry.measured_values(indicators, as_of=moment)
    return [
        Sheet(ACTIONS_SHEET, action_rows(actions, moment)),
        Sheet(DEPLOYMENTS_SHEET, deployment_rows(actions, deployments)),
        Sheet(_("Indicateurs"), indicator_rows(indicators, mutuelles, moment, values)),
        Sheet(_("Mesures"), measure_rows(indicators, mutuelles, values)),
        Sheet(_("Retours du terrain"), feedback_rows(plan, moment)),
        Sheet(_("Référentiels"), framework_rows(actions, indicators, moment)),
        Sheet(_("Résolutions"), resolution_rows(plan, actions, moment)),
    ]


def write(plan: ActionPlan, as_of: datetime.date | None = None) -> bytes:
    """The plan as an XLSX workbook, as it stood at the end of `as_of` (today by default)."""
    return tabular.xlsx_workbook((sheet.title, sheet.rows) for sheet in sheets(plan, as_of))
