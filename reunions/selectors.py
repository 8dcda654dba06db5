"""Reads of the meetings: the agenda, a group's meetings, the home page's to-do."""

import datetime
from collections.abc import Sequence

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplan.models import Action as PlanAction
from actionplan.story import Event as StoryEvent
from ambassadeurs.models import User, WorkingGroup
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.todo import Entry, Item, first_entries

from .models import ActionProposal, Decision, FileVersion, GroupFile, Invitee, Meeting, Remark


def _with_mine(meetings: QuerySet[Meeting], user: User) -> QuerySet[Meeting]:
    """Each meeting with the member's own invitation (or none) as `mine`."""
    return meetings.select_related("group").prefetch_related(
        Prefetch("invitees", queryset=Invitee.objects.filter(user=user), to_attr="mine")
    )


def agenda(user: User, start: datetime.datetime, end: datetime.datetime) -> QuerySet[Meeting]:
    """The meetings `user` may attend that start in [start, end)."""
    meetings = Meeting.objects.visible_to(user).filter(starts_at__gte=start, starts_at__lt=end)
    return _with_mine(meetings, user).order_by("starts_at")


def upcoming(user: User, limit: int = 50) -> list[Meeting]:
    meetings = Meeting.objects.visible_to(user).filter(ends_at__gte=timezone.now())
    return list(_with_mine(meetings, user).order_by("starts_at")[:limit])


def feed(user: User) -> QuerySet[Meeting]:
    """A member's iCalendar feed: from three months back, their meetings (cancelled ones too,
    so that calendars remove them)."""
    since = timezone.now() - datetime.timedelta(days=90)
    return (
        Meeting.objects.visible_to(user)
        .filter(ends_at__gte=since)
        .select_related("group")
        .prefetch_related("agenda_items")
        .order_by("starts_at")
    )


def group_meetings(group: WorkingGroup, user: User, limit: int = 6) -> list[Meeting]:
    """A group's next meetings, then its latest ones, as its page lists them."""
    meetings = _with_mine(Meeting.objects.visible_to(user).filter(group=group), user)
    now = timezone.now()
    coming = list(meetings.filter(ends_at__gte=now).order_by("starts_at")[:limit])
    past = list(meetings.filter(ends_at__lt=now).order_by("-starts_at")[: limit - len(coming)])
    return coming + past


def meeting(pk: int, user: User) -> Meeting:
    """A meeting the member may see, with what its page shows (Meeting.DoesNotExist else)."""
    return (
        Meeting.objects.visible_to(user)
        .select_related("group__lead", "minutes_writer", "approved_by", "organizer")
        .prefetch_related(
            Prefetch("invitees", queryset=Invitee.objects.select_related("user__mutuelle")),
            "agenda_items__proposed_by",
            "remarks__author",
            Prefetch(
                "decisions",
                queryset=Decision.objects.select_related(
                    "assignee", "action", "guide", "proposal__action", "proposal__axis"
                ),
            ),
        )
        .get(pk=pk)
    )


