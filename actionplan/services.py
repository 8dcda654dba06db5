"""Every change of the action plan goes through these functions, in a transaction."""

import datetime
import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypedDict, Unpack, cast

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, DateField, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core import history, mail, outbox, revisions, uploads
from core.progress import RowProgress
from mutuelles.models import Framework, FrameworkEntry, Mutuelle, Theme

from . import imports, selectors
from .dates import period_start
from .imports import DeploymentLine, ImportLine
from .models import (
    Action,
    ActionPlan,
    Assembly,
    Axis,
    Deployment,
    DeploymentChange,
    DeploymentTally,
    Evidence,
    FieldFeedback,
    ImportState,
    ImportStep,
    Indicator,
    IndicatorTarget,
    Measurement,
    MeasurementEntry,
    PlanImport,
    ProgressMonth,
    ProgressSource,
    Resolution,
    Scope,
    Status,
    status_progress_error,
)

logger = logging.getLogger(__name__)

MAX_EVIDENCE = 10 * 1024 * 1024
# The background import tells its progress every this many lines saved.
PROGRESS_EVERY = 20
# An import whose worker gave no news for this long was interrupted (its transaction rolled
# back: nothing of it was written); shorter than the outbox's RSE_OUTBOX_LOST_AFTER_SECONDS,
# so that the task handed over again takes it up.
IMPORT_SILENT_AFTER = datetime.timedelta(minutes=10)
# A queued import no worker took for this long (the outbox gave up handing it over) no longer
# blocks the next one.
IMPORT_NEVER_TAKEN_AFTER = datetime.timedelta(hours=2)
# The "Mutuelle" of a deployment carried by the group itself, in the workbook.
GROUP_WORD = "Groupe"

TRACKED_FIELDS = ("status", "progress", "local_approach", "next_step")


# What the forms of the plan send to the functions below (any subset of it).


class PlanFields(TypedDict, total=False):
    title: str
    assembly: str
    general_assembly: Assembly | None
    adopted_on: datetime.date
    starts_on: datetime.date
    ends_on: datetime.date
    is_current: bool


class AssemblyFields(TypedDict, total=False):
    name: str
    held_on: datetime.date
    delegates: int | None


class ResolutionFields(TypedDict, total=False):
    assembly: Assembly
    number: str
    title: str
    text: str
    voted_on: datetime.date
    votes_for: int
    votes_against: int
    abstentions: int


class AxisFields(TypedDict, total=False):
    number: int
    title: str
    description: str


class ActionFields(TypedDict, total=False):
    axis: Axis
    code: str
    title: str
    description: str
    owner: str
    due_on: datetime.date | None
    theme: Theme | None
    scope: str
    resolutions: Collection[Resolution]
    frameworks: Collection[FrameworkEntry]
    progress_source: str
    progress_manual: int | None


class IndicatorFields(TypedDict, total=False):
    name: str
    unit: str
    target: Decimal
    direction: str
    action: Action | None
    definition: str
    owner: str
    period: str
    baseline: Decimal | None
    baseline_on: datetime.date | None
    rollup: str
    frameworks: Collection[FrameworkEntry]


class EntryFields(TypedDict, total=False):
    code: str
    label: str
    description: str


class DeploymentFields(TypedDict, total=False):
    status: str
    progress: int | None
    local_approach: str
    next_step: str


class FeedbackFields(TypedDict, total=False):
    subject: str
    action: Action | None
    theme: Theme | None
    sentiment: str
    text: str


def plan_changed() -> None:
    """Called by every write below (and the admin): the cached dashboard is rendered again."""
    revisions.bump("actionplan")


def deployments_changed() -> None:
    """Called last, within their transaction, by the writes that change deployments (their
    state or progress, how many there are, their action's axis): the dashboard's totals are
    counted again, and the plan changed. Last: the lock of `tally_rebuild` is then always
    taken after the rows the write locked, never before (no deadlock between writers)."""
    tally_rebuild()
    plan_changed()


# The key of the PostgreSQL lock that makes the tally's rewrites follow one another.
TALLY_LOCK = 7_411


def tally_rebuild() -> None:
    """Write the dashboard's totals (models.DeploymentTally) again from the deployments, within
    the transaction of the write (a few hundred rows; writes are rare, views are not). One
    rewrite at a time, each counting what the previous one's transaction committed: a lock of
    its own until the transaction ends (not the plans' rows, which a write may hold already in
    another order; SQLite writes one transaction at a time anyway)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TALLY_LOCK])
        DeploymentTally.objects.all().delete()
        DeploymentTally.objects.bulk_create(
            DeploymentTally(
                plan_id=plan_id,
                axis_id=axis_id,
                mutuelle_id=mutuelle_id,
                status=status,
                count=count,
                progress=progress,
            )
            for plan_id, axis_id, mutuelle_id, status, count, progress in (
                Deployment.objects.order_by()
                .values_list("action__plan", "action__axis", "mutuelle", "status")
                .annotate(count=Count("pk"), progress=Sum("progress"))
            )
        )


# --- The monthly sums of progress the dashboard's timeline reads (models.ProgressMonth) -------


def _month(when: datetime.datetime) -> datetime.date:
    return timezone.localdate(when).replace(day=1)


def _progress_add(
    plan_id: int, mutuelle_id: int | None, moves: Mapping[datetime.date, int]
) -> None:
    """Within a transaction: add `moves` (points by month) to a mutuelle's sums of a plan."""
    for month, moved in moves.items():
        if not moved:
            continue
        key = {"plan_id": plan_id, "mutuelle_id": mutuelle_id, "month": month}
        if ProgressMonth.objects.filter(**key).update(moved=F("moved") + moved):
            continue
        try:
            with transaction.atomic():
                ProgressMonth.objects.create(**key, moved=moved)
        except IntegrityError:  # the month's row was created meanwhile by another write
            ProgressMonth.objects.filter(**key).update(moved=F("moved") + moved)


