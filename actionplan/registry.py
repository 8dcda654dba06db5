"""Reads of the indicator registry and of the AG's resolutions: how the group's figure of an
indicator is made from the mutuelles' (said in full: who is in, who is out, with which
weight), its series over the periods, an action's progress by the source chosen for it.

Every figure can be read as it stood at a cut-off date (`as_of`): the value of a measurement
entered last before it (`MeasurementEntry`), whatever was corrected afterwards."""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from mutuelles.models import Framework, FrameworkEntry, Mutuelle

from .models import (
    Action,
    ActionPlan,
    Assembly,
    Direction,
    Indicator,
    IndicatorTarget,
    Measurement,
    MeasurementEntry,
    ProgressSource,
    Resolution,
    Rollup,
    Status,
)

CENT = Decimal("0.01")

# Values of one indicator: (mutuelle id, period) -> value.
Values = dict[tuple[int, datetime.date], Decimal]


@dataclass
class Part:
    """A mutuelle counted in the group's figure: its value and, for a weighted mean, its
    weight (its headcount) and share of the total weight."""

    mutuelle: Mutuelle
    value: Decimal
    weight: int | None = None
    share: Decimal | None = None  # percentage of the weights


@dataclass
class Left:
    """A mutuelle left out of the group's figure, and why."""

    mutuelle: Mutuelle
    reason: str


@dataclass
class GroupFigure:
    indicator: Indicator
    period: datetime.date | None
    method: str
    value: Decimal | None
    parts: list[Part] = field(default_factory=list)
    excluded: list[Left] = field(default_factory=list)

    @property
    def method_label(self) -> str:
        return str(Rollup(self.method).label)

    @property
    def explanation(self) -> str:
        """How the figure was made, in one French sentence."""
        if self.value is None:
            return _("Aucune mutuelle n'a de valeur pour cette période : pas de chiffre du groupe.")
        counted = len(self.parts)
        if self.method == Rollup.SUM:
            text = _("Somme des valeurs de %(count)s mutuelles.")
        elif self.method == Rollup.WEIGHTED:
            text = _(
                "Moyenne des valeurs de %(count)s mutuelles, chacune pesant son effectif salarié."
            )
        else:
            text = _("Moyenne simple des valeurs de %(count)s mutuelles.")
        text = text % {"count": counted}
        if self.excluded:
            text += " " + _("%(count)s mutuelle(s) sans donnée, exclue(s) : %(names)s.") % {
                "count": len(self.excluded),
                "names": ", ".join(left.mutuelle.short_name for left in self.excluded),
            }
        return text


def measured_values(
    indicators: Iterable[Indicator], *, as_of: datetime.datetime | None = None
) -> dict[int, Values]:
    """Every value of these indicators by mutuelle and period (one query): as stored, or as
    entered last before `as_of`."""
    ids = [indicator.pk for indicator in indicators]
    found: dict[int, Values] = defaultdict(dict)
    if as_of is None:
        rows = Measurement.objects.filter(indicator_id__in=ids).values_list(
            "indicator_id", "mutuelle_id", "period", "value"
        )
        for indicator_id, mutuelle_id, period, value in rows:
            found[indicator_id][(mutuelle_id, period)] = value
        return found
    entries = (
        MeasurementEntry.objects.filter(measurement__indicator_id__in=ids, entered_at__lte=as_of)
        .order_by("entered_at", "pk")
        .values_list(
            "measurement__indicator_id", "measurement__mutuelle_id", "measurement__period", "value"
        )
    )
    for indicator_id, mutuelle_id, period, value in entries:
        found[indicator_id][(mutuelle_id, period)] = value  # the latest wins
    return found


