"""The .ics files, read back by the icalendar library as a calendar application would."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from reunions import services

from .conftest import at


def _event(content: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(content)
    [event] = calendar.walk("VEVENT")
    return event


def _attached_calendar(message) -> bytes:
    [(_name, content, mimetype)] = message.attachments
    assert mimetype.startswith("text/calendar")
    return content if isinstance(content, bytes) else content.encode()


def test_a_meetings_ics_is_in_paris_time_and_links_back(client, reader, meeting):
    client.force_login(reader)
    response = client.get(reverse("reunions:meeting_ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    event = _event(response.content)
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Paris"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert (start.hour, event.decoded("DTEND").hour) == (14, 16)
    assert start == at(7, 14)
    assert str(event["SUMMARY"]) == "Relecture des clauses"
    assert str(event["LOCATION"]) == "Salle Garonne"
    assert str(event["URL"]).endswith(f"/agenda/reunions/{meeting.pk}/")
    assert str(event["STATUS"]) == "CONFIRMED"


def test_invitations_updates_and_cancellation_share_a_uid_and_bump_the_sequence(
    ambassador, reader, group, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_save(
            by=ambassador,
            group=group,
            title="Point d'étape",
            starts_at=at(3, 9),
            ends_at=at(3, 10),
            invitees=[reader],
        )
    invitation = _attached_calendar(mail.outbox[-1])
    assert icalendar.Calendar.from_ical(invitation)["METHOD"] == "REQUEST"
    first = _event(invitation)
    assert mail.outbox[-1].to == [reader.email]
    assert "Invitation" in mail.outbox[-1].subject

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_save(
            by=ambassador,
            meeting=meeting,
            group=group,
            title="Point d'étape",
            starts_at=at(3, 11),
            ends_at=at(3, 12),
            invitees=[reader],
        )
    update = _event(_attached_calendar(mail.outbox[-1]))
    assert "Modifiée" in mail.outbox[-1].subject
    assert update["UID"] == first["UID"]
    assert update["SEQUENCE"] == first["SEQUENCE"] + 1
    assert update.decoded("DTSTART").hour == 11

    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(by=ambassador, meeting=meeting)
    content = _attached_calendar(mail.outbox[-1])
    assert icalendar.Calendar.from_ical(content)["METHOD"] == "CANCEL"
    cancelled = _event(content)
    assert cancelled["UID"] == first["UID"]
    assert cancelled["SEQUENCE"] == first["SEQUENCE"] + 2
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert len(mail.outbox) == 3  # one message per change, to the one invitee


def test_sending_twice_sends_nothing_more(meeting, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    services.invitations_send(meeting.pk)
    sent = len(mail.outbox)
    assert sent == 2  # the reader and the lead
    assert services.invitations_send(meeting.pk) == 0
    assert len(mail.outbox) == sent


def test_the_feed_lists_my_meetings_and_a_reset_kills_the_old_url(
    client, reader, other_ambassador, meeting
):
    client.force_login(reader)
    client.get(reverse("reunions:agenda"))  # the feed's address is made for the agenda page
    token = services.feed_token(reader).token
    client.logout()  # calendar applications have no session
    url = reverse("reunions:feed", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Relecture des clauses"]

    # Someone outside the group: the group's meeting is not in their feed.
    other = services.feed_token(other_ambassador).token
    outside = icalendar.Calendar.from_ical(
        client.get(reverse("reunions:feed", args=[other])).content
    )
    assert outside.walk("VEVENT") == []

    client.force_login(reader)
    response = client.post(reverse("reunions:feed_reset"), follow=True)
    assert "ne fonctionne plus" in response.content.decode()
    new = services.feed_token(reader).token
    assert new != token
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get(reverse("reunions:feed", args=[new])).status_code == 200


@pytest.mark.parametrize("days", [-10, 40])
def test_the_month_view_shows_a_meeting_in_its_day(client, reader, group, ambassador, days):
    meeting = services.meeting_save(
        by=ambassador,
        group=group,
        title="Réunion du mois",
        starts_at=at(days, 9),
        ends_at=at(days, 10),
        invitees=[reader],
    )
    client.force_login(reader)
    month = meeting.starts_at.astimezone(datetime.UTC).strftime("%Y-%m")
    page = client.get(reverse("reunions:agenda"), {"vue": "mois", "mois": month}).content.decode()
    assert "Réunion du mois" in page
    assert f'href="{meeting.get_absolute_url()}"' in page
