import time

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check, require
from core import contributions, files

from . import selectors, services, text
from .filters import GuideFilter
from .forms import GuideForm, PictureForm, PublishForm, SendBackForm, ToolForm
from .models import Guide, Tool, Version


def _visible(request, slug, select=selectors.guide_detail) -> Guide:
    """The guide if the member may open it; someone else's unpublished draft does not exist."""
    try:
        return select(request.user, slug)
    except Guide.DoesNotExist as error:
        raise Http404 from error


def _editable(request, slug) -> Guide:
    guide = _visible(request, slug)
    check(request.user, Can.EDIT_GUIDE, guide)
    return guide


def _version(request, guide: Guide, number) -> Version:
    """A published version: for everyone while the guide is readable, for its editors always."""
    if not (guide.is_readable or can(request.user, Can.EDIT_GUIDE, guide)):
        raise Http404
    if number in (None, ""):
        if guide.current_version is None:
            raise Http404
        guide.current_version.guide = guide  # known: no query for it
        return guide.current_version
    try:
        return guide.versions.get(number=int(number))
    except (ValueError, Version.DoesNotExist) as error:
        raise Http404 from error


@require_http_methods(["GET"])
def guide_list(request):
    found = GuideFilter(request.GET, queryset=selectors.guide_list(request.user))
    context = {
        "filter": found,
        "guides": found.qs,
        "desk": selectors.desk(request.user),
        "can_draft": can(request.user, Can.DRAFT_GUIDES),
    }
    return TemplateResponse(request, "guides/list.html", context)


def _page(request, guide, template, status=200, **context):
    user = request.user
    return TemplateResponse(
        request,
        template,
        {
            "guide": guide,
            "can_edit": can(user, Can.EDIT_GUIDE, guide),
            "can_coordinate": can(user, Can.COORDINATE),
            "publish_form": PublishForm(initial={"revision": guide.revision}),
            "send_back_form": SendBackForm(),
            **context,
        },
        status=status,
    )


@require_http_methods(["GET"])
def guide_detail(request, slug):
    """The version in force, with its table of contents; editors of a never-published guide
    are taken to its draft."""
    guide = _visible(request, slug)
    if guide.current_version is None:
        return redirect("guides:draft", slug=guide.slug)
    return _version_page(request, guide, guide.current_version)


@require_http_methods(["GET"])
def version_detail(request, slug, number):
    guide = _visible(request, slug)
    return _version_page(request, guide, _version(request, guide, number))


def _version_page(request, guide, version):
    if not (guide.is_readable or can(request.user, Can.EDIT_GUIDE, guide)):
        raise Http404
    body, headings = text.outline(version.body)
    return _page(
        request,
        guide,
        "guides/detail.html",
        version=version,
        body=body,
        headings=headings,
        is_current=version.pk == guide.current_version_id,
        sections=contributions.render("guides:guide", request, guide) if guide.is_readable else [],
    )


def _draft_page(request, guide, status=200, **forms):
    body, headings = text.outline(guide.body)
    return _page(
        request, guide, "guides/draft.html", status=status, body=body, headings=headings, **forms
    )


@require_http_methods(["GET"])
def guide_draft(request, slug):
    """The working copy, as the authors left it: what the coordinator reviews."""
    return _draft_page(request, _editable(request, slug))


@require_http_methods(["GET"])
def guide_compare(request, slug):
    """What changed between two versions (or between a version and the draft, for editors)."""
    guide = _visible(request, slug)
    versions = list(guide.versions.all())
    if not versions:
        raise Http404
    editor = can(request.user, Can.EDIT_GUIDE, guide)
    previous = versions[1] if len(versions) > 1 else versions[0]  # newest first
    old = _version(request, guide, request.GET.get("de") or previous.number)
    if editor and request.GET.get("a") == "brouillon":
        new_label, new_body = _("le brouillon"), guide.body
    else:
        new = _version(request, guide, request.GET.get("a") or versions[0].number)
        new_label = _("la version %(number)s") % {"number": new.number}
        new_body = new.body
    return _page(
        request,
        guide,
        "guides/compare.html",
        versions=versions,
        old=old,
        new_label=new_label,
        selected_new=request.GET.get("a") or versions[0].number,
        changes=text.compare(old.body, new_body),
        editor=editor,
    )


