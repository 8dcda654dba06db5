import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import WordsFilter
from mutuelles.filters import by_mutuelle, by_theme

from .models import FeedbackState, Sentiment


class FeedbackFilter(django_filters.FilterSet):
    q = WordsFilter()
    theme = by_theme(method="about_theme")
    mutuelle = by_mutuelle()
    ressenti = django_filters.ChoiceFilter(
        label=_("Ressenti"),
        field_name="sentiment",
        choices=Sentiment.choices,
        empty_label=_("Tous"),
    )
    etat = django_filters.ChoiceFilter(
        label=_("État"), method="in_state", choices=FeedbackState.choices, empty_label=_("Tous")
    )

    def __init__(self, *args, coordinator: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not coordinator:  # an ambassador reads their own mutuelle's only
            del self.filters["mutuelle"]

    def about_theme(self, queryset, name, value):
        return queryset.about_theme(value)

    def in_state(self, queryset, name, value):
        return queryset.in_state(value)
