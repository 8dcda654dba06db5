"""The lists' filters by mutuelle and by theme, by slug in the query string."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Mutuelle, Theme

ALL = _("Toutes")


def by_mutuelle(empty_label=ALL, **kwargs) -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Mutuelle"),
        queryset=Mutuelle.objects.active(),
        to_field_name="slug",
        empty_label=empty_label,
        **kwargs,
    )


def by_theme(**kwargs) -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous"),
        **kwargs,
    )
