"""What the newsletter holds about a member (core.personal_data): their subscription, the
editions sent to them, the editions they prepared."""

from core import personal_data
from core.personal_data import rows

from .models import Delivery, Edition, Subscriber


def _mine(member):
    return Subscriber.objects.filter(user=member) | Subscriber.objects.filter(
        email__iexact=member.email
    )


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "abonnement": rows(_mine(member), "email", "name", "status", "changed_at"),
        "lettres_reçues": rows(
            Delivery.objects.filter(subscriber__in=_mine(member)).order_by("sent_at"),
            "edition__number",
            "edition__title",
            "email",
            "status",
            "sent_at",
            "bounced",
        ),
        "éditions_préparées": rows(
            Edition.objects.filter(created_by=member).order_by("created_at"),
            "number",
            "title",
            "status",
            "created_at",
            "sent_at",
        ),
    }


def _erase(member, remove_content: bool) -> None:
    # The delivery reports keep their counts, not the address.
    Delivery.objects.filter(subscriber__in=_mine(member)).update(email="", subscriber=None)
    _mine(member).delete()
    # An edition prepared by them is the group's newsletter: it stays, by "ancien membre".


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="newsletter",
            covers=[(Subscriber, "user"), (Edition, "created_by")],
            export=_export,
            erase=_erase,
        )
    )
