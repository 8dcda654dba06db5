"""Assembly: the draft of an edition from what the network did in a period (initiatives,
guides, the action plan's progress, replications), as blocks whose first text comes from the
templates of `newsletter/blocks.html`."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplan.models import Action, DeploymentChange, FeedbackState, FieldFeedback
from actionplan.models import Status as DeploymentStatus
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core.richtext import sanitize
from guides.models import Status as GuideStatus
from guides.models import Version
from initiatives.models import Initiative, Replication
from mutuelles.models import Mutuelle

from ..models import Block, Edition

COMMON_INITIATIVES = 4
LOCAL_INITIATIVES = 3
REPLICATIONS = 10  # listed in the common part
MOVES = 8  # actions listed in a progress block
FEEDBACK = 6  # answered field feedback told in the common part


def edition_assemble(
    *, period_start: datetime.date, period_end: datetime.date, by: User | None = None
) -> Edition:
    """Draft the edition of a period from what the network did in it, in a fixed number of
    queries whatever the number of initiatives, mutuelles and subscribers."""
    if by is not None:
        check(by, Can.COORDINATE)
    if period_end < period_start:
        raise ValidationError(_("La fin de la période précède son début."))
    _refuse_overlap(period_start, period_end)  # before the work; again as it is saved
    since = timezone.make_aware(datetime.datetime.combine(period_start, datetime.time.min))
    until = timezone.make_aware(datetime.datetime.combine(period_end, datetime.time.max))

    initiatives = list(
        Initiative.objects.published()
        .filter(published_at__range=(since, until))
        .select_related("mutuelle")
        .order_by("-published_at")
    )
    replications = list(
        Replication.objects.filter(created_at__range=(since, until), initiative__is_published=True)
        .select_related("initiative", "mutuelle")
        .order_by("created_at")
    )
    versions = list(
        Version.objects.filter(published_at__range=(since, until))
        .exclude(guide__status=GuideStatus.ARCHIVED)
        .select_related("guide")
        .order_by("published_at")
    )
    changes = list(
        DeploymentChange.objects.filter(changed_at__range=(since, until))
        .select_related("deployment__action", "deployment__mutuelle")
        .order_by("changed_at")
    )
    feedback = list(
        FieldFeedback.objects.in_state(FeedbackState.ANSWERED)
        .filter(handled_at__range=(since, until))
        .select_related("mutuelle")
        .order_by("handled_at")
    )
    mutuelles = list(Mutuelle.objects.active().order_by("name"))

    blocks: list[Block] = []

    def add(
        mutuelle: Mutuelle | None, kind: str, title: str, body: str, link: str = "", **refs: Any
    ) -> None:
        position = sum(1 for b in blocks if b.mutuelle_id == (mutuelle.pk if mutuelle else None))
        blocks.append(
            Block(
                mutuelle=mutuelle,
                position=position,
                kind=kind,
                title=title[:200],
                body=body,
                link=link,
                **refs,
            )
        )

    for version in versions:
        add(
            None,
            Block.Kind.GUIDE,
            version.title,
            _body("guide", version=version),
            version.guide.get_absolute_url(),
            guide_version=version,
        )
    replicated: dict[int, int] = defaultdict(int)
    for replication in replications:
        replicated[replication.initiative_id] += 1
    # Most taken up first, then the latest (every initiative listed here is published).
    popular = sorted(
        initiatives,
        key=lambda i: (-replicated[i.pk], -(i.published_at or since).timestamp()),
    )
    common = popular[:COMMON_INITIATIVES]
    for initiative in common:
        add(
            None,
            Block.Kind.INITIATIVE,
            initiative.title,
            _body("initiative", initiative=initiative),
            initiative.get_absolute_url(),
            initiative=initiative,
        )
    network_moves, moves = _progress(changes)
    if network_moves:
        add(
            None,
            Block.Kind.PROGRESS,
            _("Le plan d'action avance"),
            _body("moves", moves=network_moves[:MOVES]),
            reverse("actionplan:plan"),
        )
    if feedback:
        add(
            None,
            Block.Kind.FEEDBACK,
            _("Vous nous avez dit, nous avons fait"),
            _body("feedback", feedback=feedback[:FEEDBACK]),
        )
    if replications:
        add(
            None,
            Block.Kind.TEXT,
            _("Elles se reprennent d'une mutuelle à l'autre"),
            _body("replications", replications=replications[:REPLICATIONS]),
        )

    for mutuelle in mutuelles:
        # An initiative told in the common part is not told again in its mutuelle's.
        own = [i for i in initiatives if i.mutuelle_id == mutuelle.pk and i not in common]
        for initiative in own[:LOCAL_INITIATIVES]:
            add(
                mutuelle,
                Block.Kind.INITIATIVE,
                initiative.title,
                _body("initiative", initiative=initiative),
                initiative.get_absolute_url(),
                initiative=initiative,
            )
        if moves.get(mutuelle.pk):
            add(
                mutuelle,
                Block.Kind.PROGRESS,
                _("Chez %(mutuelle)s, le plan avance") % {"mutuelle": mutuelle.short_name},
                _body("moves", moves=moves[mutuelle.pk][:MOVES]),
                reverse("actionplan:my_mutuelle"),
            )
        taken = [r for r in replications if r.mutuelle_id == mutuelle.pk]
        if taken:
            add(
                mutuelle,
                Block.Kind.TEXT,
                _("%(mutuelle)s reprend des initiatives du réseau")
                % {"mutuelle": mutuelle.short_name},
                _body("taken", replications=taken),
            )

    editorial = _editorial(len(initiatives), len(versions), len(replications))
    for attempt in range(3):
        try:
            return _edition_create(by, period_start, period_end, editorial, blocks)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _body(part: str, **context: Any) -> str:
    """A block's first text: the partial `part` of the blocks template."""
    return render_to_string(f"newsletter/blocks.html#{part}", context).strip()


