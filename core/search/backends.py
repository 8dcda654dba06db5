"""The two databases: how an entry's words are stored, how a query matches and ranks them.

PostgreSQL (production): the `solimut_fr` text search configuration (unaccent then the French
Snowball stemmer) in `SearchEntry.vector`, weighted A title, B headings, C body, under a GIN
index; `solimut_fr_exact` (unaccent, no stemmer) in `SearchEntry.exact`; pg_trgm's word
similarity on `title_folded` for misspelt words (GIN trigram index).

SQLite (`make run`): an FTS5 table `core_searchfts` whose columns hold the folded words and
their stems, written in Python with the same Snowball stemmer; a Python function for the word
similarity, computed as pg_trgm does.

Both answer the same questions, as boolean or integer SQL expressions on `SearchEntry` that the
ORM places in its queries (so a search is a fixed number of queries, whatever it finds):
`match(term)` (a result holds every term) and `score(terms)` (the rank, see `RANKS`).
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Expression, F, Field, IntegerField

from . import text
from .text import Term

# pg_trgm's default `word_similarity_threshold`, used by both databases.
SIMILARITY = 0.6


class Param:
    def __init__(self, value: Any) -> None:
        self.value = value


Part = str | Param | Expression | F


class Sql(Expression):
    """SQL written out of literal pieces, `Param`s and column expressions (`F("vector")`):
    the columns are compiled by the ORM, so they keep the right table alias in subqueries."""

    def __init__(self, *parts: Part, output_field: Field | None = None) -> None:
        super().__init__(output_field=output_field or BooleanField())
        self.parts = list(parts)

    def get_source_expressions(self) -> list[Any]:
        return [part for part in self.parts if isinstance(part, Expression | F)]

    def set_source_expressions(self, exprs: Iterable[Any]) -> None:
        replacements = iter(exprs)
        self.parts = [
            next(replacements) if isinstance(part, Expression | F) else part for part in self.parts
        ]

    def resolve_expression(self, *args: Any, **kwargs: Any) -> "Sql":
        clone = self.copy()
        clone.is_summary = False
        clone.set_source_expressions(
            [part.resolve_expression(*args, **kwargs) for part in self.get_source_expressions()]
        )
        return clone

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        sql: list[str] = []
        params: list[Any] = []
        for part in self.parts:
            if isinstance(part, str):
                sql.append(part)
            elif isinstance(part, Param):
                sql.append("%s")
                params.append(part.value)
            else:
                part_sql, part_params = compiler.compile(part)
                sql.append(part_sql)
                params.extend(part_params)
        return "".join(sql), params


# The rank of a result, highest first: every term in the title, the headings, the body (an
# exact word before a stem in each); then the terms spread over several of them; 0 for a
# result found by a misspelt word only.
RANKS = (("A", True), ("A", False), ("B", True), ("B", False), ("C", True), ("C", False))
LEVELS = (*RANKS, ("", True), ("", False))


def rank_of(weight: str, exact: bool) -> int:
    if not weight:
        return 2 if exact else 1
    return 2 + len(RANKS) - RANKS.index((weight, exact))


class Engine:
    """What both databases share: the rank built from each one's conditions (`_levels`)."""

    # The entries of one theme (a JSON list of ids in `column`).
    THEME_FILTER: str
    BEST = rank_of(*LEVELS[0])

    def has_theme(self, theme: int) -> Sql:
        before, rest = self.THEME_FILTER.split("{column}")
        middle, after = rest.split("%s")
        return Sql(before, F("theme_ids"), middle, Param(theme), after)

    def _levels(self, terms: Sequence[Term]) -> list[tuple[int, Sql]]:
        """(rank, condition) for each of `LEVELS`, best first: the terms found there."""
        raise NotImplementedError

    def score(self, terms: Sequence[Term]) -> Sql:
        """The rank of a result: the best level whose condition holds, 0 for none."""
        parts: list[Part] = ["CASE"]
        for rank, condition in self._levels(terms):
            parts += [" WHEN ", condition, f" THEN {rank}"]
        parts.append(" ELSE 0 END")
        return Sql(*parts, output_field=IntegerField())


def _trigrams(word: str) -> list[str]:
    padded = f"  {word} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def word_similarity(word: str, title: str) -> float:
    """pg_trgm's `word_similarity(word, title)` for a folded word and a folded title: the best
    |A ∩ E| / |A ∪ E| over the word's trigrams A and each run E of a title word's trigrams."""
    if not word or not title:
        return 0.0
    wanted = set(_trigrams(word))
    best = 0.0
    for other in text.words(title):
        ordered = _trigrams(other)
        if len(wanted.intersection(ordered)) / len(wanted) <= best:
            continue  # even the best run of this word cannot do better
        for start in range(len(ordered)):
            run: set[str] = set()
            for trigram in ordered[start:]:
                run.add(trigram)
                best = max(best, len(wanted & run) / len(wanted | run))
    return best


