"""The lists' text filter: one way to match what a member types against a list's columns
(search will plug its French matching in here)."""

from functools import reduce
from operator import or_
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

KEYWORD = _("mot-clé")


class WordsFilter(django_filters.CharFilter):
    """Keeps the rows where every word typed appears in one of `fields` (any case)."""

    def __init__(
        self, *, fields: list[str], placeholder: str | Promise | None = KEYWORD, **kwargs: Any
    ) -> None:
        attrs: dict[str, str | Promise] = {"type": "search", "autocomplete": "off"}
        if placeholder:
            attrs["placeholder"] = placeholder
        kwargs.setdefault("label", _("Recherche"))
        super().__init__(widget=forms.TextInput(attrs=attrs), **kwargs)
        self.fields = fields

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        for word in (value or "").split():
            qs = qs.filter(
                reduce(or_, (Q(**{f"{field}__icontains": word}) for field in self.fields))
            )
        return qs
