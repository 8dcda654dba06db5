import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import WordsFilter
from mutuelles.filters import by_mutuelle, by_theme

from .models import Audience, Status, Transposability


class YearFilter(django_filters.NumberFilter):
    """A year within reason: `annee=99999` or `1e9` would make Python's dates (or the database)
    raise; out of bounds, the filter is ignored and the form says why, in French."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=1900, max_value=2200, **kwargs)


class InitiativeFilter(django_filters.FilterSet):
    q = WordsFilter()
    mutuelle = by_mutuelle()
    theme = by_theme(field_name="themes")
    public = django_filters.ModelChoiceFilter(
        label=_("Public"),
        field_name="audiences",
        queryset=Audience.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous"),
    )
    etat = django_filters.ChoiceFilter(
        label=_("État"), field_name="status", choices=Status.choices, empty_label=_("Tous")
    )
    annee = YearFilter(label=_("Année"), method="year")
    transposabilite = django_filters.ChoiceFilter(
        label=_("Transposabilité"),
        field_name="transposability",
        choices=Transposability.choices,
        empty_label=_("Toutes"),
    )
    # By its code ("2.3"): a plan may hold hundreds of actions, too many for a list.
    action = django_filters.CharFilter(
        label=_("Action du plan (code)"),
        method="linked_action",
        widget=forms.TextInput(attrs={"placeholder": "2.3", "size": 6}),
    )

    def linked_action(self, queryset, name, value):
        return queryset.filter(actions__plan__is_current=True, actions__code=value.strip())

    def year(self, queryset, name, value):
        return queryset.filter(
            Q(starts_on__year=value) | Q(starts_on__isnull=True, created_at__year=value)
        )