def _history_moves(deployment: Deployment) -> dict[datetime.date, int]:
    """How far each change of `deployment` moved its progress, summed by month."""
    moves: dict[datetime.date, int] = defaultdict(int)
    for changed_at, before, after in deployment.changes.values_list(
        "changed_at", "progress_before", "progress"
    ):
        moves[_month(changed_at)] += after - before
    return moves


def progress_count(
    deployment: Deployment,
    *,
    status_before: str,
    progress_before: int,
    now: datetime.datetime,
) -> None:
    """Within the transaction that changes `deployment` (before its change enters the history):
    its move this month enters the sums; when it becomes "non applicable" (or applies again),
    its whole history leaves them (or enters them)."""
    counted_before = status_before != Status.NOT_APPLICABLE
    counted = deployment.status != Status.NOT_APPLICABLE
    if not (counted_before or counted):
        return
    this_month = {_month(now): deployment.progress - progress_before}
    plan_id, mutuelle_id = deployment.action.plan_id, deployment.mutuelle_id
    if counted_before and counted:
        _progress_add(plan_id, mutuelle_id, this_month)
    elif counted_before:
        moves = _history_moves(deployment)
        _progress_add(plan_id, mutuelle_id, {month: -moved for month, moved in moves.items()})
    else:
        moves = _history_moves(deployment)
        for month, moved in this_month.items():
            moves[month] += moved
        _progress_add(plan_id, mutuelle_id, moves)


def progress_rebuild(plan: ActionPlan | None = None) -> None:
    """Write a plan's monthly sums (every plan's by default) again from the history: after a
    write that removes part of it (an action or its deployments deleted) or that bypasses the
    services (the demo data, the admin)."""
    plans = ActionPlan.objects.all() if plan is None else ActionPlan.objects.filter(pk=plan.pk)
    sums = (
        DeploymentChange.objects.filter(deployment__action__plan__in=plans)
        .exclude(deployment__status=Status.NOT_APPLICABLE)
        .annotate(month=TruncMonth("changed_at", output_field=DateField()))
        .order_by()
        .values_list("deployment__action__plan", "deployment__mutuelle", "month")
        .annotate(moved=Sum(F("progress") - F("progress_before")))
    )
    with transaction.atomic():
        ProgressMonth.objects.filter(plan__in=plans).delete()
        ProgressMonth.objects.bulk_create(
            ProgressMonth(plan_id=plan_id, mutuelle_id=mutuelle_id, month=month, moved=moved)
            for plan_id, mutuelle_id, month, moved in sums
            if moved
        )


# --- Deployments exist for every active mutuelle and every per-mutuelle action -----------------


def deployments_ensure(
    *, actions: Iterable[Action] | None = None, mutuelles: Collection[Mutuelle] | None = None
) -> int:
    """Create the missing deployments: one per active mutuelle for a per-mutuelle action, one
    for the group itself otherwise. By default for every action of the current plan."""
    with transaction.atomic():
        created = _deployments_create(actions, mutuelles)
        deployments_changed()
    return created


def _deployments_create(
    actions: Iterable[Action] | None, mutuelles: Collection[Mutuelle] | None
) -> int:
    """`deployments_ensure` within a write that calls `deployments_changed` itself, last."""
    if actions is None:
        actions = Action.objects.filter(plan__is_current=True)
    if mutuelles is None:
        mutuelles = list(Mutuelle.objects.active())
    missing = []
    for action in actions:
        if action.scope == Scope.MUTUELLE:
            missing += [Deployment(action=action, mutuelle=mutuelle) for mutuelle in mutuelles]
        else:
            missing.append(Deployment(action=action, mutuelle=None))
    created = Deployment.objects.bulk_create(missing, ignore_conflicts=True, batch_size=1000)
    return len(created)


# --- Building the plan (coordinators) ---------------------------------------------------------


def plan_save(
    *, by: User, plan: ActionPlan | None = None, **fields: Unpack[PlanFields]
) -> ActionPlan:
    check(by, Can.COORDINATE)
    plan = plan or ActionPlan()
    for name, value in fields.items():
        setattr(plan, name, value)
    if plan.starts_on and plan.ends_on and plan.ends_on <= plan.starts_on:
        raise ValidationError({"ends_on": _("La fin du plan doit venir après son début.")})
    with transaction.atomic():
        if plan.is_current:
            ActionPlan.objects.exclude(pk=plan.pk).filter(is_current=True).update(is_current=False)
        plan.save()
        if plan.is_current:
            _deployments_create(plan.actions.all(), None)
        deployments_changed()
    return plan


def axis_save(
    *, by: User, plan: ActionPlan, axis: Axis | None = None, **fields: Unpack[AxisFields]
) -> Axis:
    check(by, Can.COORDINATE)
    axis = axis or Axis(plan=plan)
    for name, value in fields.items():
        setattr(axis, name, value)
    if Axis.objects.filter(plan=plan, number=axis.number).exclude(pk=axis.pk).exists():
        raise ValidationError(
            {"number": _("L'axe %(number)s existe déjà dans ce plan.") % {"number": axis.number}}
        )
    axis.save()
    plan_changed()
    return axis


