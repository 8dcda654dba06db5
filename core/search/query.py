"""Reading the index: the whole site's search, and the lists' filter."""

import datetime
import html
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe

from core import fragments

from . import text
from .backends import backend
from .registry import REVISION, _kinds, kind_of
from .text import Term

FACETS = ("kind", "mutuelle", "theme", "year")
EXCERPT_WORDS = 30
# The results a search counts, pages through and counts its facets over: beyond, it answers the
# best this many and says there are more ("plus de 500 résultats"), as a search engine's counts
# stop somewhere. Reading the 20,000 hits of a common word to count them cost a search about
# five times a rare word's (issue #13); 25 pages of 20 are more than anyone reads, and the
# group's whole intranet holds a few hundred initiatives.
COUNTED = 500
# The most recent matches a search reads first: a few more than it counts, since a few of them
# may rank lower (a letter naming the word in passing among initiatives titled with it).
LOOKED_AT = COUNTED + COUNTED // 20


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
    total: int = 0  # at most COUNTED
    more: bool = False  # more matches than COUNTED: `total` and the facets count the best ones
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
    """The entries `user` may see: each kind's through its own `visible(user)` queryset.

    Each kind's queryset is compiled on its own and the whole written as one SQL condition, an
    entry looked up among what its kind may read by its primary key (a search reads at most
    LOOKED_AT entries: EXISTS would let PostgreSQL hash every readable object first, 20,000
    initiatives for a few hits). The ORM composing a dozen nested subqueries, and resolving them
    again at each filter added, cost a search more than the database running them."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return _entries().none()
    entries = _entries()
    table = connection.ops.quote_name(entries.model._meta.db_table)
    every, some, params = [], [], []
    for kind in _kinds.values():
        readable = kind.visible(user)
        if readable.query.is_empty():
            continue
        if not readable.query.where and not readable.query.distinct:
            every.append(kind.name)  # all of them: no subquery to run
            continue
        try:
            sql, readable_params = (
                readable.order_by().values(readable_id=F("pk")).query.sql_with_params()
            )
        except EmptyResultSet:  # e.g. `pk__in=[]`: nothing of this kind
            continue
        some.append(
            f"({table}.kind = %s AND (SELECT TRUE FROM ({sql}) AS readable "  # noqa: S608
            f"WHERE readable.readable_id = {table}.object_id LIMIT 1))"
        )
        params += [kind.name, *readable_params]
    if every:
        some.append(f"{table}.kind IN ({', '.join(['%s'] * len(every))})")
        params += every
    if not some:
        return entries.none()
    # The ORM's own SQL, each value a parameter.
    condition = RawSQL(" OR ".join(some), params, output_field=BooleanField())  # noqa: S611
    return entries.filter(condition)


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
    counted over what they may read: one statement whatever is found, a few more when more
    than COUNTED matched (see `_find`), then the page's entries.

    Kept in the cache (`core.fragments`) until the index changes, for everyone who may see
    exactly what `user` sees (the same permission rules applied: the SQL that says which
    entries they may read)."""
    terms = text.parse(query or "")
    visible = visible_entries(user)
    if not terms or visible.query.is_empty():
        return Results(query=query or "", per_page=per_page)
    arguments = (query, kind, mutuelle, theme, year, page, per_page)
    return fragments.cached(
        "search",
        revisions=[REVISION],
        vary=_vary(visible, arguments),
        render=lambda: _search(visible, terms, *arguments),
    )


def _vary(visible: QuerySet, arguments: tuple[Any, ...]) -> Iterator[str]:
    """Who may see what (the SQL saying it), then the arguments: read only when the cache is."""
    sql, params = visible.query.sql_with_params()
    yield f"{sql} {params!r}"
    yield from map(repr, arguments)


