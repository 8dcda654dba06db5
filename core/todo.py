"""The home page's to-do list: what waits for a member, each app saying what waits in it.

Each app's `selectors.home_items(user, since=...)` returns its `Item`s for that member (nothing
when nothing waits: an item disappears once done), in a fixed number of queries; the home page
(the composition root) gathers them in the apps' order. `since` is when the member's previous
visit was: what is new counts from there.
"""

from dataclasses import dataclass
from typing import TypeVar

from django.db.models import IntegerField, Model, QuerySet, Subquery

# Entries an item lists by name; its link leads to the rest.
ENTRIES = 5

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Entry:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Item:
    text: str  # what waits and how many, a sentence
    url: str = ""  # where to act on all of it
    action: str = ""  # the words of that link
    entries: tuple[Entry, ...] = ()  # the first few, each where to act on it
    to_do: bool = True  # False: where things stand, nothing to do now (a letter being sent)


class _Count(Subquery):
    """How many rows a queryset has, as a column of another query: Postgres computes it once
    (it refers to none of that query's rows)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


def first_entries(queryset: QuerySet[M]) -> tuple[list[M], int]:
    """The first ENTRIES rows of `queryset` and how many it has in all, in one query: the first
    ones found as they would be alone (by an index, without sorting them all), the count beside
    them."""
    total = _Count(queryset.order_by().values("pk"))
    rows = list(queryset.annotate(entries_total=total)[:ENTRIES])
    return rows, rows[0].entries_total if rows else 0
