"""Search: the whole site's, and the lists' text filter, in French as people type it.

Each app says what it contributes from its `AppConfig.ready()`, in a module `<app>/search.py`:

    from core import search

    search.register(search.Kind(
        name="initiative",                  # stable key, used in URLs (?kind=initiative)
        label=_("Initiative"), plural=_("Initiatives"),
        model=Initiative,
        document=lambda obj: search.Document(title=..., body=..., url=...) or None,
        visible=lambda user: Initiative.objects.visible_to(user),   # THE permission rule
        load=lambda: Initiative.objects.prefetch_related("themes"),  # optional
        watch=[(Tool, lambda tool: [tool.guide_id])],  # other models that change a document
    ))

Reading:

    results = search.search(user, "velo", kind=None, mutuelle=None, theme=None, year=None,
                            page=1, per_page=20)
    results.query, results.total, results.page, results.pages
    results.hits     # Hit: kind, kind_label, object_id, title, url, mutuelle_id, date,
                     #      excerpt (SafeString, the matched words in <mark>)
    results.facets   # {"kind"|"mutuelle"|"theme"|"year": [FacetValue(value, count, selected)]}
                     # counted over what the user may read (the labels of mutuelles and themes
                     # are the page's to look up; kinds' are `search.kinds()[name].plural`)
    search.matching(queryset, text)   # the lists' filter (core.filters.WordsFilter)
    search.rebuild()                  # and `manage.py search_rebuild`
    search.refresh(Model, pks)        # after a QuerySet.update() (it sends no signal)

Refined from the first contract: `Kind.watch` pairs each watched model with the function that
names the objects to re-index; `Kind.load` (optional) is how objects are read for `document()`;
`search.paused()` holds the index during a bulk load (then `rebuild()`). The index is written in
the transaction of the change itself (a rolled back change leaves it as it was; a committed one
is findable at once).

What matches: every term typed (a word, or a "quoted phrase"), ignoring case, accents,
ligatures (œ, æ) and elided articles (l', d', qu'...), by its French stem (a longer word of the
same stem too: "recycler" finds "recyclage"), or a misspelt word by its similarity with a title
(pg_trgm's word similarity). Ranking: all the terms in the title, then the headings, then the
body (an exact word before a stem each time), then terms spread over several of them, then
misspelt matches; recent first at equal rank. See `backends` for the two databases.

What is counted: up to `query.COUNTED` results (500). Beyond, a search answers its best 500
(their pages, their facets' counts) and says there are more, without reading every match: a
common word in the titles is read most recent first, stopping there.
"""

from .query import FacetValue, Hit, Results, matching, search, visible_entries
from .registry import (
    Document,
    Kind,
    headings_of,
    index,
    kinds,
    paused,
    plain,
    rebuild,
    refresh,
    register,
)

__all__ = [
    "Document",
    "FacetValue",
    "Hit",
    "Kind",
    "Results",
    "headings_of",
    "index",
    "kinds",
    "matching",
    "paused",
    "plain",
    "rebuild",
    "refresh",
    "register",
    "search",
    "visible_entries",
]
