"""The newsletter: assembling an edition from what the network did, and sending it to every
subscriber exactly once, even when a worker dies halfway."""

import datetime
import logging
import smtplib
from collections import defaultdict
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplan.models import DeploymentChange
from actionplan.models import Status as DeploymentStatus
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from guides.models import Version
from initiatives.models import Initiative, Replication
from mutuelles.models import Mutuelle
from solimut_rse.richtext import sanitize

from . import rendering
from .models import Block, Delivery, Edition, Subscriber

logger = logging.getLogger(__name__)

BATCH = 200  # deliveries per task: one SMTP connection each
MAX_ATTEMPTS = 5  # temporary failures of one delivery before it counts as failed
COMMON_INITIATIVES = 4
LOCAL_INITIATIVES = 3


# --- Subscribers --------------------------------------------------------------------------------


def subscriber_sync(user: User) -> Subscriber:
    """The member's subscriber row follows their account (created subscribed)."""
    subscriber = Subscriber.objects.filter(Q(user=user) | Q(email__iexact=user.email)).first()
    fields = {
        "email": user.email.lower(),
        "name": user.get_full_name(),
        "mutuelle_id": user.mutuelle_id,
    }
    if subscriber is None:
        return Subscriber.objects.create(user=user, **fields)
    changed = {
        k: v for k, v in {**fields, "user_id": user.pk}.items() if getattr(subscriber, k) != v
    }
    if changed:
        Subscriber.objects.filter(pk=subscriber.pk).update(**changed)
    return subscriber


def subscription_set(*, subscriber: Subscriber, subscribed: bool) -> Subscriber:
    """Unsubscribe (the link of any e-mail, one click) or subscribe again (the profile)."""
    status = Subscriber.Status.SUBSCRIBED if subscribed else Subscriber.Status.UNSUBSCRIBED
    Subscriber.objects.filter(pk=subscriber.pk).update(status=status, changed_at=timezone.now())
    subscriber.status = status
    return subscriber


def recipients():
    """Who receives an edition: subscribed, and still a member when they are one."""
    return Subscriber.objects.subscribed().filter(Q(user__isnull=True) | Q(user__is_active=True))


# --- Assembly -----------------------------------------------------------------------------------


