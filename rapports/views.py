"""The AG reports: the list with its versions, a new version asked by the coordination, the
progress of a render (polled by htmx), the PDF of a published version."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core import files

from . import selectors, services
from .forms import VersionForm
from .models import ReportVersion


def _check_reader(request) -> None:
    if not selectors.may_read(request.user):
        raise PermissionDenied


def _visible_version(request, pk: int) -> ReportVersion:
    """A version: a published one for whoever reads reports; any for the coordination."""
    _check_reader(request)
    version = selectors.version(pk)
    if version is None:
        raise Http404
    if version.state != ReportVersion.State.DONE and not can(request.user, Can.COORDINATE):
        raise Http404
    return version


def _list(request, form=None, status=200):
    coordinates = can(request.user, Can.COORDINATE)
    reports = list(selectors.reports())
    for report in reports:
        report.shown = [
            v for v in report.versions.all() if coordinates or v.state == ReportVersion.State.DONE
        ]
    context = {
        "reports": reports,
        "form": (form or VersionForm()) if coordinates else None,
        "coordinates": coordinates,
        "has_assemblies": selectors.assemblies().exists(),
    }
    return TemplateResponse(request, "rapports/list.html", context, status=status)


@require_GET
def report_list(request):
    _check_reader(request)
    return _list(request)


@require_POST
def version_create(request):
    if not can(request.user, Can.COORDINATE):
        raise PermissionDenied
    form = VersionForm(request.POST)
    if form.is_valid():
        try:
            version = services.version_request(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(version.get_absolute_url())
    return _list(request, form=form, status=400)


@require_GET
def version_detail(request, pk):
    version = _visible_version(request, pk)
    return TemplateResponse(request, "rapports/version.html", {"version": version})


@require_GET
def version_status(request, pk):
    version = _visible_version(request, pk)
    compact = request.GET.get("ligne") == "1"  # the list's line, rather than the version's page
    context = {"version": version, "compact": compact}
    return TemplateResponse(request, "rapports/partials/status.html", context)


@require_GET
def version_pdf(request, pk):
    version = _visible_version(request, pk)
    if version.state != ReportVersion.State.DONE or not version.pdf:
        raise Http404
    return files.response(version.pdf, filename=version.pdf_filename())


@require_GET
def version_workbook(request, pk):
    version = _visible_version(request, pk)
    if version.state != ReportVersion.State.DONE or not version.workbook:
        raise Http404
    return files.response(version.workbook, filename=version.workbook_filename())
