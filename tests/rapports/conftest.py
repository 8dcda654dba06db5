import datetime
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from actionplan.models import Action, Assembly, DeploymentChange, Indicator, Resolution
from tests.actionplan.conftest import action, deployment, other_deployment, plan  # noqa: F401


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def assembly(plan):  # noqa: F811 - the fixture imported above
    """An AG held two months ago; its resolution 3 is carried out by action 1.1 (deployed in
    Armor and Arverne), entered in the plan the day after the AG."""
    held_on = days_ago(60)
    assembly = Assembly.objects.create(name="AG de printemps", held_on=held_on, delegates=140)
    plan.general_assembly = assembly
    plan.save()
    resolution = Resolution.objects.create(
        assembly=assembly,
        number="3",
        title="Prévention santé des salariés",
        text="L'assemblée générale demande un dépistage dans chaque mutuelle.",
        voted_on=held_on,
        votes_for=130,
        votes_against=2,
        abstentions=4,
    )
    Resolution.objects.create(
        assembly=assembly, number="4", title="Sobriété énergétique", voted_on=held_on
    )
    entered = moment(held_on + datetime.timedelta(1))
    Action.objects.filter(plan=plan).update(created_at=entered)
    Indicator.history.update(history_date=entered)  # the registry as recorded that day
    plan.actions.get(code="1.1").resolutions.add(resolution)
    return assembly


def backdate(deployment, day: datetime.date) -> None:  # noqa: F811
    """The deployment's latest change, made on `day` instead of now."""
    change = DeploymentChange.objects.filter(deployment=deployment).latest("changed_at", "pk")
    DeploymentChange.objects.filter(pk=change.pk).update(changed_at=moment(day))


def pdf_text(path: str | Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
