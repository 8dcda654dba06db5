import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mutuelles.models import Theme


class GuideFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Recherche"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("mot-clé")}),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous"),
    )

    def search(self, queryset, name, value):
        """In the title, the summary and the text of the version readers see."""
        for word in value.split():
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(current_version__body__icontains=word)
            )
        return queryset
