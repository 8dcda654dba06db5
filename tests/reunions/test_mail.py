"""Invitations, changes and reminders for real: the outbox hands the task to a Celery worker
on Redis, which sends to an SMTP server (aiosmtpd); read at the server."""

import datetime
import email
import email.policy

import icalendar
import pytest
from django.utils import timezone

from reunions import services, tasks
from reunions.models import Meeting

from .conftest import at

pytestmark = pytest.mark.services


def _parse(envelope) -> email.message.EmailMessage:
    return email.message_from_bytes(envelope.content, policy=email.policy.default)


def _calendar(message) -> icalendar.Calendar:
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    return icalendar.Calendar.from_ical(part.get_content())


def test_the_invitation_and_its_change_reach_the_invitees_with_their_ics(
    smtp_server, celery_worker, ambassador, reader, group
):
    meeting = services.meeting_save(
        by=ambassador,
        group=group,
        title="Atelier clauses",
        starts_at=at(4, 14),
        ends_at=at(4, 15),
        invitees=[reader],
    )
    [received] = smtp_server.wait_for(1)
    assert received.rcpt_tos == [reader.email]
    message = _parse(received)
    assert message["Subject"] == "Invitation : Atelier clauses"
    text = message.get_body(("plain",)).get_content()
    assert f"/agenda/reunions/{meeting.pk}/" in text
    invitation = _calendar(message)
    assert invitation["METHOD"] == "REQUEST"
    [event] = invitation.walk("VEVENT")
    assert event.decoded("DTSTART") == at(4, 14)

    services.meeting_save(
        by=ambassador,
        meeting=meeting,
        group=group,
        title="Atelier clauses",
        starts_at=at(4, 16),
        ends_at=at(4, 17),
        invitees=[reader],
    )
    smtp_server.wait_for(2)
    celery_worker.wait_idle()
    assert len(smtp_server.messages) == 2  # one invitation, one change: nothing twice
    [update] = _calendar(_parse(smtp_server.messages[1])).walk("VEVENT")
    assert (update["UID"], update["SEQUENCE"]) == (event["UID"], event["SEQUENCE"] + 1)
    assert update.decoded("DTSTART") == at(4, 16)


def test_the_reminder_goes_the_day_before_to_those_who_did_not_decline(
    smtp_server, celery_worker, ambassador, reader, group
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    starts = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9, 30)))
    meeting = services.meeting_save(
        by=ambassador,
        group=group,
        title="Point du matin",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        invitees=[reader, ambassador],
    )
    services.invitation_answer(by=ambassador, meeting=meeting, answer="no")
    smtp_server.wait_for(2)  # the invitations
    celery_worker.wait_idle()
    tasks.send_reminders.delay()
    tasks.send_reminders.delay()  # beat twice: reminded once
    celery_worker.wait_idle()
    reminders = [_parse(m) for m in smtp_server.messages[2:]]
    assert [m["To"] for m in reminders] == [reader.email]
    assert reminders[0]["Subject"] == "Demain : Point du matin"
    assert "demain à 09:30" in reminders[0].get_body(("plain",)).get_content()
    assert Meeting.objects.get(pk=meeting.pk).reminded_at is not None
