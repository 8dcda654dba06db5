import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils.translation import gettext as _

from . import services
from .models import Event, Version

logger = logging.getLogger(__name__)


@shared_task(
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
        services.pdf_failed(
            version,
            _(
                "La mise en page a dépassé %(seconds)s secondes et a été arrêtée. Le texte est "
                "sans doute trop lourd pour être imprimé (un tableau ou une image démesurés) : "
                "allégez-le, puis relancez la production du PDF."
            )
            % {"seconds": settings.RSE_PDF_TIME_LIMIT},
        )
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


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notify_event(event_id: int) -> None:
    event = Event.objects.select_related("guide", "by").filter(pk=event_id).first()
    if event is not None:
        services.event_notify(event=event)
