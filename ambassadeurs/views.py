from allauth.account import views as allauth_views
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core import contributions, history, tabular

from . import oidc, selectors, services
from .filters import MemberFilter
from .forms import (
    ErasureForm,
    InvitationAcceptForm,
    InvitationForm,
    JournalFilterForm,
    MemberAccessForm,
    ProfileForm,
)
from .models import User, WorkingGroup
from .permissions import Action, can, check, require

DIRECTORY_PAGE_SIZE = 24


@require_http_methods(["GET"])
def directory(request):
    member_filter = MemberFilter(request.GET, queryset=selectors.member_directory())
    page = Paginator(member_filter.qs, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    template = (
        "ambassadeurs/directory.html#results"
        if request.htmx and not request.htmx.boosted
        else "ambassadeurs/directory.html"
    )
    return TemplateResponse(request, template, {"filter": member_filter, "page": page})


def _member_page(request, member, access_form=None, status=200):
    if access_form is None and can(request.user, Action.COORDINATE):
        access_form = MemberAccessForm(instance=member)
    context = {
        "member": member,
        "working_groups": selectors.member_working_groups(member),
        "access_form": access_form,
    }
    return TemplateResponse(request, "ambassadeurs/member_detail.html", context, status=status)


@require_http_methods(["GET"])
def member_detail(request, pk):
    member = get_object_or_404(User.objects.select_related("mutuelle"), pk=pk)
    if not member.is_active and not can(request.user, Action.COORDINATE):
        raise Http404
    return _member_page(request, member)


@require_POST
@require(Action.COORDINATE)
def member_access(request, pk):
    member = get_object_or_404(User.objects.select_related("mutuelle"), pk=pk)
    form = MemberAccessForm(request.POST, instance=member)
    if form.is_valid():
        try:
            services.member_set_access(member=member, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Les accès de %(name)s sont enregistrés.") % {"name": member}
            )
            return redirect(member)
    member.refresh_from_db()
    return _member_page(request, member, access_form=form, status=400)


@require_http_methods(["GET", "POST"])
@require(Action.COORDINATE)
def member_erase(request, pk):
    """A departed member's personal data, erased by the coordination (after confirming)."""
    member = get_object_or_404(User.objects.filter(erased_at__isnull=True), pk=pk)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_erase(
                member=member,
                by=request.user,
                remove_content=form.cleaned_data["content"] == "removed",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Les données personnelles du membre sont effacées."))
            return redirect("ambassadeurs:directory")
    status = 400 if form.errors else 200
    context = {"member": member, "form": form, "holdings": services.member_holdings(member)}
    return TemplateResponse(request, "ambassadeurs/member_erase.html", context, status=status)


@require_http_methods(["GET"])
def my_data(request):
    """Everything the intranet holds about the member, as a ZIP."""
    try:
        archive = services.member_export(member=request.user)
    except services.ExportBusy as busy:
        messages.error(request, str(busy))
        return redirect("ambassadeurs:profile")
    response = HttpResponse(archive, content_type="application/zip")
    filename = f"mes-donnees-solimut-rse-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def profile_edit(request):
    member = request.user
    check(member, Action.EDIT_PROFILE, member)
    form = ProfileForm(request.POST or None, request.FILES or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update_profile(member=member, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Votre profil est enregistré."))
            return redirect(member)
    context = {
        "form": form,
        # Later apps' links about the member's account (the newsletter subscription).
        "account_links": contributions.render("ambassadeurs:profile", request, member),
    }
    status = 400 if form.errors else 200
    return TemplateResponse(request, "ambassadeurs/profile_form.html", context, status=status)


@require_http_methods(["GET"])
def working_group_list(request):
    groups = selectors.working_groups()
    mine = set(request.user.working_groups.values_list("pk", flat=True))
    return TemplateResponse(
        request, "ambassadeurs/working_group_list.html", {"groups": groups, "mine": mine}
    )


@require_http_methods(["GET"])
def working_group_detail(request, slug):
    group = get_object_or_404(selectors.working_groups(), slug=slug)
    members = selectors.working_group_members(group)
    context = {
        "group": group,
        "members": members,
        "is_member": any(m.pk == request.user.pk for m in members),
        "sections": contributions.render("ambassadeurs:working_group", request, group),
    }
    return TemplateResponse(request, "ambassadeurs/working_group_detail.html", context)


@require_POST
def working_group_membership(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    if request.POST.get("action") == "leave":
        services.working_group_leave(group=group, user=request.user)
        messages.success(request, _("Vous avez quitté le groupe « %(group)s ».") % {"group": group})
    else:
        services.working_group_join(group=group, user=request.user)
        messages.success(
            request, _("Vous avez rejoint le groupe « %(group)s ».") % {"group": group}
        )
    return redirect(group)


@require_http_methods(["GET", "POST"])
@require(Action.COORDINATE)
def invitations(request):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(invited_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation envoyée à %(email)s. Le lien est valable 7 jours.")
                % {"email": invitation.email},
            )
            return redirect("ambassadeurs:invitations")
    context = {"form": form, "invitations": selectors.invitations_recent()}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "ambassadeurs/invitations.html", context, status=status)


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.InvitationError as error:
        return TemplateResponse(
            request, "ambassadeurs/invitation_invalid.html", {"reason": str(error)}, status=410
        )
    form = InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationError as error:
            return TemplateResponse(
                request, "ambassadeurs/invitation_invalid.html", {"reason": str(error)}, status=410
            )
        login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
        messages.success(
            request, _("Bienvenue dans le réseau ESS/RSE, %(name)s !") % {"name": user.first_name}
        )
        return redirect("home")
    context = {"form": form, "invitation": invitation}
    status = 400 if form.errors else 200
    return TemplateResponse(request, "ambassadeurs/invitation_accept.html", context, status=status)


class LoginView(allauth_views.LoginView):
    """allauth's sign-in page (`account_login`) with the button of the group's directory; with
    RSE_OIDC_AUTO_REDIRECT it goes straight to the provider (?local=1 keeps the password form
    for an administrator, while password sign-in is on)."""

    def dispatch(self, request, *args, **kwargs):
        if (
            request.method == "GET"
            and not request.user.is_authenticated
            and oidc.configured()
            and settings.RSE_OIDC_AUTO_REDIRECT
            and not (settings.RSE_PASSWORD_LOGIN and request.GET.get("local"))
        ):
            provider = get_social_adapter(request).get_provider(request, oidc.PROVIDER_ID)
            return provider.redirect_from_request(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "oidc_login_url": reverse("openid_connect_login", args=[oidc.PROVIDER_ID])
            if oidc.configured()
            else "",
            "password_login": settings.RSE_PASSWORD_LOGIN,
        }


login_page = login_not_required(LoginView.as_view())


# --- The record of who changed what (core.history) ---------------------------------------------

JOURNAL_PAGE_SIZE = 50
JOURNAL_EXPORT_MAX = 50_000


def _journal(request, **fixed):
    """The filters form and what it selects; `fixed` filters come from the URL."""
    form = JournalFilterForm(request.GET or None, kinds=history.kinds(), types=history.TYPES)
    filters = history.Filters(**fixed)
    if form.is_valid():
        data = form.cleaned_data
        filters.kind = fixed.get("kind") or data["kind"]
        filters.by, filters.mutuelle, filters.type = data["by"], data["mutuelle"], data["type"]
        filters.since, filters.until = data["since"], data["until"]
    return form, filters


@require_http_methods(["GET"])
@require(Action.FOLLOW_UP)
def journal(request):
    form, filters = _journal(request)
    page = Paginator(history.entries(filters), JOURNAL_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "entries": history.hydrate(page.object_list)}
    return TemplateResponse(request, "ambassadeurs/journal.html", context)


@require_http_methods(["GET"])
@require(Action.FOLLOW_UP)
def journal_export(request, fmt):
    if fmt not in tabular.CONTENT_TYPES:
        raise Http404
    _form, filters = _journal(request)
    selected = list(history.entries(filters)[:JOURNAL_EXPORT_MAX])
    entries = [
        entry
        for start in range(0, len(selected), 1000)
        for entry in history.hydrate(selected[start : start + 1000])
    ]
    return tabular.response(
        history.plain(entries), fmt=fmt, name="journal", title=_("Journal des modifications")
    )


@require_http_methods(["GET"])
@require(Action.FOLLOW_UP)
def journal_object(request, kind, pk):
    if kind not in history.kinds():
        raise Http404
    filters = history.Filters(kind=kind, object_id=pk)
    page = Paginator(history.entries(filters), JOURNAL_PAGE_SIZE).get_page(request.GET.get("page"))
    entries = history.hydrate(page.object_list)
    context = {
        "page": page,
        "entries": entries,
        "kind": history.kinds()[kind],
        "label": entries[0].label if entries else "",
        "url": next((entry.url for entry in entries if entry.url), None),
    }
    return TemplateResponse(request, "ambassadeurs/journal_object.html", context)
