"""The agenda, the meeting page and its forms, the iCalendar files, the minutes' PDF."""

import calendar as months
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from ambassadeurs.models import WorkingGroup
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check, require
from core import files

from . import calendar, printing, selectors, services
from .forms import (
    AgendaItemForm,
    AnswerForm,
    AttendanceForm,
    DecisionForm,
    FileVersionForm,
    GroupFileForm,
    MeetingForm,
    MinutesForm,
    ProposalAcceptForm,
    ProposalRefuseForm,
    RemarkForm,
)
from .models import ActionProposal, Decision, FeedToken, FileVersion, GroupFile, Meeting


def _meeting(request, pk) -> Meeting:
    try:
        return selectors.meeting(pk, request.user)
    except Meeting.DoesNotExist:
        raise Http404 from None


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _on_form(form, error: ValidationError) -> None:
    """A service's refusal shown on the form: by the field it names, else above the fields."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _month(value: str | None) -> datetime.date:
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


@require_http_methods(["GET"])
def agenda(request):
    """Every meeting the member may attend: the coming ones as a list, or a month."""
    user = request.user
    view = "mois" if request.GET.get("vue") == "mois" else "liste"
    context = {"view": view, "feed": services.feed_token(user)}
    context["can_plan"] = can(user, Can.PLAN_MEETING) or user.led_working_groups.exists()
    if view == "mois":
        first = _month(request.GET.get("mois"))
        weeks = months.Calendar().monthdatescalendar(first.year, first.month)
        start = timezone.make_aware(datetime.datetime.combine(weeks[0][0], datetime.time()))
        end = timezone.make_aware(
            datetime.datetime.combine(weeks[-1][-1] + datetime.timedelta(days=1), datetime.time())
        )
        by_day: dict[datetime.date, list[Meeting]] = {}
        for meeting in selectors.agenda(user, start, end):
            by_day.setdefault(timezone.localdate(meeting.starts_at), []).append(meeting)
        context |= {
            "month": first,
            "previous": (first - datetime.timedelta(days=1)).replace(day=1),
            "next": (first + datetime.timedelta(days=31)).replace(day=1),
            "today": timezone.localdate(),
            "weeks": [[(day, by_day.get(day, [])) for day in week] for week in weeks],
            "count": sum(len(v) for d, v in by_day.items() if d.month == first.month),
        }
    else:
        context["meetings"] = selectors.upcoming(user)
    return TemplateResponse(request, "reunions/agenda.html", context)


@require_POST
def feed_reset(request):
    services.feed_reset(by=request.user)
    messages.success(
        request,
        _(
            "Nouvelle adresse d'agenda créée : l'ancienne ne fonctionne plus. Abonnez à nouveau "
            "votre agenda avec l'adresse ci-dessous."
        ),
    )
    return redirect("reunions:agenda")


def _ics(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_not_required
@require_http_methods(["GET", "HEAD"])
def feed(request, token):
    """A member's meetings for their calendar application: the secret URL is the key."""
    found = get_object_or_404(FeedToken.objects.select_related("user"), token=token)
    if not found.user.is_active:
        raise Http404
    return _ics(calendar.calendar(selectors.feed(found.user)), "solimut-rse.ics")


def _groups_for(user):
    if can(user, Can.COORDINATE):
        return WorkingGroup.objects.all()
    return WorkingGroup.objects.filter(lead=user)


