"""The demo action plan (demo/plan.toml): the AGs of June 2025 and 2026, 24 actions, the
indicator registry, deployments with their history, field feedback. Deterministic, so
`seed_demo` stays idempotent."""

import datetime
import random
import tomllib
from decimal import Decimal
from importlib import resources

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ambassadeurs.models import Role, User
from mutuelles.models import FrameworkEntry, Mutuelle, Theme

from . import services
from .models import (
    Action,
    ActionPlan,
    Assembly,
    Axis,
    Deployment,
    DeploymentChange,
    Direction,
    Evidence,
    FieldFeedback,
    Indicator,
    IndicatorTarget,
    Measurement,
    MeasurementEntry,
    Period,
    ProgressSource,
    Resolution,
    Status,
)

PLAN = tomllib.loads((resources.files(__package__) / "demo" / "plan.toml").read_text("utf-8"))


def _at(day: datetime.date, hour=10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@transaction.atomic
def seed(*, mutuelles=None, actions_per_axis=None, now=None) -> ActionPlan:
    """Create (or refresh) the demo plan; `actions_per_axis` enlarges it for benchmarks."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    mutuelles = list(mutuelles if mutuelles is not None else Mutuelle.objects.active())
    themes = {theme.slug: theme for theme in Theme.objects.all()}

    plan, _ = ActionPlan.objects.update_or_create(
        title=PLAN["title"],
        defaults={
            field: PLAN[field] for field in ("assembly", "adopted_on", "starts_on", "ends_on")
        },
    )
    ActionPlan.objects.exclude(pk=plan.pk).update(is_current=False)
    ActionPlan.objects.filter(pk=plan.pk).update(is_current=True)
    plan.is_current = True

    axes = {}
    for axis in PLAN["axes"]:
        axes[axis["number"]], _ = Axis.objects.update_or_create(
            plan=plan,
            number=axis["number"],
            defaults={"title": axis["title"], "description": axis["description"]},
        )

    specs = PLAN["actions"]
    if actions_per_axis:  # the large data set: more actions of the same kinds on each axis
        specs = []
        for number in axes:
            base = [spec for spec in PLAN["actions"] if spec["code"].startswith(f"{number}.")]
            for i in range(actions_per_axis):
                spec = base[i % len(base)]
                suffix = f" ({i // len(base) + 1})" if i >= len(base) else ""
                specs.append({**spec, "code": f"{number}.{i + 1}", "title": spec["title"] + suffix})
    actions = {}
    for position, spec in enumerate(specs):
        code = spec["code"]
        actions[code], _ = Action.objects.update_or_create(
            plan=plan,
            code=code,
            defaults={
                "axis": axes[int(code.split(".")[0])],
                "title": spec["title"],
                "description": "",
                "theme": themes.get(spec["theme"]),
                "scope": spec["scope"],
                "due_on": spec["due_on"],
                "owner": spec["owner"],
                "position": position,
                "created_at": _at(PLAN["adopted_on"], 15),
            },
        )
    services.deployments_ensure(actions=actions.values(), mutuelles=mutuelles)

    ambassadors = {
        u.mutuelle_id: u for u in User.objects.filter(role=Role.AMBASSADOR, is_active=True)
    }
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_active=True).first()
    deployments = list(
        Deployment.objects.filter(action__plan=plan).select_related("action", "mutuelle")
    )
    DeploymentChange.objects.filter(deployment__in=deployments).delete()
    approach_texts = {spec["code"]: spec["approaches"] for spec in specs}
    changes = []
    # One mutuelle out of five has not updated anything for a while: the dashboard shows it.
    slow = {
        m.pk for index, m in enumerate(sorted(mutuelles, key=lambda m: m.slug)) if index % 5 == 4
    }
    for deployment in deployments:
        mutuelle_id = deployment.mutuelle_id
        author = ambassadors.get(mutuelle_id, coordinator)
        roll = rng.random()
        if roll < 0.18:
            status, progress = Status.NOT_STARTED, 0
        elif roll < 0.72:
            status, progress = Status.IN_PROGRESS, rng.choice([10, 20, 30, 40, 50, 60, 70, 80])
        elif roll < 0.88:
            status, progress = Status.DONE, 100
        elif roll < 0.96:
            status, progress = Status.BLOCKED, rng.choice([10, 20, 30])
        else:
            status, progress = Status.NOT_APPLICABLE, 0
        texts = approach_texts.get(deployment.action.code) or []
        deployment.status, deployment.progress = status, progress
        deployment.local_approach = (
            texts[(mutuelle_id or 0) % len(texts)] if texts and status != Status.NOT_STARTED else ""
        )
        deployment.next_step = (
            rng.choice(PLAN["next_steps"]) if status in (Status.IN_PROGRESS, Status.BLOCKED) else ""
        )
        # A few steps of history from the start of the plan to the last update.
        steps = 0 if status == Status.NOT_STARTED else rng.randint(1, 3)
        start = plan.starts_on
        last_day = today - datetime.timedelta(
            days=rng.randint(40, 80) if mutuelle_id in slow else rng.randint(0, 25)
        )
        span = max((last_day - start).days, 1)
        previous, previous_state = 0, Status.NOT_STARTED
        for step in range(steps):
            day = start + datetime.timedelta(days=span * (step + 1) // steps)
            value = (
                progress
                if step == steps - 1
                else max(previous, progress * (step + 1) // (steps + 1) // 10 * 10)
            )
            state = status if step == steps - 1 else Status.IN_PROGRESS
            changes.append(
                DeploymentChange(
                    deployment=deployment,
                    changed_by=author,
                    changed_at=_at(day, 9 + step),
                    before={"progress": previous, "status": previous_state},
                    after={"progress": value, "status": state},
                    progress_before=previous,
                    progress=value,
                )
            )
            previous, previous_state = value, state
        deployment.updated_by = author if steps else None
        deployment.updated_at = _at(last_day) if steps else _at(plan.starts_on)
        deployment.reviewed_by = deployment.updated_by
        deployment.reviewed_at = deployment.updated_at if steps else None
    Deployment.objects.bulk_update(
        deployments,
        [
            "status",
            "progress",
            "local_approach",
            "next_step",
            "updated_by",
            "updated_at",
            "reviewed_by",
            "reviewed_at",
        ],
        batch_size=1000,
    )
    DeploymentChange.objects.bulk_create(changes, batch_size=2000)
    services.progress_rebuild(plan)

    _registry(plan, actions, mutuelles, ambassadors, rng, today)
    _resolutions(plan, actions)

    FieldFeedback.objects.filter(mutuelle__in=mutuelles, action__plan=plan).delete()
    feedback = []
    for index, spec in enumerate(PLAN["feedback"] * max(1, len(mutuelles) // 8)):
        mutuelle = mutuelles[(index * 3) % len(mutuelles)]
        feedback.append(
            FieldFeedback(
                mutuelle=mutuelle,
                author=ambassadors.get(mutuelle.pk),
                subject=spec["subject"],
                action=actions.get(spec["action"]),
                sentiment=spec["sentiment"],
                text=spec["text"],
                created_at=now - datetime.timedelta(days=3 + index * 4),
            )
        )
    FieldFeedback.objects.bulk_create(feedback)
    services.deployments_changed()
    return plan


def _periods(spec: dict) -> list[datetime.date]:
    """Three years for a yearly indicator, six quarters from mid-2025 for a quarterly one."""
    if spec["period"] == Period.YEAR:
        return [datetime.date(year, 1, 1) for year in (2024, 2025, 2026)]
    return [
        datetime.date(2025 + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        for month in range(7, 25, 3)
    ]


def _registry(plan, actions, mutuelles, ambassadors, rng, today) -> None:
    """The indicators of the registry, their targets per mutuelle and their series: a value
    per mutuelle and period (some missing, as in life), each dated in its history, one of
    them corrected after it was first entered."""
    entries = {entry.code: entry for entry in FrameworkEntry.objects.all()}
    by_slug = {m.slug: m for m in mutuelles}
    for evidence in Evidence.objects.filter(measurement__indicator__plan=plan):
        evidence.file.delete(save=False)
    Measurement.objects.filter(indicator__plan=plan).delete()
    measurements = []
    for spec in PLAN["indicators"]:
        unit, direction, (low, high) = spec["unit"], spec["direction"], spec["range"]
        indicator, _ = Indicator.objects.update_or_create(
            plan=plan,
            name=spec["name"],
            defaults={
                "unit": unit,
                "target": Decimal(spec["target"]),
                "direction": direction,
                "action": actions.get(spec["action"]),
                "definition": spec["definition"],
                "owner": spec["owner"],
                "period": spec["period"],
                "baseline": Decimal(spec["baseline"]),
                "baseline_on": spec["baseline_on"],
                "rollup": spec["rollup"],
            },
        )
        indicator.frameworks.set([entries[code] for code in spec["frameworks"] if code in entries])
        IndicatorTarget.objects.filter(indicator=indicator).delete()
        IndicatorTarget.objects.bulk_create(
            IndicatorTarget(indicator=indicator, mutuelle=by_slug[slug], value=Decimal(value))
            for slug, value in spec.get("targets", {}).items()
            if slug in by_slug
        )
        for mutuelle in mutuelles:
            value = rng.uniform(low, high)
            for period in _periods(spec):
                if rng.random() < 0.15:
                    continue
                value *= 0.97 if direction == Direction.DECREASE else 1.04
                if unit in ("%", "points"):
                    value = min(value, 100)
                entered = period + datetime.timedelta(
                    days=400 if spec["period"] == Period.YEAR else 100
                )
                measurements.append(
                    Measurement(
                        indicator=indicator,
                        mutuelle=mutuelle,
                        period=period,
                        value=Decimal(f"{value:.1f}"),
                        entered_by=ambassadors.get(mutuelle.pk),
                        entered_at=_at(min(entered, today - datetime.timedelta(days=20))),
                    )
                )
    Measurement.objects.bulk_create(measurements, batch_size=2000)
    history = [
        MeasurementEntry(
            measurement=m, value=m.value, entered_by=m.entered_by, entered_at=m.entered_at
        )
        for m in measurements
    ]
    if measurements:  # the first value entered for it was a typo, corrected a week later
        first = measurements[0]
        history.append(
            MeasurementEntry(
                measurement=first,
                value=first.value * 10,
                entered_by=first.entered_by,
                entered_at=first.entered_at - datetime.timedelta(days=7),
            )
        )
    MeasurementEntry.objects.bulk_create(history, batch_size=2000)
    # The evidence of each yearly measure of the gender equality index: its declaration.
    for measurement in measurements:
        if measurement.indicator.name.startswith("Index égalité") and measurement.mutuelle.slug in (
            "armor",
            "azur",
        ):
            evidence = Evidence(
                measurement=measurement,
                title=f"Déclaration de l'index {measurement.period.year}",
                kind="txt",
                added_by=measurement.entered_by,
                added_at=measurement.entered_at,
            )
            year = measurement.period.year
            text = f"Index de l'égalité professionnelle {year} : {measurement.value} / 100\n"
            evidence.size = len(text.encode())
            evidence.file.save(
                f"index-{measurement.period.year}.txt", ContentFile(text.encode()), save=True
            )


def _resolutions(plan, actions) -> None:
    """The AGs of June 2025 and June 2026, their resolutions and the actions carrying them
    out; the actions' framework tags and, for a few, where their progress comes from."""
    for spec in PLAN["assemblies"]:
        assembly, _ = Assembly.objects.update_or_create(
            name=spec["name"], defaults={"held_on": spec["held_on"], "delegates": spec["delegates"]}
        )
        for position, item in enumerate(spec["resolutions"]):
            votes_for, against, abstentions = item["votes"]
            resolution, _ = Resolution.objects.update_or_create(
                assembly=assembly,
                number=item["number"],
                defaults={
                    "title": item["title"],
                    "text": item["text"],
                    "voted_on": spec["held_on"],
                    "votes_for": votes_for,
                    "votes_against": against,
                    "abstentions": abstentions,
                    "position": position,
                },
            )
            resolution.actions.set([actions[code] for code in item["actions"] if code in actions])
        if spec["held_on"] == PLAN["adopted_on"]:
            ActionPlan.objects.filter(pk=plan.pk).update(general_assembly=assembly)
    entries = {entry.code: entry for entry in FrameworkEntry.objects.all()}
    for code, action in actions.items():
        action.frameworks.set(
            [entries[c] for c in PLAN["action_frameworks"].get(code, []) if c in entries]
        )
        source = PLAN["action_progress"].get(code)
        manual = source if isinstance(source, int) else None
        Action.objects.filter(pk=action.pk).update(
            progress_source=(
                ProgressSource.MANUAL
                if manual is not None
                else source or ProgressSource.DEPLOYMENTS
            ),
            progress_manual=manual,
        )