def _validate_action(plan: ActionPlan, action: Action) -> dict[str, str]:
    errors = {}
    duplicate = Action.objects.filter(plan=plan, code=action.code).exclude(pk=action.pk)
    if action.code and duplicate.exists():
        errors["code"] = _("Le code %(code)s est déjà utilisé par une autre action du plan.") % {
            "code": action.code
        }
    if action.due_on and action.due_on < plan.starts_on:
        errors["due_on"] = _("L'échéance (%(due)s) tombe avant le début du plan (%(start)s).") % {
            "due": _date(action.due_on),
            "start": _date(plan.starts_on),
        }
    if action.axis_id and action.axis.plan_id != plan.pk:
        errors["axis"] = _("Cet axe appartient à un autre plan.")
    return errors


def action_save(
    *, by: User, plan: ActionPlan, action: Action | None = None, **fields: Unpack[ActionFields]
) -> Action:
    check(by, Can.COORDINATE)
    action = action or Action(plan=plan)
    resolutions, frameworks = fields.pop("resolutions", None), fields.pop("frameworks", None)
    for name, value in fields.items():
        setattr(action, name, value)
    errors = _validate_action(plan, action)
    if action.progress_source == ProgressSource.MANUAL and action.progress_manual is None:
        errors["progress_manual"] = _(
            "Saisissez l'avancement (de 0 à 100 %), ou choisissez une autre source."
        )
    if action.progress_source != ProgressSource.MANUAL:
        action.progress_manual = None
    if errors:
        raise ValidationError(errors)
    scope_changed = action.pk and Action.objects.get(pk=action.pk).scope != action.scope
    with transaction.atomic():
        action.save()
        if resolutions is not None:
            action.resolutions.set(resolutions)
        if frameworks is not None:
            action.frameworks.set(frameworks)
        if scope_changed:
            # Per mutuelle <-> by the group: the rows of the other kind no longer mean anything.
            action.deployments.all().delete()
            progress_rebuild(plan)
        if plan.is_current:
            _deployments_create([action], None)
        deployments_changed()  # its axis may have changed too
    return action


def action_delete(*, by: User, action: Action) -> None:
    check(by, Can.COORDINATE)
    with transaction.atomic():
        action.delete()
        progress_rebuild(action.plan)
        deployments_changed()


def indicator_save(
    *,
    by: User,
    plan: ActionPlan,
    indicator: Indicator | None = None,
    **fields: Unpack[IndicatorFields],
) -> Indicator:
    check(by, Can.COORDINATE)
    indicator = indicator or Indicator(plan=plan)
    frameworks = fields.pop("frameworks", None)
    for name, value in fields.items():
        setattr(indicator, name, value)
    errors: dict[str, str] = {}
    if Indicator.objects.filter(plan=plan, name=indicator.name).exclude(pk=indicator.pk).exists():
        errors["name"] = _("Un indicateur porte déjà ce nom dans le plan.")
    if (indicator.baseline is None) != (indicator.baseline_on is None):
        errors["baseline_on"] = _(
            "La valeur de référence va avec sa date : indiquez les deux, ou aucune."
        )
    if indicator.baseline_on and indicator.baseline_on > plan.ends_on:
        errors["baseline_on"] = _("La référence doit dater d'avant la fin du plan (%(end)s).") % {
            "end": _date(plan.ends_on)
        }
    if errors:
        raise ValidationError(errors)
    indicator.updated_at = timezone.now()
    with transaction.atomic():
        indicator.save()
        if frameworks is not None:
            indicator.frameworks.set(frameworks)
    plan_changed()
    return indicator


def indicator_targets_save(
    *, by: User, indicator: Indicator, targets: Mapping[Mutuelle, Decimal | None]
) -> Indicator:
    """The targets of the mutuelles that differ from the group's (None: the group's target
    applies to that mutuelle again). Values are checked against the unit by the form
    (`quantities.parse`)."""
    check(by, Can.COORDINATE)
    now = timezone.now()
    with transaction.atomic():
        for mutuelle, value in targets.items():
            if value is None:
                IndicatorTarget.objects.filter(indicator=indicator, mutuelle=mutuelle).delete()
                continue
            IndicatorTarget.objects.update_or_create(
                indicator=indicator, mutuelle=mutuelle, defaults={"value": value, "set_at": now}
            )
        Indicator.objects.filter(pk=indicator.pk).update(updated_at=now)
    plan_changed()
    return indicator


# --- The AG and its resolutions (coordinators) ------------------------------------------------


def assembly_save(
    *, by: User, assembly: Assembly | None = None, **fields: Unpack[AssemblyFields]
) -> Assembly:
    check(by, Can.COORDINATE)
    assembly = assembly or Assembly()
    for name, value in fields.items():
        setattr(assembly, name, value)
    assembly.name = assembly.name.strip()
    if not assembly.name:
        raise ValidationError({"name": _("Nommez l'assemblée générale.")})
    if Assembly.objects.filter(name=assembly.name).exclude(pk=assembly.pk).exists():
        raise ValidationError({"name": _("Une assemblée générale porte déjà ce nom.")})
    assembly.save()
    plan_changed()
    return assembly


