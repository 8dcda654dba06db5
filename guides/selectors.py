"""Reads of guides."""

import datetime
from collections.abc import Sequence
from typing import TypedDict

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplan.models import Action as PlanAction
from actionplan.story import Event as StoryEvent
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.todo import Entry, Item, first_entries
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
    to_review = list(_in_review()) if can(user, Can.COORDINATE) else []
    return {"mine": list(_co_written(user)), "to_review": to_review}


def _co_written(user: User) -> QuerySet[Guide]:
    """The member's drafts and guides in review."""
    return (
        Guide.objects.filter(authors=user, status__in=[Status.DRAFT, Status.IN_REVIEW])
        .select_related("theme")
        .defer("body")
        .order_by("-edited_at")
    )


def _in_review() -> QuerySet[Guide]:
    return (
        Guide.objects.filter(status=Status.IN_REVIEW)
        .select_related("theme")
        .defer("body")
        .order_by("title")
    )


def latest_published(limit: int = 3) -> QuerySet[Guide]:
    """The guides published last, as a home lists them: without their texts (tens of kB)."""
    return (
        Guide.objects.readable()
        .select_related("current_version", "theme")
        .defer("body", "current_version__body")
        .order_by("-current_version__published_at")[:limit]
    )


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


def home_items(user: User, *, since: datetime.datetime) -> list[Item]:
    """What waits for `user` among guides: the reviews for a coordinator, the guides an
    ambassador co-writes with their review state; for a reader, those published since `since`."""
    if not can(user, Can.DRAFT_GUIDES):
        return _published_since(since)
    guides = reverse("guides:list")
    if can(user, Can.COORDINATE):
        to_review, count = first_entries(_in_review())
        if not count:
            return []
        text = ngettext(
            "%(count)s guide attend votre relecture",
            "%(count)s guides attendent votre relecture",
            count,
        ) % {"count": count}
        entries = tuple(_entry(guide) for guide in to_review)
        return [Item(text, guides, _("Voir les guides"), entries)]
    mine, count = first_entries(_co_written(user))
    if not count:
        return []
    text = ngettext(
        "%(count)s guide que vous co-écrivez", "%(count)s guides que vous co-écrivez", count
    ) % {"count": count}
    entries = tuple(_entry(guide, str(guide.get_status_display())) for guide in mine)
    return [Item(text, guides, _("Voir les guides"), entries)]


def _entry(guide: Guide, note: str = "") -> Entry:
    return Entry(guide.title, reverse("guides:draft", args=[guide.slug]), note)


def _published_since(since: datetime.datetime) -> list[Item]:
    new, count = first_entries(
        Guide.objects.readable()
        .filter(current_version__published_at__gt=since)
        .select_related("current_version")
        .defer("body", "current_version__body")
        .order_by("-current_version__published_at")
    )
    if not count:
        return []
    text = ngettext(
        "%(count)s guide publié ou mis à jour", "%(count)s guides publiés ou mis à jour", count
    ) % {"count": count}
    entries = tuple(
        Entry(
            guide.title,
            guide.get_absolute_url(),
            _("version %(number)s") % {"number": guide.current_version.number},
        )
        for guide in new
        if guide.current_version
    )
    return [Item(text, reverse("guides:list"), _("Tous les guides"), entries)]


def story_events(actions: Sequence[PlanAction]) -> list[StoryEvent]:
    """Each published version of a guide that helps carry out these actions, for their story."""
    wanted = {action.pk: action for action in actions}
    events = []
    versions = (
        Version.objects.filter(guide__actions__in=actions)
        .select_related("guide")
        .prefetch_related("guide__actions")
        .distinct()
    )
    for version in versions:
        for action in version.guide.actions.all():
            if action.pk in wanted:
                events.append(
                    StoryEvent(
                        version.published_at,
                        "guide",
                        _("Guide « %(title)s » publié (version %(number)s)")
                        % {"title": version.guide.title, "number": version.number},
                        version.guide.get_absolute_url(),
                        wanted[action.pk],
                    )
                )
    return events
