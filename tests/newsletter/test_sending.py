"""Sending for real: Celery workers on Redis, an SMTP server (aiosmtpd), counted at the server."""

import time
import urllib.parse
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from newsletter import tasks
from newsletter.models import Delivery, Edition, Subscriber
from newsletter.services import sending

from .conftest import make_edition, make_subscribers, parse


def _wait_until(condition, timeout: float, message):
    """Poll `condition` until it holds; fail with `message()` once `timeout` s have passed."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"after {timeout} s: {message()}"
        time.sleep(0.1)


def _wait_sent(edition, timeout=180):
    _wait_until(
        lambda: Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT,
        timeout,
        lambda: f"not sent yet: {sending.progress(edition)}",
    )


def test_a_thousand_subscribers_get_it_once_with_their_local_part(
    smtp_server, celery_worker, network, coordinator, settings
):
    make_subscribers(1000, network)
    everyone = set(Subscriber.objects.values_list("email", flat=True))
    assert len(everyone) == 1001  # the coordinator is a member, hence a subscriber
    edition = make_edition(network)
    sending.edition_send(by=coordinator, edition=edition)
    _wait_sent(edition)
    celery_worker.wait_idle()  # nothing more can come: every message is in
    received = [parse(m) for m in smtp_server.messages]
    recipients = Counter(message["To"] for message in received)
    assert set(recipients) == everyone and set(recipients.values()) == {1}
    assert len({message["Message-ID"] for message in received}) == 1001
    for message in received:
        address = message["To"]
        if address == coordinator.email:
            continue  # no mutuelle: the common part only
        slug = address.split("@")[1].split(".")[0]
        html = message.get_body(("html",)).get_content()
        text = message.get_body(("plain",)).get_content()
        assert "PARTIE-COMMUNE" in html and "PARTIE-COMMUNE" in text
        assert f"LOCAL-{slug}-FIN" in html
        assert sum(f"LOCAL-{m.slug}-FIN" in html for m in network) == 1  # only theirs
        subscriber = Subscriber.objects.get(email=address)
        assert message["List-Unsubscribe"].strip() == (
            f"<{settings.SITE_URL}/newsletter/unsubscribe/{subscriber.token}/>"
        )
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    delivery = Delivery.objects.get(subscriber__email=received[0]["To"])
    assert delivery.message_id == received[0]["Message-ID"]
    assert sending.progress(edition) == {
        "total": 1001,
        "sent": 1001,
        "failed": 0,
        "pending": 0,
        "percent": 100,
    }


def test_no_tracking_pixel_and_no_rewritten_link(smtp_server, celery_worker, network, settings):
    make_subscribers(1, network)
    edition = make_edition(network)
    sending.start(edition)
    html = parse(smtp_server.wait_for(1)[0]).get_body(("html",)).get_content()
    images = html.split("<img")[1:]
    assert (
        len(images) == 1 and "logo-email.png" in images[0] and 'alt="Groupe Solimut"' in images[0]
    )
    links = [urllib.parse.urlsplit(href) for href in _hrefs(html)]
    assert links and all(f"{u.scheme}://{u.netloc}" == settings.SITE_URL for u in links)
    assert not any("utm_" in u.query or "track" in u.path for u in links)


def _hrefs(html):
    import re

    return re.findall(r'href="([^"]+)"', html)


def test_pressing_send_twice_sends_once(smtp_server, celery_worker, network, coordinator):
    make_subscribers(40, network)
    edition = make_edition(network)
    sending.edition_send(by=coordinator, edition=edition)
    with pytest.raises(ValidationError):
        sending.edition_send(by=coordinator, edition=edition)
    _wait_sent(edition)
    celery_worker.wait_idle()  # a second sending, had it been queued, would have run by now
    assert len(smtp_server.messages) == Subscriber.objects.count() == 41  # with the coordinator


def test_temporary_failures_are_retried_and_permanent_ones_bounce(
    smtp_server, celery_worker, network, settings
):
    settings.RSE_NEWSLETTER_RETRY_SECONDS = 0
    make_subscribers(30, network)
    edition = make_edition(network)
    tries = Counter()

    def answer(envelope):
        address = envelope.rcpt_tos[0]
        tries[address] += 1
        if address.startswith("salarie1@"):
            return "550 5.1.1 Cette boîte n'existe pas"
        if address.startswith("salarie2") and tries[address] <= 2:
            return "451 4.3.0 Réessayez plus tard"
        return "250 OK"

    smtp_server.answer = answer
    sending.start(edition)
    _wait_sent(edition)
    celery_worker.wait_idle()
    delivered = {m.rcpt_tos[0] for m in smtp_server.messages}
    assert len(delivered) == 29 and len(smtp_server.messages) == 29
    retried = [a for a in tries if a.startswith("salarie2")]
    assert retried and all(tries[a] == 3 for a in retried)  # two 451, then accepted
    bounced = Subscriber.objects.get(email__startswith="salarie1@")
    assert bounced.status == Subscriber.Status.BOUNCED
    failure = Delivery.objects.get(subscriber=bounced)
    assert failure.status == Delivery.Status.FAILED and failure.error.startswith("550")


def test_sending_pauses_itself_when_the_server_refuses_and_resumes(
    smtp_server, celery_worker, network, coordinator, settings, client
):
    settings.RSE_NEWSLETTER_PAUSE_AFTER = 5
    settings.RSE_NEWSLETTER_RETRY_SECONDS = 3600  # nothing comes back on its own
    make_subscribers(20, network)
    edition = make_edition(network)
    smtp_server.answer = lambda envelope: "421 4.7.0 Trop de messages, ralentissez"
    sending.start(edition)
    _wait_until(
        lambda: Edition.objects.get(pk=edition.pk).paused_reason,
        120,
        lambda: f"the sending did not pause: {sending.progress(edition)}",
    )
    client.force_login(coordinator)
    page = client.get(edition.get_absolute_url()).content.decode()
    assert "suspendu de lui-même après 5 échecs de suite" in page and "421" in page

    smtp_server.answer = None  # the server is fine again
    Delivery.objects.filter(edition=edition).update(leased_until=None)
    client.post(f"/newsletter/{edition.number}/reprendre/")
    _wait_sent(edition)
    assert len({m.rcpt_tos[0] for m in smtp_server.messages}) == Subscriber.objects.count()


def test_a_worker_killed_mid_send_loses_no_one(smtp_server, worker_processes, network, settings):
    settings.RSE_NEWSLETTER_LEASE_SECONDS = 3
    make_subscribers(600, network)
    edition = make_edition(network)
    smtp_server.hold_after(150)  # the worker is surely in the middle when it is killed
    worker = worker_processes.start(RSE_NEWSLETTER_LEASE_SECONDS=3)
    sending.start(edition)
    smtp_server.wait_for(150, timeout=120)
    worker_processes.kill(worker)
    smtp_server.release()
    assert Delivery.objects.filter(edition=edition, status=Delivery.Status.PENDING).exists()

    worker_processes.start(RSE_NEWSLETTER_LEASE_SECONDS=3)
    _sweep_until_sent(edition)
    received = Counter(m.rcpt_tos[0] for m in smtp_server.messages)
    assert len(received) == 600  # everyone
    twice = [address for address, count in received.items() if count > 1]
    assert len(twice) <= 1  # at most the one in flight at the kill
    message_ids = {}
    for envelope in smtp_server.messages:
        message = parse(envelope)
        message_ids.setdefault(message["To"], set()).add(message["Message-ID"])
    assert all(len(ids) == 1 for ids in message_ids.values())  # one Message-ID each


def _sweep_until_sent(edition, timeout=180):
    """What celery beat does every minute, here once a lease period, until the edition is
    sent: the dead worker's leases run out when they do, however slow the machine, and the
    sweep that comes next hands its deliveries to the live worker."""
    period = sending.lease().total_seconds()
    next_sweep = time.monotonic()

    def sent():
        nonlocal next_sweep
        if Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT:
            return True
        if time.monotonic() >= next_sweep:
            tasks.sweep.delay()
            next_sweep = time.monotonic() + period
        return False

    _wait_until(sent, timeout, lambda: f"not sent yet: {sending.progress(edition)}")


def test_the_unsubscribe_link_of_the_received_mail_works(smtp_server, celery_worker, network):
    make_subscribers(1, network)
    sending.start(make_edition(network))
    message = parse(smtp_server.wait_for(1)[0])
    url = urllib.parse.urlsplit(message["List-Unsubscribe"].strip().strip("<>")).path
    anonymous = Client()
    page = anonymous.get(url)  # a mail scanner following the link
    assert page.status_code == 200 and "Me désabonner" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.SUBSCRIBED
    one_click = anonymous.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
