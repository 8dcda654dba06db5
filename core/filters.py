"""The lists' text filter: what a member types matched as the site's search matches it (French
as people type it: accents, case, stems, phrases, misspelt titles; see `core.search`)."""

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import search

KEYWORD = _("mot-clé")


class WordsFilter(django_filters.CharFilter):
    """Keeps the rows whose indexed document holds every word typed (`search.matching`)."""

    def __init__(self, *, placeholder: str | Promise | None = KEYWORD, **kwargs: Any) -> None:
        attrs: dict[str, str | Promise] = {"type": "search", "autocomplete": "off"}
        if placeholder:
            attrs["placeholder"] = placeholder
        kwargs.setdefault("label", _("Recherche"))
        super().__init__(widget=forms.TextInput(attrs=attrs), **kwargs)

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return search.matching(qs, value or "")
