"""The rules of sending, one by one (the outbox of Django's test backend as the server)."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.utils import timezone

from newsletter import tasks
from newsletter.models import Delivery, Edition, Subscriber
from newsletter.services import sending, subscribers

from .conftest import make_edition, make_subscribers


def _sending(network, count=6):
    make_subscribers(count, network)
    edition = make_edition(network)
    Edition.objects.filter(pk=edition.pk).update(
        status=Edition.Status.SENDING, started_at=timezone.now()
    )
    edition.refresh_from_db()
    sending.deliveries_create(edition)
    return edition, list(edition.deliveries.order_by("pk").values_list("pk", flat=True))


class Server(locmem.EmailBackend):
    """Django's test outbox, and before each message what the test says happens then."""

    before = staticmethod(lambda message: None)

    def send_messages(self, messages):
        for message in messages:
            self.before(message)
        return super().send_messages(messages)


SERVER = f"{__name__}.Server"


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (smtplib.SMTPRecipientsRefused({"a@x.example": (550, b"5.1.1 no such user")}), "bounce"),
        (smtplib.SMTPDataError(550, b"5.1.1 Cette boite n'existe pas"), "bounce"),
        (smtplib.SMTPDataError(554, b"5.7.1 Message refused as spam"), "failed"),
        (smtplib.SMTPSenderRefused(550, b"5.1.8 sender not allowed", "rse@x"), "failed"),
        (smtplib.SMTPDataError(451, b"4.3.0 try later"), "temporary"),
        (smtplib.SMTPServerDisconnected("gone"), "temporary"),
        (ConnectionRefusedError(111, "refused"), "temporary"),
    ],
)
def test_only_a_refused_address_makes_a_subscriber_bounce(
    network, settings, monkeypatch, error, outcome
):
    def refuse(message):
        raise error

    settings.EMAIL_BACKEND = SERVER
    monkeypatch.setattr(Server, "before", staticmethod(refuse))
    edition, ids = _sending(network, count=1)
    sending.batch_send(edition.pk, ids)
    delivery = Delivery.objects.select_related("subscriber").get(pk=ids[0])
    assert (delivery.subscriber.status, delivery.status) == {
        "bounce": (Subscriber.Status.BOUNCED, Delivery.Status.FAILED),
        "failed": (Subscriber.Status.SUBSCRIBED, Delivery.Status.FAILED),
        "temporary": (Subscriber.Status.SUBSCRIBED, Delivery.Status.PENDING),
    }[outcome]
    assert delivery.attempts == 1 and delivery.error


def test_who_unsubscribed_since_the_deliveries_were_written_gets_nothing(network):
    edition, ids = _sending(network)
    gone = Subscriber.objects.get(deliveries__pk=ids[0])
    subscribers.subscription_set(subscriber=gone, subscribed=False)
    sending.batch_send(edition.pk, ids)
    assert len(mail.outbox) == 5 and gone.email not in {m.to[0] for m in mail.outbox}
    assert Delivery.objects.get(pk=ids[0]).status == Delivery.Status.FAILED
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_a_sender_judged_dead_does_not_send_what_another_one_took(network, settings, monkeypatch):
    settings.EMAIL_BACKEND = SERVER
    edition, ids = _sending(network)
    now = timezone.now

    def slow_first(message):
        if not mail.outbox:
            # The server takes a whole lease to accept the first message: the sweep judges the
            # sender dead, and another sender takes three of its deliveries meanwhile.
            monkeypatch.setattr(timezone, "now", lambda: now() + sending.lease())
            Delivery.objects.filter(pk__in=ids[1:4]).update(
                leased_until=timezone.now() + sending.lease()
            )

    monkeypatch.setattr(Server, "before", staticmethod(slow_first))
    sending.batch_send(edition.pk, ids)
    emails = dict(Delivery.objects.values_list("pk", "subscriber__email"))
    assert [m.to[0] for m in mail.outbox] == [emails[pk] for pk in [ids[0], *ids[4:]]]
    taken = Delivery.objects.filter(pk__in=ids[1:4], status=Delivery.Status.PENDING)
    assert taken.count() == 3  # theirs to send
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENDING


def test_the_sweep_does_not_close_an_edition_whose_deliveries_are_not_written(network):
    edition = make_edition(network)
    make_subscribers(3, network)
    Edition.objects.filter(pk=edition.pk).update(
        status=Edition.Status.SENDING, started_at=timezone.now()
    )
    tasks.sweep()
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENDING


def test_the_sweep_sends_what_a_dead_sender_held(network, settings):
    edition, ids = _sending(network)
    Edition.objects.filter(pk=edition.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    # A sender leased them, then died: its lease has run out.
    Delivery.objects.filter(pk__in=ids).update(
        leased_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert tasks.sweep() == 6  # eager in tests: sent at once
    assert len(mail.outbox) == 6
    assert Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT


def test_an_unreachable_server_pauses_the_sending(network, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    edition, ids = _sending(network)
    sending.batch_send(edition.pk, ids)
    edition.refresh_from_db()
    assert "suspendu de lui-même" in edition.paused_reason
    assert Delivery.objects.filter(pk__in=ids, status="pending", leased_until=None).count() == 6


def test_a_member_taking_an_imported_address_keeps_one_row_and_the_stricter_choice(reader):
    Subscriber.objects.create(email="b@armor.example", status=Subscriber.Status.UNSUBSCRIBED)
    reader.email = "b@armor.example"
    reader.save()
    rows = Subscriber.objects.filter(email="b@armor.example")
    assert rows.count() == 1
    assert rows.get().user == reader and rows.get().status == Subscriber.Status.UNSUBSCRIBED
