import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils.translation import gettext as _

from . import services
from .models import ReportVersion

logger = logging.getLogger(__name__)


@shared_task(
    soft_time_limit=settings.RSE_REPORT_TIME_LIMIT,
    time_limit=settings.RSE_REPORT_TIME_LIMIT + 30,
    acks_late=True,
)
def render_report(version_id: int) -> bool:
    """Gather and render a version of an AG report, once (a second delivery finds it taken)."""
    version = ReportVersion.objects.select_related("report__assembly").filter(pk=version_id).first()
    if version is None:
        return False
    try:
        return services.version_render(version)
    except SoftTimeLimitExceeded:
        services.version_failed(
            version,
            _(
                "La production du rapport a dépassé %(seconds)s secondes et a été arrêtée. "
                "Relancez-la ; si cela se reproduit, l'équipe technique doit en être informée."
            )
            % {"seconds": settings.RSE_REPORT_TIME_LIMIT},
        )
    except Exception:
        logger.exception("AG report version %s failed", version_id)
        services.version_failed(
            version,
            _(
                "La production du rapport a échoué sur une erreur inattendue ; l'équipe "
                "technique en est informée. Vous pouvez demander une nouvelle version."
            ),
        )
    return False
