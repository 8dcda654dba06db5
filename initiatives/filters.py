import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action
from mutuelles.models import Mutuelle, Theme

from .models import Audience, Status, Transposability


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Recherche"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("mot-clé")}),
    )
    mutuelle = django_filters.ModelChoiceFilter(
        label=_("Mutuelle"),
        queryset=Mutuelle.objects.active(),
        to_field_name="slug",
        empty_label=_("Toutes"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Thème"),
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous"),
    )
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
    annee = django_filters.NumberFilter(label=_("Année"), method="year")
    transposabilite = django_filters.ChoiceFilter(
        label=_("Transposabilité"),
        field_name="transposability",
        choices=Transposability.choices,
        empty_label=_("Toutes"),
    )
    action = django_filters.ModelChoiceFilter(
        label=_("Action du plan"),
        field_name="actions",
        queryset=Action.objects.filter(plan__is_current=True).order_by("axis__number", "code"),
        empty_label=_("Toutes"),
    )

    def search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(body__icontains=word)
                | Q(place__icontains=word)
                | Q(partners__icontains=word)
            )
        return queryset

    def year(self, queryset, name, value):
        return queryset.filter(
            Q(starts_on__year=value) | Q(starts_on__isnull=True, created_at__year=value)
        )
