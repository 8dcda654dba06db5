"""Reads of the action plan. Each runs a fixed number of queries whatever the plan's size."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ambassadeurs.models import User
from mutuelles.models import Mutuelle

from .models import (
    Action,
    ActionPlan,
    Axis,
    Deployment,
    DeploymentChange,
    FieldFeedback,
    Indicator,
    Measurement,
    Scope,
    Sentiment,
    Status,
)

COUNTED = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.BLOCKED]


def current_plan() -> ActionPlan | None:
    return ActionPlan.objects.filter(is_current=True).first()


def _mean(values) -> int:
    values = list(values)
    return round(sum(values) / len(values)) if values else 0


def plan_axes(plan: ActionPlan) -> list[Axis]:
    """Axes with their actions, for the plan as everyone reads it."""
    actions = Action.objects.select_related("theme").order_by("position", "code")
    return list(plan.axes.prefetch_related(Prefetch("actions", queryset=actions)))


def action_deployments(action: Action) -> QuerySet[Deployment]:
    return action.deployments.select_related("mutuelle", "updated_by").order_by("mutuelle__name")


def deployment_history(deployment: Deployment) -> QuerySet[DeploymentChange]:
    return deployment.changes.select_related("changed_by")


def mutuelle_deployments(plan: ActionPlan, mutuelle: Mutuelle) -> list[Axis]:
    """The plan's axes, each action carrying this mutuelle's deployment as `.deployment`."""
    deployments = {
        d.action_id: d
        for d in Deployment.objects.of_plan(plan)
        .filter(mutuelle=mutuelle)
        .select_related("updated_by")
    }
    axes = plan_axes(plan)
    for axis in axes:
        for action in axis.actions.all():
            action.deployment = deployments.get(action.pk)
        axis.deployed_actions = [a for a in axis.actions.all() if a.deployment is not None]
    return axes


def mutuelle_indicators(plan: ActionPlan, mutuelle: Mutuelle) -> list[Indicator]:
    """Indicators with this mutuelle's measurements as `.mine`, newest period first."""
    mine = Measurement.objects.filter(mutuelle=mutuelle).order_by("-period")
    return list(
        plan.indicators.select_related("action").prefetch_related(
            Prefetch("measurements", queryset=mine, to_attr="mine")
        )
    )


