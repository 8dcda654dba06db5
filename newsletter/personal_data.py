"""What the newsletter holds about a member (core.personal_data): their subscription, the
editions sent to them, the editions they prepared."""

from django.db.models import Q

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
        "historique_de_l_abonnement": rows(
            _history(member).order_by("history_date"),
            "history_date",
            "history_type",
            "email",
            "status",
        ),
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


def _history(member, ids=None):
    """The recorded states of their subscriber rows (core.history): address and name."""
    if ids is None:
        ids = list(_mine(member).values_list("pk", flat=True))
    return Subscriber.history.model.objects.filter(
        Q(id__in=ids) | Q(email__iexact=member.email) | Q(user=member)
    )


def _erase(member, remove_content: bool) -> None:
    # The delivery reports keep their counts, not the address.
    Delivery.objects.filter(subscriber__in=_mine(member)).update(email="", subscriber=None)
    ids = list(_mine(member).values_list("pk", flat=True))
    _mine(member).delete()  # on record too: the deletion
    # The record keeps that a subscriber changed, never their address or name.
    for row in _history(member, ids):
        row.email, row.name = "", ""
        row.history_changes = [c for c in row.history_changes if c[0] not in ("email", "name")]
        row.save(update_fields=["email", "name", "history_changes"])
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
