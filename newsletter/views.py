from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, require
from core import contributions, files, history, tabular
from mutuelles.models import Mutuelle

from . import imports, rendering, report
from .forms import (
    AssembleForm,
    BlockEditForm,
    BlockForm,
    EditionForm,
    ImportForm,
    PartForm,
    SendForm,
)
from .models import Block, Edition, Subscriber
from .services import assembly, editing, sending
from .services.subscribers import subscriber_sync, subscription_set


def _edition(request, number) -> Edition:
    """A sent edition for every member; the others for the coordinators only."""
    edition = get_object_or_404(Edition, number=number)
    if edition.status != Edition.Status.SENT and not can(request.user, Can.COORDINATE):
        raise Http404
    return edition


def _archive(request, assemble_form=None, status=200):
    coordinator = can(request.user, Can.COORDINATE)
    editions = Edition.objects.all() if coordinator else Edition.objects.filter(status="sent")
    if coordinator and assemble_form is None:
        start, end = assembly.next_period()
        assemble_form = AssembleForm(initial={"period_start": start, "period_end": end})
    context = {
        "editions": editions,
        "coordinator": coordinator,
        "assemble_form": assemble_form,
        "subscribers": Subscriber.objects.subscribed().count() if coordinator else None,
    }
    return TemplateResponse(request, "newsletter/archive.html", context, status=status)


@require_http_methods(["GET"])
def archive(request):
    return _archive(request)


