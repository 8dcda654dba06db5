import datetime

import pytest

from actionplan import services
from actionplan.models import Action, Axis, Indicator, Scope
from tests.factories import PlanFactory


@pytest.fixture
def plan(db, mutuelle, other_mutuelle):
    plan = PlanFactory()
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