def _search(
    visible: QuerySet,
    terms: list[Term],
    query: str,
    kind: str | None,
    mutuelle: int | str | None,
    theme: int | str | None,
    year: int | str | None,
    page: int | str,
    per_page: int,
) -> Results:
    results = Results(query=query or "", per_page=per_page)
    chosen: dict[str, Any] = {
        "kind": kind or None,
        "mutuelle": _int(mutuelle),
        "theme": _int(theme),
        "year": _int(year),
    }
    matched = _matching(visible, terms)
    wanted = max(_int(page) or 1, 1)
    counts, ranked, results.more = _find(matched, terms, chosen, wanted, per_page)
    results.total = counts.pop(("total", ""))
    results.pages = max(1, math.ceil(results.total / per_page))
    results.page = min(wanted, results.pages)
    if results.page != wanted and results.total:  # asked past the end: the last page
        ranked = _find(matched, terms, chosen, results.page, per_page)[1]
    for (facet, value), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        results.facets[facet].append(FacetValue(value, count, _same(value, chosen[facet])))
    if ranked:
        entries = {
            entry.pk: entry
            for entry in _entries()
            .filter(pk__in=ranked)
            .only("kind", "object_id", "title", "url", "mutuelle_id", "date", "headings", "body")
        }
        order = sorted(
            entries.values(),
            key=lambda e: (-ranked[e.pk], -(e.date.toordinal() if e.date else 0), -e.pk),
        )
        matches = _matcher(terms)
        results.hits = [_hit(entry, terms, ranked[entry.pk], matches) for entry in order]
    return results


def _find(
    matched: QuerySet, terms: list[Term], chosen: dict[str, Any], page: int, per_page: int
) -> tuple[dict[tuple[str, str], int], dict[int, int], bool]:
    """The counts, the page's entries (id -> rank), and whether more than COUNTED matched."""
    found, ranked = _one_pass(matched, terms, chosen, page, per_page)
    if found.matched <= COUNTED:
        return _tally(found.combinations, chosen), ranked, False
    if any(value is not None for value in chosen.values()):
        # What the filters leave, looked at on its own (each facet chosen then counted within
        # its own filter): often few enough to count, a guide among 20,000 initiatives.
        matched = _narrowed(matched, chosen)
        found, ranked = _one_pass(matched, terms, chosen, page, per_page)
        if found.matched <= COUNTED:
            return _tally(found.combinations, chosen), ranked, False
    # COUNTED matches of the best rank among the most recent are the best results, which the
    # statement counted; otherwise every match is ranked.
    if found.best < COUNTED:
        combinations, ranked = _best(matched, terms, page, per_page)
        return _tally(combinations, chosen), ranked, True
    return _tally(found.combinations, chosen), ranked, True


def _narrowed(matched: QuerySet, chosen: dict[str, Any]) -> QuerySet:
    engine = backend()
    for name, value in chosen.items():
        if value is not None:
            matched = matched.filter(
                engine.has_theme(value) if name == "theme" else Q(**{_COLUMNS[name]: value})
            )
    return matched


# (kind, mutuelle id, year, themes as JSON text, how many entries): the facets' counts come
# from these, a few dozen whatever the number of entries.
Combination = tuple[str, int | None, int | None, str, int]


@dataclass
class _Found:
    matched: int = 0  # up to LOOKED_AT, the most recent
    best: int = 0  # how many of those have the best rank
    combinations: list[Combination] = field(default_factory=list)  # of the best COUNTED


_FILTERS = {
    "kind": "m.kind = %s",
    "mutuelle": "m.mutuelle_id = %s",
    "year": "m.year = %s",
    "theme": "",  # the backend's (a JSON list)
}