def _resolution_errors(resolution: Resolution) -> dict[str, str]:
    errors = {}
    resolution.number = resolution.number.strip()
    if not resolution.number:
        errors["number"] = _(
            "Le numéro de la résolution est obligatoire : celui du procès-verbal de l'AG."
        )
    elif (
        Resolution.objects.filter(assembly=resolution.assembly, number=resolution.number)
        .exclude(pk=resolution.pk)
        .exists()
    ):
        errors["number"] = _("Cette AG a déjà une résolution n° %(number)s.") % {
            "number": resolution.number
        }
    if not resolution.title.strip():
        errors["title"] = _("Le titre de la résolution est obligatoire.")
    assembly = resolution.assembly
    if resolution.voted_on and resolution.voted_on < assembly.held_on:
        errors["voted_on"] = _(
            "Le vote (%(voted)s) ne peut pas précéder l'assemblée générale (%(held)s)."
        ) % {"voted": _date(resolution.voted_on), "held": _date(assembly.held_on)}
    if resolution.voted_on and resolution.voted_on > timezone.localdate():
        errors["voted_on"] = _("La date du vote est dans le futur.")
    cast_votes = resolution.votes_cast
    if cast_votes == 0:
        errors["votes_for"] = _(
            "Aucune voix : indiquez les voix pour, contre et les abstentions du procès-verbal."
        )
    elif assembly.delegates is not None and cast_votes > assembly.delegates:
        errors["votes_for"] = _(
            "Les voix (%(for)s pour + %(against)s contre + %(abstentions)s abstentions = "
            "%(total)s) dépassent les %(delegates)s délégués présents ou représentés."
        ) % {
            "for": resolution.votes_for,
            "against": resolution.votes_against,
            "abstentions": resolution.abstentions,
            "total": cast_votes,
            "delegates": assembly.delegates,
        }
    return errors


def resolution_save(
    *, by: User, resolution: Resolution | None = None, **fields: Unpack[ResolutionFields]
) -> Resolution:
    """A resolution of an AG, checked (its number, its date, its votes) before anything is
    written: a French ValidationError by field otherwise."""
    check(by, Can.COORDINATE)
    resolution = resolution or Resolution()
    for name, value in fields.items():
        setattr(resolution, name, value)
    errors = _resolution_errors(resolution)
    if errors:
        raise ValidationError(errors)
    if resolution.pk is None:
        resolution.position = Resolution.objects.filter(assembly=resolution.assembly).count()
    resolution.save()
    plan_changed()
    return resolution


# --- The CSR frameworks (coordinators) ----------------------------------------------------------


def framework_entry_save(
    *,
    by: User,
    framework: Framework,
    entry: FrameworkEntry | None = None,
    **fields: Unpack[EntryFields],
) -> FrameworkEntry:
    check(by, Can.COORDINATE)
    entry = entry or FrameworkEntry(framework=framework, position=framework.entries.count())
    for name, value in fields.items():
        setattr(entry, name, str(value).strip())
    errors = {}
    if not entry.code:
        errors["code"] = _("Le code est obligatoire (par exemple « ODD 3 »).")
    elif (
        FrameworkEntry.objects.filter(framework=framework, code=entry.code)
        .exclude(pk=entry.pk)
        .exists()
    ):
        errors["code"] = _("Le référentiel a déjà une entrée « %(code)s ».") % {"code": entry.code}
    if not entry.label:
        errors["label"] = _("L'intitulé est obligatoire.")
    if errors:
        raise ValidationError(errors)
    entry.save()
    revisions.bump("mutuelles")
    plan_changed()
    return entry


def plan_import(
    *,
    by: User,
    plan: ActionPlan,
    lines: list[ImportLine],
    file_name: str = "",
    progress: Callable[[int], None] | None = None,
    deployments: Sequence[DeploymentLine] = (),
    report: dict[str, int] | None = None,
) -> int:
    """Apply the checked lines of a spreadsheet: every line or, on any error, none.

    Raises ValidationError whose messages name each faulty line, in French. `progress(done)`
    is told every few lines saved (from inside the transaction: see `plan_import_run`).
    `deployments`: the lines of the workbook's "Déploiements" sheet, applied after the actions
    by the rules of the weekly update (state and progress agree, each change in the history).
    `report`, when given, is filled with what was done (the import's counts in the record).
    """
    check(by, Can.COORDINATE)
    axes = {axis.number: axis for axis in plan.axes.all()}
    existing = {action.code: action for action in plan.actions.all()}
    resolutions = (
        {r.number.casefold(): r for r in plan.general_assembly.resolutions.all()}
        if plan.general_assembly
        else {}
    )
    errors: list[str] = []
    seen: dict[str, int] = {}  # code -> the line it first appears on
    for line in lines:
        errors.extend(line.errors)
        for number in line.resolutions or ():
            if number.casefold() in resolutions:
                continue
            if plan.general_assembly is None:
                errors.append(
                    _(
                        "Ligne %(line)s : résolution %(number)s, mais le plan n'est rattaché à "
                        "aucune assemblée générale (Gérer le plan)."
                    )
                    % {"line": line.number, "number": number}
                )
            else:
                known = ", ".join(r.number for r in resolutions.values()) or _("aucune")
                errors.append(
                    _(
                        "Ligne %(line)s : la résolution %(number)s n'existe pas (%(assembly)s, "
                        "résolutions : %(known)s)."
                    )
                    % {
                        "line": line.number,
                        "number": number,
                        "assembly": plan.general_assembly,
                        "known": known,
                    }
                )
        if line.axis is not None and line.axis not in axes:
            known = ", ".join(str(n) for n in sorted(axes)) or _("aucun")
            errors.append(
                _("Ligne %(line)s : axe %(axis)s inconnu dans ce plan (axes : %(known)s).")
                % {"line": line.number, "axis": line.axis, "known": known}
            )
        if line.code in seen:
            errors.append(
                _("Ligne %(line)s : le code %(code)s figure déjà ligne %(first)s.")
                % {"line": line.number, "code": line.code, "first": seen[line.code]}
            )
        elif line.code:
            seen[line.code] = line.number
        if line.due_on and line.due_on < plan.starts_on:
            errors.append(
                _("Ligne %(line)s : l'échéance %(due)s tombe avant le début du plan (%(start)s).")
                % {"line": line.number, "due": _date(line.due_on), "start": _date(plan.starts_on)}
            )
    if not lines:
        errors.append(_("Le fichier ne contient aucune action."))
    for deployment_line in deployments:
        errors.extend(deployment_line.errors)
    if errors:
        raise ValidationError(errors)

    with transaction.atomic(), history.reason(f"import {file_name}".strip()):
        saved, removed = [], False
        for position, line in enumerate(lines):
            action = existing.get(line.code) or Action(plan=plan, code=line.code)
            if action.pk and action.scope != line.scope:
                action.deployments.all().delete()  # the other kind of deployment is void
                removed = True
            # A line without an axis carries an error of its own: nothing is applied then.
            action.axis = axes[cast(int, line.axis)]
            action.title, action.description = line.title, line.description
            action.owner, action.due_on, action.scope = line.owner, line.due_on, line.scope
            action.position = position
            action.save()
            if progress is not None and position % PROGRESS_EVERY == PROGRESS_EVERY - 1:
                progress(position + 1)
            if line.resolutions is not None:
                action.resolutions.set([resolutions[n.casefold()] for n in line.resolutions])
            saved.append(action)
            if line.indicator:
                Indicator.objects.update_or_create(
                    plan=plan,
                    name=line.indicator,
                    defaults={"action": action, "target": line.target, "unit": line.unit},
                )
        if plan.is_current:
            _deployments_create(saved, None)
        if removed:
            progress_rebuild(plan)
        updated, faults = _deployments_import(plan, deployments, by=by)
        if faults:
            raise ValidationError(faults)  # and the transaction takes the actions back too
        deployments_changed()
        counts = {
            "actions": len(saved),
            "nouvelles": sum(1 for action in saved if action.code not in existing),
        }
        if deployments:
            counts["déploiements modifiés"] = updated
        history.import_recorded(kind="plan d'action", file_name=file_name, counts=counts, by=by)
        if report is not None:
            report.update(counts)
    return len(saved)


