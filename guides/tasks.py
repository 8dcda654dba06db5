import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.worker.request import Request
from django.conf import settings
from django.utils.translation import gettext as _

from . import services
from .models import Event, Version

logger = logging.getLogger(__name__)


def _too_long() -> str:
    return _(
        "La mise en page a dépassé %(seconds)s secondes et a été arrêtée. Le texte est "
        "sans doute trop lourd pour être imprimé (un tableau ou une image démesurés) : "
        "allégez-le, puis relancez la production du PDF."
    ) % {"seconds": settings.RSE_PDF_TIME_LIMIT}


class RenderRequest(Request):
    """A render as the worker's main process handles it. At the soft time limit the render
    stops itself and records why; but a PDF engine stuck in C code, or one that swallows the
    exception, runs on until the hard limit kills its pool process, and then nothing is left
    to record it: the version would stay "being rendered", its authors never told. So, at the
    hard limit, the main process queues `pdf_stopped`, which the next free pool process runs.
    It queues rather than writes: the main process keeps no database connection of its own
    (one opened there would be inherited by the pool processes it forks)."""

    def on_timeout(self, soft: bool, timeout: float) -> None:
        super().on_timeout(soft, timeout)
        if soft:
            return
        try:
            pdf_stopped.delay(*self.args, **self.kwargs)
        except Exception:
            # The broker is unreachable: the version is queued again once the time limit
            # plus a minute has passed, when a reader asks for it (`services.pdf_request`).
            logger.exception("PDF render %s stopped by its hard time limit, not reported", self.id)


class RenderTask(Task):
    Request = RenderRequest


@shared_task(
    base=RenderTask,
    soft_time_limit=settings.RSE_PDF_TIME_LIMIT,
    time_limit=settings.RSE_PDF_TIME_LIMIT + 30,
    acks_late=True,
)
def render_pdf(version_id: int) -> bool:
    """Render a version's PDF once: a second delivery of the task finds it claimed or done."""
    version = Version.objects.select_related("guide").filter(pk=version_id).first()
    if version is None:
        return False
    try:
        return services.pdf_render(version)
    except SoftTimeLimitExceeded:
        services.pdf_failed(version, _too_long())
    except Exception:
        logger.exception("PDF of guide version %s failed", version_id)
        services.pdf_failed(
            version,
            _(
                "La production du PDF a échoué sur une erreur inattendue ; l'équipe technique "
                "en est informée. Vous pouvez relancer la production."
            ),
        )
    return False


@shared_task
def pdf_stopped(version_id: int) -> None:
    """A render killed at its hard time limit (see `RenderRequest`): its version is marked
    failed and its authors told, as at the soft limit."""
    version = Version.objects.select_related("guide").filter(pk=version_id).first()
    if version is not None:
        services.pdf_failed(version, _too_long())


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notify_event(event_id: int) -> None:
    event = Event.objects.select_related("guide", "by").filter(pk=event_id).first()
    if event is not None:
        services.event_notify(event=event)