class PostgreSQL(Engine):
    THEME_FILTER = "{column} @> jsonb_build_array(%s::bigint)"

    @staticmethod
    def _tsquery(terms: Sequence[Term], *, weight: str = "", prefix: bool = True) -> str:
        """A `to_tsquery` text: the folded words are only letters and digits, no quoting needed."""

        def operand(word: str) -> str:
            star = "*" if prefix and len(word) >= text.PREFIX_FROM else ""
            return f"{word}:{star}{weight}" if star or weight else word

        parts = []
        for term in terms:
            if term.is_phrase:
                parts.append("(" + " <-> ".join(operand(word) for word in term.words) + ")")
            else:
                parts.append(operand(term.words[0]))
        return " & ".join(parts)

    def match(self, term: Term) -> Sql:
        found = Sql(F("vector"), " @@ to_tsquery('solimut_fr', ", Param(self._tsquery([term])), ")")
        if term.is_phrase or len(term.words[0]) < text.FUZZY_FROM:
            return found
        return Sql("(", found, " OR ", Param(term.words[0]), " <%% ", F("title_folded"), ")")

    def _levels(self, terms: Sequence[Term]) -> list[tuple[int, Sql]]:
        levels = []
        for weight, exact in LEVELS:
            column, config = ("exact", "solimut_fr_exact") if exact else ("vector", "solimut_fr")
            query = self._tsquery(terms, weight=weight, prefix=not exact)
            found = Sql(F(column), f" @@ to_tsquery('{config}', ", Param(query), ")")
            levels.append((rank_of(weight, exact), found))
        return levels

    def write(self, entry_ids: Iterable[int]) -> None:
        vector = " || ".join(
            f"setweight(to_tsvector('{{config}}', {column}), '{weight}')"
            for column, weight in (("title", "A"), ("headings", "B"), ("body", "C"))
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE core_searchentry SET vector = {vector.format(config='solimut_fr')}, "  # noqa: S608
                f"exact = {vector.format(config='solimut_fr_exact')} WHERE id = ANY(%s)",
                [list(entry_ids)],
            )

    def forget(self, entry_ids: Iterable[int]) -> None:
        """The entries' rows go with them (their columns)."""

    def forget_all(self) -> None:
        pass


class SQLite(Engine):
    THEME_FILTER = "EXISTS (SELECT 1 FROM json_each({column}) WHERE value = %s)"
    COLUMNS = ("tx", "hx", "bx", "ts", "hs", "bs")

    @staticmethod
    def _fts(terms: Sequence[Term], *, columns: str, stemmed: bool = True) -> str:
        """An FTS5 query: folded words or their stems (only letters and digits), quoted."""
        prefix = stemmed

        def operand(word: str) -> str:
            token = text.stem(word) if stemmed else word
            star = " *" if prefix and len(token) >= text.PREFIX_FROM else ""
            return f'"{token}"{star}'

        parts = []
        for term in terms:
            words = [word for word in term.words if word not in text.STOP_WORDS] or term.words
            parts.append("{" + columns + "} : " + " + ".join(operand(word) for word in words))
        return " AND ".join(parts)

    def _in(self, query: str) -> Sql:
        return Sql(
            F("id"),
            " IN (SELECT rowid FROM core_searchfts WHERE core_searchfts MATCH ",
            Param(query),
            ")",
        )

    def match(self, term: Term) -> Sql:
        found = self._in(self._fts([term], columns="ts hs bs"))
        if term.is_phrase or len(term.words[0]) < text.FUZZY_FROM:
            return found
        similar = Sql(
            "rse_word_similarity(", Param(term.words[0]), ", ", F("title_folded"), ") >= ",
            Param(SIMILARITY),
        )  # fmt: skip
        return Sql("(", found, " OR ", similar, ")")

    def _levels(self, terms: Sequence[Term]) -> list[tuple[int, Sql]]:
        columns = {"A": "t", "B": "h", "C": "b", "": "t h b"}
        levels = []
        for weight, exact in LEVELS:
            suffix = "x" if exact else "s"
            names = " ".join(f"{name}{suffix}" for name in columns[weight].split())
            query = self._fts(terms, columns=names, stemmed=not exact)
            levels.append((rank_of(weight, exact), self._in(query)))
        return levels

    def write(self, entry_ids: Iterable[int]) -> None:
        from core.models import SearchEntry

        rows: list[list[Any]] = []
        for entry in SearchEntry.objects.filter(pk__in=list(entry_ids)).only(
            "title", "headings", "body"
        ):
            folded = [
                text.content_words(value) for value in (entry.title, entry.headings, entry.body)
            ]
            stems = [[text.stem(word) for word in field] for field in folded]
            rows.append([entry.pk, *(" ".join(field) for field in (*folded, *stems))])
        self.forget(row[0] for row in rows)  # an entry written over keeps its id
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO core_searchfts (rowid, tx, hx, bx, ts, hs, bs) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                rows,
            )

    def forget(self, entry_ids: Iterable[int]) -> None:
        ids = list(entry_ids)
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    "DELETE FROM core_searchfts WHERE rowid IN "  # noqa: S608
                    f"({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )

    def forget_all(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_searchfts")


def backend() -> PostgreSQL | SQLite:
    return PostgreSQL() if connection.vendor == "postgresql" else SQLite()


def connection_created(sender: Any, connection: Any, **kwargs: Any) -> None:
    """SQLite has no word similarity: give it ours (the one function the queries call)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "rse_word_similarity", 2, word_similarity, deterministic=True
        )