def _deployments_import(
    plan: ActionPlan, lines: Sequence[DeploymentLine], *, by: User
) -> tuple[int, list[str]]:
    """Within the import's transaction: apply the "Déploiements" lines that change something,
    each as the weekly update would (`_deployment_write`). How many changed, and the faults."""
    if not lines:
        return 0, []
    if not plan.is_current:
        return 0, [_("Ce plan n'est plus en cours : ses déploiements ne s'importent plus.")]
    mutuelles: dict[str, int | None] = {imports.plain(GROUP_WORD): None}
    for mutuelle in Mutuelle.objects.all():
        for name in (mutuelle.name, mutuelle.short_name, mutuelle.slug):
            mutuelles[imports.plain(name)] = mutuelle.pk
    found = {
        (deployment.action.code, deployment.mutuelle_id): deployment
        for deployment in Deployment.objects.filter(action__plan=plan).select_related("action")
    }
    now, updated, faults = timezone.now(), 0, []
    for line in lines:
        prefix = _("Déploiements, ligne %(line)s : ") % {"line": line.number}
        key = imports.plain(line.mutuelle)
        deployment = found.get((line.code, mutuelles[key])) if key in mutuelles else None
        if deployment is None:
            faults.append(
                prefix
                + _("l'action %(code)s n'a pas de déploiement pour « %(mutuelle)s ».")
                % {"code": line.code, "mutuelle": line.mutuelle[:60]}
            )
            continue
        fields: DeploymentFields = {
            "status": line.status,
            "progress": deployment.progress if line.progress is None else line.progress,
            "local_approach": line.local_approach,
            "next_step": line.next_step,
        }
        if all(getattr(deployment, name) == value for name, value in fields.items()):
            continue  # as stored: nothing to lock or record
        try:
            written = _deployment_write(deployment, by=by, fields=fields, now=now)
        except ValidationError as error:
            faults += [prefix + message for message in error.messages]
        else:
            updated += written == "updated"
    return updated, faults


# --- Large imports, in the background (tasks.plan_import) --------------------------------------


def import_running(plan: ActionPlan) -> PlanImport | None:
    """The plan's import under way, if any. One silent for too long is marked interrupted (its
    worker died: nothing of it was written) and no longer counts."""
    now = timezone.now()
    PlanImport.objects.filter(
        plan=plan, state=ImportState.RUNNING, updated_at__lt=now - IMPORT_SILENT_AFTER
    ).update(
        state=ImportState.FAILED,
        step=ImportStep.FINISHED,
        finished_at=now,
        errors=[
            _("Import interrompu (le processus qui le menait s'est arrêté) : rien n'a été importé.")
        ],
    )
    PlanImport.objects.filter(
        plan=plan, state=ImportState.QUEUED, updated_at__lt=now - IMPORT_NEVER_TAKEN_AFTER
    ).update(
        state=ImportState.FAILED,
        step=ImportStep.FINISHED,
        finished_at=now,
        errors=[_("Import jamais pris en charge (aucun processus disponible) : relancez-le.")],
    )
    return (
        PlanImport.objects.filter(plan=plan, state__in=[ImportState.QUEUED, ImportState.RUNNING])
        .select_related("created_by")
        .first()
    )


