from celery import shared_task

from . import services


@shared_task(acks_late=True)
def send_invitations(meeting_id: int) -> int:
    return services.invitations_send(meeting_id)


@shared_task(acks_late=True)
def notify_minutes(meeting_id: int) -> int:
    return services.minutes_notify(meeting_id)


@shared_task(acks_late=True)
def notify_proposal(proposal_id: int) -> int:
    return services.proposal_notify(proposal_id)


@shared_task
def send_reminders() -> int:
    return services.reminders_send()


@shared_task(acks_late=True)
def render_minutes(meeting_id: int) -> bool:
    """The approved minutes' PDF, rendered and stored once (a second delivery finds it)."""
    return services.minutes_pdf_render(meeting_id)
