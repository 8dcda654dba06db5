"""Every change of a meeting: planning, invitations and answers, agenda, attendance, the
minutes' workflow (draft -> proposed for remarks -> approved and frozen), decisions, and the
members' agenda feeds. E-mails go through the outbox (`reunions.tasks`)."""

import datetime
from collections.abc import Iterable, Sequence
from pathlib import PurePath

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplan import services as plan_services
from actionplan.models import Action as PlanAction
from actionplan.models import Axis
from ambassadeurs.models import User, WorkingGroup
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check
from core import history, mail, outbox, personal_data, search, uploads
from guides import services as guide_services
from guides.models import Guide
from mutuelles.models import Theme

from . import printing
from .calendar import CANCEL, REQUEST, calendar
from .models import (
    ActionProposal,
    AgendaItem,
    Decision,
    FeedToken,
    FileVersion,
    GroupFile,
    Invitee,
    Meeting,
    Remark,
    new_token,
)

REMARK_DAYS = (1, 30)  # the remarks period the writer may set, in days


def _invitees_check(group: WorkingGroup | None, invitees: Iterable[User]) -> None:
    if group is None:
        return
    members = set(group.people().values_list("pk", flat=True))
    outside = [user for user in invitees if user.pk not in members]
    if outside:
        raise ValidationError(
            {
                "invitees": _(
                    "%(names)s ne fait pas partie du groupe « %(group)s » : seuls ses membres "
                    "peuvent être invités à ses réunions."
                )
                % {"names": ", ".join(str(user) for user in outside), "group": group}
            }
        )


def _schedule_check(starts_at: datetime.datetime, ends_at: datetime.datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("La réunion doit finir après son début.")})


def _send(meeting: Meeting) -> None:
    outbox.enqueue("reunions.tasks.send_invitations", meeting.pk)


