import datetime

from celery import shared_task
from django.core.exceptions import ValidationError
from django.utils import timezone

from .models import Edition
from .services import assembly, sending


@shared_task
def dispatch(edition_id: int) -> int:
    """Write the deliveries of an edition being sent and queue them in batches."""
    edition = Edition.objects.filter(pk=edition_id, status=Edition.Status.SENDING).first()
    if edition is None or edition.paused_reason:
        return 0
    sending.deliveries_create(edition)
    batches = sending.pending_batches(edition)
    for ids in batches:
        send_batch.delay(edition.pk, ids)
    if not batches:
        sending.finish_if_done(edition)
    return len(batches)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_batch(edition_id: int, ids: list[int]) -> int:
    """One batch over one SMTP connection; temporary failures come back later, further apart
    each time. A worker killed in the middle leaves its deliveries leased: `sweep` hands them
    to another worker once the lease has run out."""
    retry, delay = sending.batch_send(edition_id, ids)
    if retry:
        send_batch.apply_async((edition_id, retry), countdown=delay)
    return len(ids) - len(retry)


@shared_task
def send_due() -> int:
    """celery beat, every minute: start the scheduled editions whose time has come."""
    due = Edition.objects.filter(status=Edition.Status.SCHEDULED, scheduled_at__lte=timezone.now())
    return sum(sending.start(edition) for edition in due)


@shared_task
def sweep() -> int:
    """celery beat, every minute: deliveries whose sender died (lease run out) are queued again."""
    count = 0
    for edition in Edition.objects.filter(status=Edition.Status.SENDING, paused_reason=""):
        if not edition.deliveries.exists():
            # Its dispatch has not run yet, or died before writing: ask again once it is late.
            if edition.started_at < timezone.now() - sending.lease():
                dispatch.delay(edition.pk)
            continue
        for ids in sending.pending_batches(edition, stale_only=True):
            send_batch.delay(edition.pk, ids)
            count += len(ids)
        sending.finish_if_done(edition)
    return count


@shared_task
def assemble_monthly() -> int | None:
    """celery beat, on the 1st: draft the edition of the month that just ended."""
    today = timezone.localdate()
    end = today.replace(day=1) - datetime.timedelta(days=1)
    start = end.replace(day=1)
    try:
        return assembly.edition_assemble(period_start=start, period_end=end).pk
    except ValidationError:  # that month has its edition already (prepared by hand)
        return None
