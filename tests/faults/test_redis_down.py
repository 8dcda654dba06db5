"""Faults: with Redis down, pages render and members sign in; a write that committed never
answers 500, and what it asked for (an e-mail) goes out once Redis is back."""

import json
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import outbox
from core.cache import ForgivingRedisCache
from core.models import OutboxMessage
from initiatives.models import Comment, Initiative
from solimut_rse.celery import app as celery_app
from solimut_rse.celery import queues
from tests.faults.conftest import use_broker


@pytest.fixture
def cache_down(settings, own_redis):
    """The cache points at a Redis that is not running."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ForgivingRedisCache",
            "LOCATION": own_redis.url.replace("/0", "/1"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    ForgivingRedisCache._down_until = 0.0
    yield
    ForgivingRedisCache._down_until = 0.0


def test_with_the_cache_down_members_sign_in_and_pages_render(
    client, cache_down, ambassador, mutuelle
):
    ambassador.set_password("un mot de passe solide")
    ambassador.save()
    assert client.get(reverse("account_login")).status_code == 200
    response = client.post(
        reverse("account_login"), {"login": ambassador.email, "password": "un mot de passe solide"}
    )
    assert response.status_code == 302
    pages = [
        "home",
        "initiatives:list",
        "actionplan:plan",
        "actionplan:my_mutuelle",
        "guides:list",
        "ambassadeurs:directory",
        "newsletter:archive",
    ]
    for name in pages:
        assert client.get(reverse(name)).status_code == 200, name


def test_healthz_says_which_service_is_down(client, db, cache_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = json.loads(response.content)["checks"]
    assert checks["database"] == "ok"
    assert checks["cache"].startswith("error")


@pytest.mark.django_db(transaction=True)
def test_a_comment_saved_while_the_broker_is_down_answers_once_and_is_notified_later(
    client, own_redis, smtp_server, ambassador, reader, mutuelle
):
    from celery.contrib.testing.worker import start_worker

    initiative = Initiative.objects.create(
        mutuelle=mutuelle, author=ambassador, title="Défi vélo", summary="…", is_published=True
    )
    previous = celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    use_broker(own_redis.url)  # not started: the broker is down
    try:
        client.force_login(reader)
        response = client.post(
            reverse("initiatives:comment", args=[initiative.pk]), {"text": "Bravo !"}
        )
        assert response.status_code == 302  # saved, and said so: no 500 after the commit
        assert Comment.objects.filter(initiative=initiative).count() == 1
        waiting = OutboxMessage.objects.get()
        assert waiting.sent_at is None and waiting.done_at is None
        assert smtp_server.messages == []

        own_redis.start()  # the broker is back; beat's flush hands the task over again
        with start_worker(celery_app, pool="solo", queues=queues(), perform_ping_check=False):
            assert outbox.flush() == 1
            received = smtp_server.wait_for(1, timeout=20)
            assert len(received) == 1 and received[0].rcpt_tos == [ambassador.email]
            deadline = time.monotonic() + 10
            while OutboxMessage.objects.get().done_at is None:
                assert time.monotonic() < deadline, "the task ran but its row is not done"
                time.sleep(0.05)
        assert outbox.flush() == 0  # nothing left to hand over
    finally:
        use_broker(previous)
        celery_app.conf.task_always_eager = True


def test_a_task_the_broker_lost_is_handed_over_again_then_abandoned(db, settings):
    settings.RSE_OUTBOX_LOST_AFTER_SECONDS = 60
    long_ago = timezone.now() - timedelta(minutes=5)
    harmless = {"task": "guides.tasks.notify_event", "args": [0]}  # no such event: no e-mail

    def row(**fields):
        return OutboxMessage.objects.create(**harmless, **fields)

    lost = row(attempts=1, sent_at=long_ago)
    queued = row(attempts=1, sent_at=timezone.now())  # may still wait in its queue
    worn = row(attempts=settings.RSE_OUTBOX_MAX_ATTEMPTS, sent_at=long_ago)
    assert outbox.flush() == 1
    for message in (lost, queued, worn):
        message.refresh_from_db()
    assert lost.done_at is not None and lost.attempts == 2  # ran in-process (eager) this time
    assert queued.done_at is None and queued.attempts == 1
    assert worn.abandoned_at is not None and worn.done_at is None


def test_administrators_see_what_waits_in_the_outbox(client, admin_user):
    OutboxMessage.objects.create(task="guides.tasks.render_pdf", args=[7])
    client.force_login(admin_user)
    page = client.get("/admin/core/outboxmessage/")
    assert page.status_code == 200 and "guides.tasks.render_pdf" in page.text
    assert client.get("/admin/core/outboxmessage/add/").status_code == 403  # a record, not a form