@require_http_methods(["GET", "POST"])
def guide_create(request):
    check(request.user, Can.DRAFT_GUIDES)
    form = GuideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            guide = services.guide_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Brouillon créé. Vos co-auteurs peuvent le compléter."))
            return redirect("guides:edit", slug=guide.slug)
    status = 400 if form.errors else 200
    return TemplateResponse(request, "guides/form.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def guide_edit(request, slug):
    guide = _editable(request, slug)
    form = GuideForm(request.POST or None, instance=guide)
    conflict = None
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        revision = fields.pop("revision")
        try:
            guide = services.draft_save(by=request.user, guide=guide, revision=revision, **fields)
        except services.DraftConflict as error:
            # Their text stays in the form; the next save, made knowingly, goes through.
            conflict = error.guide
            data = request.POST.copy()
            data["revision"] = conflict.revision
            form = GuideForm(data, instance=guide)
            form.is_valid()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Brouillon enregistré."))
            return redirect("guides:edit", slug=guide.slug)
    context = {
        "form": form,
        "guide": guide,
        "conflict": conflict,
        "changes": text.compare(conflict.body, form.cleaned_data.get("body", ""))
        if conflict
        else [],
        "tool_form": ToolForm(),
        "picture_form": PictureForm(),
    }
    status = 409 if conflict else 400 if form.errors else 200
    return TemplateResponse(request, "guides/form.html", context, status=status)


def _workflow(request, slug, step, success):
    guide = _visible(request, slug)
    try:
        step(guide)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("guides:draft", slug=guide.slug)


@require_POST
def guide_submit(request, slug):
    return _workflow(
        request,
        slug,
        lambda guide: services.submit(by=request.user, guide=guide),
        _("Guide soumis à relecture : les coordinateurs sont prévenus."),
    )


@require_POST
@require(Can.COORDINATE)
def guide_publish(request, slug):
    guide = _visible(request, slug)
    form = PublishForm(request.POST)
    if not form.is_valid():  # the draft again, the note as typed and why it is refused
        return _draft_page(request, guide, status=400, publish_form=form)
    try:
        version = services.publish(
            by=request.user,
            guide=guide,
            note=form.cleaned_data["note"],
            revision=form.cleaned_data["revision"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("guides:draft", slug=guide.slug)
    messages.success(
        request,
        _("Version %(number)s publiée : tout le réseau peut la lire.") % {"number": version.number},
    )
    return redirect(guide)


@require_POST
@require(Can.COORDINATE)
def guide_send_back(request, slug):
    form = SendBackForm(request.POST)
    if not form.is_valid():  # the draft again, the comment as typed and why it is refused
        return _draft_page(request, _visible(request, slug), status=400, send_back_form=form)
    comment = form.cleaned_data["comment"]
    return _workflow(
        request,
        slug,
        lambda guide: services.send_back(by=request.user, guide=guide, comment=comment),
        _("Guide renvoyé à ses auteurs avec votre commentaire."),
    )


@require_POST
@require(Can.COORDINATE)
def guide_archive(request, slug):
    restore = request.POST.get("restore") == "1"
    return _workflow(
        request,
        slug,
        lambda guide: services.archive(by=request.user, guide=guide, restore=restore),
        _("Guide rétabli.") if restore else _("Guide archivé : il n'apparaît plus dans la liste."),
    )


# --- The PDF ----------------------------------------------------------------------------------


def _pdf_response(version: Version) -> FileResponse:
    # A version never changes: the browser may keep it a day.
    return files.response(version.pdf, filename=version.pdf_filename(), max_age=86400)


@require_http_methods(["GET", "HEAD"])
def guide_pdf(request, slug):
    """The PDF of a version, rendered once by the worker: a reader who asks while it is being
    made waits a little, then gets a page that refreshes itself."""
    guide = _visible(request, slug, selectors.guide_for_download)
    version = _version(request, guide, request.GET.get("version"))
    if version.pdf_state != Version.PDF.READY:
        services.pdf_request(version)
        deadline = time.monotonic() + settings.RSE_PDF_WAIT_SECONDS
        while version.pdf_state in (Version.PDF.PENDING, Version.PDF.RENDERING):
            if time.monotonic() >= deadline:
                break
            time.sleep(0.2)
            version.refresh_from_db(fields=["pdf", "pdf_state", "pdf_error"])
    if version.pdf_state == Version.PDF.READY:
        return _pdf_response(version)
    failed = version.pdf_state == Version.PDF.FAILED
    return _page(
        request,
        guide,
        "guides/pdf_waiting.html",
        version=version,
        failed=failed,
        status=503 if failed else 202,
    )


@require_POST
def guide_pdf_retry(request, slug, number):
    guide = _editable(request, slug)
    version = _version(request, guide, number)
    services.pdf_retry(by=request.user, version=version)
    messages.success(request, _("La production du PDF est relancée."))
    return redirect(version.pdf_url())


# --- Tools and pictures -----------------------------------------------------------------------


@require_POST
def tool_add(request, slug):
    guide = _editable(request, slug)
    form = ToolForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.tool_add(
                by=request.user,
                guide=guide,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Outil ajouté."))
            return redirect("guides:edit", slug=guide.slug)
    context = {
        "form": GuideForm(instance=guide),
        "guide": guide,
        "tool_form": form,
        "picture_form": PictureForm(),
    }
    return TemplateResponse(request, "guides/form.html", context, status=400)


@require_POST
def tool_delete(request, slug, pk):
    guide = _editable(request, slug)
    services.tool_delete(by=request.user, tool=get_object_or_404(Tool, pk=pk, guide=guide))
    messages.success(request, _("Outil retiré."))
    return redirect("guides:edit", slug=guide.slug)


@require_http_methods(["GET", "HEAD"])
def tool_download(request, slug, pk):
    tool = get_object_or_404(Tool, pk=pk, guide__slug=slug)
    return files.download(request.user, tool, "file")


@require_POST
def picture_add(request, slug):
    """The editor's image button: the picture is stored, its address sent back as JSON."""
    guide = _editable(request, slug)
    form = PictureForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"error": _("Choisissez une image.")}, status=400)
    try:
        picture = services.picture_add(
            by=request.user, guide=guide, upload=form.cleaned_data["image"]
        )
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"url": picture.image.url})
