from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check, require
from core import files, fragments, pending_uploads

from . import exports, selectors, services
from .filters import InitiativeFilter
from .forms import (
    CommentForm,
    InitiativeForm,
    ReplicationForm,
    UploadForm,
)
from .models import Attachment, Comment, Image, Initiative

PAGE_SIZE = 18


def _visible(request, pk) -> Initiative:
    """The initiative if the member may see it; drafts of other mutuelles do not exist (404)."""
    try:
        return selectors.initiative_detail(request.user, pk)
    except Initiative.DoesNotExist as error:
        raise Http404 from error


def _editable(request, pk) -> Initiative:
    initiative = _visible(request, pk)
    check(request.user, Can.EDIT_MUTUELLE, initiative)
    return initiative


def _who_sees_what(user) -> str:
    """Members who see the same initiatives share the cached pages of the list."""
    if can(user, Can.COORDINATE):
        return "all"
    if can(user, Can.EDIT_MUTUELLE, user):
        return f"drafts-of-{user.mutuelle_id}"
    return "published"


@require_http_methods(["GET"])
def initiative_list(request):
    found = InitiativeFilter(request.GET, queryset=selectors.initiative_list(request.user))
    table = request.GET.get("vue") == "tableau"

    def render():
        page = Paginator(found.qs, PAGE_SIZE).get_page(request.GET.get("page"))
        page.object_list = selectors.with_cards(page.object_list)
        context = {"page": page, "table": table}
        return render_to_string("initiatives/list.html#results", context, request)

    # The results (count, cards or table, pagination) show initiatives, their mutuelles and
    # themes; the filters' form around them is rendered for each request.
    results = fragments.cached(
        "initiatives:list",
        revisions=["initiatives", "mutuelles"],
        vary=[_who_sees_what(request.user), request.GET.urlencode()],
        render=render,
    )
    context = {"filter": found, "table": table, "results": results}
    return TemplateResponse(request, "initiatives/list.html", context)


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def initiative_export(request, fmt):
    found = InitiativeFilter(request.GET, queryset=selectors.initiative_list(request.user))
    return exports.response(selectors.with_cards(found.qs), fmt)


def _detail_page(
    request,
    initiative,
    *,
    comment_form=None,
    comment_saved=False,
    replication_form=None,
    partial=False,
    status=200,
):
    """The initiative's page, or its comments section alone (`partial`: after a comment posted
    with htmx)."""
    user = request.user
    mine = next(
        (r for r in initiative.replications.all() if r.mutuelle_id == user.mutuelle_id), None
    )
    context = {
        "initiative": initiative,
        "can_edit": can(user, Can.EDIT_MUTUELLE, initiative),
        "can_replicate": can(user, Can.REPLICATE)
        and user.mutuelle_id not in (None, initiative.mutuelle_id)
        and initiative.is_published,
        "replication_form": replication_form or ReplicationForm(instance=mine, prefix="reprise"),
        "comment_form": comment_form or CommentForm(),
        "comment_saved": comment_saved,
        "comments": [
            c
            for c in initiative.comments.all()
            if not c.is_hidden or can(user, Can.EDIT_MUTUELLE, initiative)
        ],
    }
    template = "initiatives/detail.html#comments" if partial else "initiatives/detail.html"
    return TemplateResponse(request, template, context, status=status)


@require_http_methods(["GET"])
def initiative_detail(request, pk):
    return _detail_page(request, _visible(request, pk))