def home_items(user: User, since: datetime.datetime | None = None) -> list[Item]:
    """Invitations not answered yet, minutes awaiting the member's remarks."""
    items = []
    now = timezone.now()
    unanswered = (
        Meeting.objects.filter(
            invitees__user=user,
            invitees__answer=Invitee.Answer.PENDING,
            status=Meeting.Status.SCHEDULED,
            starts_at__gt=now,
        )
        .only("title", "starts_at")
        .order_by("starts_at")
    )
    rows, total = first_entries(unanswered)
    if total:
        items.append(
            Item(
                text=ngettext(
                    "%(count)s invitation à une réunion attend votre réponse",
                    "%(count)s invitations à des réunions attendent votre réponse",
                    total,
                )
                % {"count": total},
                url=reverse("reunions:agenda"),
                action=_("Ouvrir l'agenda"),
                entries=tuple(
                    Entry(
                        meeting.title,
                        meeting.get_absolute_url(),
                        date_format(timezone.localtime(meeting.starts_at), "l j F, H:i"),
                    )
                    for meeting in rows
                ),
            )
        )
    remarked = Remark.objects.filter(meeting=OuterRef("pk"), author=user)
    to_read = (
        Meeting.objects.filter(
            invitees__user=user,
            minutes_state=Meeting.Minutes.PROPOSED,
            remarks_until__gte=timezone.localdate(),
        )
        .exclude(Exists(remarked))
        .only("title", "remarks_until")
        .order_by("remarks_until")
    )
    rows, total = first_entries(to_read)
    if total:
        items.append(
            Item(
                text=ngettext(
                    "%(count)s compte rendu attend vos remarques",
                    "%(count)s comptes rendus attendent vos remarques",
                    total,
                )
                % {"count": total},
                entries=tuple(
                    Entry(
                        meeting.title,
                        meeting.get_absolute_url() + "#compte-rendu",
                        _("jusqu'au %(date)s")
                        % {"date": date_format(meeting.remarks_until or "", "j F")},
                    )
                    for meeting in rows
                ),
            )
        )
    items.extend(_task_items(user))
    if can(user, Can.COORDINATE):
        items.extend(_proposal_items())
    return items


def open_tasks(user: User) -> QuerySet[Decision]:
    """The tasks decided in meetings for `user`, not done yet, the most urgent first."""
    return (
        Decision.objects.filter(kind=Decision.Kind.TASK, assignee=user, done_at=None)
        .select_related("meeting")
        .order_by("due_on", "pk")
    )


def _task_items(user: User) -> list[Item]:
    rows, total = first_entries(open_tasks(user))
    if not total:
        return []
    today = timezone.localdate()
    overdue = Decision.objects.filter(
        kind=Decision.Kind.TASK, assignee=user, done_at=None, due_on__lt=today
    ).count()
    text = ngettext(
        "%(count)s tâche décidée en réunion vous attend",
        "%(count)s tâches décidées en réunion vous attendent",
        total,
    ) % {"count": total}
    if overdue:
        text += " " + ngettext("(%(count)s en retard)", "(%(count)s en retard)", overdue) % {
            "count": overdue
        }
    return [
        Item(
            text=text,
            entries=tuple(
                Entry(
                    task.text,
                    task.meeting.get_absolute_url() + f"#decision-{task.pk}",
                    (
                        _("en retard : prévue pour le %(date)s")
                        if task.is_overdue
                        else _("pour le %(date)s")
                    )
                    % {"date": date_format(task.due_on or today, "j F Y")},
                )
                for task in rows
            ),
        )
    ]


def pending_proposals() -> QuerySet[ActionProposal]:
    return ActionProposal.objects.filter(status=ActionProposal.Status.PENDING).order_by(
        "created_at", "pk"
    )


def _proposal_items() -> list[Item]:
    rows, total = first_entries(
        pending_proposals()
        .select_related("decision__meeting")
        .only("title", "decision__text", "decision__meeting__title")
    )
    if not total:
        return []
    return [
        Item(
            text=ngettext(
                "%(count)s proposition d'un groupe de travail attend votre décision",
                "%(count)s propositions de groupes de travail attendent votre décision",
                total,
            )
            % {"count": total},
            url=reverse("reunions:proposals"),
            action=_("Examiner les propositions"),
            entries=tuple(
                Entry(
                    proposal.title or proposal.decision.text,
                    proposal.get_absolute_url(),
                    proposal.decision.meeting.title,
                )
                for proposal in rows
            ),
        )
    ]


def proposals(status: str) -> QuerySet[ActionProposal]:
    """The proposals to the plan in `status`, with what their list shows."""
    return (
        ActionProposal.objects.filter(status=status)
        .select_related("decision__meeting__group", "action", "axis", "reviewed_by")
        .order_by("-created_at", "-pk")
    )