def _import_busy(running: PlanImport) -> ValidationError:
    who = running.created_by.get_full_name() if running.created_by else _("un membre")
    return ValidationError(
        _(
            "Un import du plan est déjà en cours (« %(file)s », lancé par %(who)s à %(time)s) : "
            "attendez qu'il se termine avant d'en lancer un autre."
        )
        % {
            "file": running.file_name,
            "who": who,
            "time": timezone.localtime(running.created_at).strftime("%H:%M"),
        }
    )


def import_check_idle(plan: ActionPlan) -> None:
    """A French ValidationError while an import of the plan is under way."""
    running = import_running(plan)
    if running is not None:
        raise _import_busy(running)


def plan_import_start(*, by: User, plan: ActionPlan, upload: UploadedFile) -> PlanImport:
    """Keep the file (privately: coordinators read it) and queue its import: one at a time per
    plan, a second is refused in French."""
    check(by, Can.COORDINATE)
    import_check_idle(plan)
    name = (upload.name or "plan.xlsx").rsplit("/", 1)[-1]
    job = PlanImport(plan=plan, created_by=by, file_name=name[:255])
    job.file.save(name, upload, save=False)
    try:
        with transaction.atomic():
            job.save()
            outbox.enqueue("actionplan.tasks.plan_import", job.pk)
    except IntegrityError:  # another coordinator started one meanwhile
        job.file.delete(save=False)
        running = import_running(plan)
        raise (
            _import_busy(running)
            if running
            else ValidationError(_("Un import du plan est déjà en cours."))
        ) from None
    return job


def plan_import_run(*, job_id: int) -> PlanImport | None:
    """The background import: read the stored file, check every line, apply all or none in one
    transaction, then record the result and queue the e-mail to whoever started it, in the same
    transaction. Its progress is written through a connection of its own (`core.progress`), so
    the page sees it while the transaction is open. Safe to run twice: a run takes the job only
    while it waits (or was silent too long: its worker died, nothing was written)."""
    now = timezone.now()
    claimed = (
        PlanImport.objects.filter(pk=job_id)
        .filter(
            Q(state=ImportState.QUEUED)
            | Q(state=ImportState.RUNNING, updated_at__lt=now - IMPORT_SILENT_AFTER)
        )
        .update(state=ImportState.RUNNING, step=ImportStep.READING, done=0, updated_at=now)
    )
    if not claimed:
        return None
    job = PlanImport.objects.select_related("plan", "created_by").get(pk=job_id)
    errors: list[str] = []
    total = 0
    with RowProgress(PlanImport, job.pk) as progress:
        try:
            with job.file.open("rb") as handle:
                upload = File(handle, name=job.file_name)
                lines = imports.parse(upload)
                deployments = imports.parse_deployments(upload)
            total = len(lines)
            progress.write(step=ImportStep.CHECKING, total=len(lines), done=len(lines))
            if job.created_by is None or not job.created_by.is_active:
                raise ValidationError(_("Le membre qui a lancé l'import n'a plus d'accès."))
            with transaction.atomic():
                report: dict[str, int] = {}
                plan_import(
                    by=job.created_by,
                    plan=job.plan,
                    lines=lines,
                    file_name=job.file_name,
                    progress=lambda done: progress.write(step=ImportStep.SAVING, done=done),
                    deployments=deployments,
                    report=report,
                )
                _import_finished(job, state=ImportState.DONE, counts=report, total=len(lines))
        except imports.ImportFileError as error:
            errors = [str(error)]
        except ValidationError as error:
            errors = error.messages
        except PermissionDenied:
            errors = [_("Le membre qui a lancé l'import ne coordonne plus le plan.")]
        except Exception:
            logger.exception("plan import %s failed", job.pk)
            errors = [
                _(
                    "L'import a échoué sur une erreur imprévue : rien n'a été importé. "
                    "L'équipe technique est prévenue ; réessayez plus tard."
                )
            ]
    if errors:
        with transaction.atomic():
            _import_finished(job, state=ImportState.FAILED, errors=errors, total=total)
    job.refresh_from_db()
    return job


def _import_finished(
    job: PlanImport,
    *,
    state: str,
    total: int,
    counts: dict[str, int] | None = None,
    errors: list[str] | None = None,
) -> None:
    """Within a transaction: the job's end, and the e-mail saying it queued with it."""
    now = timezone.now()
    PlanImport.objects.filter(pk=job.pk).update(
        state=state,
        step=ImportStep.FINISHED,
        total=total,
        done=total if state == ImportState.DONE else 0,
        counts=counts or {},
        errors=errors or [],
        finished_at=now,
        updated_at=now,
    )
    outbox.enqueue("actionplan.tasks.plan_import_notify", job.pk)


def plan_import_notify(*, job_id: int) -> bool:
    """Tell whoever started the import how it ended (once: a second run sends nothing)."""
    job = PlanImport.objects.select_related("plan", "created_by").get(pk=job_id)
    member = job.created_by
    if job.notified_at is not None or job.is_active or member is None or not member.email:
        return False
    with mail.french():
        subject = (
            _("[Solimut RSE] Import du plan terminé : %(file)s")
            if job.state == ImportState.DONE
            else _("[Solimut RSE] Import du plan refusé : %(file)s")
        ) % {"file": job.file_name}
    mail.notify(
        subject, "actionplan/email/import_done", {"job": job, "member": member}, [member.email]
    )
    PlanImport.objects.filter(pk=job.pk).update(notified_at=timezone.now())
    return True


