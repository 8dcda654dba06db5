"""French as people type it: the one normalisation the index, the queries and the excerpts share.

`fold("L’Œuvre ÉGALITÉ")` -> "l'oeuvre egalite" (case, accents and ligatures gone);
`words(...)` -> ["oeuvre", "egalite"] (elided articles dropped, split into words);
`stem("recyclage")` -> "recyclag" (the Snowball French stemmer, the one PostgreSQL uses).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer

_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ʼ": "'", "‘": "'", "ß": "ss"}
)
# l'égalité, d'abord, qu'il, jusqu'au, s'engager... ("aujourd'hui" keeps its "d").
_ELISION = re.compile(r"\b(?:qu|jusqu|lorsqu|puisqu|quoiqu|[cdjlmnst])'")
_WORD = re.compile(r"[a-z0-9]+")
# A quoted phrase ("..." or « ... »), or one word.
_TERM = re.compile(r"\"([^\"]*)\"?|«([^»]*)»?|(\S+)")

# Shorter stems are matched exactly; longer ones also match their longer forms, so that
# "recycler" (recycl) finds "recyclage" (recyclag) and "velo" finds "vélos".
PREFIX_FROM = 4
# Words shorter than this are never matched by their spelling alone (typos).
FUZZY_FROM = 4

STOP_WORDS = frozenset(
    line.strip()
    for line in (Path(__file__).with_name("stopwords-fr.txt")).read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def fold(text: str) -> str:
    """Lower case, without accents, ligatures spelt out, apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES).lower())
    return "".join(char for char in text if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of `text`, elided articles left out (stop words kept)."""
    return _WORD.findall(_ELISION.sub(" ", fold(text)))


def content_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOP_WORDS]


@cache
def _stemmer() -> Any:
    return snowballstemmer.stemmer("french")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Snowball French stem of a folded word."""
    return str(_stemmer().stemWord(word))


@dataclass(frozen=True)
class Term:
    """One thing a result must contain: a word, or a phrase (its words in that order)."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


def parse(query: str) -> list[Term]:
    """The terms of what was typed: words, and "quoted phrases" (a hyphenated word such as
    "femmes-hommes" is a phrase too). Stop words count only inside phrases; duplicates go."""
    terms: list[Term] = []
    for match in _TERM.finditer(query[:500]):
        quoted = match.group(1) if match.group(1) is not None else match.group(2)
        found = words(quoted if quoted is not None else match.group(3))
        if quoted is None or len(found) < 2:
            found = [word for word in found if word not in STOP_WORDS]
            if len(found) > 1 and quoted is None:  # "femmes-hommes", "l'eco-conception"
                terms.append(Term(tuple(found)))
                continue
            terms.extend(Term((word,)) for word in found)
        elif [word for word in found if word not in STOP_WORDS]:
            terms.append(Term(tuple(found)))
    unique = list(dict.fromkeys(terms))
    return unique[:12]  # a pasted paragraph is not a search
