import datetime
import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.worker.request import Request
from django.conf import settings
from django.db import InterfaceError, OperationalError
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
    bind=True,
    soft_time_limit=settings.RSE_PDF_TIME_LIMIT,
    time_limit=settings.RSE_PDF_TIME_LIMIT + 30,
    acks_late=True,
)
def render_pdf(self, version_id: int, resume: str | None = None) -> bool:
    """Render a version's PDF once: a second delivery of the task finds it claimed or done.
    Cut from the database in the middle, it renders again once PostgreSQL is back, taking back
    its own claim (`resume`)."""
    version = None
    try:
        version = Version.objects.select_related("guide").filter(pk=version_id).first()
        if version is None:
            return False
        held = version.pdf_started_at
        resumed = datetime.datetime.fromisoformat(resume) if resume else None
        return services.pdf_render(version, resume=resumed)
    except SoftTimeLimitExceeded:
        services.pdf_failed(version, _too_long())
    except (OperationalError, InterfaceError) as error:
        if version is not None and version.pdf_started_at != held:
            resume = version.pdf_started_at.isoformat()  # claimed by this render
        logger.warning("PDF of guide version %s cut from the database: again soon", version_id)
        raise self.retry(
            exc=error, kwargs={"resume": resume}, countdown=5, max_retries=60
        ) from error
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
def pdf_stopped(version_id: int, resume: str | None = None) -> None:
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
