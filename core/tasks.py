from celery import shared_task

from . import outbox, pending_uploads


@shared_task
def outbox_flush() -> int:
    """celery beat, every minute: tasks the broker never got or lost are handed over again."""
    return outbox.flush()


@shared_task
def uploads_sweep() -> int:
    """celery beat, every hour: files sent ahead of a form that was never saved."""
    return pending_uploads.sweep()
