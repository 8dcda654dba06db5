"""Every active member is a subscriber: created with the account, following its address,
name and mutuelle. Their choice (subscribed or not) is theirs and never reset here."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ambassadeurs.models import User

from . import services


@receiver(post_save, sender=User, dispatch_uid="newsletter-member-subscriber")
def member_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        services.subscriber_sync(instance)
