"""The lists' text filter: what a member types matched as the site's search matches it (French
as people type it: accents, case, stems, phrases, misspelt titles; see `core.search`)."""

from collections.abc import Callable
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import search

KEYWORD = _("mot-clé")


class WordsFilter(django_filters.CharFilter):
    """Keeps the rows whose indexed document holds every word typed (`search.matching`), and
    those `unindexed(words)` keeps (a Q for rows the index leaves out on purpose, such as a
    guide never published, which its authors still look for in their list)."""

    def __init__(
        self,
        *,
        placeholder: str | Promise | None = KEYWORD,
        unindexed: Callable[[list[str]], Q] | None = None,
        **kwargs: Any,
    ) -> None:
        attrs: dict[str, str | Promise] = {"type": "search", "autocomplete": "off"}
        if placeholder:
            attrs["placeholder"] = placeholder
        kwargs.setdefault("label", _("Recherche"))
        super().__init__(widget=forms.TextInput(attrs=attrs), **kwargs)
        self.unindexed = unindexed

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        found = search.matching(qs, value or "")
        words = (value or "").split()
        if self.unindexed is None or found is qs or not words:
            return found
        return qs.filter(Q(pk__in=found.values("pk")) | self.unindexed(words))
