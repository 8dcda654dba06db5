"""French as people type it: (query, the first results expected), on the corpus of conftest.py,
as a salaried reader of Armor sees it. `make test` runs this file on PostgreSQL and on SQLite."""

import pytest

from core import search

# (what is typed, the titles expected first, in this order)
CASES = [
    # Accents and case ignored both ways.
    ("velo", ["Défi vélo entre agences", "Atelier de réparation de vélos"]),
    ("vélo", ["Défi vélo entre agences", "Atelier de réparation de vélos"]),
    ("VÉLO", ["Défi vélo entre agences", "Atelier de réparation de vélos"]),
    ("Velo", ["Défi vélo entre agences", "Atelier de réparation de vélos"]),
    ("depistage", ["Dépistage du cancer du sein en agence", "Journée prévention santé"]),
    ("DÉPISTAGE", ["Dépistage du cancer du sein en agence", "Journée prévention santé"]),
    ("dépistage", ["Dépistage du cancer du sein en agence", "Journée prévention santé"]),
    ("jerome lefevre", ["Jérôme Lefèvre"]),
    ("JÉRÔME", ["Jérôme Lefèvre"]),
    ("elodie", ["Élodie Fabre"]),
    ("Élodie Fabre", ["Élodie Fabre"]),
    ("gaelle", ["Gaëlle Le Goff"]),
    ("francois", ["François Nguyen"]),
    ("economie circulaire", ["L'économie circulaire au quotidien"]),
    ("ressourcerie", ["L'économie circulaire au quotidien"]),
    # Ligatures both ways.
    ("oeuvre", ["Œuvre collective : la fresque du climat"]),
    ("œuvre", ["Œuvre collective : la fresque du climat"]),
    ("coeurderoy", ["Loïc Cœurderoy"]),
    ("Cœurderoy", ["Loïc Cœurderoy"]),
    # Elided articles.
    ("l'égalité femmes-hommes", ["Index de l'égalité femmes-hommes"]),
    ("l’economie", ["L'économie circulaire au quotidien"]),
    ("d'imprimante", ["Recyclage des cartouches d'imprimante"]),
    # French stems: a form finds the others; the title's stem before an exact word of the body.
    (
        "recycler",
        [
            "Recyclage des cartouches d'imprimante",
            "Guide des éco-gestes au bureau",
            "Tri des déchets au bureau",
        ],
    ),
    ("recyclage", ["Recyclage des cartouches d'imprimante", "Guide des éco-gestes au bureau"]),
    ("femmes", ["Index de l'égalité femmes-hommes", "Mentorat des cadres"]),
    ("femme", ["Index de l'égalité femmes-hommes", "Mentorat des cadres"]),
    ("réparer", ["Atelier de réparation de vélos"]),
    ("handicapées", ["Handicap : sensibiliser les équipes"]),
    ("cartouche", ["Recyclage des cartouches d'imprimante"]),
    ("bicyclettes", ["Spéciale mobilité", "Défi vélo entre agences"]),
    # Quoted phrases match as phrases; words alone in any order.
    ('"fresque du climat"', ["Œuvre collective : la fresque du climat"]),
    ('"climat fresque"', []),
    ("climat fresque", ["Œuvre collective : la fresque du climat"]),
    ('"qualité de vie"', ["Semaine de la qualité de vie au travail"]),
    ('"cancer du sein"', ["Dépistage du cancer du sein en agence"]),
    ('"sein du cancer"', []),
    ("cancer sein", ["Dépistage du cancer du sein en agence"]),
    # A typo in a title or a name still finds it, below what is spelt right.
    ("depistaje", ["Dépistage du cancer du sein en agence"]),
    ("sophrolgie", ["Sophrologie en agence"]),
    ("Coeurderoi", ["Loïc Cœurderoy"]),
    ("Nguyem", ["François Nguyen"]),
    ("sang", ["Don du sang au siège", "Journée prévention santé"]),
    # Title before headings (summaries, headings, tools) before body; recent first at equal rank.
    ("sophrologie", ["Sophrologie en agence", "Semaine de la qualité de vie au travail"]),
    ("covoiturage", ["Covoiturage domicile-travail", "Spéciale mobilité"]),
    ("parentalité", ["Guide de l'égalité professionnelle"]),
    ("interrupteurs", ["Guide des éco-gestes au bureau"]),
    ("écrans", ["Guide des éco-gestes au bureau"]),
    ("mobilité employeur", ["2.4 Mettre en place un plan de mobilité employeur"]),
    ("risques psychosociaux", ["1.2 Prévenir les risques psychosociaux"]),
    ("trajets à pied", ["Part des trajets domicile-travail à pied"]),
    ("climat", ["Œuvre collective : la fresque du climat"]),
    # What a reader may not read is not there.
    ("teletravail", []),
    ("sobriété", []),
    ("arceaux", []),
]


@pytest.mark.parametrize(("query", "expected"), CASES, ids=[case[0] for case in CASES])
def test_french_as_people_type_it(corpus, query, expected):
    results = search.search(corpus.people["reader"], query)
    titles = [hit.title for hit in results.hits]
    assert titles[: len(expected)] == expected
    if not expected:
        assert results.total == 0


def test_the_corpus_has_forty_cases_at_least():
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("query", "kind", "expected"),
    [
        ("velo", "action", ["2.4 Mettre en place un plan de mobilité employeur"]),
        ("mobilite", "working_group", ["Mobilité durable"]),
        ("egalite", "guide", ["Guide de l'égalité professionnelle"]),
        ("egalite", "initiative", ["Index de l'égalité femmes-hommes"]),
        ("bicyclette", "edition", ["Spéciale mobilité"]),
    ],
)
def test_a_kind_narrows_the_results(corpus, query, kind, expected):
    results = search.search(corpus.people["reader"], query, kind=kind)
    assert [hit.title for hit in results.hits] == expected
    assert {hit.kind for hit in results.hits} == {kind}


def test_an_exact_word_ranks_above_a_stem_above_a_typo(corpus):
    hits = search.search(corpus.people["reader"], "velos").hits
    # "vélos" spelt so in a title, then "vélo" only close to it.
    assert [hit.title for hit in hits] == [
        "Atelier de réparation de vélos",
        "Défi vélo entre agences",
    ]
    assert hits[0].rank > hits[1].rank


def test_excerpts_mark_the_words_found(corpus):
    hit = search.search(corpus.people["reader"], "mammographie").hits[0]
    assert hit.title == "Dépistage du cancer du sein en agence"
    assert "<mark>mammographie</mark>" in hit.excerpt
    stems = search.search(corpus.people["reader"], "recycler", kind="guide").hits[0]
    assert "<mark>recyclage</mark>" in stems.excerpt


def test_excerpts_are_escaped(corpus):
    initiative = corpus.initiatives["Don du sang au siège"]
    initiative.body = "<p>Donneurs &lt;script&gt;alert(1)&lt;/script&gt; bienvenus</p>"
    initiative.save()
    excerpt = search.search(corpus.people["reader"], "donneurs").hits[0].excerpt
    assert "<script>" not in excerpt
    assert "&lt;script&gt;" in excerpt


def test_nothing_typed_finds_nothing(corpus):
    for query in ["", "   ", "le la de", '""', "«»"]:
        results = search.search(corpus.people["reader"], query)
        assert results.total == 0 and results.hits == []
