"""PostgreSQL or Redis cut and restored in the middle of a sending or a render: the work
finishes by itself (workers and celery beat, real processes), nobody acting."""

import threading
from collections import Counter

from newsletter import services
from newsletter.models import Delivery, Edition
from solimut_rse.celery import app as celery_app
from tests.newsletter.conftest import make_edition, make_subscribers

from .conftest import use_broker, wait_until

SUBSCRIBERS = 400
LEASE = {"RSE_NEWSLETTER_LEASE_SECONDS": 3}


def _sending(smtp_server, network, settings) -> Edition:
    settings.RSE_NEWSLETTER_LEASE_SECONDS = 3
    make_subscribers(SUBSCRIBERS, network)
    smtp_server.delay = 0.004  # slow enough to be cut in the middle
    return make_edition(network)


def _everyone_received_it(smtp_server, edition):
    wait_until(
        lambda: Edition.objects.get(pk=edition.pk).status == Edition.Status.SENT,
        180,
        "the sending did not finish by itself",
        every=0.2,
    )
    assert not Delivery.objects.exclude(status=Delivery.Status.SENT).exists()
    received = Counter(envelope.rcpt_tos[0] for envelope in smtp_server.messages)
    assert len(received) == SUBSCRIBERS
    return received


def test_a_sending_cut_from_postgresql_midway_finishes_by_itself(
    smtp_server, worker_processes, database_relay, beat, network, settings
):
    edition = _sending(smtp_server, network, settings)
    worker_processes.start(**LEASE)
    beat(**LEASE)
    services.start(edition)
    wait_until(lambda: len(smtp_server.messages) >= 100, 60, "the sending did not start")
    database_relay.cut()
    at_cut = len(smtp_server.messages)
    threading.Timer(2.0, database_relay.restore).start()
    assert at_cut < SUBSCRIBERS
    received = _everyone_received_it(smtp_server, edition)
    # Only a message accepted by the server at the very moment of the cut, not yet marked as
    # sent, can go out twice.
    assert sum(count - 1 for count in received.values()) <= 1


def test_a_sending_cut_from_redis_midway_finishes_by_itself(
    smtp_server, worker_processes, own_redis, beat, network, settings
):
    edition = _sending(smtp_server, network, settings)
    own_redis.start()
    worker_processes.env["REDIS_URL"] = own_redis.url
    previous = celery_app.conf.broker_url
    use_broker(own_redis.url)
    try:
        worker_processes.start(**LEASE)
        beat(**LEASE)
        services.start(edition)
        wait_until(lambda: len(smtp_server.messages) >= 100, 60, "the sending did not start")
        own_redis.stop()  # the queued batches are lost with it
        at_cut = len(smtp_server.messages)
        threading.Timer(2.0, own_redis.start).start()
        assert at_cut < SUBSCRIBERS
        received = _everyone_received_it(smtp_server, edition)
        assert sum(count - 1 for count in received.values()) <= 1
    finally:
        use_broker(previous)
