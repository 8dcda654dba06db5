"""PostgreSQL or Redis cut and restored in the middle of a sending or a render: the work
finishes by itself (workers and celery beat, real processes), nobody acting."""

import threading
from collections import Counter

from core.models import OutboxMessage
from guides import services as guide_services
from guides.models import Event, Version
from newsletter.models import Delivery, Edition
from newsletter.services import sending
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
    sending.start(edition)
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
        sending.start(edition)
        wait_until(lambda: len(smtp_server.messages) >= 100, 60, "the sending did not start")
        own_redis.stop()  # the queued batches are lost with it
        at_cut = len(smtp_server.messages)
        threading.Timer(2.0, own_redis.start).start()
        assert at_cut < SUBSCRIBERS
        received = _everyone_received_it(smtp_server, edition)
        assert sum(count - 1 for count in received.values()) <= 1
    finally:
        use_broker(previous)


def _heavy_guide(draft, ambassador):
    """A guide whose PDF takes a few seconds to lay out: time enough to cut in the middle."""
    rows = "".join(f"<tr><td>{n}</td><td>{'mot ' * 20}</td></tr>" for n in range(1500))
    guide_services.draft_save(
        by=ambassador,
        guide=draft,
        revision=draft.revision,
        body=f"<h2>Annexe</h2><table><tbody>{rows}</tbody></table>",
    )


def _rendered(version) -> bool:
    version.refresh_from_db()
    assert version.pdf_state != Version.PDF.FAILED, version.pdf_error
    return version.pdf_state == Version.PDF.READY


def test_a_render_cut_from_postgresql_midway_finishes_by_itself(
    worker_processes, database_relay, draft, ambassador, coordinator
):
    _heavy_guide(draft, ambassador)
    worker_processes.start()
    version = guide_services.publish(by=coordinator, guide=draft)
    wait_until(
        lambda: Version.objects.get(pk=version.pk).pdf_state == Version.PDF.RENDERING,
        60,
        "the render did not start",
    )
    database_relay.cut()  # the worker's connection is gone while it lays the PDF out
    threading.Timer(2.0, database_relay.restore).start()
    wait_until(lambda: _rendered(version), 180, "the render did not finish by itself", every=0.2)
    assert version.pdf.size > 10_000
    assert not Event.objects.filter(kind=Event.Kind.PDF_FAILED).exists()  # nobody was told


def test_a_render_lost_with_redis_is_handed_over_again_by_the_outbox(
    worker_processes, own_redis, beat, draft, ambassador, coordinator
):
    own_redis.start()
    worker_processes.env["REDIS_URL"] = own_redis.url
    previous = celery_app.conf.broker_url
    use_broker(own_redis.url)
    try:
        version = guide_services.publish(by=coordinator, guide=draft)  # queued, no worker yet
        message = OutboxMessage.objects.get(task="guides.tasks.render_pdf")
        assert message.sent_at is not None
        own_redis.stop()  # Redis restarts empty: the queued render is lost with it
        own_redis.start()
        worker_processes.start(RSE_OUTBOX_LOST_AFTER_SECONDS=2)  # the flush runs in a worker
        beat()
        wait_until(lambda: _rendered(version), 120, "the lost render was never handed over")
        # The row is marked done once the task has returned (task_success), a moment after the
        # render's own commit: wait for it rather than read it at once.
        wait_until(
            lambda: OutboxMessage.objects.get(pk=message.pk).done_at is not None,
            60,
            "the outbox row of the render was never marked done",
        )
        message.refresh_from_db()
        assert message.attempts == 2
    finally:
        use_broker(previous)