def _one_pass(
    matched: QuerySet, terms: list[Term], chosen: dict[str, Any], page: int, per_page: int
) -> tuple[_Found, dict[int, int]]:
    """What matched (see `_Found`) and the page's entries (id -> rank), in one statement that
    reads the matching entries once, the most recent first, up to LOOKED_AT."""
    engine = backend()
    inner, inner_params = (
        matched.annotate(rank=engine.score(terms))
        .order_by(*RECENT)
        .values_list("id", "kind", "mutuelle_id", "year", "date", "theme_ids", "rank")[:LOOKED_AT]
        .query.sql_with_params()
    )
    where, params = ["1 = 1"], []
    for name, condition in _FILTERS.items():
        if chosen[name] is not None:
            where.append(condition or engine.THEME_FILTER.format(column="m.theme_ids"))
            params.append(chosen[name])
    filters = " AND ".join(where)
    # Rows (what, kind, key, year, themes, number): a combination of facets with its count
    # (key: the mutuelle), the counts of `found`, a hit of the page (key: its id; number: rank).
    statement = (
        "WITH found (id, kind, mutuelle_id, year, date, theme_ids, rank) AS MATERIALIZED ("  # noqa: S608
        + inner
        + "), m AS (SELECT * FROM found ORDER BY rank DESC, date DESC NULLS LAST, id DESC "  # noqa: S608
        "LIMIT %s) "
        "SELECT 'combination', m.kind, m.mutuelle_id, m.year, CAST(m.theme_ids AS TEXT), "
        "COUNT(*) FROM m GROUP BY m.kind, m.mutuelle_id, m.year, m.theme_ids "
        "UNION ALL SELECT 'matched', NULL, NULL, NULL, NULL, COUNT(*) FROM found "
        "UNION ALL SELECT 'best', NULL, NULL, NULL, NULL, COUNT(*) FROM found "
        "WHERE found.rank = %s "
        "UNION ALL SELECT 'hit', NULL, page.id, NULL, NULL, page.rank FROM (SELECT m.id, m.rank "
        f"FROM m WHERE {filters} "
        "ORDER BY m.rank DESC, m.date DESC NULLS LAST, m.id DESC LIMIT %s OFFSET %s) AS page"
    )
    params = [*inner_params, COUNTED, engine.BEST, *params, per_page, (page - 1) * per_page]
    found, ranked = _Found(), {}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for what, kind, key, year, themes, number in cursor.fetchall():
            if what == "combination":
                found.combinations.append((kind, key, year, themes, number))
            elif what == "hit":
                ranked[key] = number
            else:
                setattr(found, what, number)
    return found, ranked


