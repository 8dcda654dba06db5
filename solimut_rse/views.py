"""The composition root: pages that gather several apps (home, the mutuelles' pages) and the
service's own (healthz)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from actionplan import selectors as plan_selectors
from ambassadeurs import selectors as people
from ambassadeurs import services as members
from ambassadeurs.models import Invitation
from ambassadeurs.permissions import Action, can
from core import fragments
from core.todo import Item
from guides import selectors as guides
from initiatives import selectors as initiatives
from mutuelles.models import Mutuelle
from newsletter import selectors as letters
from newsletter.models import Edition
from reunions import selectors as meetings

from . import accessibility as statement
from .celery import app as celery_app


def _to_do(user) -> list[Item]:
    """What waits for this member in each app, in the apps' order; never cached: it is theirs,
    and it counts from their previous visit."""
    since = members.home_visit_record(user=user)
    return [
        *plan_selectors.home_items(user, since=since),
        *initiatives.home_items(user, since=since),
        *guides.home_items(user, since=since),
        *letters.home_items(user, since=since),
        *meetings.home_items(user, since=since),
    ]


@require_http_methods(["GET"])
def home(request):
    user = request.user
    # The network's mutuelles are on their own page (/mutuelles/): a home is a to-do list.
    my_mutuelle = user.mutuelle if user.mutuelle and user.mutuelle.is_active else None
    to_do = _to_do(user)
    context = {
        "to_do": to_do,
        "waiting": any(item.to_do for item in to_do),
        # A reader's list is what is new; the others', what waits for them.
        "news": not can(user, Action.DRAFT_GUIDES),
        "my_mutuelle": my_mutuelle,
        "other_ambassadors": people.mutuelle_ambassadors(my_mutuelle).exclude(pk=user.pk)
        if my_mutuelle
        else [],
        "my_groups": people.member_working_groups(user),
    }
    if can(user, Action.COORDINATE):
        mutuelles = list(people.mutuelles_counted())
        context["mutuelle_count"] = len(mutuelles)
        context["without_ambassador"] = [m for m in mutuelles if not m.ambassador_count]
        context["pending_invitations"] = Invitation.objects.pending().count()
    return TemplateResponse(request, "home.html", context)


@require_http_methods(["GET"])
def showcase(request):
    """The home's folded showcase, loaded when unfolded: the latest initiatives (the same cards
    for everyone, cached), guides and letter."""
    initiatives_cards = fragments.cached(
        "home:latest",
        revisions=["initiatives", "mutuelles"],
        render=lambda: render_to_string(
            "initiatives/partials/latest.html",
            {"latest_initiatives": initiatives.latest_published()},
            request,
        ),
    )
    context = {
        "initiatives": initiatives_cards,
        "latest_guides": guides.latest_published(),
        "latest_edition": Edition.objects.filter(status=Edition.Status.SENT).first(),
    }
    return TemplateResponse(request, "home_showcase.html", context)


@require_http_methods(["GET"])
def mutuelle_list(request):
    return TemplateResponse(
        request, "mutuelle_list.html", {"mutuelles": people.mutuelles_overview()}
    )


@require_http_methods(["GET"])
def mutuelle_detail(request, slug):
    """A mutuelle's people, initiatives, progress on the current plan and guides."""
    mutuelle = get_object_or_404(people.mutuelles_overview(), slug=slug)
    plan = plan_selectors.current_plan()
    context = {
        "mutuelle": mutuelle,
        "ambassadors": mutuelle.ambassadors,
        "latest_initiatives": initiatives.mutuelle_initiatives(mutuelle),
        "plan": plan,
        "progress": plan_selectors.mutuelle_progress(plan, mutuelle) if plan else None,
        "guides": guides.mutuelle_guides(mutuelle),
    }
    return TemplateResponse(request, "mutuelle_detail.html", context)


@login_not_required
@require_http_methods(["GET"])
def accessibility(request):
    """The accessibility statement (RGAA): public, linked from every footer."""
    context = {
        "statement": statement,
        "contact": settings.RSE_ACCESSIBILITY_CONTACT,
        "site_url": settings.SITE_URL,
    }
    return TemplateResponse(request, "accessibility.html", context)


@require_http_methods(["GET"])
def site_map(request):
    """Every page a member may reach, by section: the site's second way around."""
    user = request.user
    context = {
        "can_draft_guides": can(user, Action.DRAFT_GUIDES),
        "can_coordinate": can(user, Action.COORDINATE),
        "can_log_initiatives": user.mutuelle_id is not None
        and can(user, Action.EDIT_MUTUELLE, user.mutuelle),
        "mutuelles": Mutuelle.objects.active().order_by("name"),
    }
    return TemplateResponse(request, "site_map.html", context)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_static():
    # Pages name their files through the manifest collectstatic writes; without it they fall
    # back to plain names (core.staticfiles): a deployment to finish, so say it.
    staticfiles_storage.stored_name("css/solimut.css")


def _check_broker():
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


@login_not_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def healthz(request):
    checks = {"database": _check_database, "cache": _check_cache}
    if isinstance(staticfiles_storage, ManifestFilesMixin) and not settings.DEBUG:
        checks["static"] = _check_static
    if not celery_app.conf.task_always_eager:
        checks["broker"] = _check_broker
    status = {}
    for name, run in checks.items():
        try:
            run()
        except Exception as error:
            status[name] = f"error: {type(error).__name__}"
        else:
            status[name] = "ok"
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": status}, status=200 if healthy else 503
    )