def story_events(actions: Sequence[PlanAction]) -> list[StoryEvent]:
    """The working groups' decisions that touched these actions, for their story (registered
    with actionplan.story): dated by their meeting; a proposal's acceptance by its review."""
    by_pk = {action.pk: action for action in actions}
    decisions = (
        Decision.objects.filter(action__in=actions).select_related("meeting__group").order_by("pk")
    )
    events = []
    for decision in decisions:
        meeting = decision.meeting
        group = meeting.group.name if meeting.group else _("tout le réseau")
        if decision.kind == Decision.Kind.ACTION:
            text = _(
                "Décision du groupe de travail « %(group)s », acceptée par la coordination : "
                "%(text)s"
            )
        elif decision.kind == Decision.Kind.TASK:
            text = _("Décision du groupe de travail « %(group)s » (tâche) : %(text)s")
        else:
            text = _("Décision du groupe de travail « %(group)s » (brouillon de guide) : %(text)s")
        events.append(
            StoryEvent(
                meeting.starts_at,
                "decision",
                text % {"group": group, "text": decision.text},
                meeting.get_absolute_url() + f"#decision-{decision.pk}",
                by_pk.get(decision.action_id or 0),
            )
        )
    return events


def proposals_all() -> QuerySet[ActionProposal]:
    return ActionProposal.objects.select_related(
        "decision__meeting__group", "decision__assignee", "action__axis", "axis", "reviewed_by"
    )


def proposals_reviewed(limit: int = 30) -> list[ActionProposal]:
    reviewed = proposals_all().exclude(status=ActionProposal.Status.PENDING)
    return list(reviewed.order_by("-reviewed_at", "-pk")[:limit])


# --- Files of the working groups ------------------------------------------------------------------


def file_groups(user: User) -> QuerySet[WorkingGroup]:
    """The groups whose files `user` may read: those they lead or belong to; every one for the
    coordination (`ambassadeurs.permissions`, Action.GROUP_FILES, in SQL)."""
    if not (user and user.is_authenticated and user.is_active):
        return WorkingGroup.objects.none()
    if can(user, Can.COORDINATE):
        return WorkingGroup.objects.all()
    return WorkingGroup.objects.filter(Q(lead=user) | Q(members=user)).distinct()


def readable_files(user: User) -> QuerySet[GroupFile]:
    return GroupFile.objects.filter(group__in=file_groups(user).values("pk"))


def _listed(files: QuerySet[GroupFile]) -> QuerySet[GroupFile]:
    return files.select_related("group", "current", "added_by", "meeting").order_by(
        "-updated_at", "-pk"
    )


def group_files(group: WorkingGroup) -> QuerySet[GroupFile]:
    """A group's files, the last changed first, with their current version."""
    return _listed(GroupFile.objects.filter(group=group))


def meeting_files(meeting: Meeting) -> QuerySet[GroupFile]:
    return _listed(GroupFile.objects.filter(meeting=meeting))


def group_file(user: User, pk: int) -> GroupFile:
    """A file `user` may read, with its versions (GroupFile.DoesNotExist otherwise)."""
    return (
        readable_files(user)
        .select_related("group__lead", "current__added_by", "added_by", "meeting")
        .prefetch_related(
            Prefetch("versions", queryset=FileVersion.objects.select_related("added_by"))
        )
        .get(pk=pk)
    )


GROUP_PAGE_FILES = 8


def group_files_panel(group: WorkingGroup, user: User) -> dict:
    """What the group's page shows of its files: the last changed, for those who may read
    them; for others, only that they are the members'."""
    readable = can(user, Can.GROUP_FILES, group)
    files = list(group_files(group)[: GROUP_PAGE_FILES + 1]) if readable else []
    return {
        "group": group,
        "may_read_files": readable,
        "files": files[:GROUP_PAGE_FILES],
        "more_files": len(files) > GROUP_PAGE_FILES,
    }


def meeting_files_panel(meeting: Meeting, user: User) -> dict:
    """The files linked to a meeting, for those who may read its group's files."""
    readable = meeting.group is not None and can(user, Can.GROUP_FILES, meeting.group)
    return {
        "may_read_files": readable,
        "files": list(meeting_files(meeting)) if readable else [],
    }