@transaction.atomic
def meeting_save(
    *,
    by: User,
    group: WorkingGroup | None,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    invitees: Sequence[User],
    place: str = "",
    video_url: str = "",
    description: str = "",
    minutes_writer: User | None = None,
    meeting: Meeting | None = None,
) -> Meeting:
    """Plan a meeting (or change one): its invitees are told by e-mail with the .ics, a change
    bumps its SEQUENCE so that their calendars update the event."""
    check(by, Can.PLAN_MEETING, group)
    if meeting is not None:
        check(by, Can.PLAN_MEETING, meeting.group)
        if meeting.is_cancelled:
            raise ValidationError(_("Cette réunion est annulée : elle ne change plus."))
    _schedule_check(starts_at, ends_at)
    _invitees_check(group, invitees)
    if minutes_writer is not None:
        _invitees_check(group, [minutes_writer])
    if meeting is None:
        meeting = Meeting(organizer=by)
    else:
        meeting.sequence = F("sequence") + 1
    meeting.group = group
    meeting.title = title
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.place, meeting.video_url, meeting.description = place, video_url, description
    meeting.minutes_writer = minutes_writer
    meeting.full_clean(exclude=["sequence", "organizer"])
    meeting.save()
    meeting.refresh_from_db()
    wanted = {user.pk for user in invitees}
    meeting.invitees.exclude(user__in=wanted).delete()
    known = set(meeting.invitees.values_list("user_id", flat=True))
    Invitee.objects.bulk_create(
        Invitee(meeting=meeting, user_id=pk) for pk in sorted(wanted - known)
    )
    _send(meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, by: User, meeting: Meeting) -> Meeting:
    check(by, Can.PLAN_MEETING, meeting.group)
    updated = Meeting.objects.filter(pk=meeting.pk, status=Meeting.Status.SCHEDULED).update(
        status=Meeting.Status.CANCELLED, sequence=F("sequence") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise ValidationError(_("Cette réunion est déjà annulée."))
    meeting.refresh_from_db()
    _send(meeting)
    return meeting


@transaction.atomic
def invitation_answer(*, by: User, meeting: Meeting, answer: str) -> Invitee:
    """A member's answer (yes, no, maybe); a member who may attend without an invitation
    (the network's meetings, their group's) is added to the invitees by answering."""
    check(by, Can.ANSWER_INVITATION, meeting)
    if meeting.is_cancelled:
        raise ValidationError(_("Cette réunion est annulée."))
    if meeting.has_started:
        raise ValidationError(_("Cette réunion a déjà commencé : la réponse ne compte plus."))
    if answer not in Invitee.Answer.values or answer == Invitee.Answer.PENDING:
        raise ValidationError(_("Répondez oui, non ou peut-être."))
    invitee, _created = Invitee.objects.update_or_create(
        meeting=meeting, user=by, defaults={"answer": answer, "answered_at": timezone.now()}
    )
    return invitee


@transaction.atomic
def agenda_item_add(*, by: User, meeting: Meeting, title: str, details: str = "") -> AgendaItem:
    check(by, Can.SEE_MEETING, meeting)
    if meeting.is_cancelled or meeting.has_started:
        raise ValidationError(
            _("L'ordre du jour se complète avant la réunion : celle-ci a commencé ou est annulée.")
        )
    return AgendaItem.objects.create(meeting=meeting, title=title, details=details, proposed_by=by)


@transaction.atomic
def attendance_record(*, by: User, meeting: Meeting, present: Iterable[int]) -> None:
    check(by, Can.PLAN_MEETING, meeting.group)
    if not meeting.has_started:
        raise ValidationError(_("Les présences se notent une fois la réunion commencée."))
    present = set(present)
    for invitee in meeting.invitees.all():
        invitee.attended = invitee.user_id in present
        invitee.save(update_fields=["attended"])


def _minutes_open(meeting: Meeting) -> None:
    if meeting.minutes_frozen:
        raise ValidationError(_("Le compte rendu est approuvé : il ne change plus."))


@transaction.atomic
def minutes_save(*, by: User, meeting: Meeting, text: str) -> Meeting:
    check(by, Can.WRITE_MINUTES, meeting)
    _minutes_open(meeting)
    meeting.minutes = text
    meeting.save(update_fields=["minutes", "updated_at"])
    return meeting


@transaction.atomic
def minutes_propose(*, by: User, meeting: Meeting, text: str, days: int) -> Meeting:
    """Save the text and open the remarks period: the participants are told by e-mail."""
    check(by, Can.WRITE_MINUTES, meeting)
    _minutes_open(meeting)
    if not REMARK_DAYS[0] <= days <= REMARK_DAYS[1]:
        raise ValidationError(
            {
                "days": _("Entre %(low)s et %(high)s jours.")
                % {"low": REMARK_DAYS[0], "high": REMARK_DAYS[1]}
            }
        )
    minutes_save(by=by, meeting=meeting, text=text)
    if not meeting.minutes.strip():
        raise ValidationError({"minutes": _("Écrivez le compte rendu avant de le proposer.")})
    meeting.minutes_state = Meeting.Minutes.PROPOSED
    meeting.remarks_until = timezone.localdate() + datetime.timedelta(days=days)
    meeting.save(update_fields=["minutes_state", "remarks_until", "updated_at"])
    outbox.enqueue("reunions.tasks.notify_minutes", meeting.pk)
    return meeting


@transaction.atomic
def remark_add(*, by: User, meeting: Meeting, text: str) -> Remark:
    check(by, Can.REMARK_MINUTES, meeting)
    if meeting.minutes_state != Meeting.Minutes.PROPOSED:
        raise ValidationError(_("Ce compte rendu n'est pas soumis aux remarques."))
    return Remark.objects.create(meeting=meeting, author=by, text=text)


@transaction.atomic
def minutes_approve(*, by: User, meeting: Meeting) -> Meeting:
    """Approve and freeze the minutes, once the remarks period is over; one conditional
    UPDATE, so a second click (or tab) approves nothing twice."""
    check(by, Can.APPROVE_MINUTES, meeting)
    if meeting.minutes_state == Meeting.Minutes.APPROVED:
        raise ValidationError(_("Ce compte rendu est déjà approuvé."))
    if meeting.minutes_state != Meeting.Minutes.PROPOSED:
        raise ValidationError(_("Proposez d'abord le compte rendu aux participants."))
    if meeting.remarks_until and timezone.localdate() <= meeting.remarks_until:
        raise ValidationError(
            _("Les participants ont jusqu'au %(date)s pour leurs remarques.")
            % {"date": date_format(meeting.remarks_until, "j F Y")}
        )
    updated = Meeting.objects.filter(pk=meeting.pk, minutes_state=Meeting.Minutes.PROPOSED).update(
        minutes_state=Meeting.Minutes.APPROVED,
        approved_at=timezone.now(),
        approved_by=by,
        updated_at=timezone.now(),
    )
    if not updated:
        raise ValidationError(_("Ce compte rendu est déjà approuvé."))
    search.refresh(Meeting, [meeting.pk])  # approved minutes are searched
    minutes_pdf_request(meeting)
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def decision_add(
    *,
    by: User,
    meeting: Meeting,
    kind: str,
    text: str,
    assignee: User | None = None,
    due_on: datetime.date | None = None,
    action: PlanAction | None = None,
    axis: Axis | None = None,
    title: str = "",
    description: str = "",
) -> Decision:
    """Record a decision in the open minutes, and what it starts: a proposal to the plan (a new
    action, or a change to `action`) for the coordination; a task for `assignee` due on
    `due_on`; a guide draft written by `assignee` or else the group's lead. `action`, for a
    task or a guide, is the action of the plan it serves. All of it, or nothing."""
    check(by, Can.WRITE_MINUTES, meeting)
    _minutes_open(meeting)
    if kind == Decision.Kind.TASK and (assignee is None or due_on is None):
        raise ValidationError(
            {"assignee": _("Une tâche est confiée à un membre, avec une échéance.")}
        )
    if assignee is not None:
        _invitees_check(meeting.group, [assignee])
    title, description = title.strip(), description.strip()
    proposal = None
    if kind == Decision.Kind.ACTION:
        if action is not None and not (title or description or due_on):
            raise ValidationError(
                {
                    "title": _(
                        "Dites ce qui change dans l'action %(code)s : son titre, sa description "
                        "ou son échéance."
                    )
                    % {"code": action.code}
                }
            )
        if axis is not None and action is None and not axis.plan.is_current:
            raise ValidationError({"axis": _("Choisissez un axe du plan en cours.")})
        proposal = ActionProposal(
            is_change=action is not None,
            action=action,
            axis=axis if action is None else None,
            title=title or (text if action is None else ""),
            description=description,
            due_on=due_on,
        )
    decision = Decision(
        meeting=meeting,
        kind=kind,
        text=text,
        assignee=assignee,
        due_on=due_on if kind == Decision.Kind.TASK else None,
        action=action if kind != Decision.Kind.ACTION else None,
    )
    decision.full_clean()
    decision.save()
    if proposal is not None:
        proposal.decision = decision
        proposal.title = proposal.title[:250]
        proposal.full_clean()
        proposal.save()
    if kind == Decision.Kind.GUIDE:
        decision.guide = _guide_draft(meeting, decision, title or text)
        decision.save(update_fields=["guide"])
    return decision


def _guide_draft(meeting: Meeting, decision: Decision, title: str) -> Guide:
    """The guide draft a decision opens, through the guides' services: written by the
    decision's assignee, else by the group's lead, the decision named as its origin."""
    group = meeting.group
    author = decision.assignee or (group.lead if group else None)
    if author is None or not can(author, Can.DRAFT_GUIDES):
        raise ValidationError(
            {
                "assignee": _(
                    "Un brouillon de guide est rédigé par un ambassadeur ou la coordination : "
                    "confiez-le à l'un d'eux."
                )
            }
        )
    theme = group.theme if group else Theme.objects.order_by("pk").first()
    if theme is None:
        raise ValidationError(_("Aucun thème n'existe pour classer ce guide."))
    with mail.french():
        summary = _("Brouillon ouvert par décision de la réunion « %(meeting)s » du %(date)s.") % {
            "meeting": meeting.title,
            "date": date_format(timezone.localtime(meeting.starts_at), "j F Y"),
        }
    return guide_services.guide_create(
        by=author,
        title=title[:200],
        summary=summary[:400],
        theme=theme,
        actions=[decision.action] if decision.action else [],
    )


def feed_token(user: User) -> FeedToken:
    token, _created = FeedToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def feed_reset(*, by: User) -> FeedToken:
    """A new secret for the member's feed: the old URL answers 404 from now on."""
    token = feed_token(by)
    token.token = new_token()
    token.created_at = timezone.now()
    token.save(update_fields=["token", "created_at"])
    return token


# --- E-mails (run by reunions.tasks) ------------------------------------------------------------


def _with_calendar(
    message: EmailMultiAlternatives, meeting: Meeting, method: str, user: User
) -> EmailMultiAlternatives:
    ics = calendar([meeting], method=method, attendee=user)
    message.attach(
        "invitation.ics" if method == REQUEST else "annulation.ics",
        ics,
        f"text/calendar; method={method}; charset=UTF-8",
    )
    return message


def invitations_send(meeting_id: int) -> int:
    """Send the meeting's current state (an invitation, a change or its cancellation) to each
    invitee who has not had it yet (their `sent_sequence` is behind the meeting's): a task run
    twice sends nothing more. How many were sent."""
    meeting = (
        Meeting.objects.filter(pk=meeting_id)
        .select_related("group")
        .prefetch_related("agenda_items")
        .first()
    )
    if meeting is None:
        return 0
    # The meeting as it is now: a cancellation that came after the task was queued is what
    # the invitees get (their calendars then remove the event).
    method = CANCEL if meeting.is_cancelled else REQUEST
    waiting = meeting.invitees.filter(
        sent_sequence__lt=meeting.sequence, user__is_active=True
    ).select_related("user")
    sent = 0
    with mail.french():
        subject = (
            _("Annulée : %(title)s") if method == CANCEL else _("Invitation : %(title)s")
        ) % {"title": meeting.title}
        if method == REQUEST and meeting.sequence:
            subject = _("Modifiée : %(title)s") % {"title": meeting.title}
    for invitee in waiting:
        message = mail.build(
            subject=subject,
            template="reunions/email/invitation",
            context={"meeting": meeting, "method": method, "invitee": invitee},
            to=[invitee.user.email],
        )
        mail.send([_with_calendar(message, meeting, method, invitee.user)])
        Invitee.objects.filter(pk=invitee.pk).update(sent_sequence=meeting.sequence)
        sent += 1
    return sent


def minutes_notify(meeting_id: int) -> int:
    """Tell the participants the minutes await their remarks."""
    meeting = Meeting.objects.filter(pk=meeting_id).select_related("group").first()
    if meeting is None or meeting.minutes_state != Meeting.Minutes.PROPOSED:
        return 0
    with transaction.atomic():
        # One winner per remarks period: the task delivered twice (or queued twice) tells the
        # participants once; a failed sending rolls the claim back, for the retry.
        claimed = (
            Meeting.objects.filter(pk=meeting.pk, minutes_state=Meeting.Minutes.PROPOSED)
            .exclude(minutes_notified_until=meeting.remarks_until)
            .update(minutes_notified_until=meeting.remarks_until)
        )
        if not claimed:
            return 0
        return _minutes_mail(meeting)


def _minutes_mail(meeting: Meeting) -> int:
    to = list(
        meeting.invitees.filter(user__is_active=True)
        .exclude(answer=Invitee.Answer.NO)
        .values_list("user__email", flat=True)
    )
    with mail.french():
        subject = _("Compte rendu à relire : %(title)s") % {"title": meeting.title}
    messages = [
        mail.build(
            subject=subject,
            template="reunions/email/minutes",
            context={"meeting": meeting},
            to=[address],
        )
        for address in to
    ]
    return mail.send(messages)


def reminders_send(today: datetime.date | None = None) -> int:
    """The day before each meeting, remind those who did not decline. Each meeting is claimed
    with one conditional UPDATE: beat running it twice (or two beats) reminds once."""
    today = today or timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    end = start + datetime.timedelta(days=1)
    due = Meeting.objects.filter(
        status=Meeting.Status.SCHEDULED, reminded_at=None, starts_at__gte=start, starts_at__lt=end
    )
    sent = 0
    for meeting in due:
        if not Meeting.objects.filter(pk=meeting.pk, reminded_at=None).update(
            reminded_at=timezone.now()
        ):
            continue
        to = meeting.invitees.filter(user__is_active=True).exclude(answer=Invitee.Answer.NO)
        with mail.french():
            subject = _("Demain : %(title)s") % {"title": meeting.title}
        messages = [
            mail.build(
                subject=subject,
                template="reunions/email/reminder",
                context={"meeting": meeting, "invitee": invitee},
                to=[invitee.user.email],
            )
            for invitee in to.select_related("user")
        ]
        sent += mail.send(messages)
    return sent


# --- The approved minutes' PDF (rendered once by reunions.tasks.render_minutes) ----------------


def minutes_pdf_request(meeting: Meeting) -> None:
    """Queue the render of approved minutes (asked once a minute at most, however many readers
    ask before it is stored)."""
    if cache.add(f"reunions:minutes-pdf-asked:{meeting.pk}", 1, timeout=60):
        outbox.enqueue(
            "reunions.tasks.render_minutes",
            meeting.pk,
            soft_time_limit=settings.RSE_PDF_TIME_LIMIT,
            time_limit=settings.RSE_PDF_TIME_LIMIT + 30,
        )


def minutes_pdf_render(meeting_id: int) -> bool:
    """Render and store the approved minutes' PDF, once: False when there is nothing to do
    (not approved, already stored, or stored meanwhile by another delivery of the task)."""
    meeting = Meeting.objects.filter(pk=meeting_id).first()
    if meeting is None or not meeting.minutes_frozen or meeting.minutes_pdf:
        return False
    content = printing.render(meeting)
    meeting.minutes_pdf.save(f"compte-rendu-{meeting.pk}.pdf", ContentFile(content), save=False)
    stored = Meeting.objects.filter(pk=meeting.pk, minutes_pdf="").update(
        minutes_pdf=meeting.minutes_pdf.name
    )
    if not stored:
        meeting.minutes_pdf.storage.delete(meeting.minutes_pdf.name)
    return bool(stored)


# --- Decisions' follow-up -----------------------------------------------------------------------


def _review_claim(proposal: ActionProposal, status: str, by: User, reason: str = "") -> None:
    """Take the pending proposal: one winner, whatever the number of clicks or coordinators."""
    claimed = ActionProposal.objects.filter(
        pk=proposal.pk, status=ActionProposal.Status.PENDING
    ).update(status=status, reviewed_by=by, reviewed_at=timezone.now(), reason=reason)
    if not claimed:
        raise ValidationError(_("Cette proposition a déjà été examinée."))
    proposal.refresh_from_db()


@transaction.atomic
def proposal_accept(
    *,
    by: User,
    proposal: ActionProposal,
    axis: Axis | None = None,
    code: str = "",
    title: str = "",
    description: str = "",
    due_on: datetime.date | None = None,
) -> PlanAction:
    """Accept a decision's proposal: create the action (in `axis`, with `code`), or apply the
    proposed change to the existing action, through actionplan's services (its history, its
    search entry and its story follow). The decision then belongs to that action's story."""
    check(by, Can.COORDINATE)
    _review_claim(proposal, ActionProposal.Status.ACCEPTED, by)
    if proposal.is_change:
        action = proposal.action
        if action is None:
            raise ValidationError(_("L'action à modifier a été supprimée du plan."))
        changes: dict = {}
        if title.strip():
            changes["title"] = title.strip()
        if description.strip():
            changes["description"] = description.strip()
        if due_on is not None:
            changes["due_on"] = due_on
        action = plan_services.action_save(by=by, plan=action.plan, action=action, **changes)
    else:
        errors = {}
        if axis is None:
            errors["axis"] = _("Choisissez l'axe du plan de la nouvelle action.")
        if not code.strip():
            errors["code"] = _("Donnez son code à la nouvelle action, par exemple 2.4.")
        if not title.strip():
            errors["title"] = _("Donnez un titre à la nouvelle action.")
        if errors:
            raise ValidationError(errors)
        assert axis is not None  # noqa: S101 - for mypy: refused above
        action = plan_services.action_save(
            by=by,
            plan=axis.plan,
            axis=axis,
            code=code.strip(),
            title=title.strip(),
            description=description.strip(),
            due_on=due_on,
        )
        ActionProposal.objects.filter(pk=proposal.pk).update(action=action)
        proposal.action = action
    history.saved(ActionProposal, proposal.pk, by=by)
    Decision.objects.filter(pk=proposal.decision_id).update(action=action)
    outbox.enqueue("reunions.tasks.notify_proposal", proposal.pk)
    return action


@transaction.atomic
def proposal_refuse(*, by: User, proposal: ActionProposal, reason: str) -> ActionProposal:
    check(by, Can.COORDINATE)
    if not reason.strip():
        raise ValidationError({"reason": _("Dites au groupe pourquoi la proposition est refusée.")})
    _review_claim(proposal, ActionProposal.Status.REFUSED, by, reason.strip())
    history.saved(ActionProposal, proposal.pk, by=by)
    outbox.enqueue("reunions.tasks.notify_proposal", proposal.pk)
    return proposal


def proposal_notify(proposal_id: int) -> int:
    """Tell the group that proposed it the coordination's answer: the action it became, or
    why it was refused. Once, however many times the task is delivered."""
    proposal = (
        ActionProposal.objects.filter(pk=proposal_id)
        .exclude(status=ActionProposal.Status.PENDING)
        .select_related("decision__meeting__group", "action")
        .first()
    )
    if proposal is None:
        return 0
    with transaction.atomic():
        # A failed sending rolls the claim back, for the retry.
        claimed = ActionProposal.objects.filter(pk=proposal.pk, notified_at=None).update(
            notified_at=timezone.now()
        )
        if not claimed:
            return 0
        meeting = proposal.decision.meeting
        accepted = proposal.status == ActionProposal.Status.ACCEPTED
        with mail.french():
            subject = (
                _("Proposition acceptée : %(title)s")
                if accepted
                else _("Proposition refusée : %(title)s")
            ) % {"title": proposal}
        context = {"proposal": proposal, "meeting": meeting, "accepted": accepted}
        return mail.send(
            [
                mail.build(
                    subject=subject, template="reunions/email/proposal", context=context, to=[to]
                )
                for to in _told_of(meeting)
            ]
        )


def _told_of(meeting: Meeting) -> list[str]:
    """Who hears of what a meeting decided: its group (the lead and the members), or, for a
    meeting of the whole network, those invited who did not decline; active members only."""
    if meeting.group is None:
        people = User.objects.filter(
            pk__in=meeting.invitees.exclude(answer=Invitee.Answer.NO).values("user")
        )
    else:
        people = meeting.group.people()
    return list(people.filter(is_active=True).order_by("email").values_list("email", flat=True))


@transaction.atomic
def task_done(*, by: User, decision: Decision) -> Decision:
    check(by, Can.COMPLETE_TASK, decision)
    if decision.kind != Decision.Kind.TASK:
        raise ValidationError(_("Cette décision n'est pas une tâche."))
    updated = Decision.objects.filter(pk=decision.pk, done_at=None).update(
        done_at=timezone.now(), done_by=by
    )
    if not updated:
        raise ValidationError(_("Cette tâche est déjà marquée faite."))
    decision.refresh_from_db()
    return decision


# --- Files of a working group --------------------------------------------------------------------

FILE_MAX_BYTES = 10 * 1024 * 1024  # as the initiatives' files and the guides' tools


def _meeting_of(group: WorkingGroup, meeting: Meeting | None) -> None:
    if meeting is not None and meeting.group_id != group.pk:
        raise ValidationError(
            {
                "meeting": _("Cette réunion n'est pas une réunion du groupe « %(group)s ».")
                % {"group": group}
            }
        )


def _version_stored(
    *, by: User, document: GroupFile, upload: UploadedFile, number: int
) -> FileVersion:
    """Check `upload` by its content and size, then store it as version `number` of
    `document` (the row is saved by the caller, in `uploads.removed_on_failure`)."""
    if not upload.size:
        raise ValidationError({"file": _("Le fichier est vide : choisissez-en un autre.")})
    kind = uploads.checked_kind(upload, FILE_MAX_BYTES, field="file")
    name = PurePath(upload.name or "fichier").name[-120:]
    version = FileVersion(
        document=document, number=number, name=name, kind=kind, size=upload.size, added_by=by
    )
    version.file.save(name, upload, save=False)
    return version


def _version_saved(document: GroupFile, version: FileVersion) -> None:
    version.document = document
    version.save()
    document.current, document.updated_at = version, version.created_at
    document.save(update_fields=["current", "updated_at"])


@transaction.atomic
def group_file_add(
    *,
    by: User,
    group: WorkingGroup,
    upload: UploadedFile,
    title: str = "",
    meeting: Meeting | None = None,
) -> GroupFile:
    """A new file of the group (its first version), checked by its content; linked to one of
    the group's meetings if given. Nothing is stored when anything is refused."""
    check(by, Can.GROUP_FILES, group)
    _meeting_of(group, meeting)
    title = title.strip() or PurePath(upload.name or "fichier").stem[:200] or _("Fichier")
    document = GroupFile(group=group, meeting=meeting, title=title[:200], added_by=by)
    document.full_clean(exclude=["current"])
    version = _version_stored(by=by, document=document, upload=upload, number=1)
    with uploads.removed_on_failure(version.file):
        document.save()
        _version_saved(document, version)
    return document


@transaction.atomic
def group_file_version_add(
    *, by: User, document: GroupFile, upload: UploadedFile, group: WorkingGroup | None = None
) -> FileVersion:
    """A new version of a file: the older ones stay downloadable. `group`, when given, is the
    group the request named: a file of another group is refused."""
    if group is not None and document.group_id != group.pk:
        raise ValidationError(_("Ce fichier appartient à un autre groupe de travail."))
    check(by, Can.GROUP_FILES, document.group)
    # One version at a time per file: two members sending at once get numbers 2 and 3.
    locked = GroupFile.objects.select_for_update().get(pk=document.pk)
    last = locked.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = _version_stored(by=by, document=locked, upload=upload, number=last + 1)
    with uploads.removed_on_failure(version.file):
        _version_saved(locked, version)
    document.current, document.updated_at = locked.current, locked.updated_at
    return version


@transaction.atomic
def group_file_delete(*, by: User, document: GroupFile) -> None:
    """Delete a file and all its versions (recorded in the history, with who deleted it);
    the stored files go once the deletion is committed."""
    check(by, Can.DELETE_GROUP_FILE, document)
    stored = [version.file for version in document.versions.all()]
    document._history_user = by  # type: ignore[attr-defined]  # simple-history's "who"
    document.delete()
    personal_data.delete_files_on_commit(stored)
