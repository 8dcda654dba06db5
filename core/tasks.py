from celery import shared_task

from . import outbox


@shared_task
def outbox_flush() -> int:
    """celery beat, every minute: tasks the broker never got or lost are handed over again."""
    return outbox.flush()