def group_figure(
    indicator: Indicator,
    mutuelles: Sequence[Mutuelle],
    values: Values,
    period: datetime.date | None,
) -> GroupFigure:
    """The group's figure of `indicator` for `period` from the mutuelles' values, by the
    indicator's method; mutuelles without a value (or, weighted, without a headcount) are
    left out and named."""
    figure = GroupFigure(indicator=indicator, period=period, method=indicator.rollup, value=None)
    if period is None:
        figure.excluded = [Left(m, _("aucune mesure")) for m in mutuelles]
        return figure
    for mutuelle in mutuelles:
        value = values.get((mutuelle.pk, period))
        if value is None:
            figure.excluded.append(Left(mutuelle, _("pas de mesure pour cette période")))
        elif indicator.rollup == Rollup.WEIGHTED and not mutuelle.headcount:
            figure.excluded.append(Left(mutuelle, _("effectif salarié inconnu")))
        else:
            weight = mutuelle.headcount if indicator.rollup == Rollup.WEIGHTED else None
            figure.parts.append(Part(mutuelle, value, weight))
    if not figure.parts:
        return figure
    total = sum((part.value for part in figure.parts), Decimal(0))
    if indicator.rollup == Rollup.SUM:
        figure.value = total
    elif indicator.rollup == Rollup.WEIGHTED:
        weights = sum(part.weight or 0 for part in figure.parts)
        for part in figure.parts:
            part.share = (Decimal(part.weight or 0) * 100 / weights).quantize(
                Decimal("0.1"), ROUND_HALF_UP
            )
        figure.value = sum(
            (part.value * (part.weight or 0) for part in figure.parts), Decimal(0)
        ) / Decimal(weights)
    else:
        figure.value = total / len(figure.parts)
    figure.value = figure.value.quantize(CENT, ROUND_HALF_UP)
    return figure


def indicator_rollup(
    indicator: Indicator,
    *,
    period: datetime.date | None = None,
    mutuelles: Sequence[Mutuelle] | None = None,
    as_of: datetime.datetime | None = None,
) -> GroupFigure:
    """The group's figure for `period` (by default the latest period anyone measured)."""
    mutuelles = list(Mutuelle.objects.active()) if mutuelles is None else mutuelles
    values = measured_values([indicator], as_of=as_of).get(indicator.pk, {})
    if period is None:
        period = max((p for _m, p in values), default=None)
    return group_figure(indicator, mutuelles, values, period)


def latest_figures(
    indicators: Iterable[Indicator], mutuelles: Sequence[Mutuelle]
) -> list[tuple[Indicator, GroupFigure]]:
    """Each indicator with the figure of `mutuelles` (the group's, or one mutuelle's) for the
    latest period anyone measured it (one query)."""
    indicators = list(indicators)
    values = measured_values(indicators)
    figures = []
    for indicator in indicators:
        own = values.get(indicator.pk, {})
        latest = max((period for _m, period in own), default=None)
        figures.append((indicator, group_figure(indicator, mutuelles, own, latest)))
    return figures


def latest_by_mutuelle(
    indicator: Indicator, mutuelles: Sequence[Mutuelle]
) -> list[tuple[Mutuelle, Decimal | None]]:
    """Each mutuelle with the value of the latest period it measured (None: never)."""
    latest: dict[int, tuple[datetime.date, Decimal]] = {}
    for (mutuelle_id, period), value in measured_values([indicator]).get(indicator.pk, {}).items():
        if mutuelle_id not in latest or period > latest[mutuelle_id][0]:
            latest[mutuelle_id] = (period, value)
    return [(m, latest[m.pk][1] if m.pk in latest else None) for m in mutuelles]


def indicator_series(
    indicator: Indicator,
    *,
    mutuelles: Sequence[Mutuelle] | None = None,
    as_of: datetime.datetime | None = None,
) -> list[GroupFigure]:
    """The group's figure of every period measured, oldest first."""
    mutuelles = list(Mutuelle.objects.active()) if mutuelles is None else mutuelles
    values = measured_values([indicator], as_of=as_of).get(indicator.pk, {})
    periods = sorted({period for _m, period in values})
    return [group_figure(indicator, mutuelles, values, period) for period in periods]


