"""Assembly: the draft of an edition from what the network did in a period (initiatives,
guides, the action plan's progress, replications), as blocks whose first text comes from the
templates of `newsletter/blocks.html`."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
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

from actionplan.models import DeploymentChange
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
MOVES = 8  # actions listed in a mutuelle's progress block


def edition_assemble(
    *, period_start: datetime.date, period_end: datetime.date, by: User | None = None
) -> Edition:
    """Draft the edition of a period from what the network did in it, in a fixed number of
    queries whatever the number of initiatives, mutuelles and subscribers."""
    if by is not None:
        check(by, Can.COORDINATE)
    if period_end < period_start:
        raise ValidationError(_("La fin de la période précède son début."))
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
    for initiative in popular[:COMMON_INITIATIVES]:
        add(
            None,
            Block.Kind.INITIATIVE,
            initiative.title,
            _body("initiative", initiative=initiative),
            initiative.get_absolute_url(),
            initiative=initiative,
        )
    summary, moves = _progress(changes)
    if summary:
        add(
            None,
            Block.Kind.PROGRESS,
            _("Le plan d'action avance"),
            summary,
            reverse("actionplan:plan"),
        )
    if replications:
        add(
            None,
            Block.Kind.TEXT,
            _("Elles se reprennent d'une mutuelle à l'autre"),
            _body("replications", replications=replications[:REPLICATIONS]),
        )

    for mutuelle in mutuelles:
        own = [i for i in initiatives if i.mutuelle_id == mutuelle.pk]
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
    second one's number is taken, it fails with IntegrityError and is retried)."""
    with transaction.atomic():
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


def _progress(changes: Iterable[DeploymentChange]) -> tuple[str, dict[int, list[dict[str, Any]]]]:
    """What moved in the period: the summary for everyone (empty when nothing did), and per
    mutuelle id its actions done, started or blocked."""
    latest: dict[int, DeploymentChange] = {}
    for change in changes:  # ordered: the last change of a deployment wins
        latest[change.deployment_id] = change
    moves: dict[int, list[dict[str, Any]]] = defaultdict(list)
    done = started = 0
    for change in latest.values():
        status = change.after.get("status")
        before = change.before.get("status")
        if status == before and change.progress == change.progress_before:
            continue
        label = {
            DeploymentStatus.DONE: _("réalisée"),
            DeploymentStatus.IN_PROGRESS: _("en cours, %(progress)s %%")
            % {"progress": change.progress},
            DeploymentStatus.BLOCKED: _("bloquée"),
        }.get(status)
        if label is None:
            continue
        done += status == DeploymentStatus.DONE
        started += status == DeploymentStatus.IN_PROGRESS
        deployment = change.deployment
        if deployment.mutuelle_id:
            moves[deployment.mutuelle_id].append({"action": deployment.action, "label": label})
    return _body("progress", done=done, started=started), moves
