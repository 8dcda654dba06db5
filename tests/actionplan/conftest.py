import datetime

import pytest

from actionplan import services
from actionplan.models import Action, ActionPlan, Axis, Indicator, Scope


@pytest.fixture
def plan(db, mutuelle, other_mutuelle):
    plan = ActionPlan.objects.create(
        title="Plan d'action RSE 2026-2028",
        assembly="AG du 18 juin 2026",
        adopted_on=datetime.date(2026, 6, 18),
        starts_on=datetime.date(2026, 7, 1),
        ends_on=datetime.date(2028, 6, 30),
        is_current=True,
    )
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    Axis.objects.create(plan=plan, number=2, title="Environnement")
    actions = [
        Action.objects.create(
            plan=plan, axis=axis, code="1.1", title="Dépistage", due_on=datetime.date(2027, 3, 31)
        ),
        Action.objects.create(
            plan=plan, axis=axis, code="1.2", title="Défi sportif", scope=Scope.GROUP
        ),
    ]
    services.deployments_ensure(actions=actions)
    Indicator.objects.create(
        plan=plan, name="Index égalité", unit="points", target=85, action=actions[0]
    )
    return plan


@pytest.fixture
def action(plan):
    return plan.actions.get(code="1.1")


@pytest.fixture
def deployment(action, mutuelle):
    return action.deployments.get(mutuelle=mutuelle)


@pytest.fixture
def other_deployment(action, other_mutuelle):
    return action.deployments.get(mutuelle=other_mutuelle)