@require_POST
@require(Can.COORDINATE)
def assemble(request):
    form = AssembleForm(request.POST)
    if form.is_valid():
        try:
            edition = assembly.edition_assemble(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Édition préparée : relisez-la, complétez-la, envoyez-la."))
            return redirect(edition)
    return _archive(request, assemble_form=form, status=400)


def _reader_part(request, edition):
    """The local part a member reads: their mutuelle's; a coordinator may pick another."""
    mutuelle = request.user.mutuelle
    if can(request.user, Can.COORDINATE):
        form = PartForm(request.GET or None)
        if form.is_valid() and form.cleaned_data["mutuelle"]:
            mutuelle = form.cleaned_data["mutuelle"]
    return mutuelle


@require_http_methods(["GET"])
def edition_detail(request, number):
    edition = _edition(request, number)
    common, local = rendering.parts(edition)
    mutuelle = _reader_part(request, edition)
    context = {
        "edition": edition,
        "common": common,
        "local": local.get(mutuelle.pk, []) if mutuelle else [],
        "mutuelle": mutuelle,
        "part_form": PartForm(initial={"mutuelle": mutuelle.slug if mutuelle else None}),
    }
    if edition.status == Edition.Status.SENT:
        context["sections"] = contributions.render("newsletter:edition", request, edition)
    if can(request.user, Can.COORDINATE) and edition.status != Edition.Status.SENT:
        return _editor(request, edition, common, local)
    return TemplateResponse(request, "newsletter/edition.html", context)


def _editor(request, edition, common, local, status=200, **forms):
    names = {m.pk: m for m in Mutuelle.objects.filter(pk__in=local)}
    if edition.is_editable:
        refused = forms.get("block_edit_form")  # a block's form sent back with its errors
        for block in [*common, *(b for blocks in local.values() for b in blocks)]:
            if refused is not None and refused.instance.pk == block.pk:
                block.form = refused
            else:
                block.form = BlockEditForm(instance=block, prefix=f"bloc-{block.pk}")
    context = {
        "edition": edition,
        "common": common,
        "local_parts": sorted(
            ((names[pk], blocks) for pk, blocks in local.items()), key=lambda p: p[0].name
        ),
        "edition_form": forms.get("edition_form") or EditionForm(instance=edition),
        "block_form": forms.get("block_form") or BlockForm(prefix="bloc"),
        "part_form": PartForm(),
        "send_form": forms.get("send_form") or SendForm(),
        "progress": sending.progress(edition),
    }
    return TemplateResponse(request, "newsletter/editor.html", context, status=status)


def _edition_parts(request, number):
    """The edition, its common blocks and its local ones: what the editor page shows."""
    edition = _edition(request, number)
    common, local = rendering.parts(edition)
    return edition, common, local


@require_POST
@require(Can.COORDINATE)
def edition_update(request, number):
    edition, common, local = _edition_parts(request, number)
    form = EditionForm(request.POST, instance=edition)
    if form.is_valid():
        try:
            editing.edition_update(by=request.user, edition=edition, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Titre et éditorial enregistrés."))
        return redirect(edition)
    return _editor(request, edition, common, local, status=400, edition_form=form)


@require_POST
@require(Can.COORDINATE)
def block_add(request, number):
    edition, common, local = _edition_parts(request, number)
    form = BlockForm(request.POST, prefix="bloc")
    if form.is_valid():
        try:
            editing.block_save(by=request.user, edition=edition, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Bloc ajouté."))
        return redirect(f"{edition.get_absolute_url()}#blocs")
    return _editor(request, edition, common, local, status=400, block_form=form)


@require_POST
@require(Can.COORDINATE)
def block_change(request, number, pk):
    """Change a block's text, move it up or down, or remove it."""
    edition, common, local = _edition_parts(request, number)
    block = get_object_or_404(Block, pk=pk, edition=edition)
    action = request.POST.get("action")
    try:
        if action == "modifier":
            form = BlockEditForm(request.POST, instance=block, prefix=f"bloc-{block.pk}")
            if not form.is_valid():
                # The editor again, this block's form open with what was typed and why not.
                return _editor(request, edition, common, local, status=400, block_edit_form=form)
            editing.block_save(by=request.user, edition=edition, block=block, **form.cleaned_data)
            messages.success(request, _("Bloc modifié."))
        elif action == "supprimer":
            editing.block_delete(by=request.user, block=block)
        elif action in ("monter", "descendre"):
            editing.block_move(by=request.user, block=block, offset=-1 if action == "monter" else 1)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(f"{edition.get_absolute_url()}#bloc-{block.pk}")


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def preview(request, number):
    """The e-mail exactly as a subscriber of the chosen mutuelle will get it."""
    edition = _edition(request, number)
    form = PartForm(request.GET or None)
    mutuelle = form.cleaned_data["mutuelle"] if form.is_valid() else None
    html = rendering.Messages(edition).preview_html(mutuelle.pk if mutuelle else None)
    response = HttpResponse(html)
    # The e-mail's own inline styles, nothing else: no script, no request elsewhere.
    response["Content-Security-Policy"] = (
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; "
        f"img-src 'self' {settings.SITE_URL}"
    )
    return response


@require_POST
@require(Can.COORDINATE)
def test_send(request, number):
    edition = _edition(request, number)
    form = PartForm(request.POST)
    mutuelle = form.cleaned_data["mutuelle"] if form.is_valid() else None
    sending.test_send(by=request.user, edition=edition, mutuelle=mutuelle)
    messages.success(
        request, _("Un envoi de test est parti vers %(email)s.") % {"email": request.user.email}
    )
    return redirect(edition)


@require_POST
@require(Can.COORDINATE)
def send(request, number):
    edition, common, local = _edition_parts(request, number)
    form = SendForm(request.POST)
    if form.is_valid():
        try:
            edition = sending.edition_send(
                by=request.user, edition=edition, at=form.cleaned_data["at"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form.add_error(None, error)
                return _editor(request, edition, common, local, status=400, send_form=form)
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Envoi programmé.")
                if edition.status == Edition.Status.SCHEDULED
                else _("L'envoi est parti."),
            )
        return redirect(edition)
    return _editor(request, edition, common, local, status=400, send_form=form)


@require_POST
@require(Can.COORDINATE)
def unschedule(request, number):
    edition = _edition(request, number)
    sending.edition_unschedule(by=request.user, edition=edition)
    messages.success(request, _("Envoi déprogrammé : l'édition redevient un brouillon."))
    return redirect(edition)


@require_POST
@require(Can.COORDINATE)
def resume(request, number):
    edition = _edition(request, number)
    sending.resume(by=request.user, edition=edition)
    messages.success(request, _("L'envoi reprend."))
    return redirect(edition)


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def progress(request, number):
    """The progress bar alone, polled by htmx while the edition is being sent."""
    edition = _edition(request, number)
    context = {"edition": edition, "progress": sending.progress(edition)}
    return TemplateResponse(request, "newsletter/editor.html#progress", context)


def _no_report(request, edition):
    messages.error(
        request, _("Cette édition n'est pas encore partie : elle n'a pas de rapport d'envoi.")
    )
    return redirect(edition)


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def delivery_report(request, number):
    """Who got the edition, who did not and why, who has unsubscribed since."""
    edition = _edition(request, number)
    if not edition.has_left:
        return _no_report(request, edition)
    context = {"edition": edition, "report": report.delivery_report(edition)}
    return TemplateResponse(request, "newsletter/report.html", context)


@require_http_methods(["GET"])
@require(Can.COORDINATE)
def delivery_report_export(request, number, fmt):
    edition = _edition(request, number)
    if not edition.has_left:
        return _no_report(request, edition)
    if fmt not in tabular.CONTENT_TYPES:
        raise Http404
    return tabular.response(
        report.rows(edition),
        fmt=fmt,
        name=f"lettre-{edition.number}-envois",
        title=_("Envois"),
    )


# --- Subscribers ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@require(Can.COORDINATE)
def subscribers(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = imports.subscribers_import(form.cleaned_data["file"], by=request.user)
        if not report.errors:
            messages.success(
                request,
                _(
                    "%(created)s abonnés ajoutés ; %(known)s déjà connus (leur choix est "
                    "conservé) ; %(merged)s doublons fusionnés."
                )
                % {"created": report.created, "known": report.known, "merged": report.merged},
            )
            return redirect("newsletter:subscribers")
    counts = {
        label: Subscriber.objects.filter(status=status).count()
        for status, label in Subscriber.Status.choices
    }
    context = {"form": form, "report": report, "counts": counts}
    status = 400 if (report and report.errors) or form.errors else 200
    return TemplateResponse(request, "newsletter/subscribers.html", context, status=status)


@require_http_methods(["GET", "POST"])
def subscription(request):
    """A member's own subscription, from their profile."""
    subscriber = subscriber_sync(request.user)
    subscriber.refresh_from_db()
    if request.method == "POST":
        subscribed = request.POST.get("subscribed") == "1"
        subscription_set(subscriber=subscriber, subscribed=subscribed)
        messages.success(
            request,
            _("Vous recevrez la lettre ESS/RSE.")
            if subscribed
            else _("Vous ne recevrez plus la lettre ESS/RSE."),
        )
        return redirect("newsletter:subscription")
    return TemplateResponse(request, "newsletter/subscription.html", {"subscriber": subscriber})


@login_not_required
@require_http_methods(["GET", "HEAD"])
def picture(request, signed):
    """An initiative's thumbnail as a letter shows it, to a mail client (no session): only by
    the signed address the letter carries, and while the initiative is published."""
    image = rendering.picture_for(signed)
    if image is None:
        raise Http404
    return files.response(image.thumbnail, max_age=86400)


@login_not_required
@csrf_exempt  # the token is the secret; mail clients post RFC 8058's one-click without a form
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (mail scanners follow links: they must not unsubscribe anyone); POST, from the
    button or a mail client's one-click (RFC 8058), unsubscribes at once."""
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return TemplateResponse(
            request, "newsletter/unsubscribe.html", {"unknown": True}, status=404
        )
    done = False
    if request.method == "POST":
        # Nobody is signed in: the record names the link instead (core.history).
        with history.reason("lien de désabonnement"):
            subscription_set(subscriber=subscriber, subscribed=False)
        done = True
    context = {"subscriber": subscriber, "done": done}
    return TemplateResponse(request, "newsletter/unsubscribe.html", context)
