import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mutuelles.models import Mutuelle

from .models import Role, WorkingGroup


class MemberFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Nom, fonction ou e-mail"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    mutuelle = django_filters.ModelChoiceFilter(
        label=_("Mutuelle"),
        queryset=Mutuelle.objects.active(),
        to_field_name="slug",
        empty_label=_("Toutes les mutuelles"),
    )
    role = django_filters.ChoiceFilter(
        label=_("Rôle"), choices=Role.choices, empty_label=_("Tous les rôles")
    )
    groupe = django_filters.ModelChoiceFilter(
        label=_("Groupe de travail"),
        field_name="working_groups",
        queryset=WorkingGroup.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous les groupes"),
    )

    def search(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(job_title__icontains=word)
                | Q(email__icontains=word)
            )
        return queryset
