"""Sending: an edition sent now or at its time, and the delivery queue that sends it to every
subscriber exactly once, even when a worker dies halfway.

The queue, as the tasks and the tests use it: `start` (one caller wins), `deliveries_create`
(one delivery per recipient), `pending_batches` (what is left to send, in batches),
`batch_send` (one batch over one SMTP connection), `finish_if_done` and `progress`."""

import datetime
import logging
import re
import smtplib
from email.utils import make_msgid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core import history, mail, outbox, search
from mutuelles.models import Mutuelle

from .. import rendering
from ..models import Delivery, Edition, Subscriber
from .subscribers import recipients

logger = logging.getLogger(__name__)

BATCH = 200  # deliveries per task: one SMTP connection each
MAX_ATTEMPTS = 5  # temporary failures of one delivery before it counts as failed


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
        history.saved(Edition, edition.pk, by=by)
        edition.refresh_from_db()
        return edition
    if not start(edition):
        raise ValidationError(_("Cette édition est déjà en cours d'envoi ou envoyée."))
    edition.refresh_from_db()
    return edition


def edition_unschedule(*, by: User, edition: Edition) -> None:
    check(by, Can.COORDINATE)
    if Edition.objects.filter(pk=edition.pk, status=Edition.Status.SCHEDULED).update(
        status=Edition.Status.DRAFT, scheduled_at=None
    ):
        history.saved(Edition, edition.pk, by=by)


def start(edition: Edition) -> bool:
    """Move the edition to `sending` (one caller wins), write its deliveries, queue them."""
    won = Edition.objects.filter(
        pk=edition.pk, status__in=[Edition.Status.DRAFT, Edition.Status.SCHEDULED]
    ).update(status=Edition.Status.SENDING, started_at=timezone.now(), paused_reason="")
    if not won:
        return False
    history.saved(Edition, edition.pk)
    outbox.enqueue("newsletter.tasks.dispatch", edition.pk)
    return True


def deliveries_create(edition: Edition) -> int:
    """One delivery per recipient, each with its Message-ID for good (unique: never twice)."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
    rows = [
        Delivery(
            edition=edition, subscriber_id=pk, email=email, message_id=make_msgid("rse", domain)
        )
        for pk, email in recipients()
        .exclude(deliveries__edition=edition)
        .values_list("pk", "email")
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


def _still_recipient(subscriber: Subscriber | None) -> bool:
    if subscriber is None:  # gone from the list since
        return False
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
    message: bytes | str
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, message = next(iter(error.recipients.values()))
    elif isinstance(error, smtplib.SMTPResponseException):
        code, message = error.smtp_code, error.smtp_error
    else:
        return TEMPORARY, f"{type(error).__name__}: {error}"[:500]
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    code = int(code)
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
        held = {d.pk for d in deliveries}
        for index, delivery in enumerate(deliveries):
            if timezone.now() > until - lease() / 2:
                held, until = _renew([d.pk for d in deliveries[index:]], until)
            if delivery.pk not in held:
                continue  # no longer ours (a sweep judged this sender dead)
            try:
                mail.send([messages.build(delivery)], connection=connection)
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
    return int(settings.RSE_NEWSLETTER_RETRY_SECONDS * 2 ** max(attempts - 1, 0))


def _failed(delivery: Delivery, error: str, kind: str) -> None:
    attempts = delivery.attempts + 1
    final = kind != TEMPORARY or attempts >= MAX_ATTEMPTS
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.FAILED if final else Delivery.Status.PENDING,
        attempts=attempts,
        error=error,
        bounced=kind == BOUNCE,
        # Held until its retry is due: if that retry is lost, `sweep` sends it afterwards.
        leased_until=None
        if final
        else timezone.now() + datetime.timedelta(seconds=retry_delay(attempts)),
    )
    if kind == BOUNCE and delivery.subscriber_id is not None:
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(
            status=Subscriber.Status.BOUNCED, changed_at=timezone.now()
        )
        history.saved(Subscriber, delivery.subscriber_id)


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
    finished = Edition.objects.filter(pk=edition.pk, status=Edition.Status.SENDING).update(
        status=Edition.Status.SENT, sent_at=timezone.now()
    )
    if finished:  # now in the archive, so found by the search (an update() sends no signal)
        search.refresh(Edition, [edition.pk])
        history.saved(Edition, edition.pk)
    return bool(finished)


def progress(edition: Edition) -> dict[str, int]:
    """How far the sending of `edition` is: deliveries in all, sent, failed, pending, and the
    share done in percent."""
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
    mail.send([rendering.Messages(edition).preview_message(by.email, mutuelle)])
