"""The demo's meetings (reunions/demo/meetings.toml): three working groups' past meetings
(approved minutes, decisions linked to actions), upcoming ones with answers, one of the whole
network. Written directly (no e-mail); idempotent by group and title."""

import datetime
import io
import tomllib
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from actionplan import services as plan_services
from actionplan.models import Action, Axis
from ambassadeurs.models import Role, User, WorkingGroup
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core import tabular
from guides import pdf
from guides import services as guide_services
from guides.models import Guide

from . import services
from .models import ActionProposal, AgendaItem, Decision, GroupFile, Invitee, Meeting
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
        for decision in fields.get("decisions", []):
            _decision(meeting, decision, invited, lead, coordinator)
    seed_files()
    return made + relay.seed()  # the relay kit of the last sent edition


def _decision(
    meeting: Meeting, fields: dict, invited: list[User], lead: User | None, coordinator: User | None
) -> Decision:
    starts = meeting.starts_at
    action = (
        Action.objects.filter(plan__is_current=True, code=fields["action"]).first()
        if "action" in fields
        else None
    )
    kind = fields["kind"]
    decision = Decision.objects.create(
        meeting=meeting,
        kind=kind,
        text=fields["text"],
        assignee=invited[0] if "days" in fields and invited else None,
        due_on=starts.date() + datetime.timedelta(days=fields["days"])
        if "days" in fields
        else None,
        action=action if kind != Decision.Kind.ACTION or fields.get("accepted") else None,
        done_at=starts + datetime.timedelta(days=fields["days"] - 2)
        if fields.get("done")
        else None,
        done_by=invited[0] if fields.get("done") and invited else None,
    )
    # The demo's dates lie in the past: the decision was noted on the day of its meeting.
    Decision.objects.filter(pk=decision.pk).update(created_at=starts)
    if kind == Decision.Kind.ACTION:
        accepted = bool(fields.get("accepted")) and action is not None and coordinator is not None
        axis = Axis.objects.filter(plan__is_current=True, number=fields.get("axis", 0)).first()
        proposal = ActionProposal.objects.create(
            decision=decision,
            is_change=action is not None,
            action=action,
            axis=axis,
            title=fields.get("title", ""),
            description=fields.get("description", ""),
            status=ActionProposal.Status.ACCEPTED if accepted else ActionProposal.Status.PENDING,
            reviewed_by=coordinator if accepted else None,
            reviewed_at=starts + datetime.timedelta(days=9) if accepted else None,
        )
        if accepted and action is not None and coordinator is not None:
            plan_services.action_save(
                by=coordinator, plan=action.plan, action=action, description=proposal.description
            )
    if kind == Decision.Kind.GUIDE and lead is not None and meeting.group is not None:
        title = fields.get("title", fields["text"])
        guide = Guide.objects.filter(title=title).first()
        if guide is None and can(lead, Can.DRAFT_GUIDES):
            guide = guide_services.guide_create(
                by=lead,
                title=title,
                summary=f"Brouillon ouvert par décision de la réunion « {meeting.title} ».",
                theme=meeting.group.theme,
                actions=[action] if action else [],
            )
        Decision.objects.filter(pk=decision.pk).update(guide=guide)
    return decision


# --- Files of the working groups (reunions/demo/files.toml), made here: no binary in the repo --

FILES = tomllib.loads((Path(__file__).parent / "demo" / "files.toml").read_text())


def _pdf(title: str, lines: list[str], version: int) -> bytes:
    html = render_to_string(
        "reunions/demo_agenda.html", {"title": title, "lines": lines, "version": version}
    )
    return pdf.write(html)


def _xlsx(title: str, rows: list[list], version: int) -> bytes:
    scaled = [
        [value * (1 + (version - 1) / 10) if isinstance(value, float) else value for value in row]
        for row in rows
    ]
    return tabular.xlsx_workbook([(title[:31].replace("'", " "), scaled)])


ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def _odt(title: str, lines: list[str], version: int) -> bytes:
    """A minimal OpenDocument text: what LibreOffice needs to open it."""
    content = render_to_string(
        "reunions/demo_content.xml", {"title": title, "lines": lines, "version": version}
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            render_to_string("reunions/demo_manifest.xml"),
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return buffer.getvalue()


MAKERS = {"pdf": _pdf, "xlsx": _xlsx, "odt": _odt}


def seed_files() -> int:
    """Files on the demo groups, a few with a second version; idempotent by group and title."""
    made = 0
    groups = {g.slug: g for g in WorkingGroup.objects.select_related("lead")}
    for fields in FILES["files"]:
        group = groups.get(fields["group"])
        if group is None or group.lead is None:
            continue
        if GroupFile.objects.filter(group=group, title=fields["title"]).exists():
            continue
        kind = fields["kind"]
        content = fields.get("rows") or fields.get("lines", [])
        meeting = Meeting.objects.filter(group=group, title=fields.get("meeting", "")).first()
        name = f"{slugify(fields['title'])}.{kind}"
        document = services.group_file_add(
            by=group.lead,
            group=group,
            upload=SimpleUploadedFile(name, MAKERS[kind](fields["title"], content, 1)),
            title=fields["title"],
            meeting=meeting,
        )
        others = list(group.members.exclude(pk=group.lead_id)[:1]) or [group.lead]
        for number in range(2, fields.get("versions", 1) + 1):
            services.group_file_version_add(
                by=others[0],
                document=document,
                upload=SimpleUploadedFile(name, MAKERS[kind](fields["title"], content, number)),
            )
        made += 1
    return made
