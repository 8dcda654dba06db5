"""The newsletter: assembling an edition from what the network did, and sending it to every
subscriber exactly once, even when a worker dies halfway."""

import datetime
import logging
import re
import smtplib
from collections import defaultdict
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplan.models import DeploymentChange
from actionplan.models import Status as DeploymentStatus
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core import outbox
from core.richtext import sanitize
from guides.models import Status as GuideStatus
from guides.models import Version
from initiatives.models import Initiative, Replication
from mutuelles.models import Mutuelle

from . import rendering
from .models import Block, Delivery, Edition, Subscriber

logger = logging.getLogger(__name__)

BATCH = 200  # deliveries per task: one SMTP connection each
MAX_ATTEMPTS = 5  # temporary failures of one delivery before it counts as failed
COMMON_INITIATIVES = 4
LOCAL_INITIATIVES = 3


# --- Subscribers --------------------------------------------------------------------------------


def subscriber_sync(user: User) -> Subscriber:
    """The member's subscriber row follows their account (created subscribed). When their new
    address was imported before, the two rows become one, keeping the stricter choice."""
    email = user.email.lower()
    fields = {"email": email, "name": user.get_full_name(), "mutuelle_id": user.mutuelle_id}
    with transaction.atomic():
        mine = Subscriber.objects.select_for_update().filter(user=user).first()
        other = (
            Subscriber.objects.select_for_update()
            .filter(email__iexact=email)
            .exclude(pk=getattr(mine, "pk", None))
            .first()
        )
        if mine is None and other is None:
            return Subscriber.objects.create(user=user, **fields)
        if mine is None:
            mine, other = other, None
        elif other is not None:
            if other.status != Subscriber.Status.SUBSCRIBED:
                fields["status"] = other.status  # they had said no, or the address bounced
            other.delete()
        Subscriber.objects.filter(pk=mine.pk).update(user=user, **fields)
    return mine


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

    for attempt in range(3):
        try:
            editorial = _editorial(len(initiatives), len(versions), len(replications))
            return _edition_create(by, period_start, period_end, editorial, blocks)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _edition_create(by, period_start, period_end, editorial: str, blocks: list[Block]) -> Edition:
    """The edition and its blocks, numbered after the last one (two assembling at once: the
    second one's number is taken, it fails with IntegrityError and is retried)."""
    with transaction.atomic():
        number = (Edition.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        edition = Edition.objects.create(
            number=number,
            title=_("Lettre ESS/RSE n° %(number)s · %(period)s")
            % {"number": number, "period": _period_label(period_start)},
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
    outbox.enqueue("newsletter.tasks.dispatch", edition.pk)
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
    """The pending deliveries in batches. `stale_only` (the sweep): those nobody holds, once the
    sending is older than a lease: their sender died, or their batch was never queued."""
    pending = Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING)
    if stale_only:
        now = timezone.now()
        if edition.started_at and edition.started_at > now - lease():
            return []
        pending = pending.filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
    ids = list(pending.order_by("pk").values_list("pk", flat=True))
    return [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]


def lease() -> datetime.timedelta:
    """How long a sender holds the deliveries it claimed (renewed as its batch goes on)."""
    return datetime.timedelta(seconds=settings.RSE_NEWSLETTER_LEASE_SECONDS)


def _still_recipient(subscriber: Subscriber) -> bool:
    user = subscriber.user
    return subscriber.status == Subscriber.Status.SUBSCRIBED and (user is None or user.is_active)


def _claim(edition: Edition, ids: list[int]) -> tuple[list[Delivery], datetime.datetime]:
    """Lease the still-pending deliveries of `ids` until a moment (returned) that also marks
    them as this sender's: nobody else sends them meanwhile. Whoever left the list since the
    deliveries were written (unsubscribed, bounced, deactivated) is not sent to."""
    now = timezone.now()
    until = now + lease()
    with transaction.atomic():
        claimed = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(pk__in=ids, edition=edition, status=Delivery.Status.PENDING)
            .filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now))
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=claimed).update(leased_until=until)
    deliveries = list(
        Delivery.objects.filter(pk__in=claimed).select_related("subscriber__user").order_by("pk")
    )
    gone = [d.pk for d in deliveries if not _still_recipient(d.subscriber)]
    if gone:
        Delivery.objects.filter(pk__in=gone).update(
            status=Delivery.Status.FAILED,
            error=_("N'est plus abonné au moment de l'envoi."),
            leased_until=None,
        )
    return [d for d in deliveries if d.pk not in gone], until


