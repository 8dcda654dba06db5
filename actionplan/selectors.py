"""Reads of the action plan. Each runs a fixed number of queries whatever the plan's size."""

import datetime
import operator
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import reduce
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Window,
)
from django.db.models.functions import Coalesce, Lag, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core import fragments
from core.todo import ENTRIES, Entry, Item, first_entries
from mutuelles.models import Mutuelle, Theme

from . import registry
from .dates import quarter_start
from .models import (
    Action,
    ActionPlan,
    Axis,
    Deployment,
    DeploymentChange,
    DeploymentTally,
    FeedbackState,
    FieldFeedback,
    Indicator,
    Measurement,
    ProgressMonth,
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


def plan_axes_counted(plan: ActionPlan) -> QuerySet[Axis]:
    """Axes with their number of actions (`action_count`), for a plan shown folded, in their
    order (a query that groups leaves the model's ordering out)."""
    return plan.axes.annotate(action_count=Count("actions")).order_by("number")


def axis_actions(axis: Axis) -> QuerySet[Action]:
    return axis.actions.order_by("position", "code")


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


@dataclass
class AxisProgress:
    axis: Axis
    progress: int  # mean of the deployments that apply
    deployments: list[Deployment]


@dataclass
class MutuelleProgress:
    overall: int
    axes: list[AxisProgress]

    @property
    def count(self) -> int:
        return sum(len(entry.deployments) for entry in self.axes)


def mutuelle_progress(plan: ActionPlan, mutuelle: Mutuelle) -> MutuelleProgress:
    """A mutuelle's deployments of the plan, axis by axis, with its mean progress on each (the
    actions that do not apply to it left out of the means), in one query."""
    axes: dict[int, AxisProgress] = {}
    for deployment in mutuelle_deployments(plan, mutuelle):
        axis = deployment.action.axis
        axes.setdefault(axis.pk, AxisProgress(axis, 0, [])).deployments.append(deployment)

    def mean(deployments: list[Deployment]) -> int:
        counted = [d.progress for d in deployments if d.status != Status.NOT_APPLICABLE]
        return round(sum(counted) / len(counted)) if counted else 0

    for entry in axes.values():
        entry.progress = mean(entry.deployments)
    every = [d for entry in axes.values() for d in entry.deployments]
    return MutuelleProgress(overall=mean(every), axes=list(axes.values()))


def mutuelle_indicators(plan: ActionPlan, mutuelle: Mutuelle) -> list[Indicator]:
    """The plan's indicators, each with this mutuelle's latest measurement as `last_value` and
    `last_period` (None if never measured): read beside them, in one query."""
    latest = Measurement.objects.filter(indicator=OuterRef("pk"), mutuelle=mutuelle).order_by(
        "-period", "-pk"
    )
    return list(
        plan.indicators.annotate(
            last_value=Subquery(latest.values("value")[:1]),
            last_period=Subquery(latest.values("period")[:1]),
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


# --- Field feedback and its answers ---------------------------------------------------------


def feedback_list(user: User) -> QuerySet[FieldFeedback]:
    """The feedback a member may read, newest first: all of it for the coordination, their own
    mutuelle's for an ambassador, none for a reader."""
    feedback = FieldFeedback.objects.select_related(
        "mutuelle", "author", "action__theme", "theme", "handled_by"
    ).order_by("-created_at", "-pk")
    if can(user, Can.COORDINATE):
        return feedback
    if can(user, Can.EDIT_MUTUELLE, user):  # their own mutuelle's (no query to read it)
        return feedback.filter(mutuelle=user.mutuelle_id)
    return feedback.none()


def unanswered_feedback() -> QuerySet[FieldFeedback]:
    """Feedback the coordination has not handled yet, oldest first (waiting longest)."""
    return FieldFeedback.objects.in_state(FeedbackState.OPEN).order_by("created_at", "pk")


def answered_since(user: User, when: datetime.datetime | None) -> QuerySet[FieldFeedback]:
    """The answers given to `user`'s own feedback since `when` (every answer when None)."""
    answered = FieldFeedback.objects.in_state(FeedbackState.ANSWERED).filter(author=user)
    if when is not None:
        answered = answered.filter(handled_at__gt=when)
    return answered.order_by("-handled_at")


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
    deployments = Deployment.objects.filter(action__plan__is_current=True)
    if mutuelle is None:
        return deployments.filter(mutuelle__is_active=True)
    # Known already: no join.
    return deployments.filter(mutuelle=mutuelle) if mutuelle.is_active else deployments.none()


# What the home's entries read of a deployment that needs its ambassador (`_why`).
NEEDING_FIELDS = ("reviewed_at", *(f"action__{name}" for name in ("code", "title", "due_on")))


def needing_update(
    mutuelle: Mutuelle | None = None, *, now: datetime.datetime | None = None
) -> QuerySet[Deployment]:
    """The deployments that need the ambassador (the rule above), with their `need_*` flags,
    in the plan's order: of one mutuelle, or of every active one (None)."""
    now = now or timezone.now()
    needing = _needing(with_needs(_in_current_plan(mutuelle), now=now), now)
    in_order = ("action__axis__number", "action__position", "action__code")
    if mutuelle is None:
        return needing.select_related("action", "mutuelle").order_by("mutuelle__name", *in_order)
    # One mutuelle's (its ambassador's home): what its entries show of each action, the
    # mutuelle known already.
    return needing.select_related("action").only(*NEEDING_FIELDS).order_by(*in_order)


@dataclass
class WeeklyUpdate:
    """ "Ma mutuelle": what needs the ambassador first, the rest after; the indicators."""

    needing: list[Deployment]
    others: list[Deployment] | None  # None when left unread: the page folds them
    up_to_date: int  # how many others
    indicators: list[Indicator]
    quarters: list[datetime.date]  # newest first


# What a card reads of its action and of who reviewed it last (not the action's description,
# nor the member's password or photo): hundreds of cards at the scale of a federation.
CARD_FIELDS = (
    *(f.name for f in Deployment._meta.concrete_fields),
    *(f"action__{name}" for name in ("plan", "code", "title", "due_on")),
    *(f"reviewed_by__{name}" for name in ("email", "first_name", "last_name", "erased_at")),
)


def _weekly_cards(
    plan: ActionPlan, mutuelle: Mutuelle, now: datetime.datetime
) -> QuerySet[Deployment]:
    """What a card shows: its action, who reviewed it last, its `need_*` flags."""
    deployments = mutuelle_deployments(plan, mutuelle).select_related(None)
    deployments = deployments.select_related("action", "reviewed_by").only(*CARD_FIELDS)
    return with_needs(deployments, now=now)


def weekly_update(plan: ActionPlan, mutuelle: Mutuelle, *, others: bool) -> WeeklyUpdate:
    """The weekly update of a mutuelle; the deployments up to date only counted unless
    `others` (the page shows them once unfolded: `up_to_date_deployments`). Every card is read
    and sorted here, in one query without a count beside it: a mutuelle has tens of actions
    (hundreds at the scale of a federation)."""
    flagged = [
        (deployment, any(getattr(deployment, f"need_{name}") for name in NEEDS))
        for deployment in _weekly_cards(plan, mutuelle, timezone.now())
    ]
    rest = [deployment for deployment, needs in flagged if not needs]
    return WeeklyUpdate(
        needing=[deployment for deployment, needs in flagged if needs],
        others=rest if others else None,
        up_to_date=len(rest),
        indicators=mutuelle_indicators(plan, mutuelle),
        quarters=plan_quarters(plan)[::-1],
    )


def up_to_date_deployments(plan: ActionPlan, mutuelle: Mutuelle) -> QuerySet[Deployment]:
    """The deployments of "Ma mutuelle" that need nothing (its folded part), in the plan's
    order."""
    now = timezone.now()
    return _weekly_cards(plan, mutuelle, now).exclude(reduce(operator.or_, _needs(now).values()))


# --- The coordinators' dashboard --------------------------------------------------------------

# A page of the matrix holds about this many cells: 40 actions across the group's mutuelles, fewer
# (but at least 10) as the network grows, so that the page stays quick to load and to read.
MATRIX_CELLS, MATRIX_ROWS = 600, (10, 40)


def matrix_page_size(columns: int) -> int:
    fewest, most = MATRIX_ROWS
    return max(fewest, min(most, MATRIX_CELLS // max(columns, 1)))


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


@dataclass
class Dashboard:
    plan: ActionPlan
    mutuelles: list[Mutuelle]
    overall: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)
    axes: list[tuple[Axis, int]] = field(default_factory=list)  # progress
    by_mutuelle: list[tuple[Mutuelle, int]] = field(default_factory=list)  # progress
    rows: list[MatrixRow] = field(default_factory=list)  # of this page, grouped by axis
    page: "Page[Action] | None" = None  # the matrix page
    overdue: list[Action] = field(default_factory=list)  # with .open_count
    blocked: list[Deployment] = field(default_factory=list)
    # Each indicator with the figure of the mutuelles shown for its latest period measured.
    indicators: list[tuple[Indicator, registry.GroupFigure]] = field(default_factory=list)
    timeline: list[tuple[datetime.date, int]] = field(default_factory=list)  # mean progress


def dashboard(
    plan: ActionPlan,
    *,
    axis: Axis | None = None,
    theme: Theme | None = None,
    mutuelle: Mutuelle | None = None,
    status: str | None = None,
    page: int | str | None = 1,
    every_row: bool = False,
    axes: Sequence[Axis] | None = None,
    mutuelles: Sequence[Mutuelle] | None = None,
) -> Dashboard:
    """Everything the dashboard shows, in a fixed number of queries: the numbers are computed
    by the database, the matrix is paginated by actions. `axes` (the plan's) and `mutuelles`
    (the active ones), when the page has read them already."""
    now = timezone.now()
    today = timezone.localdate(now)
    stale_before = now - settings.RSE_STALE_AFTER

    if mutuelles is None:
        mutuelles = list(Mutuelle.objects.active())
    if axes is None:
        axes = list(plan.axes.all())
    shown = [m for m in mutuelles if mutuelle is None or m.pk == mutuelle.pk]
    board = Dashboard(plan=plan, mutuelles=shown)

    def of_mutuelles(to: str = "") -> Q:
        """Deployments of the mutuelles shown (and the group's own, unless one is chosen)."""
        if mutuelle is not None:
            return Q(**{f"{to}mutuelle": mutuelle})
        # The active mutuelles are known already: no join.
        return Q(**{f"{to}mutuelle__isnull": True}) | Q(
            **{f"{to}mutuelle__in": [m.pk for m in mutuelles]}
        )

    def scope(to: str = "") -> Q:
        """The deployments shown: as a filter of deployments, or of what leads `to` them."""
        where = Q(**{f"{to}action__plan": plan})
        if axis is not None:
            where &= Q(**{f"{to}action__axis": axis})
        if theme is not None:
            where &= Q(**{f"{to}action__theme": theme})
        return where & of_mutuelles(to)

    actions = plan.actions.all()
    if axis is not None:
        actions = actions.filter(axis=axis)
    if theme is not None:
        actions = actions.filter(theme=theme)
    deployments = Deployment.objects.filter(scope())
    if status:
        actions = actions.filter(pk__in=deployments.filter(status=status).values("action"))
        deployments = deployments.filter(action__in=actions)
    counted = deployments.exclude(status=Status.NOT_APPLICABLE)

    # Every number above the matrix from sums and counts per axis, mutuelle and status (a few
    # hundred rows), added up here: those the services keep (models.DeploymentTally), or for
    # a theme or a status chosen, summed over the deployments.
    if theme is None and not status:
        tallies = DeploymentTally.objects.filter(of_mutuelles(), plan=plan).exclude(
            status=Status.NOT_APPLICABLE
        )
        if axis is not None:
            tallies = tallies.filter(axis=axis)
        grouped: Iterable[tuple[int, int | None, str, int, int]] = tallies.values_list(
            "axis", "mutuelle", "status", "progress", "count"
        )
    else:
        grouped = (
            counted.order_by()
            .values_list("action__axis", "mutuelle", "status")
            .annotate(total=Sum("progress"), n=Count("pk"))
        )
    totals: dict[str, dict[object, tuple[int, int]]] = {"axis": {}, "mutuelle": {}, "status": {}}
    summed = count = 0
    for axis_id, mutuelle_id, state, total, n in grouped:
        summed, count = summed + total, count + n
        for kind, key in (("axis", axis_id), ("mutuelle", mutuelle_id), ("status", state)):
            before = totals[kind].get(key, (0, 0))
            totals[kind][key] = (before[0] + total, before[1] + n)

    def mean(kind: str, key: object) -> int:
        total, n = totals[kind][key]
        return round(total / n)

    board.overall = round(summed / count) if count else 0
    board.status_counts = {str(state): n for state, (_total, n) in totals["status"].items()}
    board.axes = [(a, mean("axis", a.pk)) for a in axes if a.pk in totals["axis"]]
    board.by_mutuelle = [(m, mean("mutuelle", m.pk)) for m in shown if m.pk in totals["mutuelle"]]

    ordered = actions.select_related("axis").order_by("axis__number", "position", "code")
    if not every_row:
        board.page = Paginator(ordered, matrix_page_size(len(shown))).get_page(page)
        page_actions = list(board.page.object_list)
    else:  # exports: every row
        page_actions = list(ordered)
    # Told by the database: a page holds hundreds of cells. A "rien de neuf" counts as news.
    stale = ExpressionWrapper(
        Q(last_news__lt=stale_before) & ~Q(status__in=[Status.DONE, Status.NOT_APPLICABLE]),
        output_field=BooleanField(),
    )
    cells: dict[tuple[int, int | None], Cell] = {
        (action_id, mutuelle_id): Cell(pk, state, progress, is_stale)
        for pk, action_id, mutuelle_id, state, progress, is_stale in (
            deployments.filter(action__in=[a.pk for a in page_actions])
            .order_by()
            .alias(last_news=Coalesce("reviewed_at", "updated_at"))
            .annotate(is_stale=stale)
            .values_list("pk", "action_id", "mutuelle_id", "status", "progress", "is_stale")
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

    # The actions are those shown already: their deployments shown are those of the mutuelles
    # shown, counted as they are joined (no subquery over every open deployment of the plan).
    still_open = of_mutuelles("deployments__") & ~Q(
        deployments__status__in=[Status.DONE, Status.NOT_APPLICABLE]
    )
    board.overdue = list(
        actions.filter(due_on__lt=today)
        .annotate(open_count=Count("deployments", filter=still_open))
        .filter(open_count__gt=0)
        .order_by("due_on", "code")[:20]
    )
    board.blocked = list(
        deployments.filter(status=Status.BLOCKED)
        .select_related("action", "mutuelle")
        .order_by("action__code")[:20]
    )
    board.indicators = registry.latest_figures(plan.indicators.select_related("action"), shown)
    if axis is None and theme is None and not status:
        # Every action, of every mutuelle shown or of one: the sums kept by month do.
        sums = ProgressMonth.objects.filter(plan=plan)
        if mutuelle is not None:
            sums = sums.filter(mutuelle=mutuelle)
        else:
            sums = sums.filter(Q(mutuelle__isnull=True) | Q(mutuelle__in=[m.pk for m in shown]))
        board.timeline = _summed_timeline(plan, sums, today, count=count, summed=summed)
    else:
        changes = DeploymentChange.objects.filter(scope("deployment__")).exclude(
            deployment__status=Status.NOT_APPLICABLE
        )
        if status:
            changes = changes.filter(deployment__action__in=actions)
        board.timeline = _timeline(plan, changes, today, count=count, summed=summed)
    return board


@dataclass
class FollowUp:
    """How the members follow the plan, for the coordinators (permissions.Action.FOLLOW_UP):
    each mutuelle's last update by its own members, the latest field feedback."""

    activity: list[Activity]
    feedback: list[FieldFeedback]
    sentiments: dict[str, int]


def follow_up(plan: ActionPlan) -> FollowUp:
    mutuelles = list(Mutuelle.objects.active())
    stale_before = timezone.now() - settings.RSE_STALE_AFTER
    feedback = FieldFeedback.objects.filter(
        Q(action__isnull=True) | Q(action__plan=plan), mutuelle__in=mutuelles
    ).select_related("mutuelle", "author", "action")
    counts = dict(
        feedback.order_by()
        .values_list("sentiment")
        .annotate(n=Count("pk"))
        .values_list("sentiment", "n")
    )
    return FollowUp(
        activity=list(_activity(plan, mutuelles, stale_before)),
        feedback=list(feedback[:12]),
        sentiments={choice: counts.get(choice, 0) for choice in Sentiment.values},
    )


def _activity(
    plan: ActionPlan, mutuelles: Sequence[Mutuelle], stale_before: datetime.datetime
) -> Iterator[Activity]:
    """Each mutuelle with the date and author of its own members' last update of the plan:
    the dates grouped by mutuelle, then who made the updates of those dates (cheaper than
    ranking every update of the plan)."""
    own = Deployment.objects.filter(
        action__plan=plan, mutuelle__in=mutuelles, updated_by__mutuelle=F("mutuelle")
    ).order_by()
    latest = dict(own.values_list("mutuelle").annotate(last=Max("updated_at")))
    # Without any update there is none to read: the query runs all the same (and finds none).
    authors = own.filter(updated_at__in=set(latest.values())) if latest else own
    found: dict[int, tuple[datetime.datetime | None, str, str]] = {
        mutuelle_id: (updated_at, first_name, last_name)
        for mutuelle_id, updated_at, first_name, last_name in authors.values_list(
            "mutuelle", "updated_at", "updated_by__first_name", "updated_by__last_name"
        )
        if latest.get(mutuelle_id) == updated_at
    }
    for mutuelle in mutuelles:  # by name
        last_update, first_name, last_name = found.get(mutuelle.pk, (None, "", ""))
        yield Activity(
            slug=mutuelle.slug,
            short_name=mutuelle.short_name,
            last_update=last_update,
            last_by=f"{first_name} {last_name}".strip(),
            is_stale=last_update is None or last_update < stale_before,
        )


def _month_ends(
    start: datetime.date, today: datetime.date
) -> Iterator[tuple[datetime.date, datetime.date]]:
    day = start.replace(day=1)
    while day <= today:
        following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        yield day, min(following - datetime.timedelta(days=1), today)
        day = following


def _summed_timeline(
    plan: ActionPlan,
    sums: QuerySet[ProgressMonth],
    today: datetime.date,
    *,
    count: int,
    summed: int,
) -> list[tuple[datetime.date, int]]:
    """Mean progress of the shown deployments (`count` of them, whose progress adds up to
    `summed` today) at the end of each month, from the monthly sums of their moves that the
    services keep: at the end of a month, each stood where it stands today less what it moved
    since."""
    moved = dict(
        sums.order_by()
        .values_list("month")
        .annotate(total=Sum("moved"))
        .values_list("month", "total")
    )
    count, points = count or 1, []
    for month, _end in _month_ends(plan.starts_on, min(today, plan.ends_on)):
        since = sum(total for day, total in moved.items() if day > month)
        points.append((month, round((summed - since) / count)))
    return points


def _timeline(
    plan: ActionPlan,
    changes: QuerySet[DeploymentChange],
    today: datetime.date,
    *,
    count: int,
    summed: int,
) -> list[tuple[datetime.date, int]]:
    """Mean progress of the shown deployments (`count` of them, whose progress adds up to
    `summed` today) at the end of each month, replayed from their `changes`: once per revision
    of the plan (and of the mutuelles, which are shown when active) and set of changes."""
    return fragments.cached(
        "actionplan:timeline",
        revisions=["actionplan", "mutuelles"],
        vary=[plan.pk, today, changes.query],
        render=lambda: _replay(plan, changes, today, count=count, summed=summed),
        timeout=60 * 60 * 24,
    )


def _replay(
    plan: ActionPlan,
    changes: QuerySet[DeploymentChange],
    today: datetime.date,
    *,
    count: int,
    summed: int,
) -> list[tuple[datetime.date, int]]:
    """The database sums the changes month by month (each change counts for what it moved
    the deployment from its previous change, the first from its `progress_before`): a few
    dozen rows come back, not every change of the plan."""
    moves = changes.order_by().annotate(
        previous=Window(
            Lag("progress"), partition_by=F("deployment_id"), order_by=[F("changed_at"), F("pk")]
        ),
        month=TruncMonth("changed_at", output_field=DateField()),  # in the local time zone
        progress_now=F("deployment__progress"),
    )
    inner, params = moves.values(
        "month", "previous", "progress_before", "progress", "progress_now"
    ).query.sql_with_params()
    # The changes' own query (Django's SQL and parameters) summed per month around it; with, on
    # each deployment's first change, where it started and where it stands today.
    sql = f"SELECT month, SUM(progress - COALESCE(previous, progress_before)), SUM(CASE WHEN previous IS NULL THEN progress_before ELSE 0 END), SUM(CASE WHEN previous IS NULL THEN progress_now ELSE 0 END) FROM ({inner}) AS moves GROUP BY month"  # noqa: E501, S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # SQLite answers the month as text.
    moved = {datetime.date.fromisoformat(str(month)[:10]): delta for month, delta, _, _ in rows}
    # Before its first change, a deployment stood at that change's `progress_before`; one
    # never changed stands where it is (what the changed ones do not account for of `summed`).
    untouched = summed - sum(now for _, _, _, now in rows)
    total = sum(first for _, _, first, _ in rows) + untouched
    count, points = count or 1, []
    months = list(_month_ends(plan.starts_on, min(today, plan.ends_on)))
    for index, (month, _end) in enumerate(months):
        if index == 0:  # the changes made before the plan began count from its first month
            total += sum(delta for day, delta in moved.items() if day <= month)
        else:
            total += moved.get(month, 0)
        points.append((month, round(total / count)))
    return points


# --- The home page's to-do list ---------------------------------------------------------------


def silent_mutuelles(plan: ActionPlan, *, now: datetime.datetime) -> QuerySet[Mutuelle]:
    """Active mutuelles whose deployments of `plan` nobody updated (or reviewed: "rien de
    neuf") within RSE_STALE_AFTER, with the date of the last one (`last_update`, None if never)."""
    # Each change of a deployment, update or review, is also its `reviewed_at`: the latest of
    # those, found for each mutuelle at the end of an index (Deployment's mutuelle_review), not
    # in the plan's whole history nor in a pass over all the deployments of the network.
    latest = (
        Deployment.objects.filter(
            mutuelle=OuterRef("pk"), action__plan=plan, reviewed_at__isnull=False
        )
        .order_by("-reviewed_at")
        .values("reviewed_at")[:1]
    )
    return (
        Mutuelle.objects.active()
        .annotate(last_update=Subquery(latest))
        .filter(Q(last_update=None) | Q(last_update__lt=now - settings.RSE_STALE_AFTER))
        .order_by("name")
    )


def home_items(user: User, *, since: datetime.datetime) -> list[Item]:
    """What waits for `user` in the action plan: their mutuelle's weekly update and the answers
    to their field feedback for an ambassador; silent mutuelles, late and blocked actions, field
    feedback to answer for a coordinator."""
    now = timezone.now()
    if can(user, Can.COORDINATE):
        return _coordinator_items(now)
    if user.is_ambassador and user.mutuelle is not None:
        return _ambassador_items(user.mutuelle, now) + _answer_items(user, since)
    return []


def _answer_items(user: User, since: datetime.datetime) -> list[Item]:
    answered, count = first_entries(answered_since(user, since).select_related("handled_by"))
    if not count:
        return []
    text = ngettext(
        "%(count)s réponse de la coordination à vos retours du terrain",
        "%(count)s réponses de la coordination à vos retours du terrain",
        count,
    ) % {"count": count}
    entries = tuple(
        Entry(f.subject, f"{reverse('actionplan:feedback_list')}#retour-{f.pk}", f.answer[:120])
        for f in answered
    )
    return [Item(text, reverse("actionplan:feedback_list"), _("Lire les réponses"), entries)]


def _day(value: datetime.date | datetime.datetime) -> str:
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return date_format(value, "j F Y")


def _why(deployment: Deployment) -> str:
    """Why a deployment needs its ambassador, the most pressing reason first."""
    flags = deployment  # annotated by with_needs(): need_blocked, need_overdue, need_never
    if flags.need_blocked:  # type: ignore[attr-defined]
        return _("bloquée")
    if flags.need_overdue and deployment.action.due_on:  # type: ignore[attr-defined]
        return _("échéance dépassée (%(date)s)") % {"date": _day(deployment.action.due_on)}
    if flags.need_never or deployment.reviewed_at is None:  # type: ignore[attr-defined]
        return _("jamais mise à jour")
    return _("pas mise à jour depuis le %(date)s") % {"date": _day(deployment.reviewed_at)}


def _last_update(mutuelle: Mutuelle) -> str:
    last_update = mutuelle.last_update  # type: ignore[attr-defined]
    if last_update is None:
        return _("aucune mise à jour")
    return _("dernière mise à jour le %(date)s") % {"date": _day(last_update)}


def _ambassador_items(mutuelle: Mutuelle, now: datetime.datetime) -> list[Item]:
    waiting, count = first_entries(needing_update(mutuelle, now=now))
    if not count:
        return []
    text = ngettext(
        "%(count)s action du plan à mettre à jour pour %(mutuelle)s",
        "%(count)s actions du plan à mettre à jour pour %(mutuelle)s",
        count,
    ) % {"count": count, "mutuelle": mutuelle.short_name}
    entries = tuple(
        Entry(f"{d.action.code} · {d.action.title}", d.get_absolute_url(), _why(d)) for d in waiting
    )
    return [Item(text, reverse("actionplan:my_mutuelle"), _("Faire le point"), entries)]


def _coordinator_items(now: datetime.datetime) -> list[Item]:
    plan = current_plan()
    items = []
    dashboard = reverse("actionplan:plan")
    if plan is not None:
        silent = list(silent_mutuelles(plan, now=now))
        if silent:
            text = ngettext(
                "%(count)s mutuelle sans mise à jour du plan depuis %(days)s jours",
                "%(count)s mutuelles sans mise à jour du plan depuis %(days)s jours",
                len(silent),
            ) % {"count": len(silent), "days": settings.RSE_STALE_AFTER.days}
            entries = tuple(
                Entry(m.short_name, m.get_absolute_url(), _last_update(m)) for m in silent[:ENTRIES]
            )
            items.append(Item(text, f"{dashboard}#activity-title", _("Voir l'activité"), entries))
        open_ones = Deployment.objects.open().filter(Q(mutuelle=None) | Q(mutuelle__is_active=True))
        overdue, count = first_entries(
            plan.actions.filter(
                due_on__lt=timezone.localdate(now), pk__in=open_ones.values("action")
            ).order_by("due_on", "code")
        )
        if count:
            text = ngettext(
                "%(count)s action du plan en retard", "%(count)s actions du plan en retard", count
            ) % {"count": count}
            entries = tuple(
                Entry(
                    f"{a.code} · {a.title}",
                    a.get_absolute_url(),
                    _("échéance le %(date)s") % {"date": _day(a.due_on)},
                )
                for a in overdue
                if a.due_on
            )
            items.append(Item(text, f"{dashboard}#overdue-title", _("Voir les retards"), entries))
        blocked, count = first_entries(
            open_ones.filter(action__plan=plan, status=Status.BLOCKED)
            .select_related("action", "mutuelle")
            .order_by("action__code", "mutuelle__name")
        )
        if count:
            text = ngettext(
                "%(count)s blocage signalé par les mutuelles",
                "%(count)s blocages signalés par les mutuelles",
                count,
            ) % {"count": count}
            entries = tuple(Entry(str(d), d.get_absolute_url(), d.next_step) for d in blocked)
            items.append(Item(text, f"{dashboard}#blocked-title", _("Voir les blocages"), entries))
    if count := unanswered_feedback().count():
        text = ngettext(
            "%(count)s retour du terrain sans réponse",
            "%(count)s retours du terrain sans réponse",
            count,
        ) % {"count": count}
        to_answer = reverse("actionplan:feedback_list") + "?etat=open"
        items.append(Item(text, to_answer, _("Répondre aux retours à traiter")))
    return items
