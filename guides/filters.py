import django_filters

from core.filters import WordsFilter
from mutuelles.filters import by_theme


class GuideFilter(django_filters.FilterSet):
    # In the title, the summary and the text of the version readers see.
    q = WordsFilter()
    theme = by_theme()
