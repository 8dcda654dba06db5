"""The delivery report of an edition that left: sent, failed (and why), bounced, and who has
unsubscribed since; on its page and as a spreadsheet. Deliveries are never deleted (a
subscriber who leaves the list leaves their row, with the address), so it holds for good."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Delivery, Edition, Subscriber


@dataclass
class Report:
    sent: int = 0
    failed: int = 0
    bounced: int = 0
    pending: int = 0
    unsubscribed: int = 0
    reasons: list[tuple[str, int]] = field(default_factory=list)  # failures, commonest first

    @property
    def total(self) -> int:
        return self.sent + self.failed + self.bounced + self.pending


def _unsubscribed_since(edition: Edition) -> Q:
    """Delivered, and the subscriber has unsubscribed since the sending started."""
    return Q(
        status=Delivery.Status.SENT,
        subscriber__status=Subscriber.Status.UNSUBSCRIBED,
        subscriber__changed_at__gte=edition.started_at,
    )


def delivery_report(edition: Edition) -> Report:
    """In three queries, whatever the number of subscribers."""
    deliveries = edition.deliveries.order_by()
    counts = deliveries.aggregate(
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED, bounced=False)),
        bounced=Count("pk", filter=Q(status=Delivery.Status.FAILED, bounced=True)),
        pending=Count("pk", filter=Q(status=Delivery.Status.PENDING)),
    )
    report = Report(**counts)
    if edition.started_at:
        report.unsubscribed = deliveries.filter(_unsubscribed_since(edition)).count()
    report.reasons = list(
        deliveries.filter(status=Delivery.Status.FAILED, bounced=False)
        .values_list("error")
        .annotate(n=Count("pk"))
        .order_by("-n", "error")
        .values_list("error", "n")
    )
    return report


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    """Local time without its zone: how spreadsheets take a moment."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _deliveries(edition: Edition) -> QuerySet[Delivery]:
    return edition.deliveries.select_related("subscriber__mutuelle").order_by("email", "pk")


def rows(edition: Edition) -> Iterator[list[object]]:
    """One line per delivery, for the export (the header first)."""
    yield [
        _("Adresse"),
        _("Mutuelle"),
        _("État"),
        _("Motif"),
        _("Tentatives"),
        _("Envoyé le"),
        _("Désabonné depuis le"),
    ]
    unsubscribed = (
        set(edition.deliveries.filter(_unsubscribed_since(edition)).values_list("pk", flat=True))
        if edition.started_at
        else set()
    )
    for delivery in _deliveries(edition).iterator(chunk_size=2000):
        subscriber = delivery.subscriber
        state = _("Adresse refusée") if delivery.bounced else str(delivery.get_status_display())
        yield [
            delivery.email,
            subscriber.mutuelle.short_name if subscriber and subscriber.mutuelle else "",
            state,
            delivery.error,
            delivery.attempts,
            _local(delivery.sent_at),
            _local(subscriber.changed_at) if subscriber and delivery.pk in unsubscribed else None,
        ]
