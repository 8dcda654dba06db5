"""One render per version, whatever the number of readers asking at once; a time limit that
stops a pathological document instead of holding a worker. On real PostgreSQL, Redis and
Celery workers."""

import email
import email.policy
import threading
import time

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from guides import pdf, services
from guides.models import Event, Version
from tests.conftest import require_service


@pytest.fixture
def renders(monkeypatch):
    """Counts the renders, each made a little slow so that they would overlap."""
    real, calls = pdf.render, []

    def counting(version):
        calls.append(version.pk)
        time.sleep(0.5)
        return real(version)

    monkeypatch.setattr(pdf, "render", counting)
    return calls


def _together(count, work, timeout: float = 180):
    """Run `work` in `count` threads released at the same instant; their results, in order.
    Fails, saying why, if a thread raised or had not finished within `timeout` s."""
    barrier, results, errors = threading.Barrier(count), [None] * count, []

    def run(index):
        try:
            barrier.wait()
            results[index] = work()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(deadline - time.monotonic(), 0))
    if errors or any(thread.is_alive() for thread in threads):
        pytest.fail(f"threads not done within {timeout} s, or failed: {errors!r}")
    return results


@pytest.fixture
def on_postgresql(transactional_db):
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "concurrent claims need a real database")


def test_concurrent_renders_claim_the_version_once(on_postgresql, draft, coordinator, renders):
    version = services.publish(by=coordinator, guide=draft)  # eager: rendered once already
    Version.objects.filter(pk=version.pk).update(pdf_state=Version.PDF.PENDING, pdf="")
    renders.clear()
    won = _together(8, lambda: services.pdf_render(Version.objects.get(pk=version.pk)))
    assert won.count(True) == 1
    assert renders == [version.pk]
    assert Version.objects.get(pk=version.pk).pdf_state == Version.PDF.READY


def test_readers_asking_at_once_share_one_render_by_the_worker(
    celery_worker, on_postgresql, draft, coordinator, reader, renders, settings
):
    settings.RSE_PDF_WAIT_SECONDS = 120  # each reader waits for the render, however slow
    version = services.publish(by=coordinator, guide=draft)  # the worker starts rendering
    url = reverse("guides:pdf", args=[draft.slug])

    def download():
        client = Client()
        client.force_login(reader)
        response = client.get(url)
        return response.status_code, b"".join(response.streaming_content)

    answers = _together(6, download)
    assert {status for status, _ in answers} == {200}
    assert len({body for _, body in answers}) == 1  # the same file for everyone
    assert answers[0][1].startswith(b"%PDF-")
    assert renders == [version.pk]


# --- Time limits, on a real prefork worker process -------------------------------------------


def _publish_and_wait_for_the_render(coordinator, draft, timeout: float = 180) -> Version:
    """Publish `draft`; its version once the worker's render has ended, however it ended."""
    version = services.publish(by=coordinator, guide=draft)
    deadline = time.monotonic() + timeout
    while Version.objects.get(pk=version.pk).pdf_state in ("pending", "rendering"):
        assert time.monotonic() < deadline, f"the render was not stopped within {timeout} s"
        time.sleep(0.2)
    version.refresh_from_db()
    return version


def _assert_failed_and_told(version, draft, ambassador, smtp_server):
    """The version failed for being too long, and its author got the French e-mail, once."""
    assert version.pdf_state == Version.PDF.FAILED
    assert "a dépassé 2 secondes" in version.pdf_error
    assert draft.events.filter(kind=Event.Kind.PDF_FAILED).count() == 1
    # Two e-mails to the author: "published", and what happened and what to do.
    received = [
        email.message_from_bytes(m.content, policy=email.policy.default)
        for m in smtp_server.wait_for(2)
    ]
    failed = [m for m in received if "n'a pas pu être produit" in m["Subject"]]
    assert len(failed) == 1 and failed[0]["To"] == ambassador.email
    assert "allégez-le" in failed[0].get_body(("plain",)).get_content()


def test_a_pathological_document_fails_within_the_time_limit(
    smtp_server, worker_processes, draft, ambassador, coordinator, settings
):
    settings.RSE_PDF_TIME_LIMIT = 2  # as the web processes and the worker read it
    worker_processes.start(RSE_PDF_TIME_LIMIT=2)
    rows = "".join(
        f"<tr><td>{n}</td><td>{'mot ' * 30}</td><td>{'case ' * 20}</td></tr>" for n in range(8000)
    )
    services.draft_save(
        by=ambassador,
        guide=draft,
        revision=draft.revision,
        body=f"<h2>Annexe</h2><table><tbody>{rows}</tbody></table>",
    )
    # Stopped by the soft limit, or by the hard one (2 + 30 s) when WeasyPrint holds on to it.
    version = _publish_and_wait_for_the_render(coordinator, draft)
    _assert_failed_and_told(version, draft, ambassador, smtp_server)


def test_a_render_past_its_soft_time_limit_stops_and_its_authors_are_told(
    smtp_server, worker_processes, draft, ambassador, coordinator, settings
):
    settings.RSE_PDF_TIME_LIMIT = 2
    worker = worker_processes.start(RSE_PDF_TIME_LIMIT=2, imports=["tests.guides.pdf_engine_slow"])
    version = _publish_and_wait_for_the_render(coordinator, draft)
    _assert_failed_and_told(version, draft, ambassador, smtp_server)
    log = worker_processes.log(worker)
    assert "Soft time limit (2s) exceeded" in log
    assert "Hard time limit" not in log  # the render stopped itself


def test_a_render_deaf_to_its_soft_time_limit_is_stopped_at_the_hard_limit_and_told(
    smtp_server, worker_processes, draft, ambassador, coordinator, settings
):
    """The engine swallows the soft limit (or is stuck in C code): the hard limit kills its
    pool process, and the version is marked failed at once, its authors told, instead of
    staying "being rendered" until someone asks again minutes later."""
    settings.RSE_PDF_TIME_LIMIT = 2
    worker = worker_processes.start(RSE_PDF_TIME_LIMIT=2, imports=["tests.guides.pdf_engine_deaf"])
    version = _publish_and_wait_for_the_render(coordinator, draft)
    assert "Hard time limit (32s) exceeded" in worker_processes.log(worker)
    _assert_failed_and_told(version, draft, ambassador, smtp_server)
