"""The dashboard's totals (models.DeploymentTally) follow every write of the plan: they are
what summing the deployments gives, whichever way the deployments changed."""

import pytest
from django.db.models import Count, Sum

from actionplan import selectors, services
from actionplan.models import Deployment, DeploymentTally, Status
from mutuelles.models import Mutuelle, Theme
from tests.factories import MutuelleFactory


def _summed(plan):
    return sorted(
        Deployment.objects.filter(action__plan=plan)
        .order_by()
        .values_list("action__axis", "mutuelle", "status")
        .annotate(count=Count("pk"), progress=Sum("progress")),
        key=str,
    )


def _kept(plan):
    return sorted(
        DeploymentTally.objects.filter(plan=plan).values_list(
            "axis", "mutuelle", "status", "count", "progress"
        ),
        key=str,
    )


def test_the_totals_follow_updates_new_mutuelles_moved_and_deleted_actions(
    plan, deployment, other_deployment, members
):
    coordinator = members["coordinator"]
    assert _kept(plan) == _summed(plan) != []  # the deployments made with the plan

    services.deployment_update(
        deployment=deployment, by=members["ambassador"], status=Status.IN_PROGRESS, progress=40
    )
    assert (deployment.action.axis_id, deployment.mutuelle_id, "in_progress", 1, 40) in _kept(plan)
    assert _kept(plan) == _summed(plan)

    services.mutuelle_update(
        by=coordinator,
        mutuelle=other_deployment.mutuelle,
        changes={other_deployment: {"status": Status.BLOCKED, "progress": 10}},
    )
    assert _kept(plan) == _summed(plan)

    MutuelleFactory(slug="nouvelle")  # an active mutuelle gets its deployments
    assert _kept(plan) == _summed(plan)

    other_axis = plan.axes.get(number=2)
    services.action_save(by=coordinator, plan=plan, action=deployment.action, axis=other_axis)
    assert (other_axis.pk, deployment.mutuelle_id, "in_progress", 1, 40) in _kept(plan)
    assert _kept(plan) == _summed(plan)

    services.action_delete(by=coordinator, action=deployment.action)
    assert _kept(plan) == _summed(plan)


@pytest.mark.parametrize(
    ("status", "progress"), [(Status.IN_PROGRESS, 20), (Status.NOT_APPLICABLE, 0)]
)
def test_the_dashboard_counts_the_same_from_the_totals_as_from_the_deployments(
    plan, deployment, other_deployment, members, status, progress
):
    services.deployment_update(
        deployment=deployment, by=members["ambassador"], status=Status.IN_PROGRESS, progress=40
    )
    services.mutuelle_update(
        by=members["coordinator"],
        mutuelle=other_deployment.mutuelle,
        changes={other_deployment: {"status": status, "progress": progress}},
    )
    # Every action of one theme: the dashboard filtered by it sums the deployments themselves.
    theme = Theme.objects.create(name="Santé", slug="sante")
    plan.actions.update(theme=theme)
    mutuelles = list(Mutuelle.objects.active())
    kept = selectors.dashboard(plan, mutuelles=mutuelles)
    summed = selectors.dashboard(plan, theme=theme, mutuelles=mutuelles)
    assert kept.overall == summed.overall
    assert kept.status_counts == summed.status_counts
    assert kept.axes == summed.axes
    assert kept.by_mutuelle == summed.by_mutuelle
    if status == Status.NOT_APPLICABLE:  # left out of the means
        assert kept.by_mutuelle == [(deployment.mutuelle, 40)]
    else:
        assert kept.by_mutuelle == [(deployment.mutuelle, 40), (other_deployment.mutuelle, 20)]
