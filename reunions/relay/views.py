"""The "Kit de relais" page of a sent edition or a published guide, its two PDFs, the
mutuelle's local part and the relay sessions. Ambassadors and the coordination (RELAY); an
ambassador sees and writes their own mutuelle's part, the coordination picks a mutuelle
(`?mutuelle=<slug>`, or the field of the same name in a form)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from actionplan.selectors import current_plan
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check
from guides.models import Guide
from mutuelles.models import Mutuelle
from newsletter.models import Edition

from . import printing, selectors, services
from .forms import LocalPartForm, SessionForm


def _edition(number: int) -> Edition:
    try:
        return selectors.sent_edition(number)
    except Edition.DoesNotExist:
        raise Http404 from None


def _guide(slug: str) -> Guide:
    try:
        return selectors.published_guide(slug)
    except Guide.DoesNotExist:
        raise Http404 from None


def _kit(source, mutuelle):
    if isinstance(source, Edition):
        return selectors.edition_kit(source, mutuelle)
    return selectors.guide_kit(source, mutuelle)


def _urls(source) -> dict[str, str]:
    if isinstance(source, Edition):
        args, prefix = [source.number], "reunions:relay_edition"
    else:
        args, prefix = [source.slug], "reunions:relay_guide"
    return {
        "page": reverse(prefix, args=args),
        "summary": reverse(f"{prefix}_pdf", args=[*args, "resume"]),
        "slides": reverse(f"{prefix}_pdf", args=[*args, "diaporama"]),
        "local": reverse(f"{prefix}_local", args=args),
        "session": reverse(f"{prefix}_session", args=args),
    }


def _page(request, source, mutuelle: Mutuelle | None, status=200, **forms):
    kit = _kit(source, mutuelle)
    writable = mutuelle is not None and can(request.user, Can.EDIT_MUTUELLE, mutuelle)
    local = kit.local
    context = {
        "kit": kit,
        "source": source,
        "urls": _urls(source),
        "writable": writable,
        "coordinator": can(request.user, Can.COORDINATE),
        "mutuelles": Mutuelle.objects.active().order_by("name")
        if can(request.user, Can.COORDINATE)
        else [],
        "local_form": forms.get("local_form")
        or LocalPartForm(initial={"title": local.title, "text": local.text} if local else None),
        "session_form": forms.get("session_form") or SessionForm(plan=current_plan()),
    }
    return TemplateResponse(request, "reunions/relay/kit.html", context, status=status)


def _show(request, source):
    check(request.user, Can.RELAY)
    mutuelle = selectors.kit_mutuelle(request.user, request.GET.get("mutuelle"))
    return _page(request, source, mutuelle)


def _pdf(request, source, kind: str):
    check(request.user, Can.RELAY)
    if kind not in printing.KINDS:
        raise Http404
    mutuelle = selectors.kit_mutuelle(request.user, request.GET.get("mutuelle"))
    kit = _kit(source, mutuelle)
    response = HttpResponse(printing.render(kit, kind), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{printing.filename(kit, kind)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _back(source, mutuelle: Mutuelle, anchor: str):
    url = _urls(source)["page"]
    return redirect(f"{url}?mutuelle={mutuelle.slug}#{anchor}")


def _writer(request) -> Mutuelle:
    """The mutuelle whose part is written: the ambassador's own, the one a coordinator picked."""
    check(request.user, Can.RELAY)
    mutuelle = selectors.kit_mutuelle(request.user, request.POST.get("mutuelle"))
    if mutuelle is None:
        raise Http404  # the coordination's network kit has no local part
    check(request.user, Can.EDIT_MUTUELLE, mutuelle)
    return mutuelle


def _on_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _local(request, source):
    mutuelle = _writer(request)
    form = LocalPartForm(request.POST)
    if form.is_valid():
        try:
            services.local_part_save(
                by=request.user, source=source, mutuelle=mutuelle, **form.cleaned_data
            )
        except ValidationError as error:
            _on_form(form, error)
        else:
            messages.success(
                request, _("Partie locale enregistrée : elle figure dans les deux PDF du kit.")
            )
            return _back(source, mutuelle, "partie-locale")
    return _page(request, source, mutuelle, status=400, local_form=form)


def _session(request, source):
    mutuelle = _writer(request)
    form = SessionForm(request.POST, plan=current_plan())
    if form.is_valid():
        try:
            services.session_record(
                by=request.user, source=source, mutuelle=mutuelle, **form.cleaned_data
            )
        except ValidationError as error:
            _on_form(form, error)
        else:
            messages.success(
                request,
                _(
                    "Séance enregistrée : vos retours sont transmis à la coordination "
                    "(retours du terrain)."
                ),
            )
            return _back(source, mutuelle, "seances")
    return _page(request, source, mutuelle, status=400, session_form=form)


@require_http_methods(["GET"])
def edition_kit(request, number):
    return _show(request, _edition(number))


@require_http_methods(["GET", "HEAD"])
def edition_pdf(request, number, kind):
    return _pdf(request, _edition(number), kind)


@require_POST
def edition_local(request, number):
    return _local(request, _edition(number))


@require_POST
def edition_session(request, number):
    return _session(request, _edition(number))


@require_http_methods(["GET"])
def guide_kit(request, slug):
    return _show(request, _guide(slug))


@require_http_methods(["GET", "HEAD"])
def guide_pdf(request, slug, kind):
    return _pdf(request, _guide(slug), kind)


@require_POST
def guide_local(request, slug):
    return _local(request, _guide(slug))


@require_POST
def guide_session(request, slug):
    return _session(request, _guide(slug))
