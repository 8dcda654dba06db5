from celery import shared_task

from . import services
from .models import Invitation


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_invitation(invitation_id: int) -> None:
    invitation = Invitation.objects.filter(pk=invitation_id).select_related("mutuelle").first()
    if invitation is not None:
        services.invitation_send(invitation=invitation)