def _renew(ids: list[int], until: datetime.datetime) -> tuple[set[int], datetime.datetime]:
    """Extend this sender's lease on `ids`; those it no longer holds are left out."""
    renewed = timezone.now() + lease()
    with transaction.atomic():
        kept = set(
            Delivery.objects.select_for_update()
            .filter(pk__in=ids, status=Delivery.Status.PENDING, leased_until=until)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=kept).update(leased_until=renewed)
    return kept, renewed


BOUNCE, FAILED, TEMPORARY = "bounce", "failed", "temporary"
_ADDRESS_ERROR = re.compile(r"\s*5\.1\.[0-6]\b")  # RFC 3463: bad destination mailbox/address


def _classify(error: Exception) -> tuple[str, str]:
    """What an SMTP error means for a delivery, and what to record: BOUNCE (the address is
    refused for good: the subscriber bounced), FAILED (refused for good, but not because of
    the address: the sender, the content, the server) or TEMPORARY (try again later)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, message = next(iter(error.recipients.values()))
    elif isinstance(error, smtplib.SMTPResponseException):
        code, message = error.smtp_code, error.smtp_error
    else:
        return TEMPORARY, f"{type(error).__name__}: {error}"[:500]
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    record = f"{code} {text}"[:500]
    if not 500 <= code < 600:
        return TEMPORARY, record
    if isinstance(error, smtplib.SMTPSenderRefused):
        return FAILED, record
    if isinstance(error, smtplib.SMTPRecipientsRefused) or _ADDRESS_ERROR.match(text):
        return BOUNCE, record
    return FAILED, record


def batch_send(edition_id: int, ids: list[int]) -> tuple[list[int], int]:
    """Send one batch over one SMTP connection. Returns the ids to retry (temporary failures)
    and in how many seconds. Each delivery is marked sent right after the server accepted it;
    the lease is renewed as the batch goes, so that no sweep hands it to another sender."""
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None or edition.status != Edition.Status.SENDING or edition.paused_reason:
        return [], 0
    deliveries, until = _claim(edition, ids)
    if not deliveries:
        finish_if_done(edition)
        return [], 0
    messages = rendering.Messages(edition)
    retry, delay, failures_in_a_row, last_error = [], 0, 0, ""
    connection = get_connection()
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        _release([d.pk for d in deliveries])
        _pause(edition, 1, _classify(error)[1])
        return [], 0
    try:
        for index, delivery in enumerate(deliveries):
            if timezone.now() > until - lease() / 2:
                kept, until = _renew([d.pk for d in deliveries[index:]], until)
                if delivery.pk not in kept:
                    continue  # no longer ours (a sweep judged this sender dead)
            try:
                connection.send_messages([messages.build(delivery, connection)])
            except Exception as error:
                kind, last_error = _classify(error)
                _failed(delivery, last_error, kind)
                if kind == TEMPORARY and delivery.attempts + 1 < MAX_ATTEMPTS:
                    retry.append(delivery.pk)
                    delay = max(delay, retry_delay(delivery.attempts + 1))
                if kind != BOUNCE:  # one dead address says nothing of the server
                    failures_in_a_row += 1
                if isinstance(error, smtplib.SMTPServerDisconnected | OSError):
                    connection.close()
                    try:
                        connection.open()
                    except (smtplib.SMTPException, OSError) as again:
                        failures_in_a_row = settings.RSE_NEWSLETTER_PAUSE_AFTER
                        last_error = _classify(again)[1]
                if failures_in_a_row >= settings.RSE_NEWSLETTER_PAUSE_AFTER:
                    _release([d.pk for d in deliveries[index + 1 :]])
                    _pause(edition, failures_in_a_row, last_error)
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


def _release(ids: list[int]) -> None:
    Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(leased_until=None)


def retry_delay(attempts: int) -> int:
    """Seconds before trying a delivery again after `attempts` temporary failures."""
    return settings.RSE_NEWSLETTER_RETRY_SECONDS * 2 ** max(attempts - 1, 0)


def _failed(delivery: Delivery, error: str, kind: str) -> None:
    attempts = delivery.attempts + 1
    final = kind != TEMPORARY or attempts >= MAX_ATTEMPTS
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED if final else Delivery.Status.PENDING,
        attempts=attempts,
        error=error,
        # Held until its retry is due: if that retry is lost, `sweep` sends it afterwards.
        leased_until=None
        if final
        else timezone.now() + datetime.timedelta(seconds=retry_delay(attempts)),
    )
    if kind == BOUNCE:
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
        outbox.enqueue("newsletter.tasks.dispatch", edition.pk)


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