# --- Carrying out the plan in a mutuelle (ambassadors of M, coordinators) ----------------------


def _require_current(plan_id: int) -> None:
    if not ActionPlan.objects.filter(pk=plan_id, is_current=True).exists():
        raise ValidationError(_("Ce plan n'est plus en cours : son suivi est clos."))


def _deployment_write(
    deployment: Deployment,
    *,
    by: User,
    fields: DeploymentFields,
    review: bool = False,
    now: datetime.datetime,
    seen: datetime.datetime | None = None,
) -> Literal["updated", "reviewed", ""]:
    """Within a transaction: apply what changed (checked) or, with `review`, record that
    nothing did; either way the deployment counts as reviewed and the history keeps it.
    Says which was recorded, if any. `seen`: when the values changed were last updated as the
    author saw them; a change made since by someone else is not overwritten."""
    # Compare with the stored row, locked: the in-memory object may hold a form's values.
    stored = Deployment.objects.select_for_update().get(pk=deployment.pk)
    before = {name: getattr(stored, name) for name in TRACKED_FIELDS}
    after = {**before, **{k: v for k, v in fields.items() if k in TRACKED_FIELDS}}
    progress = after["progress"]
    if progress is None or not 0 <= progress <= 100:
        raise ValidationError({"progress": _("L'avancement est un pourcentage entre 0 et 100.")})
    changed = sorted(name for name in TRACKED_FIELDS if before[name] != after[name])
    if changed and seen is not None and stored.updated_at != seen:
        raise ValidationError(
            _(
                "Mise à jour entre-temps par quelqu'un d'autre (le %(date)s) : rechargez la "
                "page pour voir sa version, puis refaites votre changement."
            )
            % {"date": timezone.localtime(stored.updated_at).strftime("%d/%m/%Y %H:%M")}
        )
    if changed:
        contradiction = status_progress_error(after["status"], progress)
        if contradiction:
            raise ValidationError({"progress": contradiction})
    for name in TRACKED_FIELDS:
        setattr(deployment, name, after[name])
    if not changed and not review:
        return ""
    deployment.reviewed_by, deployment.reviewed_at = by, now
    saved = ["reviewed_by", "reviewed_at"]
    if changed:
        deployment.updated_by, deployment.updated_at = by, now
        saved += [*changed, "updated_by", "updated_at"]
    deployment.save(update_fields=saved)
    if changed:
        progress_count(
            deployment,
            status_before=before["status"],
            progress_before=before["progress"],
            now=now,
        )
    DeploymentChange.objects.create(
        deployment=deployment,
        changed_by=by,
        changed_at=now,
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
        progress_before=before["progress"],
        progress=deployment.progress,
        is_review=not changed,
    )
    return "updated" if changed else "reviewed"


def deployment_update(
    *, deployment: Deployment, by: User, **fields: Unpack[DeploymentFields]
) -> Deployment:
    """Change what a mutuelle reports about an action; every change goes to the history."""
    check(by, Can.EDIT_MUTUELLE, deployment)
    _require_current(deployment.action.plan_id)
    with transaction.atomic():
        written = _deployment_write(deployment, by=by, fields=fields, now=timezone.now())
        if written == "updated":
            deployments_changed()
        elif written:
            plan_changed()
    return deployment


@dataclass
class WeeklySaved:
    updated: int = 0
    reviewed: int = 0
    measured: int = 0


def mutuelle_update(
    *,
    by: User,
    mutuelle: Mutuelle,
    changes: Mapping[Deployment, DeploymentFields],
    reviewed: Collection[Deployment] = (),
    measurements: Mapping[Indicator, Decimal] | None = None,
    period: datetime.date | None = None,
    seen: Mapping[Deployment, datetime.datetime] | None = None,
) -> WeeklySaved:
    """A mutuelle's weekly update in one go: the changes of its deployments, the ones reviewed
    with nothing new ("rien de neuf") and the measurements of a quarter. Each is checked and
    kept in the history as when made alone; all are saved, or none: a ValidationError then
    names each fault under `d<deployment id>` or `m<indicator id>`. `seen`: each deployment's
    last update as the page showed it (see `_deployment_write`)."""
    check(by, Can.EDIT_MUTUELLE, mutuelle)
    deployments = {*changes, *reviewed}
    if any(deployment.mutuelle_id != mutuelle.pk for deployment in deployments):
        raise PermissionDenied
    for plan_id in {deployment.action.plan_id for deployment in deployments}:
        _require_current(plan_id)
    now, saved = timezone.now(), WeeklySaved()
    reviewed_ids = {deployment.pk for deployment in reviewed}
    errors: dict[str, list[str]] = {}
    with transaction.atomic():
        for deployment in sorted(deployments, key=lambda d: d.pk):  # one locking order
            try:
                written = _deployment_write(
                    deployment,
                    by=by,
                    fields=changes.get(deployment, {}),
                    review=deployment.pk in reviewed_ids,
                    now=now,
                    seen=(seen or {}).get(deployment),
                )
            except ValidationError as error:
                errors[f"d{deployment.pk}"] = error.messages
                continue
            if written == "updated":
                saved.updated += 1
            elif written == "reviewed":
                saved.reviewed += 1
        for indicator, value in (measurements or {}).items():
            try:
                measurement_record(
                    by=by,
                    indicator=indicator,
                    mutuelle=mutuelle,
                    period=period or timezone.localdate(now),
                    value=value,
                )
            except ValidationError as error:
                errors[f"m{indicator.pk}"] = error.messages
                continue
            saved.measured += 1
        if errors:
            raise ValidationError(errors)  # and the transaction takes nothing back to the base
        if saved.updated:
            deployments_changed()
        elif saved.reviewed:
            plan_changed()
    return saved


