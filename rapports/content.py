"""What an AG report says, gathered as it stood at the cut-off date and written as plain JSON
(frozen in the version: what is changed afterwards does not change it).

Read "as of" the end of the cut-off day (Europe/Paris):
- deployments: today's row, with every change recorded after the cut-off undone
  (`DeploymentChange.before`), and only for actions entered in the plan by then;
- indicators: their registry fields from the record of changes (django-simple-history), the
  values as entered last before the cut-off (`registry.measured_values(as_of=)`), the
  mutuelles' targets set by then;
- field feedback filed by then, with the answers given by then.
No member's name is written into the report: mutuelles, not people.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan import registry
from actionplan.dates import period_label
from actionplan.models import (
    Action,
    ActionPlan,
    Assembly,
    Deployment,
    DeploymentChange,
    FieldFeedback,
    Indicator,
    IndicatorTarget,
    ProgressSource,
    Resolution,
    Rollup,
    Status,
)
from guides.models import Guide
from initiatives.models import Initiative
from mutuelles.models import Framework, Mutuelle

SCHEMA = 1
TRACKED = ("status", "progress", "local_approach", "next_step")
# The detailed list of what changed since the AG stops at this many events (the latest); the
# summary tables count them all.
CHANGES_LISTED = 400
CSESS = "csess"

Step = Callable[[str, int], None]


def end_of(day: datetime.date) -> datetime.datetime:
    """The last moment of `day` in the local time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def _number(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


def _date(value: datetime.date | datetime.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def previous_assembly(assembly: Assembly) -> Assembly | None:
    return Assembly.objects.filter(held_on__lt=assembly.held_on).order_by("-held_on").first()


def plan_of(assembly: Assembly) -> ActionPlan | None:
    """The plan the AG adopted; else the plan whose actions carry out its resolutions."""
    plan = assembly.plans.order_by("-starts_on").first()
    if plan is None:
        plan = (
            ActionPlan.objects.filter(actions__resolutions__assembly=assembly)
            .order_by("-starts_on")
            .first()
        )
    return plan


def deployments_as_of(
    actions: list[Action], as_of: datetime.datetime
) -> dict[int, list[dict[str, Any]]]:
    """Each action's deployments as they stood at `as_of`, by action id: today's values with
    every later change undone, newest first."""
    rows = Deployment.objects.filter(action__in=actions).values_list(
        "pk", "action_id", "mutuelle_id", *TRACKED
    )
    states: dict[int, dict[str, Any]] = {}
    owners: dict[int, tuple[int, int | None]] = {}
    for pk, action_id, mutuelle_id, *values in rows:
        states[pk] = dict(zip(TRACKED, values, strict=True))
        owners[pk] = (action_id, mutuelle_id)
    later = (
        DeploymentChange.objects.filter(
            deployment__action__in=actions, changed_at__gt=as_of, is_review=False
        )
        .order_by("-changed_at", "-pk")
        .values_list("deployment_id", "before", "progress_before")
    )
    for deployment_id, before, progress_before in later.iterator(chunk_size=5000):
        state = states[deployment_id]
        state.update({k: v for k, v in before.items() if k in TRACKED})
        state["progress"] = progress_before
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for pk, state in states.items():
        action_id, mutuelle_id = owners[pk]
        found[action_id].append({"mutuelle": mutuelle_id, **state})
    return found


def _progress(action: Action, deployments: list[dict], indicator_attainment: list[int]) -> dict:
    source = action.progress_source
    label = str(ProgressSource(source).label)
    if source == ProgressSource.MANUAL:
        value = action.progress_manual
        detail = _("Saisi par la coordination.")
    elif source == ProgressSource.INDICATORS:
        if indicator_attainment:
            value = round(sum(indicator_attainment) / len(indicator_attainment))
            detail = _(
                "Moyenne de l'atteinte de %(count)s indicateur(s) : de la référence à la cible."
            ) % {"count": len(indicator_attainment)}
        else:
            value, detail = None, _("Aucun de ses indicateurs n'avait de mesure.")
    else:
        counted = [d["progress"] for d in deployments if d["status"] != Status.NOT_APPLICABLE]
        if counted:
            value = round(sum(counted) / len(counted))
            detail = _("Moyenne des %(count)s déploiements qui s'appliquent.") % {
                "count": len(counted)
            }
        else:
            value, detail = None, _("Aucun déploiement ne s'applique.")
    return {"value": value, "source": label, "detail": detail}


def _indicators(
    plan: ActionPlan, mutuelles: list[Mutuelle], as_of: datetime.datetime
) -> tuple[list[dict], dict[int, list[int]]]:
    """The registry as it stood, each indicator with its series; and, by action id, how far
    each of its indicators had gone (for the progress of the actions that use them)."""
    current = list(
        plan.indicators.select_related("action").prefetch_related("frameworks").order_by("name")
    )
    ids = [indicator.pk for indicator in current]
    # The registry's fields as recorded at the cut-off (target, baseline, method...).
    past: dict[int, Any] = {}
    # By `id`: on the record, `pk` is the record's own (history_id).
    for row in Indicator.history.as_of(as_of).filter(id__in=ids):
        past[row.pk] = row
    values = registry.measured_values(current, as_of=as_of)
    targets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for indicator_id, mutuelle_id, value in IndicatorTarget.objects.filter(
        indicator__in=ids, set_at__lte=as_of
    ).values_list("indicator_id", "mutuelle_id", "value"):
        targets[indicator_id][mutuelle_id] = value
    by_action: dict[int, list[int]] = defaultdict(list)
    result = []
    for indicator in current:
        # The registry's fields as recorded at the cut-off; today's for an indicator whose
        # record starts later (entered before the record was kept, or loaded as it is).
        own = values.get(indicator.pk, {})
        if indicator.pk not in past and not own:
            continue  # neither recorded nor measured by then: not yet in the registry
        shown = past.get(indicator.pk, indicator)
        shown.pk = indicator.pk
        periods = sorted({period for _m, period in own})
        series = [registry.group_figure(shown, mutuelles, own, p) for p in periods]
        latest = series[-1] if series else registry.group_figure(shown, mutuelles, {}, None)
        if indicator.action_id and latest.value is not None:
            by_action[indicator.action_id].append(registry.attainment(shown, latest.value))
        latest_period = periods[-1] if periods else None
        result.append(
            {
                "id": indicator.pk,
                "name": shown.name,
                "unit": shown.unit,
                "definition": shown.definition,
                "direction": shown.direction,
                "direction_label": str(shown.get_direction_display()),
                "period": str(shown.get_period_display()),
                "owner": shown.owner,
                "baseline": _number(shown.baseline),
                "baseline_on": _date(shown.baseline_on),
                "target": _number(shown.target),
                "rollup": shown.rollup,
                "rollup_label": str(Rollup(shown.rollup).label),
                "action": indicator.action.code if indicator.action else None,
                "frameworks": [entry.code for entry in indicator.frameworks.all()],
                "series": [
                    {
                        "label": period_label(figure.period, shown.period),
                        "value": _number(figure.value),
                        "explanation": figure.explanation,
                        "excluded": [left.mutuelle.pk for left in figure.excluded],
                        "weights": [
                            [part.mutuelle.pk, part.weight, _number(part.share)]
                            for part in figure.parts
                            if part.weight is not None
                        ],
                    }
                    for figure in series
                ],
                "latest": {
                    "label": period_label(latest_period, shown.period) if latest_period else None,
                    "value": _number(latest.value),
                    "explanation": latest.explanation,
                    "excluded": [left.mutuelle.pk for left in latest.excluded],
                },
                "mutuelles": [
                    {
                        "mutuelle": mutuelle.pk,
                        "value": _number(own.get((mutuelle.pk, latest_period))),
                        "target": _number(targets[indicator.pk].get(mutuelle.pk)),
                    }
                    for mutuelle in mutuelles
                ],
            }
        )
    return result, by_action


def _changes(actions: list[Action], since: datetime.datetime, as_of: datetime.datetime) -> dict:
    """The deployments' status changes between the AG and the cut-off: counted by month and by
    action, and the latest listed."""
    codes = {action.pk: action.code for action in actions}
    rows = (
        DeploymentChange.objects.filter(
            deployment__action__in=actions,
            changed_at__gt=since,
            changed_at__lte=as_of,
            is_review=False,
        )
        .order_by("-changed_at", "-pk")
        .values_list(
            "changed_at",
            "deployment__action_id",
            "deployment__mutuelle_id",
            "after",
            "progress_before",
            "progress",
        )
    )
    by_month: dict[str, Counter] = defaultdict(Counter)
    by_action: dict[str, Counter] = defaultdict(Counter)
    listed = []
    total = 0
    for changed_at, action_id, mutuelle_id, after, progress_before, progress in rows.iterator(
        chunk_size=5000
    ):
        status = after.get("status", "")
        kind = status if status in Status.values else "progress"
        total += 1
        month = timezone.localtime(changed_at).date().replace(day=1).isoformat()
        by_month[month][kind] += 1
        by_action[codes[action_id]][kind] += 1
        if len(listed) < CHANGES_LISTED:
            listed.append(
                {
                    "when": _date(changed_at),
                    "action": codes[action_id],
                    "mutuelle": mutuelle_id,
                    "status": status,
                    "progress_before": progress_before,
                    "progress": progress,
                }
            )
    return {
        "total": total,
        "by_month": [[month, dict(counts)] for month, counts in sorted(by_month.items())],
        "by_action": [
            [action.code, dict(by_action[action.code])]
            for action in actions
            if action.code in by_action
        ],
        "listed": listed,
    }


def _feedback(plan: ActionPlan, since: datetime.datetime, as_of: datetime.datetime) -> list[dict]:
    rows = (
        FieldFeedback.objects.filter(created_at__gt=since, created_at__lte=as_of)
        .filter(action__plan=plan)
        .select_related("action", "theme", "action__theme")
        .order_by("created_at", "pk")
    )
    result = []
    for feedback in rows:
        answered = feedback.handled_at is not None and feedback.handled_at <= as_of
        theme = feedback.shown_theme
        result.append(
            {
                "when": _date(feedback.created_at),
                "mutuelle": feedback.mutuelle_id,
                "subject": feedback.subject,
                "action": feedback.action.code if feedback.action else None,
                "theme": theme.name if theme else None,
                "sentiment": str(feedback.get_sentiment_display()),
                "text": feedback.text,
                "answer": feedback.answer if answered else "",
                "answered_on": _date(feedback.handled_at) if answered else None,
            }
        )
    return result


def _frameworks(actions: list[Action], indicators: list[dict], as_of) -> list[dict]:
    """Every framework, each entry with what serves it: the report's actions and indicators,
    the initiatives and guides published by the cut-off."""
    served: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for action in actions:
        for entry in action.frameworks.all():
            served[entry.pk]["actions"].append(action.code)
    names = {i["id"]: i["name"] for i in indicators}
    for indicator_id, entry_id in Indicator.frameworks.through.objects.filter(
        indicator_id__in=names
    ).values_list("indicator_id", "frameworkentry_id"):
        served[entry_id]["indicators"].append(names[indicator_id])
    tagged = [
        (
            "initiatives",
            Initiative.objects.published()
            .filter(created_at__lte=as_of)
            .select_related("mutuelle")
            .only("pk", "title", "mutuelle__short_name"),
            lambda item: f"{item.title} ({item.mutuelle.short_name})",
        ),
        (
            "guides",
            Guide.objects.readable().only("pk", "title"),
            lambda item: item.title,
        ),
    ]
    for kind, queryset, label in tagged:
        for item in queryset.prefetch_related("frameworks"):
            for entry in item.frameworks.all():
                served[entry.pk][kind].append(label(item))
    result = []
    for framework in Framework.objects.prefetch_related("entries"):
        result.append(
            {
                "slug": framework.slug,
                "name": framework.name,
                "description": framework.description,
                "entries": [
                    {
                        "code": entry.code,
                        "label": entry.label,
                        "description": entry.description,
                        **{
                            kind: served[entry.pk].get(kind, [])
                            for kind in ("actions", "indicators", "initiatives", "guides")
                        },
                    }
                    for entry in framework.entries.all()
                ],
            }
        )
    return result


def gather(
    assembly: Assembly, cut_off: datetime.date, step: Step = lambda text, percent: None
) -> dict[str, Any]:
    """The report's whole content, as it stood at the end of `cut_off`: plain JSON."""
    as_of = end_of(cut_off)
    since = timezone.make_aware(datetime.datetime.combine(assembly.held_on, datetime.time.max))
    plan = plan_of(assembly)
    previous = previous_assembly(assembly)
    mutuelles = list(Mutuelle.objects.active().order_by("name"))
    step(_("Résolutions et actions"), 10)
    resolutions = list(
        Resolution.objects.filter(assembly=assembly).prefetch_related(
            Prefetch("actions", queryset=Action.objects.only("pk", "code"))
        )
    )
    actions: list[Action] = []
    if plan is not None:
        actions = list(
            plan.actions.filter(created_at__lte=as_of)
            .select_related("axis", "theme")
            .prefetch_related("frameworks")
            .order_by("axis__number", "position", "code")
        )
    step(_("Déploiements à la date d'arrêt"), 20)
    deployments = deployments_as_of(actions, as_of)
    step(_("Indicateurs et leurs séries"), 35)
    indicators, attainment = _indicators(plan, mutuelles, as_of) if plan is not None else ([], {})
    step(_("Ce qui a changé depuis l'AG"), 45)
    changes = _changes(actions, since, as_of)
    step(_("Retours du terrain"), 50)
    feedback = _feedback(plan, since, as_of) if plan is not None else []
    step(_("Référentiels RSE"), 55)
    frameworks = _frameworks(actions, indicators, as_of)
    order = {m.pk: index for index, m in enumerate(mutuelles)}
    known = {action.pk for action in actions}
    return {
        "schema": SCHEMA,
        "assembly": {
            "name": assembly.name,
            "held_on": _date(assembly.held_on),
            "delegates": assembly.delegates,
        },
        "previous": {"name": previous.name, "held_on": _date(previous.held_on)}
        if previous
        else None,
        "cut_off": _date(cut_off),
        "gathered_at": _date(timezone.now()),
        "plan": {
            "title": plan.title,
            "starts_on": _date(plan.starts_on),
            "ends_on": _date(plan.ends_on),
        }
        if plan
        else None,
        "mutuelles": [
            {
                "id": m.pk,
                "name": m.name,
                "short_name": m.short_name,
                "headcount": m.headcount,
                "colour": m.colour,
            }
            for m in mutuelles
        ],
        "resolutions": [
            {
                "number": resolution.number,
                "title": resolution.title,
                "text": resolution.text,
                "voted_on": _date(resolution.voted_on),
                "votes_for": resolution.votes_for,
                "votes_against": resolution.votes_against,
                "abstentions": resolution.abstentions,
                "adopted": resolution.adopted,
                "actions": [a.code for a in resolution.actions.all() if a.pk in known],
            }
            for resolution in resolutions
        ],
        "actions": [
            {
                "code": action.code,
                "title": action.title,
                "description": action.description,
                "axis": f"{action.axis.number}. {action.axis.title}",
                "scope": action.scope,
                "owner": action.owner,
                "due_on": _date(action.due_on),
                "theme": action.theme.name if action.theme else None,
                "frameworks": [entry.code for entry in action.frameworks.all()],
                "progress": _progress(
                    action, deployments.get(action.pk, []), attainment.get(action.pk, [])
                ),
                "deployments": sorted(
                    deployments.get(action.pk, []),
                    key=lambda d: order.get(d["mutuelle"], -1),
                ),
            }
            for action in actions
        ],
        "indicators": indicators,
        "changes": changes,
        "feedback": feedback,
        "frameworks": frameworks,
        "csess": CSESS,
    }
