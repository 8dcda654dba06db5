"""The search page (`/search/?q=`): the query and its filters read from the query string, the
engine (`core.search`) asked once, and what it answers dressed for the page: the mutuelles' and
themes' names, a link that adds or removes each filter, the pages.

The engine filters every hit, count and excerpt through each kind's own `visible_to` rule: the
page shows what it is given and never counts anything itself. Query parameters, like the lists'
filters, name mutuelles and themes by slug (`?mutuelle=armor&theme=egalite`); a value that names
nothing is ignored rather than refused."""

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from core import fragments, search
from mutuelles.models import Mutuelle, Theme

PER_PAGE = 20
# Values a facet lists before folding the others away (a network of 50 mutuelles).
FACET_SHOWN = 6
FACETS = (
    ("kind", _("Type")),
    ("mutuelle", _("Mutuelle")),
    ("theme", _("Thème")),
    ("year", _("Année")),
)
# What the header's box and the page's form may send; anything else stays out of the links.
PARAMETERS = ("q", "kind", "mutuelle", "theme", "year")


@dataclass
class Choice:
    """One value of a facet as the page shows it: its name, its count, the link that selects it
    (or, when selected, removes it)."""

    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    choices: list[Choice]
    shown: list[Choice] = field(default_factory=list)
    folded: list[Choice] = field(default_factory=list)


@dataclass
class Selected:
    """A filter in force, with the link that removes it."""

    facet: str
    label: str
    remove_url: str


@dataclass
class ResultsPage:
    """What `includes/pagination.html` reads from a Django page."""

    number: int
    pages: int

    @property
    def paginator(self):
        return self

    @property
    def num_pages(self) -> int:
        return self.pages

    def has_other_pages(self) -> bool:
        return self.pages > 1

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.number < self.pages

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def _url(params: dict[str, str]) -> str:
    return f"?{urlencode({key: value for key, value in params.items() if value})}"


