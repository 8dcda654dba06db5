"""The search page (`/search/?q=`) as each role uses it: what it finds of every kind, the counts
of its filters and its excerpts, never anything the member may not read (a reader never learns
that a draft exists); the filters, pages and empty states; a fixed number of SQL queries
whatever the number of results.

Every object of the world below holds the word "quetzal" (and a word of its own): searching
"quetzal" lists what each role may read, and nothing else."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan.models import Indicator
from ambassadeurs.models import Role
from core import search
from newsletter.models import Edition
from tests.factories import (
    ActionFactory,
    EditionFactory,
    FieldFeedbackFactory,
    GuideFactory,
    InitiativeFactory,
    PlanFactory,
    ThemeFactory,
    UserFactory,
    WorkingGroupFactory,
)

# What every member reads, then what only some may: (title, the word only it holds).
PUBLIC = {
    "initiative": "Initiative quetzal publiée à Rennes",
    "guide": "Guide quetzal des achats",
    "edition": "Lettre quetzal envoyée",
    "action": "4.2 Action quetzal du plan",  # an action is named with its code
    "indicator": "Indicateur quetzal de sobriété",
    "member": "Quetzal Membre",
    "group": "Groupe quetzal du climat",
}
ARMOR_DRAFT = "Initiative quetzal brouillon armoricaine"
ARVERNE_DRAFT = "Initiative quetzal brouillon auvergnate"
ARMOR_FEEDBACK = "Retour quetzal des agences bretonnes"
ARVERNE_FEEDBACK = "Retour quetzal des agences volcaniques"
DEPARTED = "Quetzal Démissionnaire"  # a member who left: the coordination still finds them
NEVER = {
    "unpublished guide": "Guide quetzal inédit",
    "draft edition": "Lettre quetzal en préparation",
}
HIDDEN = {ARMOR_DRAFT, ARVERNE_DRAFT, ARMOR_FEEDBACK, ARVERNE_FEEDBACK, DEPARTED, *NEVER.values()}
EVERYTHING = {
    *PUBLIC.values(),
    ARMOR_DRAFT,
    ARVERNE_DRAFT,
    ARMOR_FEEDBACK,
    ARVERNE_FEEDBACK,
    DEPARTED,
}

SEES = {
    "reader": set(PUBLIC.values()),
    "ambassador": {*PUBLIC.values(), ARMOR_DRAFT, ARMOR_FEEDBACK},
    "other_ambassador": {*PUBLIC.values(), ARVERNE_DRAFT, ARVERNE_FEEDBACK},
    "coordinator": EVERYTHING,
    "admin": EVERYTHING,
}


@pytest.fixture
def world(members, mutuelle, other_mutuelle):
    theme = ThemeFactory(name="Environnement", slug="environnement")
    ambassador, other = members["ambassador"], members["other_ambassador"]
    InitiativeFactory(
        mutuelle=mutuelle, author=ambassador, title=PUBLIC["initiative"], summary="Le colibri."
    ).themes.set([theme])
    for title, where, who in [
        (ARMOR_DRAFT, mutuelle, ambassador),
        (ARVERNE_DRAFT, other_mutuelle, other),
    ]:
        InitiativeFactory(
            mutuelle=where, author=who, title=title, is_published=False, summary="Secret."
        ).themes.set([theme])
    GuideFactory(title=PUBLIC["guide"], theme=theme, published=True)
    GuideFactory(title=NEVER["unpublished guide"], theme=theme, authors=[ambassador])
    EditionFactory(title=PUBLIC["edition"])
    EditionFactory(title=NEVER["draft edition"], status=Edition.Status.DRAFT, sent_at=None)
    action = ActionFactory(code="4.2", title="Action quetzal du plan", axis__plan=PlanFactory())
    Indicator.objects.create(plan=action.plan, name=PUBLIC["indicator"], unit="kg", target=10)
    FieldFeedbackFactory(mutuelle=mutuelle, author=ambassador, subject=ARMOR_FEEDBACK)
    FieldFeedbackFactory(mutuelle=other_mutuelle, author=other, subject=ARVERNE_FEEDBACK)
    UserFactory(first_name="Quetzal", last_name="Membre", mutuelle=mutuelle, role=Role.READER)
    UserFactory(
        first_name="Quetzal", last_name="Démissionnaire", mutuelle=mutuelle, is_active=False
    )
    WorkingGroupFactory(name=PUBLIC["group"], theme=theme)
    search.rebuild()
    return {"theme": theme}


def _ask(client, member, **params):
    client.force_login(member)
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def _titles(response) -> set[str]:
    """The results' titles as the page lists them, each once."""
    shown = [
        unescape(title)
        for title in re.findall(r'<h3 class="hit-title"><a href="[^"]+">([^<]+)</a>', response.text)
    ]
    assert len(shown) == len(set(shown)) == len(response.context.get("hits", [])), shown
    return set(shown)


