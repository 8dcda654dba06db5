"""Meetings as iCalendar (RFC 5545): one event per meeting, its UID for life and its SEQUENCE
bumped at each change, times in Europe/Paris with the zone's VTIMEZONE, a link back to the
meeting page; METHOD:REQUEST for an invitation or an update, CANCEL for a cancellation."""

import datetime
import zoneinfo
from collections.abc import Iterable
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils import timezone

from .models import Meeting

PRODID = "-//Groupe Solimut//Intranet RSE//FR"
REQUEST, CANCEL = "REQUEST", "CANCEL"


def uid(meeting: Meeting) -> str:
    return f"{meeting.uid}@solimut-rse"


def _organizer() -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    address.params["CN"] = icalendar.vText("Solimut RSE")
    return address


def event(meeting: Meeting, attendee=None) -> icalendar.Event:
    paris = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    url = f"{settings.SITE_URL}{meeting.get_absolute_url()}"
    item = icalendar.Event()
    item.add("uid", uid(meeting))
    item.add("sequence", meeting.sequence)
    item.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    item.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    item.add("dtstart", meeting.starts_at.astimezone(paris))
    item.add("dtend", meeting.ends_at.astimezone(paris))
    item.add("summary", meeting.title)
    item.add("location", meeting.place or meeting.video_url or "")
    lines = [meeting.description] if meeting.description else []
    agenda = list(meeting.agenda_items.all())
    if agenda:
        lines += ["Ordre du jour :", *(f"- {point.title}" for point in agenda)]
    if meeting.video_url:
        lines.append(f"Visioconférence : {meeting.video_url}")
    lines.append(f"La réunion sur l'intranet : {url}")
    item.add("description", "\n".join(lines))
    item.add("url", url)
    item.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    item.add("organizer", _organizer())
    if attendee is not None:
        address = icalendar.vCalAddress(f"mailto:{attendee.email}")
        address.params["CN"] = icalendar.vText(attendee.get_full_name() or attendee.email)
        address.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
        address.params["RSVP"] = icalendar.vText("FALSE")
        item.add("attendee", address)
    return item


def calendar(meetings: Iterable[Meeting], *, method: str | None = None, attendee=None) -> bytes:
    """The iCalendar file of `meetings` (a member's feed, or one meeting)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Solimut RSE")
    if method:
        cal.add("method", method)
    starts = []
    for meeting in meetings:
        cal.add_component(event(meeting, attendee))
        starts.append(meeting.starts_at.date())
    if starts:
        # The zone's rules over the years the events cover, not since 1970.
        cal.add_missing_timezones(
            first_date=min(starts) - datetime.timedelta(days=366),
            last_date=max(starts) + datetime.timedelta(days=366),
        )
    return cal.to_ical()