def _page_number(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


class _Request:
    """The query string read once: the text, and each filter as the URL spells it (slug, kind
    name, year) and as the engine wants it (ids, ints)."""

    def __init__(self, get: QueryDict, kinds: dict[str, str]):
        self.text = " ".join(get.get("q", "").split())[:200]
        self.raw: dict[str, str] = {}
        self.engine: dict[str, object] = {}
        kind = get.get("kind", "")
        if kind in kinds:
            self.raw["kind"], self.engine["kind"] = kind, kind
        year = get.get("year", "")
        if year.isdigit() and len(year) == 4:
            self.raw["year"], self.engine["year"] = year, int(year)
        self.mutuelle_slug = get.get("mutuelle", "")
        self.theme_slug = get.get("theme", "")
        self.page = _page_number(get.get("page"))

    def params(self, **changes: str) -> dict[str, str]:
        return {"q": self.text, **self.raw, **changes}


def _facets(request: _Request, results, mutuelles: dict[int, Any], themes, kinds):
    """The engine's facet values named and linked, most frequent first (years, newest first)."""
    names = {
        "kind": lambda value: kinds.get(value),
        "mutuelle": lambda value: _name(mutuelles, value, "short_name"),
        "theme": lambda value: _name(themes, value, "name"),
        "year": lambda value: value,
    }
    in_url = {
        "kind": lambda value: value,
        "mutuelle": lambda value: _name(mutuelles, value, "slug"),
        "theme": lambda value: _name(themes, value, "slug"),
        "year": lambda value: value,
    }
    facets, selected = [], []
    for name, label in FACETS:
        choices = []
        for value in results.facets.get(name, []):
            text, slug = names[name](str(value.value)), in_url[name](str(value.value))
            if not text or not slug:
                continue
            chosen = request.raw.get(name) == slug
            url = _url(request.params(**{name: "" if chosen else slug}))
            choices.append(Choice(str(text), value.count, chosen, url))
            if chosen:
                selected.append(Selected(str(label), str(text), url))
        if name == "year":
            choices.sort(key=lambda choice: choice.label, reverse=True)
        else:
            choices.sort(key=lambda choice: (-choice.selected, -choice.count, choice.label))
        if choices:
            facets.append(
                Facet(name, str(label), choices, choices[:FACET_SHOWN], choices[FACET_SHOWN:])
            )
    # A filter in force that no hit carries any more (another query) can still be removed.
    shown = {chosen.remove_url for chosen in selected}
    for name, label in FACETS:
        if name in request.raw:
            url = _url(request.params(**{name: ""}))
            if url not in shown:
                text = _chosen_label(name, request.raw[name], mutuelles, themes, kinds)
                selected.append(Selected(str(label), text, url))
    return facets, selected


def _name(objects: dict, value: str, attribute: str) -> str | None:
    try:
        obj = objects.get(int(value))
    except ValueError:
        return None
    return getattr(obj, attribute) if obj else None


def _chosen_label(name, slug, mutuelles, themes, kinds) -> str:
    if name == "kind":
        return str(kinds.get(slug, slug))
    if name == "mutuelle" and (mutuelle := _by_slug(mutuelles, slug)):
        return mutuelle.short_name
    if name == "theme" and (theme := _by_slug(themes, slug)):
        return theme.name
    return slug


def _reference() -> tuple[dict[int, Any], dict[int, Any]]:
    """Every mutuelle and theme by id, the few fields the page shows (rows, not models): what
    the URL's slugs, the hits and the facets name (a few dozen rows of reference data), kept in
    the cache until one of them changes."""
    return fragments.cached(
        "search:reference",
        revisions=["mutuelles"],
        render=lambda: (
            {
                row.pk: row
                for row in Mutuelle.objects.values_list(
                    "pk", "short_name", "slug", "colour", named=True
                )
            },
            {row.pk: row for row in Theme.objects.values_list("pk", "name", "slug", named=True)},
        ),
    )


def _by_slug(objects: dict, slug: str):
    return next((obj for obj in objects.values() if obj.slug == slug), None) if slug else None


@require_http_methods(["GET"])
def search_page(request):
    kinds = {name: str(kind.plural) for name, kind in search.kinds().items()}
    asked = _Request(request.GET, kinds)
    context: dict[str, object] = {"query": asked.text}
    if asked.text:
        context.update(_results(request, asked, kinds))
    partial = request.htmx and request.htmx.target == "search-results"
    template = "search.html#results" if partial else "search.html"
    return TemplateResponse(request, template, context)


def _results(request, asked: _Request, kinds: dict[str, str]) -> dict[str, object]:
    mutuelles, themes = _reference()
    # The URL names mutuelles and themes by slug, the engine by id.
    mutuelle = _by_slug(mutuelles, asked.mutuelle_slug)
    theme = _by_slug(themes, asked.theme_slug)
    if mutuelle:
        asked.raw["mutuelle"], asked.engine["mutuelle"] = mutuelle.slug, mutuelle.pk
    if theme:
        asked.raw["theme"], asked.engine["theme"] = theme.slug, theme.pk
    results = search.search(
        request.user, asked.text, page=asked.page, per_page=PER_PAGE, **asked.engine
    )
    facets, selected = _facets(asked, results, mutuelles, themes, kinds)
    hits = [
        {"hit": hit, "mutuelle": mutuelles.get(hit.mutuelle_id) if hit.mutuelle_id else None}
        for hit in results.hits
    ]
    return {
        "total": results.total,
        # More matches than the engine counts: "plus de 500", its best ones listed.
        "more": results.more,
        "counted": number_format(results.total, force_grouping=True),
        "hits": hits,
        "facets": facets,
        "selected": selected,
        "hidden": [(name, value) for name, value in asked.raw.items()],
        "page": ResultsPage(results.page, results.pages),
        "first": (results.page - 1) * PER_PAGE + 1,
    }