def _meeting_form(request, meeting: Meeting | None):
    user = request.user
    groups = _groups_for(user)
    network = can(user, Can.PLAN_MEETING)  # the network's meetings: the coordination
    if meeting is None and not (network or groups.exists()):
        raise PermissionDenied
    if meeting is not None:
        check(user, Can.PLAN_MEETING, meeting.group)
    initial = {}
    if meeting is not None:
        initial = {
            "group": meeting.group,
            "title": meeting.title,
            "starts_at": timezone.localtime(meeting.starts_at),
            "ends_at": timezone.localtime(meeting.ends_at),
            "place": meeting.place,
            "video_url": meeting.video_url,
            "description": meeting.description,
            "invitees": [i.user for i in meeting.invitees.all()],
            "invite_group": False,
            "minutes_writer": meeting.minutes_writer,
        }
    else:
        initial["group"] = groups.filter(slug=request.GET.get("groupe")).first()
    form = MeetingForm(request.POST or None, initial=initial, groups=groups, network=network)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_save(
                by=user,
                meeting=meeting,
                group=data["group"],
                title=data["title"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                place=data["place"],
                video_url=data["video_url"],
                description=data["description"],
                invitees=data["all_invitees"],
                minutes_writer=data["minutes_writer"],
            )
        except ValidationError as error:
            _on_form(form, error)
        else:
            messages.success(request, _("Réunion enregistrée : les invités sont prévenus."))
            return redirect(meeting)
    return TemplateResponse(
        request, "reunions/meeting_form.html", {"form": form, "meeting": meeting}
    )


@require_http_methods(["GET", "POST"])
def meeting_create(request):
    return _meeting_form(request, None)


@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    return _meeting_form(request, _meeting(request, pk))


@require_http_methods(["GET"])
def meeting_detail(request, pk):
    return _detail(request, _meeting(request, pk))


def _detail(request, meeting: Meeting, decision_form: DecisionForm | None = None, status=200):
    """The meeting's page; `decision_form`, a decision refused, shown with its errors."""
    user = request.user
    mine = next((i for i in meeting.invitees.all() if i.user_id == user.pk), None)
    context = {
        "meeting": meeting,
        "mine": mine,
        "answers": {
            answer: [i for i in meeting.invitees.all() if i.answer == answer]
            for answer in ("yes", "maybe", "no", "pending")
        },
        "answer_form": AnswerForm(initial={"answer": mine.answer if mine else None}),
        "agenda_form": AgendaItemForm(),
        "remark_form": RemarkForm(),
        "decision_form": decision_form or DecisionForm(meeting=meeting),
        "attendance_form": AttendanceForm(meeting=meeting),
        "can_plan": can(user, Can.PLAN_MEETING, meeting.group),
        "can_write": can(user, Can.WRITE_MINUTES, meeting),
        "can_remark": can(user, Can.REMARK_MINUTES, meeting),
        "can_approve": can(user, Can.APPROVE_MINUTES, meeting),
        "can_coordinate": can(user, Can.COORDINATE),
        "remarks_open": meeting.minutes_state == Meeting.Minutes.PROPOSED,
        "meeting_files": selectors.meeting_files_panel(meeting, user),
    }
    return TemplateResponse(request, "reunions/meeting_detail.html", context, status=status)


@require_POST
def meeting_cancel(request, pk):
    meeting = _meeting(request, pk)
    try:
        services.meeting_cancel(by=request.user, meeting=meeting)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Réunion annulée : les invités sont prévenus."))
    return redirect(meeting)


@require_http_methods(["GET", "HEAD"])
def meeting_ics(request, pk):
    meeting = _meeting(request, pk)
    return _ics(calendar.calendar([meeting], method=None), f"reunion-{meeting.pk}.ics")


@require_POST
def answer(request, pk):
    meeting = _meeting(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Répondez oui, non ou peut-être."))
        return redirect(meeting)
    try:
        services.invitation_answer(
            by=request.user, meeting=meeting, answer=form.cleaned_data["answer"]
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Réponse enregistrée."))
    return redirect(meeting)


@require_POST
def agenda_item_add(request, pk):
    meeting = _meeting(request, pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_item_add(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Point ajouté à l'ordre du jour."))
    else:
        messages.error(request, _("Donnez un titre au point (200 caractères au plus)."))
    return redirect(meeting)


@require_POST
def attendance(request, pk):
    meeting = _meeting(request, pk)
    check(request.user, Can.PLAN_MEETING, meeting.group)
    form = AttendanceForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            services.attendance_record(
                by=request.user,
                meeting=meeting,
                present=[int(pk) for pk in form.cleaned_data["present"]],
            )
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Présences enregistrées."))
    return redirect(meeting)


@require_http_methods(["GET", "POST"])
def minutes(request, pk):
    """The minutes in the rich-text editor: saved, or saved and proposed for remarks."""
    meeting = _meeting(request, pk)
    check(request.user, Can.WRITE_MINUTES, meeting)
    if meeting.minutes_frozen:
        messages.info(request, _("Le compte rendu est approuvé : il ne change plus."))
        return redirect(meeting)
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["minutes"]
        try:
            if request.POST.get("action") == "proposer":
                services.minutes_propose(
                    by=request.user, meeting=meeting, text=text, days=form.cleaned_data["days"] or 0
                )
                messages.success(request, _("Compte rendu proposé aux participants."))
            else:
                services.minutes_save(by=request.user, meeting=meeting, text=text)
                messages.success(request, _("Compte rendu enregistré."))
        except ValidationError as error:
            _on_form(form, error)
        else:
            return redirect(meeting.get_absolute_url() + "#compte-rendu")
    return TemplateResponse(
        request, "reunions/minutes_form.html", {"form": form, "meeting": meeting}
    )


@require_POST
def remark(request, pk):
    meeting = _meeting(request, pk)
    check(request.user, Can.REMARK_MINUTES, meeting)
    form = RemarkForm(request.POST)
    if form.is_valid():
        try:
            services.remark_add(by=request.user, meeting=meeting, text=form.cleaned_data["text"])
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Remarque envoyée au rédacteur du compte rendu."))
    else:
        messages.error(request, _("Écrivez votre remarque (3 000 caractères au plus)."))
    return redirect(meeting.get_absolute_url() + "#compte-rendu")


@require_POST
def minutes_approve(request, pk):
    meeting = _meeting(request, pk)
    check(request.user, Can.APPROVE_MINUTES, meeting)
    try:
        services.minutes_approve(by=request.user, meeting=meeting)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Compte rendu approuvé : il ne change plus."))
    return redirect(meeting.get_absolute_url() + "#compte-rendu")


@require_POST
def decision_add(request, pk):
    """A decision recorded in the open minutes; refused, the page again with what was typed
    and the reason next to the field."""
    meeting = _meeting(request, pk)
    check(request.user, Can.WRITE_MINUTES, meeting)
    form = DecisionForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            decision = services.decision_add(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):  # about the minutes, not what was typed
                _refused(request, error)
                return redirect(meeting.get_absolute_url() + "#decisions")
            _on_form(form, error)
        else:
            messages.success(request, _("Décision ajoutée."))
            return redirect(meeting.get_absolute_url() + f"#decision-{decision.pk}")
    return _detail(request, meeting, decision_form=form, status=400)


@require_http_methods(["GET", "HEAD"])
def minutes_pdf(request, pk):
    """Approved minutes: the PDF a worker rendered and stored once. Before approval, a draft
    printed on request, marked "projet"."""
    meeting = _meeting(request, pk)
    if not meeting.minutes.strip():
        raise Http404
    if meeting.minutes_frozen:
        if not meeting.minutes_pdf:
            services.minutes_pdf_request(meeting)
            meeting.refresh_from_db(fields=["minutes_pdf"])  # rendered already when eager
        if not meeting.minutes_pdf:
            messages.info(
                request,
                _(
                    "Le PDF du compte rendu approuvé est en cours de production : réessayez dans "
                    "un instant."
                ),
            )
            return redirect(meeting.get_absolute_url() + "#compte-rendu")
        return files.response(
            meeting.minutes_pdf, filename=f"compte-rendu-{meeting.pk}.pdf", max_age=0
        )
    content = printing.render(meeting)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="compte-rendu-{meeting.pk}-projet.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- Decisions' follow-up: proposals to the plan, tasks ---------------------------------------


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def proposals(request):
    """The working groups' proposals to the plan: those waiting, then those examined."""
    context = {
        "pending": selectors.proposals(ActionProposal.Status.PENDING),
        "reviewed": selectors.proposals_reviewed(),
    }
    return TemplateResponse(request, "reunions/proposals.html", context)


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def proposal(request, pk):
    """One proposal: accepted (the action created or changed) or refused with a reason."""
    found = get_object_or_404(selectors.proposals_all(), pk=pk)
    decision = found.decision
    initial = {
        "axis": found.axis,
        "title": found.title or ("" if found.is_change else decision.text),
        "description": found.description,
        "due_on": found.due_on,
    }
    accept_form = ProposalAcceptForm(
        request.POST if request.POST.get("decision") == "accepter" else None, initial=initial
    )
    refuse_form = ProposalRefuseForm(
        request.POST if request.POST.get("decision") == "refuser" else None
    )
    if request.method == "POST":
        form = accept_form if request.POST.get("decision") == "accepter" else refuse_form
        if form.is_valid():
            try:
                if form is accept_form:
                    action = services.proposal_accept(
                        by=request.user, proposal=found, **form.cleaned_data
                    )
                    messages.success(
                        request,
                        _("Proposition acceptée : l'action %(code)s est au plan.")
                        % {"code": action.code},
                    )
                    return redirect(action)
                services.proposal_refuse(
                    by=request.user, proposal=found, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Proposition refusée : le groupe en voit le motif."))
                return redirect("reunions:proposals")
            except ValidationError as error:
                found.refresh_from_db()  # the refused claim was rolled back
                if not hasattr(error, "error_dict"):  # examined meanwhile: its page says how
                    _refused(request, error)
                    return redirect(found)
                _on_form(form, error)
    context = {
        "proposal": found,
        "decision": decision,
        "accept_form": accept_form,
        "refuse_form": refuse_form,
    }
    return TemplateResponse(request, "reunions/proposal.html", context)


@require_POST
def task_done(request, pk):
    decision = get_object_or_404(
        Decision.objects.select_related("meeting__group"), pk=pk, kind=Decision.Kind.TASK
    )
    if not can(request.user, Can.SEE_MEETING, decision.meeting):
        raise Http404
    check(request.user, Can.COMPLETE_TASK, decision)
    try:
        services.task_done(by=request.user, decision=decision)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Tâche marquée faite."))
    return redirect(decision.meeting.get_absolute_url() + f"#decision-{decision.pk}")


# --- Files of a working group --------------------------------------------------------------------

FILES_PAGE_SIZE = 20


def _to(request, url: str):
    """Where to go after a file was sent: a redirect, or its address for the script that sent
    the file with its progress (static/js/file-progress.js), which goes there itself."""
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _files_group(request, slug) -> WorkingGroup:
    """The group named by the URL, whose files the member may read (403 otherwise: the group
    itself is public, its files are its members')."""
    group = get_object_or_404(WorkingGroup.objects.select_related("lead"), slug=slug)
    check(request.user, Can.GROUP_FILES, group)
    return group


def _group_file(request, slug, pk) -> GroupFile:
    """A file the member may read, under the group the URL names (404 otherwise: whether a
    file exists is the group's business)."""
    try:
        document = selectors.group_file(request.user, pk)
    except GroupFile.DoesNotExist:
        raise Http404 from None
    if document.group.slug != slug:
        raise Http404
    return document


@require_http_methods(["GET", "POST"])
def group_files(request, slug):
    """The group's files, the last changed first, and the form to add one."""
    group = _files_group(request, slug)
    initial = {}
    meeting_pk = request.GET.get("reunion", "")
    if meeting_pk.isascii() and meeting_pk.isdecimal() and len(meeting_pk) < 10:
        initial["meeting"] = Meeting.objects.filter(group=group, pk=int(meeting_pk)).first()
    form = GroupFileForm(request.POST or None, request.FILES or None, initial=initial, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.group_file_add(
                by=request.user,
                group=group,
                upload=data["file"],
                title=data["title"],
                meeting=data["meeting"],
            )
        except ValidationError as error:
            _on_form(form, error)
        else:
            messages.success(request, _("Fichier ajouté : le groupe le retrouve ici."))
            return _to(request, document.get_absolute_url())
    page = Paginator(selectors.group_files(group), FILES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"group": group, "page": page, "form": form}
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "reunions/group_files.html", context, status=status)


def _file_page(request, document: GroupFile, form=None, status=200):
    context = {
        "document": document,
        "group": document.group,
        "versions": list(document.versions.all()),
        "form": form or FileVersionForm(),
        "can_delete": can(request.user, Can.DELETE_GROUP_FILE, document),
    }
    return TemplateResponse(request, "reunions/group_file.html", context, status=status)


@require_http_methods(["GET"])
def group_file(request, slug, pk):
    """A file: its current version, the older ones, and the form for a new one."""
    return _file_page(request, _group_file(request, slug, pk))


@require_POST
def group_file_version(request, slug, pk):
    """A new version of the file; a file of another group than the URL's is refused."""
    try:
        document = selectors.group_file(request.user, pk)
    except GroupFile.DoesNotExist:
        raise Http404 from None
    group = _files_group(request, slug)
    form = FileVersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.group_file_version_add(
                by=request.user, document=document, upload=form.cleaned_data["file"], group=group
            )
        except ValidationError as error:
            _on_form(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s déposée : les précédentes restent disponibles.")
                % {"number": version.number},
            )
            return _to(request, document.get_absolute_url())
    if document.group_id != group.pk:
        for message in form.non_field_errors():
            messages.error(request, message)
        return _to(request, document.get_absolute_url())
    return _file_page(request, document, form=form, status=400)


def _download(request, version: FileVersion):
    if not files.may_read(request.user, version, "file"):
        raise Http404
    return files.response(version.file, filename=version.name)


@require_http_methods(["GET", "HEAD"])
def group_file_download(request, slug, pk):
    """The current version."""
    document = _group_file(request, slug, pk)
    if document.current is None:
        raise Http404
    return _download(request, document.current)


@require_http_methods(["GET", "HEAD"])
def group_file_version_download(request, slug, pk, number):
    document = _group_file(request, slug, pk)
    version = next((v for v in document.versions.all() if v.number == number), None)
    if version is None:
        raise Http404
    return _download(request, version)


@require_http_methods(["GET", "POST"])
def group_file_delete(request, slug, pk):
    """Asked to confirm, then the file and all its versions deleted (the history keeps who
    did it and when)."""
    document = _group_file(request, slug, pk)
    check(request.user, Can.DELETE_GROUP_FILE, document)
    if request.method == "POST":
        group = document.group
        services.group_file_delete(by=request.user, document=document)
        messages.success(request, _("Fichier « %(title)s » supprimé.") % {"title": document.title})
        return redirect("reunions:group_files", slug=group.slug)
    return TemplateResponse(request, "reunions/group_file_delete.html", {"document": document})
