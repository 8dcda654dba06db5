"""The demo's newsletter: the editions of the two months before (their deliveries recorded as
sent, no e-mail written), and the draft of the month under way for the coordinator."""

import datetime

from django.utils import timezone

from ambassadeurs.models import Role, User

from .models import Delivery, Edition
from .services import assembly, sending


def _month(today: datetime.date, back: int) -> tuple[datetime.date, datetime.date]:
    first = today.replace(day=1)
    for _ in range(back):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def seed() -> int:
    if Edition.objects.exists():
        return 0
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_superuser=False).first()
    today = timezone.localdate()
    for back in (2, 1):
        start, end = _month(today, back)
        edition = assembly.edition_assemble(by=coordinator, period_start=start, period_end=end)
        sent_at = timezone.make_aware(
            datetime.datetime.combine(end + datetime.timedelta(days=3), datetime.time(9))
        )
        sending.deliveries_create(edition)
        Delivery.objects.filter(edition=edition).update(
            status=Delivery.Status.SENT, attempts=1, sent_at=sent_at
        )
        Edition.objects.filter(pk=edition.pk).update(
            status=Edition.Status.SENT, started_at=sent_at, sent_at=sent_at
        )
    # The month under way, so far: the coordinator's draft.
    assembly.edition_assemble(by=coordinator, period_start=today.replace(day=1), period_end=today)
    return 3
