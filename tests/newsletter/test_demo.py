"""The demo's newsletter."""

from django.core.management import call_command


def test_seed_demo_has_two_sent_editions_and_a_draft(db):
    from newsletter.models import Delivery, Edition, Subscriber

    call_command("seed_demo")
    call_command("seed_demo")
    statuses = list(Edition.objects.order_by("number").values_list("status", flat=True))
    assert statuses == ["sent", "sent", "draft"]
    members = Subscriber.objects.filter(user__isnull=False).count()
    assert members >= 17  # every demo member
    for edition in Edition.objects.filter(status="sent"):
        assert edition.deliveries.filter(status=Delivery.Status.SENT).count() == members
    assert Edition.objects.get(status="draft").blocks.exists()
