"""The demo's meetings (reunions/demo/meetings.toml): for three working groups, past meetings
with approved minutes and decisions, upcoming ones with answers; one of the whole network.
Written directly (no e-mail is sent); idempotent by group and title."""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from ambassadeurs.models import Role, User, WorkingGroup

from .models import AgendaItem, Decision, Invitee, Meeting
from .relay import demo as relay

MEETINGS = tomllib.loads((Path(__file__).parent / "demo" / "meetings.toml").read_text())


def _when(today: datetime.date, days: int, hour: int) -> datetime.datetime:
    day = today + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def seed() -> int:
    today = timezone.localdate()
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_superuser=False).first()
    groups = {group.slug: group for group in WorkingGroup.objects.prefetch_related("members")}
    answers = [Invitee.Answer.YES, Invitee.Answer.YES, Invitee.Answer.MAYBE, Invitee.Answer.NO]
    made = 0
    for number, fields in enumerate(MEETINGS["meetings"]):
        group = groups.get(fields.get("group", ""))
        if fields.get("group") and group is None:
            continue
        starts = _when(today, fields["days"], fields["hour"])
        past = fields["days"] < 0
        lead = group.lead if group else coordinator
        meeting, created = Meeting.objects.update_or_create(
            group=group,
            title=fields["title"],
            defaults={
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=2),
                "place": fields.get("place", ""),
                "video_url": fields.get("video", ""),
                "organizer": lead,
                "minutes": fields.get("minutes", ""),
                "minutes_state": Meeting.Minutes.APPROVED if past else Meeting.Minutes.DRAFT,
                "remarks_until": (starts + datetime.timedelta(days=6)).date() if past else None,
                "approved_at": starts + datetime.timedelta(days=8) if past else None,
                "approved_by": lead if past else None,
                "sequence": 0,
            },
        )
        made += created
        if group is not None:
            invited = list(group.members.filter(is_active=True))
        else:  # the whole network: its ambassadors and the coordination
            invited = list(
                User.objects.active().filter(role__in=[Role.AMBASSADOR, Role.COORDINATOR])
            )
        meeting.invitees.all().delete()
        Invitee.objects.bulk_create(
            Invitee(
                meeting=meeting,
                user=user,
                # The demo accounts leave the next meetings unanswered: their home lists them.
                answer=Invitee.Answer.PENDING
                if not past
                and user.email.split("@")[0] in {"ambassadeur", "salarie", "coordination"}
                else answers[(index + number) % len(answers)],
                answered_at=None if past else starts - datetime.timedelta(days=3),
                attended=(answers[(index + number) % len(answers)] != Invitee.Answer.NO)
                if past
                else None,
                sent_sequence=0,
            )
            for index, user in enumerate(invited)
        )
        meeting.agenda_items.all().delete()
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, title=title, proposed_by=invited[i % len(invited)])
            for i, title in enumerate(fields.get("agenda", []))
            if invited
        )
        meeting.decisions.all().delete()
        Decision.objects.bulk_create(
            Decision(
                meeting=meeting,
                kind=decision["kind"],
                text=decision["text"],
                assignee=invited[0] if "days" in decision and invited else None,
                due_on=starts.date() + datetime.timedelta(days=decision["days"])
                if "days" in decision
                else None,
            )
            for decision in fields.get("decisions", [])
        )
    return made + relay.seed()  # the relay kit of the last sent edition
