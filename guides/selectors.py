"""Reads of guides."""

from typing import TypedDict

from django.db.models import Prefetch, QuerySet

from actionplan.models import Action as PlanAction
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from mutuelles.models import Mutuelle

from .models import Event, Guide, Status, Version


def guide_list(user: User) -> QuerySet[Guide]:
    return (
        Guide.objects.visible_to(user)
        .select_related("theme", "current_version")
        .prefetch_related("authors__mutuelle")
        .order_by("title")
    )


def action_guides(action: PlanAction) -> QuerySet[Guide]:
    """Readable guides that serve an action of the plan."""
    return Guide.objects.readable().filter(actions=action).select_related("current_version")


def mutuelle_guides(mutuelle: Mutuelle) -> QuerySet[Guide]:
    """Readable guides written by members of `mutuelle` (one author of theirs is enough)."""
    return (
        Guide.objects.readable()
        .filter(pk__in=Guide.objects.filter(authors__mutuelle=mutuelle).values("pk"))
        .select_related("theme", "current_version")
        .order_by("title")
    )


class Desk(TypedDict, total=False):
    mine: list[Guide]  # the member's drafts and guides in review
    to_review: list[Guide]  # for coordinators


def desk(user: User) -> Desk:
    """The guides waiting for this member: their drafts, and for coordinators the reviews."""
    if not can(user, Can.DRAFT_GUIDES):
        return {}
    mine = list(
        Guide.objects.filter(authors=user, status__in=[Status.DRAFT, Status.IN_REVIEW])
        .select_related("theme")
        .order_by("-edited_at")
    )
    to_review: list[Guide] = []
    if can(user, Can.COORDINATE):
        to_review = list(
            Guide.objects.filter(status=Status.IN_REVIEW).select_related("theme").order_by("title")
        )
    return {"mine": mine, "to_review": to_review}


def guide_detail(user: User, slug: str) -> Guide:
    """The guide if `user` may open it (Guide.DoesNotExist otherwise: drafts are private)."""
    return (
        Guide.objects.visible_to(user)
        .select_related("theme", "current_version__published_by", "edited_by")
        .prefetch_related(
            "authors__mutuelle",
            "tools",
            "actions__plan",
            Prefetch(
                "versions",
                queryset=Version.objects.only(
                    "pk", "guide_id", "number", "published_at", "note", "pdf_state"
                ),
            ),
            Prefetch("events", queryset=Event.objects.select_related("by")),
        )
        .get(slug=slug)
    )


def guide_for_download(user: User, slug: str) -> Guide:
    """The guide alone (with its current version and authors for the permission), for the PDF
    and tool downloads: nothing of what the guide page shows."""
    return (
        Guide.objects.visible_to(user)
        .select_related("current_version")
        .defer("body", "current_version__body")
        .prefetch_related("authors")
        .get(slug=slug)
    )
