"""Every active member is a subscriber: created with the account, following its address,
name and mutuelle, gone with it. Their choice (subscribed or not) is theirs and never reset
here; an inactive member receives nothing (`services.subscribers.recipients`)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ambassadeurs.models import User

from .services import subscribers


@receiver(post_save, sender=User, dispatch_uid="newsletter-member-subscriber")
def member_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        subscribers.subscriber_sync(instance)


@receiver(post_delete, sender=User, dispatch_uid="newsletter-member-gone")
def member_deleted(sender, instance, **kwargs):
    """A deleted account takes its address off the list (it is not an imported address)."""
    from .models import Subscriber

    Subscriber.objects.filter(email__iexact=instance.email, imported=False).delete()