def plan_quarters(plan: ActionPlan) -> list[datetime.date]:
    """The quarters the plan covers, by their first day, up to the current one."""
    end = min(plan.ends_on, timezone.localdate())
    day = datetime.date(plan.starts_on.year, 3 * ((plan.starts_on.month - 1) // 3) + 1, 1)
    quarters = []
    while day <= end:
        quarters.append(day)
        month = day.month + 3
        day = datetime.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)
    return quarters or [day]


# --- The coordinators' dashboard --------------------------------------------------------------


@dataclass
class Cell:
    deployment_id: int
    status: str
    progress: int
    stale: bool

    @property
    def label(self) -> str:
        return Status(self.status).label


@dataclass
class MatrixRow:
    action: Action
    cells: list  # one Cell (or None) per mutuelle column; a single cell for a group action
    is_group: bool


@dataclass
class Dashboard:
    plan: ActionPlan
    mutuelles: list
    overall: int = 0
    status_counts: dict = field(default_factory=dict)
    axes: list = field(default_factory=list)  # (axis, progress, action count)
    rows: list = field(default_factory=list)  # MatrixRow, grouped by axis
    overdue: list = field(default_factory=list)  # (action, open mutuelle count)
    blocked: list = field(default_factory=list)  # Deployment
    indicators: list = field(default_factory=list)  # (indicator, [(mutuelle, value|None)])
    timeline: list = field(default_factory=list)  # (month, mean progress)
    activity: list = field(default_factory=list)  # (mutuelle, last update, by, stale)
    feedback: list = field(default_factory=list)
    sentiments: dict = field(default_factory=dict)


def dashboard(plan: ActionPlan, *, axis=None, theme=None, mutuelle=None, status=None) -> Dashboard:
    now = timezone.now()
    today = timezone.localdate(now)
    stale_before = now - settings.RSE_STALE_AFTER

    mutuelles = list(Mutuelle.objects.active())
    shown = [m for m in mutuelles if mutuelle is None or m.pk == mutuelle.pk]
    board = Dashboard(plan=plan, mutuelles=shown)

    actions = plan.actions.select_related("axis", "theme").order_by(
        "axis__number", "position", "code"
    )
    if axis is not None:
        actions = actions.filter(axis=axis)
    if theme is not None:
        actions = actions.filter(theme=theme)
    actions = list(actions)

    cells = {}
    deployments = (
        Deployment.objects.filter(action__plan=plan)
        .filter(Q(mutuelle__isnull=True) | Q(mutuelle__is_active=True))
        .values_list(
            "pk", "action_id", "mutuelle_id", "status", "progress", "updated_at", "updated_by_id"
        )
    )
    last_update = {}
    for pk, action_id, mutuelle_id, state, progress, updated_at, by_id in deployments:
        is_open = state not in (Status.DONE, Status.NOT_APPLICABLE)
        cells[(action_id, mutuelle_id)] = Cell(
            pk, state, progress, is_open and updated_at < stale_before
        )
        if mutuelle_id and by_id:
            known = last_update.get(mutuelle_id)
            if known is None or updated_at > known[0]:
                last_update[mutuelle_id] = (updated_at, by_id)

    # Rows of the matrix, and what the numbers say.
    per_axis = defaultdict(list)
    axis_actions = Counter()
    counted = []
    for action in actions:
        if action.scope == Scope.GROUP:
            row_cells = [cells.get((action.pk, None))]
        else:
            row_cells = [cells.get((action.pk, m.pk)) for m in shown]
        present = [c for c in row_cells if c is not None]
        if status and not any(c.status == status for c in present):
            continue
        board.rows.append(MatrixRow(action, row_cells, action.scope == Scope.GROUP))
        axis_actions[action.axis] += 1
        for cell in present:
            if cell.status != Status.NOT_APPLICABLE:
                per_axis[action.axis].append(cell.progress)
                counted.append(cell)
        open_cells = [c for c in present if c.status not in (Status.DONE, Status.NOT_APPLICABLE)]
        if action.due_on and action.due_on < today and open_cells:
            board.overdue.append((action, len(open_cells)))

    board.overall = _mean(c.progress for c in counted)
    board.status_counts = Counter(c.status for c in counted)
    board.axes = [
        (axis_, _mean(per_axis[axis_]), axis_actions[axis_])
        for axis_ in sorted(axis_actions, key=lambda a: a.number)
    ]

    row_ids = {row.action.pk for row in board.rows}
    board.blocked = (
        list(
            Deployment.objects.filter(action__plan=plan, status=Status.BLOCKED, action__in=row_ids)
            .filter(mutuelle__in=shown)
            .select_related("action", "mutuelle", "updated_by")[:50]
        )
        if row_ids
        else []
    )

    board.indicators = _indicators(plan, shown)
    board.timeline = _timeline(plan, counted, today)

    users = User.objects.in_bulk({by for _, by in last_update.values()})
    board.activity = [
        (
            m,
            last_update.get(m.pk, (None,))[0],
            users.get(last_update.get(m.pk, (None, None))[1]),
            m.pk not in last_update or last_update[m.pk][0] < stale_before,
        )
        for m in shown
    ]

    feedback = FieldFeedback.objects.filter(mutuelle__in=shown).select_related(
        "mutuelle", "author", "action"
    )
    board.feedback = list(feedback[:12])
    counts = dict(
        feedback.order_by()
        .values_list("sentiment")
        .annotate(n=Count("pk"))
        .values_list("sentiment", "n")
    )
    board.sentiments = {choice: counts.get(choice, 0) for choice in Sentiment.values}
    return board


def _indicators(plan, mutuelles):
    latest = {}
    for indicator_id, mutuelle_id, value in (
        Measurement.objects.filter(indicator__plan=plan, mutuelle__in=mutuelles)
        .order_by("period")
        .values_list("indicator_id", "mutuelle_id", "value")
    ):
        latest[(indicator_id, mutuelle_id)] = value
    return [
        (indicator, [(m, latest.get((indicator.pk, m.pk))) for m in mutuelles])
        for indicator in plan.indicators.all()
    ]


def _timeline(plan, cells, today):
    """Mean progress at the end of each month since the plan started, from the history."""
    ids = {c.deployment_id for c in cells}
    current = {c.deployment_id: c.progress for c in cells}
    changes = defaultdict(list)
    for deployment_id, changed_at, before, after in (
        DeploymentChange.objects.filter(deployment__action__plan=plan)
        .order_by("changed_at", "pk")
        .values_list("deployment_id", "changed_at", "progress_before", "progress")
    ):
        if deployment_id in ids:
            changes[deployment_id].append((timezone.localdate(changed_at), before, after))

    def as_of(deployment_id, day):
        history = changes.get(deployment_id)
        if not history:
            return current[deployment_id]
        value = history[0][1]
        for changed_on, _before, after in history:
            if changed_on > day:
                break
            value = after
        return value

    points, day = [], plan.starts_on.replace(day=1)
    while day <= today:
        month_end = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - (
            datetime.timedelta(days=1)
        )
        point = min(month_end, today)
        points.append((day, _mean(as_of(pk, point) for pk in ids)))
        day = month_end + datetime.timedelta(days=1)
    return points