def _best(
    matched: QuerySet, terms: list[Term], page: int, per_page: int
) -> tuple[list[Combination], dict[int, int]]:
    """More than COUNTED matches, not all of the best rank among the most recent (a word common
    in the texts rather than the titles): every match ranked, the best COUNTED kept (their
    combinations of facets, and the page's entries). One pass over the matches, the cost
    `_one_pass` avoids for a common word in the titles."""
    sql, params = (
        matched.annotate(rank=backend().score(terms))
        .order_by(F("rank").desc(), *RECENT)
        .values_list("kind", "mutuelle_id", "year", "theme_ids", "id", "rank")[:COUNTED]
        .query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # raw rows: the themes as their JSON text
        best = cursor.fetchall()
    combinations = [
        (*combination, number) for combination, number in Counter(row[:4] for row in best).items()
    ]
    start = (page - 1) * per_page
    return combinations, {row[4]: row[5] for row in best[start : start + per_page]}


# Most recent first (then the latest written): the order within a rank, in which the index
# `search_recent` (PostgreSQL) reads a common word's matches, stopping after LOOKED_AT.
RECENT = (F("date").desc(nulls_last=True), F("id").desc())
_COLUMNS = {"kind": "kind", "mutuelle": "mutuelle_id", "year": "year"}


def _tally(combinations: list[Combination], chosen: dict[str, Any]) -> dict[tuple[str, str], int]:
    """The total and each facet's counts, (facet, value) -> count: the total under every filter
    chosen, each facet under the others' (its other values stay on offer)."""
    counts: dict[tuple[str, str], int] = {("total", ""): 0}
    for kind, mutuelle_id, year, themes, number in combinations:
        values: dict[str, list[Any]] = {
            "kind": [kind],
            "mutuelle": [mutuelle_id] if mutuelle_id is not None else [],
            "year": [year] if year is not None else [],
            "theme": json.loads(themes),
        }
        missed = [
            name
            for name, value in chosen.items()
            if value is not None and not any(_same(mine, value) for mine in values[name])
        ]
        if not missed:
            counts[("total", "")] += number
        for facet in FACETS:
            if missed and missed != [facet]:
                continue  # left out by another facet's filter
            for value in values[facet]:
                key = (facet, str(value))
                counts[key] = counts.get(key, 0) + number
    return counts


def _same(value: Any, chosen: Any) -> bool:
    return chosen is not None and str(value) == str(chosen)


def _hit(entry: Any, terms: list[Term], rank: int, matches: Callable[[str], bool]) -> Hit:
    kind = _kinds.get(entry.kind)
    return Hit(
        kind=entry.kind,
        kind_label=kind.label if kind else entry.kind,
        object_id=entry.object_id,
        title=entry.title,
        url=entry.url,
        mutuelle_id=entry.mutuelle_id,
        date=entry.date,
        excerpt=excerpt(entry, terms, matches=matches),
        rank=rank,
    )


# --- Excerpts ---------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=100_000)
def _token_words(token: str) -> tuple[str, ...]:
    """A word of a text as the search reads it (the same few thousand words, page after page)."""
    return tuple(text.words(token))


def _matcher(terms: list[Term]) -> Callable[[str], bool]:
    """Tells whether a word of the text is one the query looked for: the same word folded, or
    of the same stem, or a longer word of that stem (as the search matches them)."""
    wanted = {word for term in terms for word in term.words if word not in text.STOP_WORDS}
    stems = {text.stem(word) for word in wanted}
    # A stem starts with the first letters of its word: only words starting like one of those
    # stems are worth stemming (stemming every word of a long guide costs too much).
    starts = tuple({stem[:3] for stem in stems})
    seen: dict[str, bool] = {}

    def matches(token: str) -> bool:
        found = seen.get(token)
        if found is None:
            found = seen[token] = any(_matches(word) for word in _token_words(token))
        return found

    def _matches(word: str) -> bool:
        if word in wanted:
            return True
        if not word.startswith(starts):
            return False
        stem = text.stem(word)
        return stem in stems or any(
            len(s) >= text.PREFIX_FROM and stem.startswith(s) for s in stems
        )

    return matches


EXCERPT_SOURCE = 20_000  # characters of a long text looked through for an excerpt


def excerpt(
    entry: Any,
    terms: list[Term],
    size: int = EXCERPT_WORDS,
    matches: Callable[[str], bool] | None = None,
) -> SafeString:
    """About `size` words of the body (or the headings) around where most of the query's words
    are, those words in <mark>; the start of the body when none is there (found by the title).
    `matches`: the query's `_matcher`, when one serves the whole page."""
    matches = matches or _matcher(terms)
    source, tokens, hits = "", list[str](), list[int]()
    for value in (entry.body, entry.headings):
        value = (value or "")[:EXCERPT_SOURCE]
        found = _TOKEN.findall(value)
        # Each distinct word looked at once (a long guide says "la" a thousand times).
        wanted = {token for token in set(found) if matches(token)}
        marked = [i for i, token in enumerate(found) if token in wanted] if wanted else []
        if marked or not tokens:
            source, tokens, hits = value, found, marked
        if marked:
            break
    if not tokens:
        return mark_safe("")
    first = 0
    if hits:
        # The window of `size` words holding the most matches (two pointers over the hits).
        best, most, end = hits[0], 0, 0
        for start, position in enumerate(hits):
            while end < len(hits) and hits[end] < position + size:
                end += 1
            if end - start > most:
                best, most = position, end - start
        first = max(0, best - size // 4)
    last = min(len(tokens), first + size)
    spans = [match.span() for match in islice(_TOKEN.finditer(source), first, last)]
    pieces = ["… " if first else ""]
    marked_set = set(hits)
    for i, (begin, stop) in enumerate(spans, start=first):
        if i > first:
            pieces.append(html.escape(_SPACES.sub(" ", source[spans[i - first - 1][1] : begin])))
        word = html.escape(source[begin:stop])
        pieces.append(f"<mark>{word}</mark>" if i in marked_set else word)
    if last < len(tokens):
        pieces.append(" …")
    return mark_safe("".join(pieces).strip())  # noqa: S308
