"""The CSR frameworks: the coverage page (for each entry of each framework, the actions and
indicators of the current plan, the published initiatives and guides that serve it, and the
entries nothing serves) and the coordination's editing of the entries. It gathers several
apps, so it lives in the composition root."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from actionplan import registry, selectors, services
from actionplan.forms import FrameworkEntryForm
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import require
from guides.models import Guide
from initiatives.models import Initiative
from mutuelles.models import Framework, FrameworkEntry


def coverage_rows() -> list[tuple[Framework, list[registry.Coverage]]]:
    """`actionplan.registry.coverage`, with what the published initiatives and guides serve."""
    frameworks = registry.coverage(selectors.current_plan())
    by_entry = {row.entry.pk: row for _framework, rows in frameworks for row in rows}
    for row in by_entry.values():
        row.others = {"initiatives": [], "guides": []}
    tagged = [
        ("initiatives", Initiative.objects.published().only("pk", "title", "mutuelle_id")),
        ("guides", Guide.objects.readable().only("pk", "title", "slug")),
    ]
    for kind, queryset in tagged:
        for item in queryset.prefetch_related("frameworks"):
            for entry in item.frameworks.all():
                by_entry[entry.pk].others[kind].append(item)
    return frameworks


@require_http_methods(["GET"])
def coverage(request):
    frameworks = coverage_rows()
    unserved = [
        (framework, [row for row in rows if not row.served]) for framework, rows in frameworks
    ]
    context = {"frameworks": frameworks, "unserved": [pair for pair in unserved if pair[1]]}
    return TemplateResponse(request, "frameworks.html", context)


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def entry_form(request, slug=None, pk=None):
    entry = (
        get_object_or_404(FrameworkEntry.objects.select_related("framework"), pk=pk) if pk else None
    )
    framework = entry.framework if entry else get_object_or_404(Framework, slug=slug)
    form = FrameworkEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.framework_entry_save(
                by=request.user, framework=framework, entry=entry, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("« %(entry)s » enregistrée.") % {"entry": entry})
            return redirect(f"{reverse('frameworks')}#entree-{entry.pk}")
    context = {"form": form, "entry": entry, "framework": framework}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "framework_entry_form.html", context, status=status)