def attainment(indicator: Indicator, value: Decimal) -> int:
    """How far `value` has gone towards the target, 0-100: from the baseline when there is
    one, from nothing otherwise."""
    target = indicator.target
    start = indicator.baseline
    if start is None:
        if indicator.direction == Direction.DECREASE:
            share = target / value if value else Decimal(1)
        else:
            share = value / target if target else Decimal(1)
    elif target == start:
        share = Decimal(1) if indicator.reached(value) else Decimal(0)
    else:
        share = (value - start) / (target - start)
    return int(max(Decimal(0), min(Decimal(1), share)) * 100)


@dataclass
class Progress:
    value: int | None
    source: str
    detail: str

    @property
    def source_label(self) -> str:
        return str(ProgressSource(self.source).label)


def action_progress(action: Action, *, as_of: datetime.datetime | None = None) -> Progress:
    """An action's progress by the source chosen for it, and what it rests on, in French."""
    source = action.progress_source
    if source == ProgressSource.MANUAL:
        return Progress(action.progress_manual, source, _("Saisi par la coordination."))
    if source == ProgressSource.INDICATORS:
        indicators = list(action.indicators.all())
        mutuelles = list(Mutuelle.objects.active())
        values = measured_values(indicators, as_of=as_of)
        reached = []
        for indicator in indicators:
            own = values.get(indicator.pk, {})
            period = max((p for _m, p in own), default=None)
            figure = group_figure(indicator, mutuelles, own, period)
            if figure.value is not None:
                reached.append(attainment(indicator, figure.value))
        if not reached:
            return Progress(None, source, _("Aucun de ses indicateurs n'a encore de mesure."))
        return Progress(
            round(sum(reached) / len(reached)),
            source,
            _("Moyenne de l'atteinte de %(count)s indicateur(s) : de la référence à la cible.")
            % {"count": len(reached)},
        )
    progress = [d.progress for d in action.deployments.all() if d.status != Status.NOT_APPLICABLE]
    if not progress:
        return Progress(None, source, _("Aucun déploiement ne s'applique."))
    return Progress(
        round(sum(progress) / len(progress)),
        source,
        _("Moyenne des %(count)s déploiements qui s'appliquent.") % {"count": len(progress)},
    )


def indicator_targets(indicator: Indicator) -> dict[int, Decimal]:
    """The mutuelles' own targets, by mutuelle id (the group's applies to the others)."""
    return dict(
        IndicatorTarget.objects.filter(indicator=indicator).values_list("mutuelle_id", "value")
    )


def registry(plan: ActionPlan) -> QuerySet[Indicator]:
    return plan.indicators.select_related("action").prefetch_related("frameworks")


def assemblies() -> QuerySet[Assembly]:
    """Every AG, latest first, with its resolutions and the actions carrying each out."""
    return Assembly.objects.prefetch_related(
        Prefetch(
            "resolutions",
            queryset=Resolution.objects.prefetch_related(
                Prefetch("actions", queryset=Action.objects.only("pk", "code", "title", "plan"))
            ),
        )
    )


@dataclass
class Coverage:
    entry: FrameworkEntry
    actions: list[Action] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    others: dict[str, list] = field(default_factory=dict)  # what later apps tag, by their name

    @property
    def served(self) -> bool:
        return bool(self.actions or self.indicators or any(self.others.values()))


def coverage(plan: ActionPlan | None) -> list[tuple[Framework, list[Coverage]]]:
    """For each framework, each entry with the current plan's actions and indicators that
    serve it (later apps add theirs to `Coverage.others`)."""
    frameworks = list(Framework.objects.prefetch_related("entries"))
    by_entry: dict[int, Coverage] = {}
    result = []
    for framework in frameworks:
        rows = [Coverage(entry) for entry in framework.entries.all()]
        by_entry.update((row.entry.pk, row) for row in rows)
        result.append((framework, rows))
    if plan is not None:
        actions = plan.actions.prefetch_related("frameworks").only("pk", "plan", "code", "title")
        for action in actions:
            for entry in action.frameworks.all():
                by_entry[entry.pk].actions.append(action)
        indicators = plan.indicators.prefetch_related("frameworks").only("pk", "plan", "name")
        for indicator in indicators:
            for entry in indicator.frameworks.all():
                by_entry[entry.pk].indicators.append(indicator)
    return result
