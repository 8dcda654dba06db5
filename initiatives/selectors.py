"""Reads of initiatives: each page runs a fixed number of queries whatever the data size."""

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from actionplan.models import Action

from .models import Comment, Image, Initiative, Replication


def initiative_list(user) -> QuerySet[Initiative]:
    """What the member may see, ready for cards and the table."""
    first_image = Image.objects.filter(initiative=OuterRef("pk")).order_by("position", "pk")
    return (
        Initiative.objects.visible_to(user)
        .select_related("mutuelle")
        .prefetch_related("themes")
        .annotate(
            thumbnail=Subquery(first_image.values("thumbnail")[:1]),
            thumbnail_alt=Subquery(first_image.values("alt")[:1]),
            replication_count=Count("replications", distinct=True),
        )
        .order_by("-published_at", "-created_at", "-pk")
    )


def latest_published(limit: int = 6) -> list[Initiative]:
    first_image = Image.objects.filter(initiative=OuterRef("pk")).order_by("position", "pk")
    return list(
        Initiative.objects.published()
        .select_related("mutuelle")
        .annotate(
            thumbnail=Subquery(first_image.values("thumbnail")[:1]),
            thumbnail_alt=Subquery(first_image.values("alt")[:1]),
        )
        .order_by("-published_at", "-pk")[:limit]
    )


def initiative_detail(user, pk: int) -> Initiative:
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
