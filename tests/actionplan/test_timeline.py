"""The dashboard's progress over time, read from the monthly sums the services keep
(`ProgressMonth`), tells what replaying the history tells; its activity, each mutuelle's own
members' last update."""

import datetime

import pytest
from django.utils import timezone

from actionplan import selectors, services
from actionplan.models import ProgressMonth, Status

JULY, AUGUST, SEPTEMBER, OCTOBER = (datetime.date(2026, month, 1) for month in (7, 8, 9, 10))


def _on(monkeypatch, day):
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    monkeypatch.setattr(timezone, "now", lambda: when)


def _timelines(plan):
    """The timeline from the sums (no filter) and replayed from the history (filtered by the
    axis that holds every action: the same deployments)."""
    summed = selectors.dashboard(plan).timeline
    replayed = selectors.dashboard(plan, axis=plan.axes.get(number=1)).timeline
    return summed, replayed


@pytest.fixture
def history(
    monkeypatch, plan, deployment, other_deployment, ambassador, other_ambassador, coordinator
):
    group = plan.actions.get(code="1.2").deployments.get()
    steps = [
        (JULY, deployment, ambassador, Status.IN_PROGRESS, 30),
        (AUGUST, other_deployment, other_ambassador, Status.IN_PROGRESS, 50),
        (AUGUST, deployment, ambassador, Status.IN_PROGRESS, 60),
        (SEPTEMBER, group, coordinator, Status.IN_PROGRESS, 40),
    ]
    for day, target, by, status, progress in steps:
        _on(monkeypatch, day)
        services.deployment_update(deployment=target, by=by, status=status, progress=progress)
    monkeypatch.undo()
    return group


def test_the_timeline_is_the_mean_progress_at_the_end_of_each_month(plan, history):
    summed, replayed = _timelines(plan)
    assert summed == replayed
    # Three deployments: 30, 0, 0 at the end of July; 60, 50, 0 of August; 60, 50, 40 since.
    assert summed[:4] == [(JULY, 10), (AUGUST, 37), (SEPTEMBER, 50), (OCTOBER, 50)]


def test_a_deployment_not_applicable_leaves_the_timeline_with_its_history(
    monkeypatch, plan, history, other_deployment, other_ambassador
):
    _on(monkeypatch, OCTOBER)
    services.deployment_update(
        deployment=other_deployment, by=other_ambassador, status=Status.NOT_APPLICABLE, progress=0
    )
    summed, replayed = _timelines(plan)
    assert summed == replayed
    assert summed[:4] == [(JULY, 15), (AUGUST, 30), (SEPTEMBER, 50), (OCTOBER, 50)]

    services.deployment_update(
        deployment=other_deployment, by=other_ambassador, status=Status.IN_PROGRESS, progress=20
    )
    summed, replayed = _timelines(plan)
    assert summed == replayed
    # Its history back: 50 in August, 0 when it was set aside, 20 again, all in October.
    assert summed[:4] == [(JULY, 10), (AUGUST, 37), (SEPTEMBER, 50), (OCTOBER, 40)]


def test_deleting_an_action_takes_its_history_out_of_the_sums(plan, history, coordinator):
    services.action_delete(by=coordinator, action=plan.actions.get(code="1.2"))
    summed, replayed = _timelines(plan)
    assert summed == replayed
    assert summed[:4] == [(JULY, 15), (AUGUST, 55), (SEPTEMBER, 55), (OCTOBER, 55)]


def test_rebuilding_the_sums_from_the_history_changes_nothing(plan, history):
    kept = set(ProgressMonth.objects.values_list("mutuelle", "month", "moved"))
    services.progress_rebuild(plan)
    assert set(ProgressMonth.objects.values_list("mutuelle", "month", "moved")) == kept
    assert len(kept) == 4  # Armor in July and August, Arverne in August, the group in September


def test_the_activity_tells_each_mutuelles_own_members_last_update(
    monkeypatch, plan, deployment, other_deployment, ambassador, coordinator
):
    steps = [
        (JULY, deployment, ambassador, 20),
        (AUGUST, deployment, ambassador, 40),
        (SEPTEMBER, other_deployment, coordinator, 10),  # not one of Arverne's own members
    ]
    for day, target, by, progress in steps:
        _on(monkeypatch, day)
        services.deployment_update(
            deployment=target, by=by, status=Status.IN_PROGRESS, progress=progress
        )
    monkeypatch.undo()
    activity = {entry.slug: entry for entry in selectors.follow_up(plan).activity}
    assert timezone.localdate(activity["armor"].last_update) == AUGUST
    assert activity["armor"].last_by == f"{ambassador.first_name} {ambassador.last_name}".strip()
    assert activity["arverne"].last_update is None and activity["arverne"].is_stale