def _facet(response, name) -> dict[str, int]:
    for facet in response.context["facets"]:
        if facet.name == name:
            return {choice.label: choice.count for choice in facet.choices}
    return {}


def _text(response) -> str:
    """What the page says, tags and entities removed."""
    return unescape(re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize("role", list(SEES))
def test_each_role_finds_what_it_may_read_and_nothing_else(client, members, world, role):
    response = _ask(client, members[role], q="quetzal")
    assert _titles(response) == SEES[role]
    assert response.context["total"] == len(SEES[role])
    # The counts of the filters are those of what the member reads.
    kinds = _facet(response, "kind")
    assert sum(kinds.values()) == len(SEES[role])
    assert kinds["Initiatives"] == len({t for t in SEES[role] if t.startswith("Initiative")})
    assert kinds.get("Retours du terrain", 0) == len({t for t in SEES[role] if "Retour" in t})
    assert kinds["Membres"] == len({t for t in SEES[role] if t.startswith("Quetzal")})
    armor = _facet(response, "mutuelle")["Armor"]
    assert armor == len({ARMOR_DRAFT, ARMOR_FEEDBACK, DEPARTED} & SEES[role]) + 2
    page = _text(response)
    assert f"{len(SEES[role])} résultats pour « quetzal »" in page
    for title in HIDDEN - SEES[role]:
        assert title not in page


def test_what_one_role_found_is_never_served_to_another(client, members, world, settings):
    """The engine keeps results in the cache: asked in turn by every role, in both orders, each
    gets its own."""
    settings.RSE_FRAGMENT_CACHE = True
    for roles in (list(SEES), list(reversed(SEES))):
        for role in roles:
            response = _ask(client, members[role], q="quetzal")
            assert _titles(response) == SEES[role], role
            assert sum(_facet(response, "kind").values()) == len(SEES[role]), role


@pytest.mark.parametrize("role", list(SEES))
def test_nobody_learns_that_a_hidden_object_exists_from_its_own_words(client, members, world, role):
    """Searched by the words only it holds, a hidden object gives no result, no count of any
    filter, no excerpt."""
    for title in HIDDEN - SEES[role]:
        own_word = title.split()[-1]
        response = _ask(client, members[role], q=own_word)
        assert response.context["total"] == 0, title
        assert response.context["facets"] == [], title
        assert own_word not in _text(response).replace(f"« {own_word} »", ""), title


def test_a_reader_counts_only_published_initiatives_per_mutuelle(client, members, world):
    armor_only = {"mutuelle": "armor", "kind": "initiative"}
    response = _ask(client, members["reader"], q="quetzal initiative", **armor_only)
    assert _titles(response) == {PUBLIC["initiative"]}
    assert _facet(response, "kind") == {"Initiatives": 1}
    ambassador = _ask(client, members["ambassador"], q="quetzal initiative", **armor_only)
    assert _titles(ambassador) == {PUBLIC["initiative"], ARMOR_DRAFT}


def test_a_result_shows_its_kind_mutuelle_date_and_excerpt(client, members, world):
    response = _ask(client, members["reader"], q="colibri")
    assert _titles(response) == {PUBLIC["initiative"]}
    [item] = response.context["hits"]
    assert item["mutuelle"].short_name == "Armor"
    html = response.content.decode()
    assert "<mark>colibri</mark>" in html.lower()
    hit = re.search(r'<li class="hit">.*?</li>', html, re.DOTALL).group(0)
    assert "Initiative" in hit and "Armor" in hit
    assert re.search(r"<time datetime=\"\d{4}-\d\d-\d\d\">\d{1,2} \w+ \d{4}</time>", hit)


def test_a_filter_is_chosen_then_removed_by_its_links(client, members, world):
    response = _ask(client, members["reader"], q="quetzal")
    kinds = next(facet for facet in response.context["facets"] if facet.name == "kind")
    guides = next(choice for choice in kinds.choices if choice.label == "Guides")
    assert guides.count == 1 and not guides.selected
    filtered = client.get(reverse("search") + guides.url)
    assert _titles(filtered) == {PUBLIC["guide"]}
    [chosen] = filtered.context["selected"]
    assert (chosen.facet, chosen.label) == ("Type", "Guides")
    assert "Type : Guides" in _text(filtered)
    back = client.get(reverse("search") + chosen.remove_url)
    assert _titles(back) == SEES["reader"]
    assert back.context["selected"] == []


def test_the_theme_and_year_filters_narrow_the_results(client, members, world):
    response = _ask(client, members["reader"], q="quetzal", theme="environnement")
    assert _titles(response) == {PUBLIC["initiative"], PUBLIC["guide"], PUBLIC["group"]}
    assert _facet(response, "theme") == {"Environnement": 3}


def test_no_result_says_what_to_try(client, members, world):
    response = _ask(client, members["reader"], q="quetzal", kind="guide", mutuelle="armor")
    page = _text(response)
    assert "Rien ne correspond à « quetzal » avec ces filtres" in page
    assert "vérifier l’orthographe" in page
    assert "retirer un filtre" in page
    assert "retirer les guillemets" not in page
    quoted = _text(_ask(client, members["reader"], q='"quetzal inconnu"'))
    assert 'Rien ne correspond à « "quetzal inconnu" ».' in quoted
    assert "retirer les guillemets" in quoted
    removal = [chosen.remove_url for chosen in response.context["selected"]]
    assert len(removal) == 2
    assert all(url in response.content.decode().replace("&amp;", "&") for url in removal)


def test_without_words_the_page_explains_what_it_searches(client, members, world):
    response = _ask(client, members["reader"], q="   ")
    assert "hits" not in response.context
    assert "Que cherchez-vous ?" in _text(response)


def test_unknown_filters_are_ignored_rather_than_refused(client, members, world):
    response = _ask(
        client, members["reader"], q="quetzal", kind="rien", mutuelle="nulle-part", year="20x6"
    )
    assert _titles(response) == SEES["reader"]
    assert response.context["selected"] == []


def test_htmx_gets_the_results_alone_with_their_announcement(client, members, world):
    client.force_login(members["reader"])
    response = client.get(
        reverse("search"), {"q": "quetzal"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="search-results"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="results-heading"' in html
    # The live region outside the swapped part gets the count (htmx's out-of-band swap).
    status = re.search(r'<p id="search-status" data-hx-swap-oob="innerHTML">(.*?)</p>', html)
    assert unescape(status.group(1)) == f"{len(SEES['reader'])} résultats pour « quetzal »"


def test_results_come_in_pages(client, members, world, mutuelle):
    for n in range(25):
        InitiativeFactory(mutuelle=mutuelle, title=f"Initiative pangolin {n}")
    first = _ask(client, members["reader"], q="pangolin")
    assert first.context["total"] == 25
    assert len(first.context["hits"]) == 20
    assert "Page 1 sur 2" in _text(first)
    second = _ask(client, members["reader"], q="pangolin", page="2")
    assert len(second.context["hits"]) == 5
    assert not _titles(first) & _titles(second)


def _queries(client, q) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("search"), {"q": q}).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["reader", "ambassador", "coordinator"])
def test_the_queries_of_a_search_do_not_grow_with_its_results(
    client, members, mutuelle, other_mutuelle, role, settings
):
    settings.RSE_FRAGMENT_CACHE = False  # what a search costs the first time it is asked
    themes = [ThemeFactory(slug=f"t{n}") for n in range(3)]
    client.force_login(members[role])

    def grow(word, count):
        for n in range(count):
            where = mutuelle if n % 2 else other_mutuelle
            initiative = InitiativeFactory(
                mutuelle=where, title=f"Initiative {word} {n}", is_published=n % 3 != 0
            )
            initiative.themes.set(themes[: 1 + n % 3])
            UserFactory(first_name=word.capitalize(), mutuelle=where)

    grow("okapi", 2)
    grow("tapir", 30)
    client.get(reverse("search"), {"q": "zebu"})  # sessions, content types: once per process
    assert _queries(client, "okapi") == _queries(client, "tapir")