@require_http_methods(["GET", "POST"])
def initiative_form(request, pk=None):
    initiative = _editable(request, pk) if pk else None
    if initiative is None:
        check(request.user, Can.EDIT_MUTUELLE, request.user)
    form = InitiativeForm(
        request.POST or None, request.FILES or None, instance=initiative, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        del fields["new_pictures"], fields["new_files"]  # kept as form.uploads
        fields.setdefault("mutuelle", initiative.mutuelle if initiative else request.user.mutuelle)
        publish = "publish" in request.POST
        try:
            initiative = services.initiative_save(
                by=request.user, initiative=initiative, uploads=form.uploads, **fields
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if publish:
                services.initiative_publish(by=request.user, initiative=initiative)
                messages.success(request, _("Initiative publiée : tout le réseau peut la lire."))
            else:
                messages.success(request, _("Initiative enregistrée."))
            return redirect(initiative)
    context = {"form": form, "initiative": initiative}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "initiatives/form.html", context, status=status)


@require_POST
def initiative_publish(request, pk):
    initiative = _editable(request, pk)
    publish = request.POST.get("publish") != "0"
    services.initiative_publish(by=request.user, initiative=initiative, publish=publish)
    messages.success(
        request,
        _("Initiative publiée : tout le réseau peut la lire.")
        if publish
        else _("Initiative repassée en brouillon."),
    )
    return redirect(initiative)


@require_POST
def initiative_delete(request, pk):
    initiative = _editable(request, pk)
    services.initiative_delete(by=request.user, initiative=initiative)
    messages.success(request, _("Initiative supprimée."))
    return redirect("initiatives:list")


@require_POST
def upload(request):
    """A picture or a file sent ahead of the initiative's form (static/js/uploads.js): checked
    and kept for its sender, answered with the line the form shows for it (with its alt text
    or title to type); a French message with a 400 otherwise."""
    check(request.user, Can.EDIT_MUTUELLE, request.user)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            kept = pending_uploads.keep(
                owner=request.user,
                upload=form.cleaned_data["file"],
                picture=form.cleaned_data["kind"] == "picture",
                max_bytes=services.MAX_UPLOAD,
            )
        except ValidationError as error:
            form.add_error(None, error.message_dict["file"])
        else:
            context = {"upload": kept, "text": ""}
            return TemplateResponse(request, "initiatives/partials/upload.html", context)
    return TemplateResponse(
        request, "initiatives/partials/upload_error.html", {"form": form}, status=400
    )


@require_http_methods(["GET"])
def initiative_media(request, pk):
    """The pictures and files already joined, to review or remove (they are added from the
    initiative's form)."""
    context = {"initiative": _editable(request, pk)}
    return TemplateResponse(request, "initiatives/media.html", context)


@require_POST
def image_delete(request, pk, image_pk):
    initiative = _editable(request, pk)
    services.image_delete(
        by=request.user, image=get_object_or_404(Image, pk=image_pk, initiative=initiative)
    )
    messages.success(request, _("Image retirée."))
    return redirect("initiatives:media", pk=initiative.pk)


@require_http_methods(["GET", "HEAD"])
def attachment_download(request, pk, attachment_pk):
    """A file joined to an initiative, for those who may see the initiative (drafts included)."""
    attachment = get_object_or_404(Attachment, pk=attachment_pk, initiative_id=pk)
    return files.download(request.user, attachment, "file")


@require_POST
def attachment_delete(request, pk, attachment_pk):
    initiative = _editable(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, initiative=initiative)
    services.attachment_delete(by=request.user, attachment=attachment)
    messages.success(request, _("Fichier retiré."))
    return redirect("initiatives:media", pk=initiative.pk)


@require_POST
def replicate(request, pk):
    initiative = _visible(request, pk)
    check(request.user, Can.REPLICATE)
    form = ReplicationForm(request.POST, prefix="reprise")
    if form.is_valid():
        try:
            services.replication_save(by=request.user, initiative=initiative, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("C'est noté : votre mutuelle reprend cette initiative, à sa manière.")
            )
        return redirect(initiative)
    return _detail_page(request, initiative, replication_form=form, status=400)


@require_POST
def comment_add(request, pk):
    """A comment refused (too long, forbidden characters, empty) comes back in its form with
    the reason, with htmx or without."""
    initiative = _visible(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(
                by=request.user, initiative=initiative, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.htmx:
                initiative = _visible(request, pk)  # with its new comment
                return _detail_page(request, initiative, comment_saved=True, partial=True)
            messages.success(request, _("Merci pour votre commentaire."))
            return redirect(f"{initiative.get_absolute_url()}#commentaires")
    partial = bool(request.htmx)
    return _detail_page(request, initiative, comment_form=form, partial=partial, status=400)


@require_POST
def comment_hide(request, pk, comment_pk):
    initiative = _editable(request, pk)
    comment = get_object_or_404(Comment, pk=comment_pk, initiative=initiative)
    hide = request.POST.get("hide") != "0"
    services.comment_hide(by=request.user, comment=comment, hide=hide)
    messages.success(request, _("Commentaire masqué.") if hide else _("Commentaire rétabli."))
    return redirect(f"{initiative.get_absolute_url()}#commentaires")
