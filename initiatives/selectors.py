"""Reads of initiatives: each page runs a fixed number of queries whatever the data size."""

import datetime
from collections.abc import Iterable, Sequence

from django.db.models import Count, Prefetch, QuerySet, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplan.models import Action
from actionplan.story import Event
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.todo import Entry, Item, first_entries
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
    pictures = first_pictures(ids)
    counts = dict(
        Replication.objects.filter(initiative__in=ids)
        .values_list("initiative")
        .annotate(n=Count("pk"))
        .values_list("initiative", "n")
    )
    prefetch_related_objects(page, "themes")
    for initiative in page:
        picture = pictures.get(initiative.pk)
        initiative.thumbnail = picture.thumbnail.name if picture else ""
        initiative.thumbnail_alt = picture.alt if picture else ""
        initiative.replication_count = counts.get(initiative.pk, 0)
    return page


def first_pictures(initiative_ids: Iterable[int]) -> dict[int, Image]:
    """Each initiative's first picture (its thumbnail and alt text), in one query."""
    pictures: dict[int, Image] = {}
    for image in (
        Image.objects.filter(initiative__in=list(initiative_ids))
        .only("pk", "initiative_id", "thumbnail", "alt")
        .order_by("initiative", "-position", "-pk")
    ):
        pictures[image.initiative_id] = image  # the last one seen is the first in order
    return pictures


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


def home_items(user: User, *, since: datetime.datetime) -> list[Item]:
    """What waits for `user` among initiatives: an ambassador's drafts and what happened to their
    mutuelle's initiatives since `since` (comments, take-ups); for a reader, the new ones."""
    if can(user, Can.COORDINATE):
        return []
    if user.is_ambassador and user.mutuelle is not None:
        # Their mutuelle's initiatives, its drafts first.
        ours = f"{reverse('initiatives:list')}?mutuelle={user.mutuelle.slug}"
        return [*_drafts(user, ours), *_reactions(user, since, ours)]
    return _published_since(since)


# What a member's name is written with (User.__str__), for the entries that name one.
AUTHOR_FIELDS = ("email", "first_name", "last_name", "erased_at")


def _drafts(user: User, ours: str) -> list[Item]:
    drafts, count = first_entries(
        Initiative.objects.filter(author=user, is_published=False)
        .only("title")
        .order_by("-updated_at")
    )
    if not count:
        return []
    text = ngettext(
        "%(count)s initiative en brouillon", "%(count)s initiatives en brouillon", count
    ) % {"count": count}
    entries = tuple(Entry(i.title, reverse("initiatives:edit", args=[i.pk])) for i in drafts)
    return [Item(text, ours, _("Les initiatives de votre mutuelle"), entries)]


def _reactions(user: User, since: datetime.datetime, ours: str) -> list[Item]:
    """Comments (not the member's own) and take-ups of their mutuelle's initiatives."""
    items = []
    comments, count = first_entries(
        Comment.objects.filter(
            initiative__mutuelle=user.mutuelle_id, created_at__gt=since, hidden_at=None
        )
        .exclude(author=user)
        .select_related("initiative", "author")
        .only("initiative__title", *(f"author__{name}" for name in AUTHOR_FIELDS))
        .order_by("-created_at")
    )
    if count:
        text = ngettext(
            "%(count)s nouveau commentaire sur les initiatives de votre mutuelle",
            "%(count)s nouveaux commentaires sur les initiatives de votre mutuelle",
            count,
        ) % {"count": count}
        entries = tuple(
            Entry(
                c.initiative.title,
                f"{c.initiative.get_absolute_url()}#commentaires",
                str(c.author or _("un ancien membre")),
            )
            for c in comments
        )
        items.append(Item(text, ours, _("Les initiatives de votre mutuelle"), entries))
    replications, count = first_entries(
        Replication.objects.filter(initiative__mutuelle=user.mutuelle_id, created_at__gt=since)
        .select_related("initiative", "mutuelle")
        .only("initiative__title", "mutuelle__short_name")
        .order_by("-created_at")
    )
    if count:
        text = ngettext(
            "%(count)s nouvelle reprise des initiatives de votre mutuelle",
            "%(count)s nouvelles reprises des initiatives de votre mutuelle",
            count,
        ) % {"count": count}
        entries = tuple(
            Entry(
                r.initiative.title,
                f"{r.initiative.get_absolute_url()}#replications-title",
                _("reprise par %(mutuelle)s") % {"mutuelle": r.mutuelle.short_name},
            )
            for r in replications
        )
        items.append(Item(text, ours, _("Les initiatives de votre mutuelle"), entries))
    return items


def _published_since(since: datetime.datetime) -> list[Item]:
    new, count = first_entries(
        Initiative.objects.published()
        .filter(published_at__gt=since)
        .select_related("mutuelle")
        .only("title", "mutuelle__short_name")
        .order_by("-published_at")
    )
    if not count:
        return []
    text = ngettext(
        "%(count)s nouvelle initiative publiée", "%(count)s nouvelles initiatives publiées", count
    ) % {"count": count}
    entries = tuple(Entry(i.title, i.get_absolute_url(), i.mutuelle.short_name) for i in new)
    return [Item(text, reverse("initiatives:list"), _("Toutes les initiatives"), entries)]


def story_events(actions: Sequence[Action]) -> list[Event]:
    """The published initiatives that contributed to these actions, for their story."""
    events = []
    initiatives = (
        Initiative.objects.published()
        .filter(actions__in=actions)
        .select_related("mutuelle")
        .prefetch_related("actions")
        .distinct()
    )
    wanted = {action.pk: action for action in actions}
    for initiative in initiatives:
        for action in initiative.actions.all():
            if action.pk in wanted and initiative.published_at:
                events.append(
                    Event(
                        initiative.published_at,
                        "initiative",
                        _("Initiative de %(mutuelle)s publiée : %(title)s")
                        % {"mutuelle": initiative.mutuelle.short_name, "title": initiative.title},
                        initiative.get_absolute_url(),
                        wanted[action.pk],
                    )
                )
    return events


def framework_tags(as_of: datetime.datetime | None) -> tuple[str, list[tuple[str, str, list]]]:
    """The published initiatives' framework tags, for the plan's workbook (actionplan.workbook):
    those published by `as_of` when given."""
    initiatives = (
        Initiative.objects.published()
        .select_related("mutuelle")
        .prefetch_related("frameworks")
        .order_by("published_at", "pk")
    )
    if as_of is not None:
        initiatives = initiatives.filter(published_at__lte=as_of)
    return str(_("Initiative")), [
        (initiative.mutuelle.short_name, initiative.title, list(initiative.frameworks.all()))
        for initiative in initiatives
    ]
