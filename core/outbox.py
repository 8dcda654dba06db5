"""Side effects of a write (e-mails, renders, dispatches) go through an outbox.

`enqueue()` writes a row in the write's own transaction and hands the task to Celery after the
commit. If the broker is unreachable then, the write still succeeds (nobody sees a 500 for
something that was saved) and the row waits; celery beat's `core.tasks.outbox_flush` hands it
over again once the broker answers, and again if a handed task never ran (the broker lost it).
A task is done when it has run to the end: its `task_id` names its row. The tasks are safe to
run twice, which a re-send after a lost acknowledgement can cause.
"""

import logging
import uuid
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

TASK_ID_PREFIX = "outbox-"


def enqueue(task: str, *args: object, **options: object) -> OutboxMessage:
    """Run the Celery task at the dotted path `task` with `args` once the current transaction
    commits (`options` go to apply_async). By name: a service never imports the tasks that call
    it."""
    message = OutboxMessage.objects.create(task=task, args=list(args), options=options)
    transaction.on_commit(lambda: hand_over(message))
    return message


def hand_over(message: OutboxMessage) -> bool:
    """Give the task to the broker; False (and the row kept for later) when it cannot."""
    module, _, name = message.task.rpartition(".")
    try:
        task = getattr(import_module(module), name)
        # A connection that gives up at once: a request never waits on a broker that is down.
        with task.app.connection_for_write(transport_options={"max_retries": 0}) as connection:
            task.apply_async(
                message.args,
                task_id=f"{TASK_ID_PREFIX}{message.pk}-{uuid.uuid4().hex[:12]}",
                connection=connection,
                retry=False,
                **message.options,
            )
    except Exception:
        # The broker is down (or, in-process, the task itself failed): the write has committed
        # and stands; `flush` hands the row over again.
        logger.warning(
            "outbox: %s (message %s) not handed over", message.task, message.pk, exc_info=True
        )
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(
        sent_at=timezone.now(), attempts=F("attempts") + 1
    )
    return True


def mark_done(task_id: str | None) -> None:
    """Called when a task ran to the end (Celery's task_success, in-process or in a worker)."""
    if task_id and task_id.startswith(TASK_ID_PREFIX):
        pk = task_id.removeprefix(TASK_ID_PREFIX).split("-", 1)[0]
        OutboxMessage.objects.filter(pk=pk, done_at=None).update(done_at=timezone.now())


def flush() -> int:
    """Hand over again what the broker never got, or lost; forget what is long done."""
    now = timezone.now()
    lost = now - timedelta(seconds=settings.RSE_OUTBOX_LOST_AFTER_SECONDS)
    waiting = OutboxMessage.objects.filter(done_at=None, abandoned_at=None).filter(
        Q(sent_at=None) | Q(sent_at__lt=lost)
    )
    for message in waiting.filter(attempts__gte=settings.RSE_OUTBOX_MAX_ATTEMPTS):
        logger.error("outbox: %s (message %s) never ran: abandoned", message.task, message.pk)
    waiting.filter(attempts__gte=settings.RSE_OUTBOX_MAX_ATTEMPTS).update(abandoned_at=now)
    count = sum(hand_over(message) for message in waiting[:500])
    OutboxMessage.objects.filter(done_at__lt=now - timedelta(days=7)).delete()
    return count