def measurement_record(
    *,
    by: User,
    indicator: Indicator,
    mutuelle: Mutuelle,
    period: datetime.date,
    value: Decimal,
    comment: str = "",
    evidence: Iterable[tuple[UploadedFile, str]] = (),
) -> Measurement:
    """A mutuelle's value of an indicator for a period (the quarter or year holding `period`),
    dated in its history (`MeasurementEntry`), with the files that back it, each checked by
    its content: all is saved, or nothing."""
    check(by, Can.EDIT_MUTUELLE, mutuelle)
    plan = indicator.plan
    period = period_start(period, indicator.period)
    start = min(plan.starts_on, indicator.baseline_on or plan.starts_on)
    if not period_start(start, indicator.period) <= period <= plan.ends_on:
        where = (
            _("La période doit se situer dans le plan, du %(start)s au %(end)s.")
            if start == plan.starts_on
            else _(
                "La période doit se situer entre la référence et la fin du plan, du %(start)s "
                "au %(end)s."
            )
        )
        raise ValidationError(
            {"period": where % {"start": _date(start), "end": _date(plan.ends_on)}}
        )
    files = list(evidence)
    for upload, _title in files:  # every file checked before anything is written
        uploads.checked_kind(upload, MAX_EVIDENCE, field="evidence")
    now = timezone.now()
    with transaction.atomic():
        measurement, _created = Measurement.objects.update_or_create(
            indicator=indicator,
            mutuelle=mutuelle,
            period=period,
            defaults={"value": value, "comment": comment, "entered_by": by, "entered_at": now},
        )
        MeasurementEntry.objects.create(
            measurement=measurement, value=value, entered_by=by, entered_at=now
        )
        for upload, title in files:
            uploads.store(
                Evidence(measurement=measurement, added_by=by, added_at=now),
                upload,
                limit=MAX_EVIDENCE,
                title=title,
            )
    plan_changed()
    return measurement


def feedback_create(
    *, by: User, mutuelle: Mutuelle, **fields: Unpack[FeedbackFields]
) -> FieldFeedback:
    check(by, Can.EDIT_MUTUELLE, mutuelle)
    feedback = FieldFeedback.objects.create(mutuelle=mutuelle, author=by, **fields)
    plan_changed()
    return feedback


def feedback_answer(*, by: User, feedback: FieldFeedback, answer: str) -> FieldFeedback:
    """The coordination answers: the feedback is handled, and its author reads the answer."""
    check(by, Can.COORDINATE)
    answer = answer.strip()
    if not answer:
        raise ValidationError(
            {"answer": _("Écrivez une réponse, ou marquez le retour comme traité sans réponse.")}
        )
    return _feedback_handled(feedback, by, answer)


def feedback_mark_handled(*, by: User, feedback: FieldFeedback) -> FieldFeedback:
    """Handled without a word back (an answer already given stays)."""
    check(by, Can.COORDINATE)
    return _feedback_handled(feedback, by, feedback.answer)


def _feedback_handled(feedback: FieldFeedback, by: User, answer: str) -> FieldFeedback:
    feedback.answer, feedback.handled_by, feedback.handled_at = answer, by, timezone.now()
    feedback.save(update_fields=["answer", "handled_by", "handled_at"])
    plan_changed()
    return feedback


# --- Reminders --------------------------------------------------------------------------------


def digests_send(*, now: datetime.datetime | None = None) -> int:
    """One French e-mail per ambassador listing what needs them in their mutuelle (the rule of
    `selectors.needing_update`): overdue, blocked, never reviewed, without news for too long.

    Nobody gets an empty digest. Returns the number of e-mails sent.
    """
    now = now or timezone.now()
    plan = ActionPlan.objects.filter(is_current=True).first()
    if plan is None:
        return 0
    by_mutuelle: defaultdict[Mutuelle, dict[str, list[Deployment]]] = defaultdict(
        lambda: {name: [] for name in selectors.NEEDS}
    )
    for deployment in selectors.needing_update(now=now):
        mutuelle = cast(Mutuelle, deployment.mutuelle)  # a per-mutuelle action's deployment
        # Listed once, under its most pressing reason (in the order of NEEDS).
        reason = next(name for name in selectors.NEEDS if getattr(deployment, f"need_{name}"))
        by_mutuelle[mutuelle][reason].append(deployment)
    ambassadors: defaultdict[int | None, list[User]] = defaultdict(list)
    for ambassador in User.objects.active().ambassadors().filter(mutuelle__in=list(by_mutuelle)):
        ambassadors[ambassador.mutuelle_id].append(ambassador)

    messages = []
    for mutuelle, lists in by_mutuelle.items():
        count = sum(len(deployments) for deployments in lists.values())
        with mail.french():
            subject = _("[Solimut RSE] %(mutuelle)s : %(count)s action(s) à mettre à jour") % {
                "mutuelle": mutuelle.short_name,
                "count": count,
            }
        for ambassador in ambassadors[mutuelle.pk]:
            context = {
                "ambassador": ambassador,
                "mutuelle": mutuelle,
                "plan": plan,
                **lists,
                "stale_days": settings.RSE_STALE_AFTER.days,
            }
            messages.append(
                mail.build(
                    subject=subject,
                    template="actionplan/email/digest",
                    context=context,
                    to=[ambassador.email],
                )
            )
    mail.send(messages)
    return len(messages)


def _date(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")
