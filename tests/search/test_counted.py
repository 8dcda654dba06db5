"""Beyond `COUNTED` matches a search answers its best `COUNTED`, without reading them all: the
same first results in the same order as a search counting every match, its facets counted over
those, and the page says there are more. Here `COUNTED` is 3, on the corpus of conftest.py."""

from collections import Counter

import pytest

from core import search
from core.search import query
from tests.factories import InitiativeFactory
from tests.search.conftest import _day


@pytest.fixture
def counting_three(settings, monkeypatch):
    settings.RSE_FRAGMENT_CACHE = False  # a search before and after the change of COUNTED

    def cap() -> None:
        monkeypatch.setattr(query, "COUNTED", 3)
        monkeypatch.setattr(query, "LOOKED_AT", 4)

    return cap


def _keys(hits) -> list[tuple[str, int]]:
    return [(hit.kind, hit.object_id) for hit in hits]


def _facets(results) -> dict[str, dict[str, int]]:
    return {
        name: {value.value: value.count for value in values}
        for name, values in results.facets.items()
        if name != "theme"
    }


@pytest.mark.parametrize(
    ("role", "words", "filters"),
    [
        ("coordinator", "agence", {}),
        ("reader", "agence", {}),
        ("coordinator", "sante", {}),  # members, undated, last
        ("reader", "travail", {}),
        ("coordinator", "chaque", {}),
        ("reader", "mobilite", {}),
        ("reader", "agence", {"kind": "initiative"}),
        ("coordinator", "sante", {"kind": "member"}),
    ],
)
def test_beyond_what_it_counts_a_search_answers_its_best(
    corpus, counting_three, role, words, filters
):
    user = corpus.people[role]
    everything = search.search(user, words, per_page=100, **filters)
    assert everything.total > 3 and not everything.more  # the corpus holds more than three
    best = everything.hits[:3]

    counting_three()
    first = search.search(user, words, per_page=2, **filters)
    second = search.search(user, words, per_page=2, page=2, **filters)
    past_the_end = search.search(user, words, per_page=2, page=9, **filters)

    assert (first.more, first.total, first.pages) == (True, 3, 2)
    assert _keys(first.hits + second.hits) == _keys(best)
    assert (past_the_end.page, _keys(past_the_end.hits)) == (2, _keys(best[2:]))
    facets = _facets(first)
    assert facets["kind"] == dict(Counter(hit.kind for hit in best))
    assert facets["year"] == dict(Counter(str(hit.date.year) for hit in best if hit.date))
    if not filters:
        assert facets["mutuelle"] == dict(
            Counter(str(hit.mutuelle_id) for hit in best if hit.mutuelle_id)
        )


def test_many_recent_titles_are_the_best_without_looking_further(corpus, counting_three):
    """The most recent matches, all with the word in their title, are the best: the search
    stops there (one statement) and answers as if it had read everything."""
    reader = corpus.people["reader"]
    armor = corpus.mutuelles["armor"]
    for day in range(1, 6):
        InitiativeFactory(
            title=f"Essai de compostage n° {day}",
            summary="Un bac dans la cour.",
            mutuelle=armor,
            author=None,
            published_at=_day(2027, 1, day),
            created_at=_day(2027, 1, day),
        )
    InitiativeFactory(
        title="Atelier du jardin",
        summary="Un essai de compostage raconté dans le résumé, plus récent que les autres.",
        mutuelle=armor,
        author=None,
        published_at=_day(2027, 2),
        created_at=_day(2027, 2),
    )
    everything = search.search(reader, "compostage", per_page=100)
    assert everything.total == 6

    counting_three()
    results = search.search(reader, "compostage", per_page=10)
    assert (results.more, results.total) == (True, 3)
    assert [hit.title for hit in results.hits] == [
        "Essai de compostage n° 5",
        "Essai de compostage n° 4",
        "Essai de compostage n° 3",
    ]
    assert _facets(results)["year"] == {"2027": 3}


def test_the_page_says_there_are_more(client, corpus, counting_three):
    counting_three()
    client.force_login(corpus.people["coordinator"])
    response = client.get("/search/", {"q": "agence"})
    page = response.content.decode()
    assert "Plus de 3 résultats pour « agence »" in page
    assert "Seuls les 3 plus pertinents sont listés" in page
    assert len(response.context["hits"]) == 3


def test_a_filter_leaving_few_counts_them_all(corpus, counting_three):
    """Many matches, but the filter chosen leaves fewer than it counts: all of those, counted
    exactly (here the one action among the matches of "santé")."""
    coordinator = corpus.people["coordinator"]
    everything = search.search(coordinator, "sante", kind="action")
    counting_three()
    assert search.search(coordinator, "sante").more
    results = search.search(coordinator, "sante", kind="action")
    assert (results.more, results.total) == (False, everything.total)
    assert _keys(results.hits) == _keys(everything.hits)
