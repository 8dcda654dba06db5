"""The pages of the AG's resolutions and of the indicator registry, and the story of an action
or a resolution: everyone reads them, the coordination edits them, an ambassador enters their
mutuelle's measures with their evidence."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check, require
from mutuelles.models import Mutuelle

from . import charts, registry, selectors, services, story
from .dates import period_label, period_start
from .forms import (
    AssemblyForm,
    IndicatorRegistryForm,
    MeasureForm,
    ResolutionForm,
    TargetsForm,
)
from .models import Action, Evidence, Indicator, Measurement, Period, Resolution


def _plan():
    return selectors.current_plan()


# --- Resolutions --------------------------------------------------------------------------------


@require_http_methods(["GET"])
def resolution_list(request):
    context = {"assemblies": registry.assemblies()}
    if can(request.user, Can.COORDINATE):
        context["assembly_form"] = AssemblyForm()
    return TemplateResponse(request, "actionplan/resolutions.html", context)


@require_POST
@require(Can.COORDINATE)
def assembly_create(request):
    form = AssemblyForm(request.POST)
    if form.is_valid():
        try:
            assembly = services.assembly_save(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("« %(name)s » ajoutée.") % {"name": assembly})
            return redirect("actionplan:resolutions")
    context = {"assemblies": registry.assemblies(), "assembly_form": form}
    return TemplateResponse(request, "actionplan/resolutions.html", context, status=400)


@require_http_methods(["GET"])
def resolution_detail(request, pk):
    resolution = get_object_or_404(Resolution.objects.select_related("assembly"), pk=pk)
    actions = resolution.actions.select_related("axis", "plan").prefetch_related("deployments")
    context = {
        "resolution": resolution,
        "actions": [(action, registry.action_progress(action)) for action in actions],
    }
    return TemplateResponse(request, "actionplan/resolution.html", context)


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def resolution_form(request, pk=None):
    resolution = get_object_or_404(Resolution, pk=pk) if pk else None
    initial = {}
    plan = _plan()
    if resolution is None and plan is not None and plan.general_assembly_id:
        assembly = plan.general_assembly
        initial = {"assembly": assembly, "voted_on": assembly.held_on}
    form = ResolutionForm(request.POST or None, instance=resolution, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            resolution = services.resolution_save(
                by=request.user, resolution=resolution, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(resolution)s enregistrée.") % {"resolution": resolution})
            return redirect(resolution)
    context = {"form": form, "resolution": resolution}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "actionplan/resolution_form.html", context, status=status)


# --- The indicator registry -------------------------------------------------------------------


@require_http_methods(["GET"])
def indicator_list(request):
    plan = _plan()
    indicators = registry.registry(plan) if plan else []
    rows = registry.latest_figures(indicators, list(Mutuelle.objects.active()))
    return TemplateResponse(request, "actionplan/indicators.html", {"plan": plan, "rows": rows})


@require_http_methods(["GET"])
def indicator_detail(request, pk):
    indicator = get_object_or_404(
        Indicator.objects.select_related("plan", "action").prefetch_related("frameworks"), pk=pk
    )
    mutuelles = list(Mutuelle.objects.active())
    series = registry.indicator_series(indicator, mutuelles=mutuelles)
    targets = registry.indicator_targets(indicator)
    measurements = (
        Measurement.objects.filter(indicator=indicator)
        .select_related("mutuelle")
        .prefetch_related("evidence")
        .order_by("-period", "mutuelle__name")
    )
    labelled = [(period_label(f.period, indicator.period), f) for f in series if f.period]
    context = {
        "indicator": indicator,
        "figure": series[-1] if series else registry.group_figure(indicator, mutuelles, {}, None),
        "series": labelled,
        "series_chart": charts.series_chart(indicator, [(label, f.value) for label, f in labelled]),
        "targets": [(m, targets.get(m.pk)) for m in mutuelles],
        "mutuelles_chart": charts.indicator_chart(
            indicator, registry.latest_by_mutuelle(indicator, mutuelles), targets
        ),
        "measurements": measurements,
        "editable": [m for m in mutuelles if can(request.user, Can.EDIT_MUTUELLE, m)],
    }
    return TemplateResponse(request, "actionplan/indicator.html", context)


def _edit_page(request, indicator, *, form=None, targets_form=None, status=200):
    mutuelles = list(Mutuelle.objects.active())
    context = {
        "indicator": indicator,
        "form": form or IndicatorRegistryForm(instance=indicator),
        "targets_form": targets_form
        or TargetsForm(
            indicator=indicator,
            mutuelles=mutuelles,
            targets=registry.indicator_targets(indicator),
        ),
    }
    return TemplateResponse(request, "actionplan/indicator_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def indicator_registry_edit(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("plan"), pk=pk)
    if request.method == "GET":
        return _edit_page(request, indicator)
    form = IndicatorRegistryForm(request.POST, instance=indicator)
    if form.is_valid():
        try:
            services.indicator_save(
                by=request.user, plan=indicator.plan, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Indicateur « %(name)s » enregistré.") % {"name": indicator}
            )
            return redirect(indicator)
    indicator.refresh_from_db()
    return _edit_page(request, indicator, form=form, status=400)


@require_POST
@require(Can.COORDINATE)
def indicator_targets(request, pk):
    indicator = get_object_or_404(Indicator.objects.select_related("plan"), pk=pk)
    form = TargetsForm(
        request.POST,
        indicator=indicator,
        mutuelles=list(Mutuelle.objects.active()),
        targets=registry.indicator_targets(indicator),
    )
    if form.is_valid():
        services.indicator_targets_save(by=request.user, indicator=indicator, targets=form.targets)
        messages.success(request, _("Cibles des mutuelles enregistrées."))
        return redirect(indicator)
    return _edit_page(request, indicator, targets_form=form, status=400)


def _periods(indicator: Indicator) -> list[tuple[datetime.date, str]]:
    """The periods a measure may be entered for, latest first: from the baseline (or the
    plan's start) to today, within the plan."""
    plan = indicator.plan
    start = period_start(
        min(plan.starts_on, indicator.baseline_on or plan.starts_on), indicator.period
    )
    end = period_start(min(timezone.localdate(), plan.ends_on), indicator.period)
    periods, day = [], start
    while day <= end:
        periods.append((day, period_label(day, indicator.period)))
        months = 12 if indicator.period == Period.YEAR else 3
        month = day.month - 1 + months
        day = datetime.date(day.year + month // 12, month % 12 + 1, 1)
    return periods[::-1]


@require_http_methods(["GET", "POST"])
def measure_form(request, pk, slug):
    indicator = get_object_or_404(Indicator.objects.select_related("plan"), pk=pk)
    mutuelle = get_object_or_404(Mutuelle, slug=slug, is_active=True)
    check(request.user, Can.EDIT_MUTUELLE, mutuelle)
    form = MeasureForm(
        request.POST or None,
        request.FILES or None,
        indicator=indicator,
        periods=_periods(indicator),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.measurement_record(
                by=request.user,
                indicator=indicator,
                mutuelle=mutuelle,
                period=data["period"],
                value=data["value"],
                comment=data["comment"],
                evidence=[(upload, "") for upload in data["evidence"]],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Mesure de %(mutuelle)s enregistrée pour %(period)s.")
                % {
                    "mutuelle": mutuelle.short_name,
                    "period": period_label(data["period"], indicator.period),
                },
            )
            return redirect(indicator)
    context = {
        "indicator": indicator,
        "mutuelle": mutuelle,
        "form": form,
        "evidence": Evidence.objects.filter(
            measurement__indicator=indicator, measurement__mutuelle=mutuelle
        ).select_related("measurement"),
    }
    status = 400 if form.errors else 200
    return TemplateResponse(request, "actionplan/measure_form.html", context, status=status)


# --- Traceability: one chronological story ------------------------------------------------------


@require_http_methods(["GET"])
def action_story(request, pk):
    action = get_object_or_404(Action.objects.select_related("plan", "axis"), pk=pk)
    context = {"subject": action, "events": story.action_story(action), "kind": "action"}
    return TemplateResponse(request, "actionplan/story.html", context)


@require_http_methods(["GET"])
def resolution_story(request, pk):
    resolution = get_object_or_404(Resolution.objects.select_related("assembly"), pk=pk)
    context = {
        "subject": resolution,
        "events": story.resolution_story(resolution),
        "kind": "resolution",
    }
    return TemplateResponse(request, "actionplan/story.html", context)
