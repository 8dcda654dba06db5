"""Subscribers: every member follows their account, imported addresses stand alone, and each
one's choice (subscribed or not) is theirs."""

from typing import cast

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ambassadeurs.models import User
from core import history

from ..models import Subscriber


def subscriber_sync(user: User) -> Subscriber:
    """The member's subscriber row follows their account (created subscribed). When their new
    address was imported before, the two rows become one, keeping the stricter choice."""
    email = user.email.lower()
    fields = {"email": email, "name": user.get_full_name(), "mutuelle_id": user.mutuelle_id}
    with transaction.atomic():
        mine = Subscriber.objects.select_for_update().filter(user=user).first()
        others = Subscriber.objects.select_for_update().filter(email__iexact=email)
        other = (others if mine is None else others.exclude(pk=mine.pk)).first()
        if mine is None and other is None:
            return Subscriber.objects.create(user=user, **fields)
        if mine is None:
            mine, other = cast(Subscriber, other), None
        elif other is None and all(getattr(mine, k) == v for k, v in fields.items()):
            return mine  # nothing to follow: no write, nothing in the history
        elif other is not None:
            if other.status != Subscriber.Status.SUBSCRIBED:
                fields["status"] = other.status  # they had said no, or the address bounced
            other.delete()
        Subscriber.objects.filter(pk=mine.pk).update(user=user, **fields)
        history.saved(Subscriber, mine.pk)  # an update() sends no signal
    return mine


def subscription_set(*, subscriber: Subscriber, subscribed: bool) -> Subscriber:
    """Unsubscribe (the link of any e-mail, one click) or subscribe again (the profile)."""
    status = Subscriber.Status.SUBSCRIBED if subscribed else Subscriber.Status.UNSUBSCRIBED
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk).update(status=status, changed_at=timezone.now())
        history.saved(Subscriber, subscriber.pk)  # an update() sends no signal
    subscriber.status = status
    return subscriber


def recipients() -> QuerySet[Subscriber]:
    """Who receives an edition: subscribed, and still a member when they are one."""
    return Subscriber.objects.subscribed().filter(Q(user__isnull=True) | Q(user__is_active=True))