def _period_label(start: datetime.date) -> str:
    from django.utils.formats import date_format

    return date_format(start, "F Y")


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
        Version.objects.filter(
            published_at__range=(since, until),
            guide__status__in=["published", "draft", "in_review"],
        )
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

    def add(mutuelle, kind, title, body="", link="", **refs):
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
            f"<p>{escape(version.summary)}</p>"
            + (f"<p><em>{escape(version.note)}</em></p>" if version.note else ""),
            version.guide.get_absolute_url(),
            guide_version=version,
        )
    replicated = defaultdict(int)
    for replication in replications:
        replicated[replication.initiative_id] += 1
    popular = sorted(initiatives, key=lambda i: (-replicated[i.pk], -i.published_at.timestamp()))
    for initiative in popular[:COMMON_INITIATIVES]:
        add(
            None,
            Block.Kind.INITIATIVE,
            initiative.title,
            _initiative_body(initiative),
            initiative.get_absolute_url(),
            initiative=initiative,
        )
    progress = _progress(changes)
    if progress["all"]:
        add(None, Block.Kind.PROGRESS, _("Le plan d'action avance"), progress["all"], "/plan/")
    if replications:
        items = "".join(
            f"<li>{escape(r.mutuelle.short_name)} reprend « {escape(r.initiative.title)} »</li>"
            for r in replications[:10]
        )
        add(
            None,
            Block.Kind.TEXT,
            _("Elles se reprennent d'une mutuelle à l'autre"),
            f"<ul>{items}</ul>",
        )

    for mutuelle in mutuelles:
        own = [i for i in initiatives if i.mutuelle_id == mutuelle.pk]
        for initiative in own[:LOCAL_INITIATIVES]:
            add(
                mutuelle,
                Block.Kind.INITIATIVE,
                initiative.title,
                _initiative_body(initiative),
                initiative.get_absolute_url(),
                initiative=initiative,
            )
        if progress.get(mutuelle.pk):
            add(
                mutuelle,
                Block.Kind.PROGRESS,
                _("Chez %(mutuelle)s, le plan avance") % {"mutuelle": mutuelle.short_name},
                progress[mutuelle.pk],
                "/plan/ma-mutuelle/",
            )
        taken = [r for r in replications if r.mutuelle_id == mutuelle.pk]
        if taken:
            items = "".join(f"<li>« {escape(r.initiative.title)} »</li>" for r in taken)
            add(
                mutuelle,
                Block.Kind.TEXT,
                _("%(mutuelle)s reprend des initiatives du réseau")
                % {"mutuelle": mutuelle.short_name},
                f"<ul>{items}</ul>",
            )

    with transaction.atomic():
        number = (Edition.objects.select_for_update().aggregate(n=Max("number"))["n"] or 0) + 1
        edition = Edition.objects.create(
            number=number,
            title=_("Lettre ESS/RSE n° %(number)s · %(period)s")
            % {"number": number, "period": _period_label(period_start)},
            editorial=sanitize(_editorial(len(initiatives), len(versions), len(replications))),
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


def _initiative_body(initiative: Initiative) -> str:
    return format_html(
        "<p><strong>{}</strong> · {}</p>", initiative.mutuelle.short_name, initiative.summary
    )


def _progress(changes) -> dict:
    """What moved in the period: actions done or started, overall and per mutuelle (HTML lists)."""
    latest = {}
    for change in changes:  # ordered: the last change of a deployment wins
        latest[change.deployment_id] = change
    lines = defaultdict(list)
    done = started = 0
    for change in latest.values():
        status = change.after.get("status")
        before = change.before.get("status")
        if status == before and change.progress == change.progress_before:
            continue
        deployment = change.deployment
        action = deployment.action
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
        line = f"<li><strong>{escape(action.code)}</strong> {escape(action.title)} : {label}</li>"
        if deployment.mutuelle_id:
            lines[deployment.mutuelle_id].append(line)
    result = {key: f"<ul>{''.join(value[:8])}</ul>" for key, value in lines.items()}
    summary = _("%(done)s déploiements réalisés et %(started)s en cours depuis la dernière lettre.")
    result["all"] = (
        format_html("<p>{}</p>", summary % {"done": done, "started": started})
        if done or started
        else ""
    )
    return result


# --- Editing ------------------------------------------------------------------------------------


def edition_update(*, by: User, edition: Edition, title: str, editorial: str) -> Edition:
    check(by, Can.COORDINATE)
    _require_editable(edition)
    edition.title = title.strip()
    edition.editorial = sanitize(editorial)
    edition.full_clean()
    edition.save(update_fields=["title", "editorial"])
    return edition


def _require_editable(edition: Edition) -> None:
    if not edition.is_editable:
        raise ValidationError(_("Cette édition est partie : elle ne se modifie plus."))


def block_save(*, by: User, edition: Edition, block: Block | None = None, **fields) -> Block:
    check(by, Can.COORDINATE)
    _require_editable(edition)
    if block is None:
        mutuelle = fields.get("mutuelle")
        last = edition.blocks.filter(mutuelle=mutuelle).aggregate(p=Max("position"))["p"]
        block = Block(edition=edition, kind=Block.Kind.TEXT, position=(last or 0) + 1)
    for name, value in fields.items():
        setattr(block, name, value)
    block.body = sanitize(block.body)
    block.full_clean()
    block.save()
    return block


def block_delete(*, by: User, block: Block) -> None:
    check(by, Can.COORDINATE)
    _require_editable(block.edition)
    block.delete()


def block_move(*, by: User, block: Block, offset: int) -> None:
    """Up (-1) or down (+1) within its part: positions are renumbered 0..n-1."""
    check(by, Can.COORDINATE)
    _require_editable(block.edition)
    with transaction.atomic():
        part = list(
            Block.objects.select_for_update()
            .filter(edition=block.edition_id, mutuelle=block.mutuelle_id)
            .order_by("position", "pk")
        )
        index = next(i for i, b in enumerate(part) if b.pk == block.pk)
        target = max(0, min(len(part) - 1, index + offset))
        part.insert(target, part.pop(index))
        for position, item in enumerate(part):
            item.position = position
        Block.objects.bulk_update(part, ["position"])


# --- Sending ------------------------------------------------------------------------------------


def edition_send(*, by: User, edition: Edition, at: datetime.datetime | None = None) -> Edition:
    """Send now, or schedule. Pressing twice (or from two tabs) starts one sending."""
    check(by, Can.COORDINATE)
    if not edition.blocks.exists():
        raise ValidationError(
            _("Une édition sans aucun bloc ne s'envoie pas : ajoutez-en au moins un.")
        )
    if at is not None:
        if at <= timezone.now():
            raise ValidationError(
                {"at": _("Cette date est passée : choisissez un moment à venir.")}
            )
        scheduled = Edition.objects.filter(pk=edition.pk, status=Edition.Status.DRAFT).update(
            status=Edition.Status.SCHEDULED, scheduled_at=at
        )
        if not scheduled:
            raise ValidationError(_("Cette édition est déjà programmée ou partie."))
        edition.refresh_from_db()
        return edition
    if not start(edition):
        raise ValidationError(_("Cette édition est déjà en cours d'envoi ou envoyée."))
    edition.refresh_from_db()
    return edition


def edition_unschedule(*, by: User, edition: Edition) -> None:
    check(by, Can.COORDINATE)
    Edition.objects.filter(pk=edition.pk, status=Edition.Status.SCHEDULED).update(
        status=Edition.Status.DRAFT, scheduled_at=None
    )


def start(edition: Edition) -> bool:
    """Move the edition to `sending` (one caller wins), write its deliveries, queue them."""
    won = Edition.objects.filter(
        pk=edition.pk, status__in=[Edition.Status.DRAFT, Edition.Status.SCHEDULED]
    ).update(status=Edition.Status.SENDING, started_at=timezone.now(), paused_reason="")
    if not won:
        return False
    from .tasks import dispatch

    transaction.on_commit(lambda: dispatch.delay(edition.pk))
    return True


def deliveries_create(edition: Edition) -> int:
    """One delivery per recipient, each with its Message-ID for good (unique: never twice)."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
    rows = [
        Delivery(edition=edition, subscriber_id=pk, message_id=make_msgid("rse", domain))
        for pk in recipients().exclude(deliveries__edition=edition).values_list("pk", flat=True)
    ]
    Delivery.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return len(rows)


def pending_batches(edition: Edition, *, stale_only: bool = False) -> list[list[int]]:
    """The pending deliveries in batches; `stale_only`: those whose sender's lease ran out."""
    pending = Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING)
    if stale_only:
        pending = pending.filter(leased_until__lt=timezone.now())
    ids = list(pending.order_by("pk").values_list("pk", flat=True))
    return [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]


