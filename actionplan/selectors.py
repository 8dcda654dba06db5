"""Reads of the action plan. Each runs a fixed number of queries whatever the plan's size."""

import datetime
import operator
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import (
    Avg,
    BooleanField,
    Count,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from core import fragments
from mutuelles.models import Mutuelle, Theme

from .dates import quarter_start
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

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def current_plan() -> ActionPlan | None:
    return ActionPlan.objects.filter(is_current=True).first()


def plan_axes(plan: ActionPlan) -> list[Axis]:
    """Axes with their actions, for the plan as everyone reads it."""
    actions = Action.objects.select_related("theme").order_by("position", "code")
    return list(plan.axes.prefetch_related(Prefetch("actions", queryset=actions)))


def action_deployments(action: Action) -> QuerySet[Deployment]:
    return action.deployments.select_related("mutuelle", "updated_by").order_by("mutuelle__name")


def deployment_history(deployment: Deployment) -> QuerySet[DeploymentChange]:
    return deployment.changes.select_related("changed_by")


def mutuelle_deployments(plan: ActionPlan, mutuelle: Mutuelle) -> QuerySet[Deployment]:
    """This mutuelle's deployments of the plan, in the plan's order."""
    return (
        Deployment.objects.of_plan(plan)
        .filter(mutuelle=mutuelle)
        .select_related("action__axis", "updated_by")
        .order_by("action__axis__number", "action__position", "action__code")
    )


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
    day = quarter_start(plan.starts_on)
    quarters = []
    while day <= end:
        quarters.append(day)
        month = day.month + 3
        day = datetime.date(day.year + (month > 12), (month - 1) % 12 + 1, 1)
    return quarters or [day]


# --- What needs the ambassador ------------------------------------------------------------------
# One rule for "Ma mutuelle", the reminders and (later) the home pages: an action still open
# (neither done nor not applicable) of the current plan, in an active mutuelle, that nobody of
# the mutuelle ever reviewed, or not for RSE_STALE_AFTER (an update or a "rien de neuf"
# counts), or whose due date has passed, or that is blocked.

NEEDS = ("overdue", "blocked", "never", "stale")  # the most pressing first


def _needs(now: datetime.datetime) -> dict[str, Q]:
    still_open = ~Q(status__in=[Status.DONE, Status.NOT_APPLICABLE])
    return {
        "overdue": still_open
        & Q(action__due_on__isnull=False, action__due_on__lt=timezone.localdate(now)),
        "blocked": Q(status=Status.BLOCKED),
        "never": still_open & Q(reviewed_at__isnull=True),
        "stale": still_open & Q(reviewed_at__lt=now - settings.RSE_STALE_AFTER),
    }


def _needing(deployments: QuerySet[Deployment], now: datetime.datetime) -> QuerySet[Deployment]:
    return deployments.filter(reduce(operator.or_, _needs(now).values()))


def with_needs(
    deployments: QuerySet[Deployment], *, now: datetime.datetime | None = None
) -> QuerySet[Deployment]:
    """Each deployment with `need_overdue`, `need_blocked`, `need_never`, `need_stale`."""
    needs = _needs(now or timezone.now())
    return deployments.annotate(
        **{f"need_{name}": ExpressionWrapper(needs[name], BooleanField()) for name in NEEDS}
    )


def _in_current_plan(mutuelle: Mutuelle | None) -> QuerySet[Deployment]:
    deployments = Deployment.objects.filter(action__plan__is_current=True, mutuelle__is_active=True)
    return deployments if mutuelle is None else deployments.filter(mutuelle=mutuelle)


def needing_update(
    mutuelle: Mutuelle | None = None, *, now: datetime.datetime | None = None
) -> QuerySet[Deployment]:
    """The deployments that need the ambassador (the rule above), with their `need_*` flags,
    in the plan's order: of one mutuelle, or of every active one (None)."""
    now = now or timezone.now()
    return (
        _needing(with_needs(_in_current_plan(mutuelle), now=now), now)
        .select_related("action", "mutuelle")
        .order_by("mutuelle__name", "action__axis__number", "action__position", "action__code")
    )


def needing_update_count(mutuelle: Mutuelle, *, now: datetime.datetime | None = None) -> int:
    return _needing(_in_current_plan(mutuelle), now or timezone.now()).count()


@dataclass
class WeeklyUpdate:
    """ "Ma mutuelle": what needs the ambassador first, the rest after; the indicators."""

    needing: list[Deployment]
    others: list[Deployment]
    indicators: list[Indicator]
    quarters: list[datetime.date]  # newest first


def weekly_update(plan: ActionPlan, mutuelle: Mutuelle) -> WeeklyUpdate:
    deployments = with_needs(mutuelle_deployments(plan, mutuelle)).select_related("reviewed_by")
    needing: list[Deployment] = []
    others: list[Deployment] = []
    for deployment in deployments:
        needs = any(getattr(deployment, f"need_{name}") for name in NEEDS)
        (needing if needs else others).append(deployment)
    return WeeklyUpdate(
        needing=needing,
        others=others,
        indicators=mutuelle_indicators(plan, mutuelle),
        quarters=plan_quarters(plan)[::-1],
    )


# --- The coordinators' dashboard --------------------------------------------------------------

MATRIX_PAGE_SIZE = 40


@dataclass
class Cell:
    deployment_id: int
    status: str
    progress: int
    stale: bool

    @property
    def label(self) -> "StrOrPromise":
        return Status(self.status).label


@dataclass
class MatrixRow:
    action: Action
    cells: list[Cell | None]  # one per mutuelle column; a single cell for a group action
    is_group: bool


@dataclass
class Activity:
    """A mutuelle (named as the dashboard links to it) and its own members' last update."""

    slug: str
    short_name: str
    last_update: datetime.datetime | None
    last_by: str
    is_stale: bool


# Each indicator with the latest value of each mutuelle shown (None: never measured).
IndicatorValues = list[tuple[Indicator, list[tuple[Mutuelle, Decimal | None]]]]


@dataclass
class Dashboard:
    plan: ActionPlan
    mutuelles: list[Mutuelle]
    overall: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    axes: list[tuple[Axis, int, int]] = field(default_factory=list)  # progress, action count
    rows: list[MatrixRow] = field(default_factory=list)  # of this page, grouped by axis
    page: "Page[Action] | None" = None  # the matrix page
    overdue: list[Action] = field(default_factory=list)  # with .open_count
    blocked: list[Deployment] = field(default_factory=list)
    indicators: IndicatorValues = field(default_factory=list)
    timeline: list[tuple[datetime.date, int]] = field(default_factory=list)  # mean progress
    activity: list[Activity] = field(default_factory=list)
    feedback: list[FieldFeedback] = field(default_factory=list)
    sentiments: dict[str, int] = field(default_factory=dict)


def dashboard(
    plan: ActionPlan,
    *,
    axis: Axis | None = None,
    theme: Theme | None = None,
    mutuelle: Mutuelle | None = None,
    status: str | None = None,
    page: int | str | None = 1,
    page_size: int | None = MATRIX_PAGE_SIZE,
) -> Dashboard:
    """Everything the coordinators' dashboard shows, in a fixed number of queries: the numbers
    are computed by the database, the matrix is paginated by actions."""
    now = timezone.now()
    today = timezone.localdate(now)
    stale_before = now - settings.RSE_STALE_AFTER

    mutuelles = list(Mutuelle.objects.active())
    shown = [m for m in mutuelles if mutuelle is None or m.pk == mutuelle.pk]
    board = Dashboard(plan=plan, mutuelles=shown)

    actions = plan.actions.all()
    if axis is not None:
        actions = actions.filter(axis=axis)
    if theme is not None:
        actions = actions.filter(theme=theme)
    deployments = Deployment.objects.filter(action__in=actions)
    if mutuelle is not None:
        deployments = deployments.filter(mutuelle=mutuelle)
    else:
        deployments = deployments.filter(Q(mutuelle=None) | Q(mutuelle__is_active=True))
    if status:
        actions = actions.filter(pk__in=deployments.filter(status=status).values("action"))
        deployments = deployments.filter(action__in=actions)
    counted = deployments.exclude(status=Status.NOT_APPLICABLE)

    board.overall = round(counted.aggregate(mean=Avg("progress"))["mean"] or 0)
    board.status_counts = dict(
        counted.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    by_axis = {
        row["action__axis"]: row
        for row in counted.order_by()
        .values("action__axis")
        .annotate(mean=Avg("progress"), actions=Count("action", distinct=True))
    }
    board.axes = [
        (a, round(by_axis[a.pk]["mean"] or 0), by_axis[a.pk]["actions"])
        for a in plan.axes.all()
        if a.pk in by_axis
    ]

    ordered = actions.select_related("axis").order_by("axis__number", "position", "code")
    if page_size:
        board.page = Paginator(ordered, page_size).get_page(page)
        page_actions = list(board.page.object_list)
    else:  # exports: every row
        page_actions = list(ordered)
    cells: dict[tuple[int, int | None], Cell] = {
        (action_id, mutuelle_id): Cell(
            pk,
            state,
            progress,
            # A "rien de neuf" counts as news.
            state not in (Status.DONE, Status.NOT_APPLICABLE)
            and (reviewed_at or updated_at) < stale_before,
        )
        for pk, action_id, mutuelle_id, state, progress, updated_at, reviewed_at in (
            deployments.filter(action__in=[a.pk for a in page_actions]).values_list(
                "pk", "action_id", "mutuelle_id", "status", "progress", "updated_at", "reviewed_at"
            )
        )
    }
    for action in page_actions:
        is_group = action.scope == Scope.GROUP
        row = (
            [cells.get((action.pk, None))]
            if is_group
            else [cells.get((action.pk, m.pk)) for m in shown]
        )
        board.rows.append(MatrixRow(action, row, is_group))

    open_ones = deployments.open()
    board.overdue = list(
        actions.filter(due_on__lt=today, pk__in=open_ones.values("action"))
        .annotate(open_count=Count("deployments", filter=Q(deployments__in=open_ones)))
        .order_by("due_on", "code")[:20]
    )
    board.blocked = list(
        deployments.filter(status=Status.BLOCKED)
        .select_related("action", "mutuelle")
        .order_by("action__code")[:20]
    )
    board.indicators = _indicators(plan, shown)
    board.timeline = _timeline(plan, counted, today)
    board.activity = list(_activity(plan, shown, stale_before))

    feedback = FieldFeedback.objects.filter(
        Q(action__isnull=True) | Q(action__plan=plan), mutuelle__in=shown
    ).select_related("mutuelle", "author", "action")
    board.feedback = list(feedback[:12])
    counts = dict(
        feedback.order_by()
        .values_list("sentiment")
        .annotate(n=Count("pk"))
        .values_list("sentiment", "n")
    )
    board.sentiments = {choice: counts.get(choice, 0) for choice in Sentiment.values}
    return board


def _activity(
    plan: ActionPlan, mutuelles: Sequence[Mutuelle], stale_before: datetime.datetime
) -> Iterator[Activity]:
    """Each mutuelle with the date and author of its own members' last update of the plan."""
    latest = Deployment.objects.filter(
        action__plan=plan, mutuelle=OuterRef("pk"), updated_by__mutuelle=OuterRef("pk")
    ).order_by("-updated_at")
    found = (
        Mutuelle.objects.filter(pk__in=[m.pk for m in mutuelles])
        .annotate(
            last_update=Subquery(latest.values("updated_at")[:1]),
            last_by_first=Subquery(latest.values("updated_by__first_name")[:1]),
            last_by_last=Subquery(latest.values("updated_by__last_name")[:1]),
        )
        .order_by("name")
    )
    for slug, short_name, last_update, first_name, last_name in found.values_list(
        "slug", "short_name", "last_update", "last_by_first", "last_by_last"
    ):
        yield Activity(
            slug=slug,
            short_name=short_name,
            last_update=last_update,
            last_by=f"{first_name or ''} {last_name or ''}".strip(),
            is_stale=last_update is None or last_update < stale_before,
        )


def _indicators(plan: ActionPlan, mutuelles: Sequence[Mutuelle]) -> IndicatorValues:
    latest: dict[tuple[int, int], Decimal] = {}
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


def _month_ends(
    start: datetime.date, today: datetime.date
) -> Iterator[tuple[datetime.date, datetime.date]]:
    day = start.replace(day=1)
    while day <= today:
        following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        yield day, min(following - datetime.timedelta(days=1), today)
        day = following


def _timeline(
    plan: ActionPlan, deployments: QuerySet[Deployment], today: datetime.date
) -> list[tuple[datetime.date, int]]:
    """Mean progress of the shown deployments at the end of each month, replayed from the
    history: once per revision of the plan (and of the mutuelles, which are shown when active)
    and set of deployments shown."""
    return fragments.cached(
        "actionplan:timeline",
        revisions=["actionplan", "mutuelles"],
        vary=[plan.pk, today, deployments.query],
        render=lambda: _replay(plan, deployments, today),
        timeout=60 * 60 * 24,
    )


def _replay(
    plan: ActionPlan, deployments: QuerySet[Deployment], today: datetime.date
) -> list[tuple[datetime.date, int]]:
    changes = DeploymentChange.objects.filter(deployment__in=deployments)
    # Start from each deployment's progress before its first change (or now, if none)...
    progress = dict(deployments.values_list("pk", "progress"))
    history = list(
        changes.order_by("changed_at", "pk").values_list(
            "deployment_id", "changed_at", "progress_before", "progress"
        )
    )
    seen: set[int] = set()
    for deployment_id, _at, before, _after in history:
        if deployment_id not in seen:
            seen.add(deployment_id)
            progress[deployment_id] = before
    # ...then replay the changes month by month.
    total, count, index, points = sum(progress.values()), len(progress) or 1, 0, []
    for month, month_end in _month_ends(plan.starts_on, min(today, plan.ends_on)):
        while index < len(history) and timezone.localdate(history[index][1]) <= month_end:
            deployment_id, _at, _before, after = history[index]
            total += after - progress[deployment_id]
            progress[deployment_id] = after
            index += 1
        points.append((month, round(total / count)))
    return points
