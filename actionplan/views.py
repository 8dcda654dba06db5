from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check, require
from core import contributions, fragments
from mutuelles.models import Mutuelle

from . import charts, exports, imports, selectors, services
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
    MeasurementForm,
    PlanForm,
)
from .models import Action, Axis, Deployment, DeploymentChange, Indicator, Status


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


def _dashboard(request, plan):
    """The network's progress for every member; coordinators also follow who updated what and
    when, and the field feedback. The plan, the mutuelles (and themes, in its filters) and the
    members, rendered once per revision of them, set of filters and of what the reader sees."""
    filters = DashboardFilterForm(request.GET or None, plan=plan)
    follow_up = can(request.user, Can.FOLLOW_UP)

    def render():
        board = selectors.dashboard(
            plan, **filters.filters(), page=request.GET.get("page"), follow_up=follow_up
        )
        context = {
            "board": board,
            "follow_up": follow_up,
            "filters": filters,
            "filtered": bool(request.GET),
            "indicator_charts": [
                (indicator, values, charts.indicator_chart(indicator, values))
                for indicator, values in board.indicators
            ],
            "progress_chart": charts.progress_chart(board.by_mutuelle),
            "timeline": charts.progress_line(board.timeline),
            "status_choices": Status.choices,
            "stale_days": settings.RSE_STALE_AFTER.days,
        }
        return render_to_string("actionplan/partials/dashboard.html", context, request)

    return fragments.cached(
        "actionplan:dashboard",
        revisions=["actionplan", "mutuelles", "ambassadeurs"],
        vary=[plan.pk, follow_up, timezone.localdate(), request.GET.urlencode()],
        render=render,
        timeout=DASHBOARD_CACHE_SECONDS,
    )


@require_http_methods(["GET"])
def plan_home(request):
    plan = selectors.current_plan()
    context = {"plan": plan}
    if plan is not None:
        context["axes"] = selectors.plan_axes(plan)
        context["dashboard"] = _dashboard(request, plan)
    return TemplateResponse(request, "actionplan/plan.html", context)


@require_http_methods(["GET"])
def action_detail(request, pk):
    action = get_object_or_404(Action.objects.select_related("axis", "theme", "plan"), pk=pk)
    context = {
        "action": action,
        "deployments": selectors.action_deployments(action),
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


# --- Ma mutuelle ---------------------------------------------------------------------------------


def _mutuelle_for(request):
    slug = request.GET.get("mutuelle")
    if slug:
        return get_object_or_404(Mutuelle.objects.active(), slug=slug)
    if request.user.mutuelle_id:
        return request.user.mutuelle
    return Mutuelle.objects.active().first()


MY_MUTUELLE_PAGE_SIZE = 25


def _my_mutuelle_page(
    request, plan, mutuelle, *, measurement_form=None, feedback_form=None, status=200
):
    editable = can(request.user, Can.EDIT_MUTUELLE, mutuelle)
    axis_id = request.GET.get("axe", "")
    # ASCII digits only ("²".isdigit() is true); Django answers "none" past the column's range.
    digits = axis_id.isascii() and axis_id.isdigit()
    axis = plan.axes.filter(pk=int(axis_id)).first() if digits else None
    page = Paginator(
        selectors.mutuelle_deployments(plan, mutuelle, axis=axis), MY_MUTUELLE_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    if editable:
        for deployment in page.object_list:
            deployment.form = DeploymentForm(instance=deployment)
    context = {
        "plan": plan,
        "mutuelle": mutuelle,
        "mutuelles": Mutuelle.objects.active(),
        "axes": plan.axes.all(),
        "axis": axis,
        "page": page,
        "editable": editable,
        "indicators": selectors.mutuelle_indicators(plan, mutuelle),
        "measurement_form": measurement_form
        or MeasurementForm(plan=plan, quarters=selectors.plan_quarters(plan)),
        "feedback_form": feedback_form or FeedbackForm(plan=plan),
    }
    return TemplateResponse(request, "actionplan/my_mutuelle.html", context, status=status)


@require_http_methods(["GET"])
def my_mutuelle(request):
    plan = selectors.current_plan()
    mutuelle = _mutuelle_for(request)
    if plan is None or mutuelle is None:
        return TemplateResponse(request, "actionplan/plan.html", {"plan": None})
    return _my_mutuelle_page(request, plan, mutuelle)


@require_POST
def deployment_edit(request, pk):
    deployment = get_object_or_404(
        Deployment.objects.select_related("action__axis", "mutuelle", "updated_by"), pk=pk
    )
    check(request.user, Can.EDIT_MUTUELLE, deployment)
    form = DeploymentForm(request.POST, instance=deployment)
    saved = False
    if form.is_valid():
        try:
            services.deployment_update(deployment=deployment, by=request.user, **form.cleaned_data)
            saved = True
        except ValidationError as error:
            form.add_error(None, error)
    if request.htmx:
        if saved:
            deployment.refresh_from_db()
            form = DeploymentForm(instance=deployment)
        deployment.form = form
        context = {"deployment": deployment, "editable": True, "saved": saved}
        return TemplateResponse(
            request,
            "actionplan/my_mutuelle.html#deployment-row",
            context,
            status=200 if saved or not form.errors else 400,
        )
    if saved:
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


@require_POST
def measurement_record(request, slug):
    plan = _plan_or_404()
    mutuelle = get_object_or_404(Mutuelle.objects.active(), slug=slug)
    check(request.user, Can.EDIT_MUTUELLE, mutuelle)
    form = MeasurementForm(request.POST, plan=plan, quarters=selectors.plan_quarters(plan))
    if form.is_valid():
        try:
            services.measurement_record(by=request.user, mutuelle=mutuelle, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Mesure enregistrée."))
            return redirect(f"{reverse('actionplan:my_mutuelle')}?mutuelle={slug}#indicateurs")
    return _my_mutuelle_page(request, plan, mutuelle, measurement_form=form, status=400)


@require_POST
def feedback_create(request, slug):
    plan = _plan_or_404()
    mutuelle = get_object_or_404(Mutuelle.objects.active(), slug=slug)
    check(request.user, Can.EDIT_MUTUELLE, mutuelle)
    form = FeedbackForm(request.POST, plan=plan)
    if form.is_valid():
        services.feedback_create(by=request.user, mutuelle=mutuelle, **form.cleaned_data)
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
    page = Paginator(found.qs, FEEDBACK_PAGE_SIZE).get_page(request.GET.get("page"))
    if coordinator:
        for feedback in page.object_list:
            feedback.form = AnswerForm(instance=feedback)
    context = {"filter": found, "page": page, "coordinator": coordinator}
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
    plan = _plan_or_404()
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            lines = imports.parse(form.cleaned_data["file"])
            count = services.plan_import(by=request.user, plan=plan, lines=lines)
        except imports.ImportFileError as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(
                request, _("%(count)s actions importées dans le plan.") % {"count": count}
            )
            return redirect("actionplan:plan")
    context = {"form": form, "plan": plan, "errors": errors}
    status = 400 if errors or form.errors else 200
    return TemplateResponse(request, "actionplan/import.html", context, status=status)


@require_http_methods(["GET"])
@require(Can.FOLLOW_UP)
def export(request, kind, fmt):
    plan = _plan_or_404()
    return exports.response(plan, kind, fmt)
