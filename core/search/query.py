"""Reading the index: the whole site's search, and the lists' filter."""

import datetime
import math
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text
from .backends import backend
from .registry import _kinds, kind_of
from .text import Term

FACETS = ("kind", "mutuelle", "theme", "year")
EXCERPT_WORDS = 30


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass
class Hit:
    kind: str
    kind_label: str | Promise
    object_id: int
    title: str
    url: str
    mutuelle_id: int | None
    date: datetime.date | None
    excerpt: SafeString
    rank: int = 0


@dataclass
class Results:
    query: str
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=lambda: {f: [] for f in FACETS})
    page: int = 1
    pages: int = 0
    per_page: int = 20

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _entries() -> QuerySet:
    from core.models import SearchEntry

    return SearchEntry.objects.all()


def visible_entries(user: Any) -> QuerySet:
    """The entries `user` may see: each kind's through its own `visible(user)` queryset."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return _entries().none()
    allowed = []
    for kind in _kinds.values():
        readable = kind.visible(user)
        if readable.query.is_empty():
            continue
        if not readable.query.where and not readable.query.distinct:
            allowed.append(Q(kind=kind.name))  # all of them: no subquery to run
        else:
            allowed.append(Q(kind=kind.name, object_id__in=readable.values("pk")))
    if not allowed:
        return _entries().none()
    return _entries().filter(reduce(or_, allowed))


def _matching(entries: QuerySet, terms: list[Term]) -> QuerySet:
    engine = backend()
    for term in terms:
        entries = entries.filter(engine.match(term))
    return entries


def matching(queryset: QuerySet, query: str) -> QuerySet:
    """The rows of `queryset` whose indexed document matches `query` as the search does
    (accents, case, stems, phrases, misspelt titles). Nothing to look for: `queryset` itself."""
    terms = text.parse(query or "")
    if not terms:
        return queryset
    kind = kind_of(queryset.model)
    found = _matching(_entries().filter(kind=kind.name), terms)
    return queryset.filter(pk__in=found.values("object_id"))


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def search(
    user: Any,
    query: str,
    *,
    kind: str | None = None,
    mutuelle: int | str | None = None,
    theme: int | str | None = None,
    year: int | str | None = None,
    page: int | str = 1,
    per_page: int = 20,
) -> Results:
    """What `user` may read that matches `query`, best first, one page of it, with the facets
    counted over what they may read (a fixed number of queries, whatever is found)."""
    terms = text.parse(query or "")
    results = Results(query=query or "", per_page=per_page)
    if not terms:
        return results
    base = _matching(visible_entries(user), terms)
    chosen = {
        "kind": kind or None,
        "mutuelle": _int(mutuelle),
        "theme": _int(theme),
        "year": _int(year),
    }
    filters = {
        "kind": Q(kind=chosen["kind"]),
        "mutuelle": Q(mutuelle_id=chosen["mutuelle"]),
        "theme": Q(themes__theme_id=chosen["theme"]),
        "year": Q(year=chosen["year"]),
    }

    def narrowed(entries: QuerySet, *, but: str | None = None) -> QuerySet:
        for name, condition in filters.items():
            if name != but and chosen[name] is not None:
                entries = entries.filter(condition)
        return entries

    selected = narrowed(base)
    results.total = selected.count()
    results.pages = max(1, math.ceil(results.total / per_page))
    results.page = min(max(_int(page) or 1, 1), results.pages)
    if results.total:
        start = (results.page - 1) * per_page
        rows = (
            selected.annotate(rank=backend().score(terms))
            .order_by("-rank", F("date").desc(nulls_last=True), "-pk")
            .only("kind", "object_id", "title", "url", "mutuelle_id", "date", "headings", "body")
        )[start : start + per_page]
        results.hits = [_hit(entry, terms) for entry in rows]
    columns = {
        "kind": "kind",
        "mutuelle": "mutuelle_id",
        "theme": "themes__theme_id",
        "year": "year",
    }
    for name, column in columns.items():
        counted = (
            narrowed(base, but=name)
            .exclude(**{f"{column}__isnull": True})
            .values(column)
            .annotate(count=Count("pk"))
            .order_by("-count", column)
        )
        results.facets[name] = [
            FacetValue(str(row[column]), row["count"], _same(row[column], chosen[name]))
            for row in counted
        ]
    return results


def _same(value: Any, chosen: Any) -> bool:
    return chosen is not None and str(value) == str(chosen)


def _hit(entry: Any, terms: list[Term]) -> Hit:
    kind = _kinds.get(entry.kind)
    return Hit(
        kind=entry.kind,
        kind_label=kind.label if kind else entry.kind,
        object_id=entry.object_id,
        title=entry.title,
        url=entry.url,
        mutuelle_id=entry.mutuelle_id,
        date=entry.date,
        excerpt=excerpt(entry, terms),
        rank=getattr(entry, "rank", 0),
    )


# --- Excerpts ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def _matcher(terms: list[Term]):
    """Tells whether a word of the text is one the query looked for (folded, stemmed, or the
    beginning of a longer word as the search matches it, or misspelt)."""
    wanted = {word for term in terms for word in term.words if word not in text.STOP_WORDS}
    stems = {text.stem(word) for word in wanted}

    def matches(token: str) -> bool:
        for word in text.words(token):
            if word in wanted:
                return True
            stem = text.stem(word)
            if stem in stems or any(
                len(s) >= text.PREFIX_FROM and stem.startswith(s) for s in stems
            ):
                return True
        return False

    return matches


def excerpt(entry: Any, terms: list[Term], size: int = EXCERPT_WORDS) -> SafeString:
    """About `size` words of the body (or the headings) around where most of the query's words
    are, those words in <mark>; the start of the body when none is there (found by the title)."""
    matches = _matcher(terms)
    source = next(
        (value for value in (entry.body, entry.headings) if value and _has(value, matches)),
        entry.body or entry.headings or "",
    )
    tokens = list(_TOKEN.finditer(source))
    if not tokens:
        return mark_safe("")
    hits = [i for i, token in enumerate(tokens) if matches(token.group())]
    first = 0
    if hits:
        # The window of `size` words holding the most matches.
        best = max(hits, key=lambda i: sum(1 for j in hits if i <= j < i + size))
        first = max(0, best - size // 4)
    last = min(len(tokens), first + size)
    begin = tokens[first].start() if first else 0
    pieces = ["… " if begin else ""]
    marked = set(hits)
    for i in range(first, last):
        token = tokens[i]
        if i > first:
            between = source[tokens[i - 1].end() : token.start()]
            pieces.append(escape(_SPACES.sub(" ", between)))
        word = escape(token.group())
        pieces.append(f"<mark>{word}</mark>" if i in marked else word)
    if last < len(tokens):
        pieces.append(" …")
    return mark_safe("".join(pieces).strip())  # noqa: S308


def _has(value: str, matches) -> bool:
    return any(matches(token.group()) for token in _TOKEN.finditer(value))
