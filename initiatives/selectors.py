"""Reads of initiatives: each page runs a fixed number of queries whatever the data size."""

from collections.abc import Iterable

from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects

from actionplan.models import Action
from ambassadeurs.models import User
from mutuelles.models import Mutuelle

from .models import Comment, Image, Initiative, Replication


def initiative_list(user: User) -> QuerySet[Initiative]:
    """What the member may see, newest first; `with_cards` completes the rows of one page."""
    return (
        Initiative.objects.visible_to(user)
        .select_related("mutuelle")
        .order_by("-is_published", "-published_at", "-id")
    )


def with_cards(initiatives: Iterable[Initiative]) -> list[Initiative]:
    """Give each initiative of a page (not of the whole list: that is what keeps a list of
    20,000 fast) its themes, first picture and number of replications, in three queries."""
    page = list(initiatives)
    ids = [initiative.pk for initiative in page]
    pictures: dict[int, tuple[str, str]] = {}
    for initiative_id, thumbnail, alt in (
        Image.objects.filter(initiative__in=ids)
        .order_by("initiative", "-position", "-pk")
        .values_list("initiative", "thumbnail", "alt")
    ):
        pictures[initiative_id] = (thumbnail, alt)  # the last one seen is the first in order
    counts = dict(
        Replication.objects.filter(initiative__in=ids)
        .values_list("initiative")
        .annotate(n=Count("pk"))
        .values_list("initiative", "n")
    )
    prefetch_related_objects(page, "themes")
    for initiative in page:
        initiative.thumbnail, initiative.thumbnail_alt = pictures.get(initiative.pk, ("", ""))
        initiative.replication_count = counts.get(initiative.pk, 0)
    return page


def latest_published(limit: int = 6) -> list[Initiative]:
    return with_cards(
        Initiative.objects.published()
        .select_related("mutuelle")
        .order_by("-is_published", "-published_at", "-id")[:limit]
    )


def mutuelle_initiatives(mutuelle: Mutuelle, limit: int = 6) -> list[Initiative]:
    """A mutuelle's latest published initiatives, as cards."""
    return with_cards(
        mutuelle.initiatives.published()
        .select_related("mutuelle")
        .order_by("-published_at", "-id")[:limit]
    )


def initiative_detail(user: User, pk: int) -> Initiative:
    """Everything the detail page shows; Initiative.DoesNotExist when the user may not see it."""
    return (
        Initiative.objects.visible_to(user)
        .select_related("mutuelle", "author")
        .prefetch_related(
            "themes",
            "audiences",
            Prefetch("actions", queryset=Action.objects.select_related("axis")),
            "images",
            "attachments",
            Prefetch(
                "replications",
                queryset=Replication.objects.select_related("mutuelle", "contact"),
            ),
            Prefetch("comments", queryset=Comment.objects.select_related("author__mutuelle")),
        )
        .get(pk=pk)
    )


def action_initiatives(action: Action) -> QuerySet[Initiative]:
    """Published initiatives that contribute to an action of the plan."""
    return action.initiatives.published().select_related("mutuelle").order_by("-published_at")
