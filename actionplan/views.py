import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check, require
from core import contributions, fragments
from mutuelles.models import Mutuelle

from . import charts, exports, imports, registry, selectors, services
from .filters import FeedbackFilter
from .forms import (
    ActionForm,
    AnswerForm,
    AxisForm,
    DashboardFilterForm,
    DeploymentForm,
    FeedbackForm,
    ImportForm,
    IndicatorForm,
    PlanForm,
    WeeklyUpdateForm,
)
from .models import (
    PROGRESS_RULES,
    Action,
    Axis,
    Deployment,
    DeploymentChange,
    Indicator,
    PlanImport,
    Status,
)


def _plan_or_404():
    plan = selectors.current_plan()
    if plan is None:
        raise Http404
    return plan


def _back(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return default


# --- Reading the plan ---------------------------------------------------------------------------


DASHBOARD_CACHE_SECONDS = 600  # "stale" and "overdue" follow the clock within ten minutes


def _dashboard(request, plan, axes):
    """The network's progress, the same for every member (coordinators also get the exports):
    rendered once per revision of the plan and the mutuelles (and themes, in its filters), set
    of filters and role. `axes`: the plan's, read for the page already."""
    follow_up = can(request.user, Can.FOLLOW_UP)

    def render():
        shown = list(Mutuelle.objects.active())
        filters = DashboardFilterForm(request.GET or None, plan=plan, axes=axes, mutuelles=shown)
        chosen = filters.filters()
        board = selectors.dashboard(
            plan,
            **chosen,
            page=request.GET.get("page"),
            axes=axes,
            mutuelles=shown,
        )
        context = {
            "board": board,
            "follow_up": follow_up,
            "filters": filters,
            "filtered": bool(request.GET),
            "one_mutuelle": chosen.get("mutuelle"),
            "progress_chart": charts.progress_chart(board.by_mutuelle),
            "timeline": charts.progress_line(board.timeline),
            "status_choices": Status.choices,
            "stale_days": settings.RSE_STALE_AFTER.days,
        }
        return render_to_string("actionplan/partials/dashboard.html", context, request)

    return fragments.cached(
        "actionplan:dashboard",
        revisions=["actionplan", "mutuelles"],
        vary=[plan.pk, follow_up, timezone.localdate(), request.GET.urlencode()],
        render=render,
        timeout=DASHBOARD_CACHE_SECONDS,
    )


@require_http_methods(["GET"])
def plan_home(request):
    plan = selectors.current_plan()
    context = {"plan": plan}
    if plan is not None:
        context["axes"] = axes = list(selectors.plan_axes_counted(plan))
        context["dashboard"] = _dashboard(request, plan, axes)
        # What later apps offer beside the plan's title (the AG reports).
        context["sections"] = contributions.render("actionplan:plan", request, plan)
    return TemplateResponse(request, "actionplan/plan.html", context)


@require_http_methods(["GET"])
@require(Can.FOLLOW_UP)
def follow_up(request):
    """Each mutuelle's last update by its own members, the latest field feedback."""
    plan = _plan_or_404()
    context = {
        "plan": plan,
        "follow": selectors.follow_up(plan),
        "stale_days": settings.RSE_STALE_AFTER.days,
    }
    return TemplateResponse(request, "actionplan/follow_up.html", context)


@require_http_methods(["GET"])
def axis_detail(request, pk):
    """An axis and its actions; only its actions for the dashboard's folded axis (htmx)."""
    axis = get_object_or_404(Axis.objects.select_related("plan"), pk=pk)
    template = "actionplan/axis.html#actions" if request.htmx else "actionplan/axis.html"
    return TemplateResponse(
        request, template, {"axis": axis, "actions": selectors.axis_actions(axis)}
    )


@require_http_methods(["GET"])
def action_detail(request, pk):
    action = get_object_or_404(
        Action.objects.select_related("axis", "theme", "plan").prefetch_related(
            "resolutions", "frameworks", "indicators"
        ),
        pk=pk,
    )
    deployments = selectors.action_deployments(action)
    context = {
        "action": action,
        "deployments": deployments,
        "progress": registry.action_progress(action),
        # What later apps hold about the action (initiatives, guides) comes from them.
        "sections": contributions.render("actionplan:action", request, action),
    }
    return TemplateResponse(request, "actionplan/action.html", context)


@require_http_methods(["GET"])
def deployment_detail(request, pk):
    deployment = get_object_or_404(
        Deployment.objects.select_related("action__axis", "mutuelle", "updated_by"), pk=pk
    )
    context = {
        "deployment": deployment,
        "history": selectors.deployment_history(deployment),
        "form": DeploymentForm(instance=deployment)
        if can(request.user, Can.EDIT_MUTUELLE, deployment)
        else None,
    }
    return TemplateResponse(request, "actionplan/deployment.html", context)


@require_POST
def deployment_edit(request, pk):
    deployment = get_object_or_404(
        Deployment.objects.select_related("action__axis", "mutuelle", "updated_by"), pk=pk
    )
    check(request.user, Can.EDIT_MUTUELLE, deployment)
    form = DeploymentForm(request.POST, instance=deployment)
    if form.is_valid():
        try:
            services.deployment_update(deployment=deployment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Action %(code)s mise à jour.") % {"code": deployment.action.code}
            )
            return redirect(_back(request, deployment.get_absolute_url()))
    # The form changed the object in memory: the page shows what is saved beside the form.
    stored = Deployment.objects.select_related("action__axis", "mutuelle", "updated_by").get(
        pk=deployment.pk
    )
    context = {"deployment": stored, "history": selectors.deployment_history(stored), "form": form}
    return TemplateResponse(request, "actionplan/deployment.html", context, status=400)


# --- Ma mutuelle ---------------------------------------------------------------------------------


def _mutuelle_for(request, mutuelles):
    """The mutuelle "Ma mutuelle" shows: the one asked for, else the member's own, else the
    first; found among the active ones the page lists anyway (its picker), no query of its own."""
    slug = request.GET.get("mutuelle")
    if slug:
        found = next((mutuelle for mutuelle in mutuelles if mutuelle.slug == slug), None)
        if found is None:
            raise Http404
        return found
    if request.user.mutuelle_id:
        own = (mutuelle for mutuelle in mutuelles if mutuelle.pk == request.user.mutuelle_id)
        return next(own, None) or request.user.mutuelle  # an inactive one is still theirs
    return mutuelles[0] if mutuelles else None


WEEKLY_CACHE_SECONDS = 600  # "stale" and "overdue" follow the clock within ten minutes
UNFOLDED = "a-jour"  # in the query: the actions up to date shown, not folded
FEEDBACK_FORM = "nouveau-retour"  # in the query: the field feedback's form shown, not folded


def _weekly_body(plan, mutuelle, editable, *, weekly=None, unfolded=False):
    """The actions, what needs the ambassador first, and the indicators: rendered once per
    revision of the plan and of the members (names of who updated what), mutuelle and day;
    afresh when it shows a refused POST (`weekly` given). The actions up to date are folded,
    and left for htmx to fetch when opened (`_up_to_date`), unless `unfolded` or given."""

    def render():
        context = {
            "weekly": weekly or selectors.weekly_update(plan, mutuelle, others=unfolded),
            "mutuelle": mutuelle,
            "editable": editable,
            "unfolded": unfolded,
            "stale_days": settings.RSE_STALE_AFTER.days,
        }
        return render_to_string("actionplan/my_mutuelle.html#weekly", context)

    if weekly is not None:
        return render()
    return fragments.cached(
        "actionplan:weekly",
        revisions=["actionplan", "ambassadeurs"],
        vary=[plan.pk, mutuelle.pk, editable, unfolded, timezone.localdate()],
        render=render,
        timeout=WEEKLY_CACHE_SECONDS,
    )


def _up_to_date(plan, mutuelle, editable):
    """The folded cards of "Ma mutuelle", for htmx to put in their place: cached as the body."""

    def render():
        context = {
            "cards": selectors.up_to_date_deployments(plan, mutuelle),
            "editable": editable,
        }
        return render_to_string("actionplan/my_mutuelle.html#cards", context)

    return fragments.cached(
        "actionplan:up-to-date",
        revisions=["actionplan", "ambassadeurs"],
        vary=[plan.pk, mutuelle.pk, editable, timezone.localdate()],
        render=render,
        timeout=WEEKLY_CACHE_SECONDS,
    )


def _feedback_fields(plan, form=None):
    """The feedback form's fields: a blank one is the same for everyone until the plan (its
    list of actions) changes, so it is rendered once."""

    def render(form):
        return render_to_string("includes/form_fields.html", {"form": form})

    if form is not None:
        return render(form)
    return fragments.cached(
        "actionplan:feedback-fields",
        revisions=["actionplan"],
        vary=[plan.pk],
        render=lambda: render(FeedbackForm(plan=plan)),
    )


def _my_mutuelle_page(
    request,
    plan,
    mutuelle,
    *,
    weekly=None,
    unfolded=False,
    errors=None,
    feedback_form=None,
    feedback_open=False,
    mutuelles=None,
    status=200,
):
    """The page; the field feedback's form folded (an occasional errand beside the weekly one:
    htmx fetches it when opened) unless `feedback_open` or it comes back with its faults."""
    editable = can(request.user, Can.EDIT_MUTUELLE, mutuelle)
    feedback_open = editable and (feedback_open or feedback_form is not None)
    context = {
        "plan": plan,
        "mutuelle": mutuelle,
        "mutuelles": Mutuelle.objects.active() if mutuelles is None else mutuelles,
        "editable": editable,
        "body": _weekly_body(plan, mutuelle, editable, weekly=weekly, unfolded=unfolded),
        "errors": errors,
        "rules": PROGRESS_RULES,
        "feedback_fields": _feedback_fields(plan, feedback_form) if feedback_open else "",
        "feedback_form_param": FEEDBACK_FORM,
    }
    return TemplateResponse(request, "actionplan/my_mutuelle.html", context, status=status)


@require_http_methods(["GET"])
@vary_on_headers("HX-Request")
def my_mutuelle(request):
    plan = selectors.current_plan()
    mutuelles = list(Mutuelle.objects.active())
    mutuelle = _mutuelle_for(request, mutuelles)
    if plan is None or mutuelle is None:
        return TemplateResponse(request, "actionplan/plan.html", {"plan": None})
    unfolded = UNFOLDED in request.GET
    if unfolded and request.htmx:  # the folded part, opened
        editable = can(request.user, Can.EDIT_MUTUELLE, mutuelle)
        return HttpResponse(_up_to_date(plan, mutuelle, editable))
    feedback_open = FEEDBACK_FORM in request.GET
    if feedback_open and request.htmx:  # the field feedback's form, opened
        check(request.user, Can.EDIT_MUTUELLE, mutuelle)
        context = {"mutuelle": mutuelle, "feedback_fields": _feedback_fields(plan)}
        return TemplateResponse(request, "actionplan/my_mutuelle.html#feedback-form", context)
    return _my_mutuelle_page(
        request,
        plan,
        mutuelle,
        unfolded=unfolded,
        feedback_open=feedback_open,
        mutuelles=mutuelles,
    )


def _summary(saved):
    parts = []
    if saved.updated:
        parts.append(
            ngettext("%(n)s action mise à jour", "%(n)s actions mises à jour", saved.updated)
            % {"n": saved.updated}
        )
    if saved.reviewed:
        parts.append(
            ngettext("%(n)s « rien de neuf »", "%(n)s « rien de neuf »", saved.reviewed)
            % {"n": saved.reviewed}
        )
    if saved.measured:
        parts.append(
            ngettext("%(n)s mesure", "%(n)s mesures", saved.measured) % {"n": saved.measured}
        )
    if not parts:
        return _("Rien à enregistrer : aucun changement.")
    return _("Enregistré : %(what)s.") % {"what": ", ".join(parts)}


@require_POST
def weekly_update(request, slug):
    """The whole weekly update of a mutuelle, saved at once (or nothing, and why)."""
    plan = _plan_or_404()
    mutuelle = get_object_or_404(Mutuelle.objects.active(), slug=slug)
    check(request.user, Can.EDIT_MUTUELLE, mutuelle)
    weekly = selectors.weekly_update(plan, mutuelle, others=True)
    form = WeeklyUpdateForm(
        request.POST,
        deployments=[*weekly.needing, *weekly.others],
        indicators=weekly.indicators,
        quarters=weekly.quarters,
    )
    errors = None
    if form.is_valid():
        try:
            saved = services.mutuelle_update(
                by=request.user,
                mutuelle=mutuelle,
                changes=form.changes(),
                reviewed=form.reviewed_deployments(),
                measurements=form.measurements(),
                period=form.cleaned_data["period"],
                seen=form.seen(),
            )
        except ValidationError as error:
            errors = error.message_dict
    else:
        errors = form.errors_by_key()
    if errors is None:
        if not request.htmx:
            messages.success(request, _summary(saved))
            return redirect(f"{reverse('actionplan:my_mutuelle')}?mutuelle={slug}")
        context = {
            "body": _weekly_body(plan, mutuelle, editable=True),
            "saved": _summary(saved),
        }
        return TemplateResponse(request, "actionplan/my_mutuelle.html#weekly-saved", context)
    # Nothing was saved: each card says what is wrong, the summary lists it all.
    faults = _faults(form, errors)
    if request.htmx:
        # Each card on the page gets its faults, or none: a folded card is there once opened,
        # and then sent if changed.
        shown = {*weekly.needing, *form.sent()}
        cards = [d for d in form.deployments.values() if d in shown or d.faults]
        response = TemplateResponse(
            request,
            "actionplan/my_mutuelle.html#weekly-refused",
            {"errors": faults, "cards": cards},
            status=400,
        )
        # The typed values stay where they are, still marked unsaved: only the faults go in.
        response["HX-Retarget"] = "#weekly-errors"
        response["HX-Reswap"] = "innerHTML"
        return response
    for key, deployment in form.deployments.items():  # the page shows what was typed
        for name in services.TRACKED_FIELDS:
            setattr(deployment, name, form.data.get(f"{key}-{name}", getattr(deployment, name)))
        deployment.review_checked = str(deployment.pk) in form.data.getlist("reviewed")
    return _my_mutuelle_page(request, plan, mutuelle, weekly=weekly, errors=faults, status=400)


def _faults(form, errors):
    """[(anchor, what, messages)] in the page's order; each card also gets its own as `.faults`."""
    found = []
    for key, deployment in form.deployments.items():
        deployment.faults = errors.get(key, [])
        if deployment.faults:
            found.append((f"deployment-{deployment.pk}", deployment.action, deployment.faults))
    for key, indicator in form.indicators.items():
        if key in errors:
            found.append(("indicateurs", indicator, errors[key]))
    if errors.get(""):
        found.append(("weekly-errors", "", errors[""]))
    return found


@require_POST
def feedback_create(request, slug):
    plan = _plan_or_404()
    mutuelle = get_object_or_404(Mutuelle.objects.active(), slug=slug)
    check(request.user, Can.EDIT_MUTUELLE, mutuelle)
    form = FeedbackForm(request.POST, plan=plan)
    sent = form.is_valid()
    if sent:
        services.feedback_create(by=request.user, mutuelle=mutuelle, **form.cleaned_data)
    if request.htmx:  # the section again, in place: empty and thanked, or with its faults
        context = {
            "mutuelle": mutuelle,
            "editable": True,
            "feedback_fields": _feedback_fields(plan, None if sent else form),
            "sent": sent,
        }
        return TemplateResponse(
            request, "actionplan/my_mutuelle.html#feedback", context, status=200 if sent else 400
        )
    if sent:
        messages.success(
            request, _("Merci : votre retour du terrain est transmis à la coordination.")
        )
        return redirect(f"{reverse('actionplan:my_mutuelle')}?mutuelle={slug}#retours")
    return _my_mutuelle_page(request, plan, mutuelle, feedback_form=form, status=400)


# --- Field feedback and the coordination's answers ---------------------------------------------

FEEDBACK_PAGE_SIZE = 25


@require_http_methods(["GET"])
def feedback_list(request):
    """The coordination's inbox of field feedback, filtered; an ambassador's mutuelle's own,
    with the answers it got."""
    coordinator = can(request.user, Can.COORDINATE)
    if not coordinator and not can(request.user, Can.EDIT_MUTUELLE, request.user.mutuelle):
        raise PermissionDenied
    found = FeedbackFilter(
        request.GET, queryset=selectors.feedback_list(request.user), coordinator=coordinator
    )
    shown = found.qs
    # One feedback, by the link the search gives (whatever page of the list holds it).
    one = request.GET.get("retour", "")
    one_asked = bool(re.fullmatch(r"[0-9]{1,18}", one))  # an id, within bigint
    if one_asked:
        shown = shown.filter(pk=one)
    page = Paginator(shown, FEEDBACK_PAGE_SIZE).get_page(request.GET.get("page"))
    if coordinator:
        for feedback in page.object_list:
            feedback.form = AnswerForm(instance=feedback)
    context = {"filter": found, "page": page, "coordinator": coordinator, "one": one_asked}
    return TemplateResponse(request, "actionplan/feedback_list.html", context)


@require_POST
@require(Can.COORDINATE)
def feedback_answer(request, pk):
    """Answer a feedback (`repondre`) or mark it handled without a word (`traiter`)."""
    feedback = get_object_or_404(selectors.feedback_list(request.user), pk=pk)
    form = AnswerForm(request.POST, instance=feedback)
    saved = False
    if request.POST.get("action") == "traiter":
        services.feedback_mark_handled(by=request.user, feedback=feedback)
        saved = True
    elif form.is_valid():
        try:
            services.feedback_answer(
                by=request.user, feedback=feedback, answer=form.cleaned_data["answer"]
            )
            saved = True
        except ValidationError as error:
            form.add_error(None, error)
    if saved:
        feedback.refresh_from_db()
        form = AnswerForm(instance=feedback)
    feedback.form = form
    status = 200 if saved else 400
    if request.htmx:
        context = {"feedback": feedback, "coordinator": True, "saved": saved}
        return TemplateResponse(
            request, "actionplan/feedback_list.html#feedback", context, status=status
        )
    if saved:
        messages.success(request, _("Retour « %(subject)s » traité.") % {"subject": feedback})
        return redirect(_back(request, reverse("actionplan:feedback_list")))
    context = {"feedback": feedback, "coordinator": True}
    return TemplateResponse(request, "actionplan/feedback_answer.html", context, status=status)


# --- Building the plan (coordinators) -------------------------------------------------------------


def _manage_page(request, plan, *, plan_form=None, axis_form=None, indicator_form=None, status=200):
    context = {
        "plan": plan,
        "plan_form": plan_form or PlanForm(instance=plan),
        "axis_form": axis_form or AxisForm(),
        "indicator_form": indicator_form or (IndicatorForm(plan=plan) if plan else None),
        "axes": selectors.plan_axes(plan) if plan else [],
        "indicators": plan.indicators.select_related("action") if plan else [],
    }
    for axis in context["axes"]:
        axis.form = AxisForm(instance=axis, prefix=f"axis-{axis.pk}")
    for indicator in context["indicators"]:
        indicator.form = IndicatorForm(instance=indicator, plan=plan, prefix=f"ind-{indicator.pk}")
    return TemplateResponse(request, "actionplan/manage.html", context, status=status)


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def manage(request):
    plan = selectors.current_plan()
    if request.method == "POST":
        form = PlanForm(request.POST, instance=plan)
        if form.is_valid():
            try:
                plan = services.plan_save(by=request.user, plan=plan, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Plan enregistré."))
                return redirect("actionplan:manage")
        return _manage_page(request, plan, plan_form=form, status=400)
    if plan is None:
        return _manage_page(request, None, plan_form=PlanForm(initial={"is_current": True}))
    return _manage_page(request, plan)


@require_POST
@require(Can.COORDINATE)
def axis_save(request, pk=None):
    plan = _plan_or_404()
    axis = get_object_or_404(Axis, pk=pk, plan=plan) if pk else None
    form = AxisForm(request.POST, instance=axis, prefix=f"axis-{pk}" if pk else None)
    if form.is_valid():
        try:
            services.axis_save(by=request.user, plan=plan, axis=axis, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Axe enregistré."))
            return redirect("actionplan:manage")
    return _manage_page(request, plan, axis_form=form, status=400)


@require_POST
@require(Can.COORDINATE)
def indicator_save(request, pk=None):
    plan = _plan_or_404()
    indicator = get_object_or_404(Indicator, pk=pk, plan=plan) if pk else None
    form = IndicatorForm(
        request.POST, instance=indicator, plan=plan, prefix=f"ind-{pk}" if pk else None
    )
    if form.is_valid():
        try:
            services.indicator_save(
                by=request.user, plan=plan, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Indicateur enregistré."))
            return redirect("actionplan:manage")
    return _manage_page(request, plan, indicator_form=form, status=400)


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def action_form(request, pk=None):
    plan = _plan_or_404()
    action = get_object_or_404(Action, pk=pk, plan=plan) if pk else None
    form = ActionForm(request.POST or None, instance=action, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.action_save(
                by=request.user, plan=plan, action=action, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action %(code)s enregistrée.") % {"code": action.code})
            return redirect(action)
    context = {"form": form, "action": action, "plan": plan}
    return TemplateResponse(
        request, "actionplan/action_form.html", context, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def action_delete(request, pk):
    """Deleting an action takes its deployments and their history: say so, then do it."""
    action = get_object_or_404(Action.objects.select_related("axis"), pk=pk)
    if request.method == "POST":
        services.action_delete(by=request.user, action=action)
        messages.success(request, _("Action %(code)s supprimée.") % {"code": action.code})
        return redirect("actionplan:manage")
    context = {
        "action": action,
        "deployments": action.deployments.count(),
        "changes": DeploymentChange.objects.filter(deployment__action=action).count(),
    }
    return TemplateResponse(request, "actionplan/action_delete.html", context)


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def plan_import(request):
    """A small file is imported at once; a large one (`RSE_IMPORT_INLINE_LINES`) is kept and
    imported in the background, its page showing the progress."""
    plan = _plan_or_404()
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            lines = imports.parse(upload)
            deployments = imports.parse_deployments(upload)
            services.import_check_idle(plan)
            if len(lines) + len(deployments) > settings.RSE_IMPORT_INLINE_LINES:
                job = services.plan_import_start(by=request.user, plan=plan, upload=upload)
                return redirect(job)
            count = services.plan_import(
                by=request.user,
                plan=plan,
                lines=lines,
                file_name=upload.name,
                deployments=deployments,
            )
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request, _("%(count)s actions importées dans le plan.") % {"count": count}
            )
            return redirect("actionplan:plan")
    context = {
        "form": form,
        "plan": plan,
        "errors": errors,
        "jobs": plan.imports.select_related("created_by")[:5],
    }
    status = 400 if errors or form.errors else 200
    return TemplateResponse(request, "actionplan/import.html", context, status=status)


def _import_job(pk):
    return get_object_or_404(PlanImport.objects.select_related("plan", "created_by"), pk=pk)


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def import_job(request, pk):
    """Where a background import stands: its progress (polled while it runs), then its result
    or the lines to correct."""
    context = {"job": _import_job(pk)}
    return TemplateResponse(request, "actionplan/import_job.html", context)


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def import_progress(request, pk):
    """The progress panel alone, polled by htmx every 2 s while the import runs."""
    context = {"job": _import_job(pk)}
    return TemplateResponse(request, "actionplan/import_job.html#progress", context)


@require_http_methods(["GET"])
@require(Can.FOLLOW_UP)
def export(request, kind, fmt):
    plan = _plan_or_404()
    return exports.response(plan, kind, fmt, as_of=exports.cutoff_day(request.GET.get("au")))
