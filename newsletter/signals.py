"""Every active member is a subscriber: created with the account, following its address,
name and mutuelle, gone with it. Their choice (subscribed or not) is theirs and never reset
here; an inactive member receives nothing (`services.subscribers.recipients`)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ambassadeurs.models import User

from .services import subscribers

# What the subscriber row copies from the account.
FOLLOWED = {"email", "first_name", "last_name", "mutuelle"}


@receiver(post_save, sender=User, dispatch_uid="newsletter-member-subscriber")
def member_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """On every save that may change what the row copies (not a sign-in's `last_login`)."""
    if not raw and (update_fields is None or FOLLOWED & set(update_fields)):
        subscribers.subscriber_sync(instance)


@receiver(post_delete, sender=User, dispatch_uid="newsletter-member-gone")
def member_deleted(sender, instance, **kwargs):
    """A deleted account takes its address off the list (it is not an imported address)."""
    from .models import Subscriber

    Subscriber.objects.filter(email__iexact=instance.email, imported=False).delete()