def _claim(edition: Edition, ids: list[int]) -> list[Delivery]:
    """Lease the still-pending deliveries of `ids`: nobody else sends them meanwhile."""
    now = timezone.now()
    with transaction.atomic():
        claimed = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(pk__in=ids, edition=edition, status=Delivery.Status.PENDING)
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=claimed).update(
            leased_until=now + datetime.timedelta(seconds=settings.RSE_NEWSLETTER_LEASE_SECONDS)
        )
    return list(Delivery.objects.filter(pk__in=claimed).select_related("subscriber").order_by("pk"))


def _permanent(error: Exception) -> tuple[bool, str]:
    """(is it permanent, what to record) for an SMTP error: 5xx permanent, the rest not."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, message = next(iter(error.recipients.values()))
    elif isinstance(error, smtplib.SMTPResponseException):
        code, message = error.smtp_code, error.smtp_error
    else:
        return False, f"{type(error).__name__}: {error}"[:500]
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return 500 <= code < 600, f"{code} {text}"[:500]


def batch_send(edition_id: int, ids: list[int]) -> tuple[list[int], int]:
    """Send one batch over one SMTP connection. Returns the ids to retry (temporary failures)
    and in how many seconds. Each delivery is marked sent right after the server accepted it."""
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None or edition.status != Edition.Status.SENDING or edition.paused_reason:
        return [], 0
    deliveries = _claim(edition, ids)
    if not deliveries:
        return [], 0
    messages = rendering.Messages(edition)
    retry, delay, failures_in_a_row, last_error = [], 0, 0, ""
    connection = get_connection()
    try:
        connection.open()
        for index, delivery in enumerate(deliveries):
            message = messages.build(delivery, connection)
            try:
                connection.send_messages([message])
            except (smtplib.SMTPException, OSError) as error:
                permanent, last_error = _permanent(error)
                failures_in_a_row += 1
                _failed(delivery, last_error, permanent)
                if not permanent and delivery.attempts + 1 < MAX_ATTEMPTS:
                    retry.append(delivery.pk)
                    delay = max(delay, retry_delay(delivery.attempts + 1))
                if isinstance(error, (smtplib.SMTPServerDisconnected, OSError)):
                    connection.close()
                    connection.open()
                if failures_in_a_row >= settings.RSE_NEWSLETTER_PAUSE_AFTER:
                    _pause(edition, failures_in_a_row, last_error)
                    rest = [d.pk for d in deliveries[index + 1 :]]
                    Delivery.objects.filter(pk__in=rest).update(leased_until=None)
                    return [], 0
                continue
            failures_in_a_row = 0
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
                error="",
                leased_until=None,
            )
    finally:
        connection.close()
    finish_if_done(edition)
    return retry, delay


def retry_delay(attempts: int) -> int:
    """Seconds before trying a delivery again after `attempts` temporary failures."""
    return settings.RSE_NEWSLETTER_RETRY_SECONDS * 2 ** max(attempts - 1, 0)


def _failed(delivery: Delivery, error: str, permanent: bool) -> None:
    attempts = delivery.attempts + 1
    final = permanent or attempts >= MAX_ATTEMPTS
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED if final else Delivery.Status.PENDING,
        attempts=attempts,
        error=error,
        # Held until its retry is due: if that retry is lost, `sweep` sends it afterwards.
        leased_until=None
        if final
        else timezone.now() + datetime.timedelta(seconds=retry_delay(attempts)),
    )
    if permanent:
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(
            status=Subscriber.Status.BOUNCED, changed_at=timezone.now()
        )


def _pause(edition: Edition, count: int, error: str) -> None:
    reason = _(
        "L'envoi s'est suspendu de lui-même après %(count)s échecs de suite. Dernière réponse "
        "du serveur de messagerie : %(error)s. Vérifiez le serveur, puis reprenez l'envoi."
    ) % {"count": count, "error": error}
    Edition.objects.filter(pk=edition.pk).update(paused_reason=reason)
    logger.warning("Edition %s paused: %s", edition.number, error)


def resume(*, by: User, edition: Edition) -> None:
    check(by, Can.COORDINATE)
    updated = (
        Edition.objects.filter(pk=edition.pk, status=Edition.Status.SENDING)
        .exclude(paused_reason="")
        .update(paused_reason="")
    )
    if updated:
        from .tasks import dispatch

        transaction.on_commit(lambda: dispatch.delay(edition.pk))


def finish_if_done(edition: Edition) -> bool:
    if Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING).exists():
        return False
    return bool(
        Edition.objects.filter(pk=edition.pk, status=Edition.Status.SENDING).update(
            status=Edition.Status.SENT, sent_at=timezone.now()
        )
    )


def progress(edition: Edition) -> dict:
    counts = dict(
        Delivery.objects.filter(edition=edition)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    total = sum(counts.values())
    sent, failed = counts.get(Delivery.Status.SENT, 0), counts.get(Delivery.Status.FAILED, 0)
    return {
        "total": total,
        "sent": sent,
        "failed": failed,
        "pending": counts.get(Delivery.Status.PENDING, 0),
        "percent": round(100 * (sent + failed) / total) if total else 0,
    }


def test_send(*, by: User, edition: Edition, mutuelle: Mutuelle | None) -> None:
    """The edition as a subscriber of `mutuelle` will get it, to the coordinator only."""
    check(by, Can.COORDINATE)
    message = rendering.Messages(edition).preview_message(by.email, mutuelle)
    message.send()