def _edition_create(
    by: User | None,
    period_start: datetime.date,
    period_end: datetime.date,
    editorial: str,
    blocks: list[Block],
) -> Edition:
    """The edition and its blocks, numbered after the last one (two assembling at once: the
    second one's number or period is taken, it fails with IntegrityError and is retried, and
    refused if the period is the one taken)."""
    with transaction.atomic():
        _refuse_overlap(period_start, period_end)  # a retry sees who won the race
        number = (Edition.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        edition = Edition.objects.create(
            number=number,
            title=_("Lettre ESS/RSE n° %(number)s · %(period)s")
            % {"number": number, "period": date_format(period_start, "F Y")},
            editorial=sanitize(editorial),
            period_start=period_start,
            period_end=period_end,
            created_by=by,
        )
        for block in blocks:
            block.edition = edition
        Block.objects.bulk_create(blocks)
    return edition


def _editorial(initiatives: int, guides: int, replications: int) -> str:
    """A first editorial the coordinator rewrites: the period in figures."""
    facts = [
        ngettext("%(n)s initiative publiée", "%(n)s initiatives publiées", initiatives),
        ngettext("%(n)s guide publié", "%(n)s guides publiés", guides),
        ngettext(
            "%(n)s reprise d'une mutuelle à l'autre",
            "%(n)s reprises d'une mutuelle à l'autre",
            replications,
        ),
    ]
    counts = [initiatives, guides, replications]
    said = [fact % {"n": n} for fact, n in zip(facts, counts, strict=True) if n]
    if not said:
        return _("Un mois calme dans le réseau : à vous de raconter la suite.")
    return _("Ce mois-ci dans le réseau : %(facts)s.") % {"facts": ", ".join(said)}


# A deployment whose status changed to one of these: what the letter says of it.
MOVED_TO: dict[str, str] = {
    DeploymentStatus.DONE: "done",
    DeploymentStatus.IN_PROGRESS: "started",
    DeploymentStatus.BLOCKED: "blocked",
}


@dataclass
class Move:
    """What moved for one action in the period: how many of its deployments were done, started,
    blocked, or only went further."""

    action: Action
    local: bool = False  # one mutuelle's deployment: said of the action itself
    done: int = 0
    started: int = 0
    blocked: int = 0
    further: int = 0

    @property
    def label(self) -> str:
        if self.local:
            return next(
                text
                for text, n in [
                    (_("réalisée"), self.done),
                    (_("passée en cours"), self.started),
                    (_("bloquée"), self.blocked),
                    (_("a avancé"), self.further),
                ]
                if n
            )
        parts = [
            ngettext("%(n)s déploiement réalisé", "%(n)s déploiements réalisés", self.done),
            ngettext("%(n)s passé en cours", "%(n)s passés en cours", self.started),
            ngettext("%(n)s bloqué", "%(n)s bloqués", self.blocked),
            ngettext("%(n)s a avancé", "%(n)s ont avancé", self.further),
        ]
        counts = [self.done, self.started, self.blocked, self.further]
        return ", ".join(p % {"n": n} for p, n in zip(parts, counts, strict=True) if n)


def _progress(changes: Iterable[DeploymentChange]) -> tuple[list[Move], dict[int, list[Move]]]:
    """What moved in the period, per action: for the whole network, and per mutuelle id for its
    own part. A deployment counts once, compared between the start and the end of the period
    (a change of its text alone is no move)."""
    first: dict[int, DeploymentChange] = {}
    last: dict[int, DeploymentChange] = {}
    status_before: dict[int, str] = {}
    status_after: dict[int, str] = {}
    for change in changes:  # in order: the first change of a deployment, then the last
        first.setdefault(change.deployment_id, change)
        last[change.deployment_id] = change
        if "status" in change.before:
            status_before.setdefault(change.deployment_id, change.before["status"])
            status_after[change.deployment_id] = change.after["status"]
    network: dict[int, Move] = {}
    local: dict[int, dict[int, Move]] = defaultdict(dict)
    for pk, change in last.items():
        before, after = status_before.get(pk), status_after.get(pk)
        kind = ""
        if before != after:
            kind = MOVED_TO.get(after or "", "")
        elif change.progress > first[pk].progress_before:
            kind = "further"
        if not kind:
            continue
        deployment = change.deployment
        action = deployment.action
        targets = [network.setdefault(action.pk, Move(action))]
        if deployment.mutuelle_id:
            own = local[deployment.mutuelle_id]
            targets.append(own.setdefault(action.pk, Move(action, local=True)))
        for move in targets:
            setattr(move, kind, getattr(move, kind) + 1)

    def ordered(found: dict[int, Move]) -> list[Move]:
        return sorted(found.values(), key=lambda m: (-m.done, -m.started, m.action.code))

    return ordered(network), {pk: ordered(found) for pk, found in local.items()}


def _refuse_overlap(period_start: datetime.date, period_end: datetime.date) -> None:
    """One edition per period: the beat task and a coordinator alike are refused a period that
    an edition already covers, even in part."""
    taken = (
        Edition.objects.filter(period_start__lte=period_end, period_end__gte=period_start)
        .order_by("period_start")
        .first()
    )
    if taken is not None:
        raise ValidationError(
            _(
                "L'édition n° %(number)s couvre déjà cette période (du %(start)s au %(end)s) : "
                "choisissez une période qui commence après elle."
            )
            % {
                "number": taken.number,
                "start": date_format(taken.period_start, "j F Y"),
                "end": date_format(taken.period_end, "j F Y"),
            },
            code="period_taken",
        )


def next_period() -> tuple[datetime.date, datetime.date]:
    """The period "Préparer une édition" proposes: from the day after the last edition's period
    to the end of that month; the month that just ended when there is no edition yet."""
    last_end = Edition.objects.aggregate(end=Max("period_end"))["end"]
    if last_end is None:
        end = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
        return end.replace(day=1), end
    start = last_end + datetime.timedelta(days=1)
    following = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return start, following - datetime.timedelta(days=1)
