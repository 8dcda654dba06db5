"""The approved minutes' PDF: rendered once by a real Celery worker, stored, served from the
store; before approval, a draft printed on request and marked as such. The participants are
told of proposed minutes once, however many times the task runs."""

import datetime
import subprocess

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from reunions import services, tasks
from reunions.models import Meeting


def _text(content: bytes, tmp_path) -> str:
    path = tmp_path / "cr.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def _approve(meeting, by):
    services.minutes_propose(by=by, meeting=meeting, text=meeting.minutes, days=3)
    Meeting.objects.filter(pk=meeting.pk).update(
        remarks_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    meeting.refresh_from_db()
    return services.minutes_approve(by=by, meeting=meeting)


def test_approved_minutes_are_rendered_once_by_the_worker_and_served_stored(
    client, celery_worker, ambassador, reader, past, poppler, tmp_path, settings
):
    client.force_login(reader)
    draft = client.get(reverse("reunions:minutes_pdf", args=[past.pk]))
    assert draft["Content-Disposition"].endswith('-projet.pdf"')
    assert "PROJET" in _text(draft.content, tmp_path)

    _approve(past, ambassador)
    celery_worker.wait_idle()
    past.refresh_from_db()
    assert past.minutes_pdf.name.startswith("reunions/pdf/compte-rendu-")
    stored = past.minutes_pdf.read()
    past.minutes_pdf.close()

    response = client.get(reverse("reunions:minutes_pdf", args=[past.pk]))
    served = b"".join(response.streaming_content)
    assert served == stored
    assert response["Content-Disposition"].startswith("attachment")
    text = _text(served, tmp_path)
    assert "Lancement du guide" in text and "Tour de table" in text
    assert "Approuvé le" in text and "PROJET" not in text

    # The task delivered again renders nothing more: the stored file stays.
    tasks.render_minutes.delay(past.pk)
    celery_worker.wait_idle()
    past.refresh_from_db()
    assert past.minutes_pdf.read() == stored
    past.minutes_pdf.close()
    assert len(list((settings.MEDIA_ROOT / "reunions" / "pdf").iterdir())) == 1
    assert services.minutes_pdf_render(past.pk) is False


def test_before_the_worker_stored_it_the_reader_is_told_to_wait(client, ambassador, reader, past):
    # Approved, its render not run yet (the test's transaction never commits).
    _approve(past, ambassador)
    assert not Meeting.objects.get(pk=past.pk).minutes_pdf
    client.force_login(reader)
    response = client.get(reverse("reunions:minutes_pdf", args=[past.pk]), follow=True)
    assert "en cours de production" in response.content.decode()


def test_the_participants_are_told_once_per_proposal(
    ambassador, reader, past, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_propose(by=ambassador, meeting=past, text=past.minutes, days=3)
    assert {m.to[0] for m in mail.outbox} == {reader.email, ambassador.email}
    # Delivered twice (a broker redelivery, the outbox flushed again): nothing more.
    assert services.minutes_notify(past.pk) == 0
    assert tasks.notify_minutes(past.pk) == 0
    assert len(mail.outbox) == 2
    # Proposed again with another period: told again, once.
    mail.outbox.clear()
    services.minutes_propose(by=ambassador, meeting=past, text=past.minutes, days=7)
    assert services.minutes_notify(past.pk) == 2
    assert services.minutes_notify(past.pk) == 0
    assert len(mail.outbox) == 2


def test_minutes_approved_twice_are_refused_in_french(ambassador, past):
    meeting = _approve(past, ambassador)
    with pytest.raises(ValidationError) as refused:
        services.minutes_approve(by=ambassador, meeting=meeting)
    assert refused.value.messages == ["Ce compte rendu est déjà approuvé."]
    assert Meeting.objects.get(pk=past.pk).approved_at == meeting.approved_at
