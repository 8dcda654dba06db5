"""What the record of changes (core.history) shows of the plan: actions, indicators, and the
deployments' own history (DeploymentChange, written by services.deployment_update)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import history

from .models import Action, Deployment, DeploymentChange, Indicator


def _deployment_changes(row: DeploymentChange) -> list:
    before = {**row.before, "progress": row.progress_before}
    after = {**row.after, "progress": row.progress}
    changes = [
        [name, before.get(name), after.get(name)]
        for name in dict.fromkeys([*row.before, *row.after])
        if before.get(name) != after.get(name)
    ]
    if not changes and row.is_review:
        return [[str(_("revu")), None, str(_("rien de neuf"))]]
    return changes


def _deployment_label(row: DeploymentChange) -> str:
    deployment = row.deployment
    where = deployment.mutuelle.short_name if deployment.mutuelle else _("Groupe")
    return f"{deployment.action.code} · {where}"


def register() -> None:
    history.register(
        history.Kind(
            key="action",
            name=_("Action du plan"),
            model=Action,
            label=lambda row: f"{row.code} {row.title}",
            url=Action.get_absolute_url,
        )
    )
    history.register(
        history.Kind(
            key="indicateur",
            name=_("Indicateur"),
            model=Indicator,
            label=lambda row: row.name,
            url=lambda indicator: (
                reverse("actionplan:action", args=[indicator.action_id])
                if indicator.action_id
                else reverse("actionplan:plan")
            ),
        )
    )
    history.register(
        history.Kind(
            key="deploiement",
            name=_("Déploiement"),
            model=Deployment,
            source=DeploymentChange,
            columns={"object": "deployment_id", "at": "changed_at", "by": "changed_by_id"},
            fixed_type="~",
            label=_deployment_label,
            url=Deployment.get_absolute_url,
            mutuelle="deployment__mutuelle",
            related=("deployment__action", "deployment__mutuelle"),
            changes=_deployment_changes,
        )
    )
