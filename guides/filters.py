from functools import reduce
from operator import and_

import django_filters
from django.db.models import Q

from core.filters import WordsFilter
from mutuelles.filters import by_theme


def _draft_titled(words: list[str]) -> Q:
    """A guide never published is not in the search's index (readers never see it): its authors
    and the coordination still find it in their list by the words of its title or summary."""
    return Q(current_version__isnull=True) & reduce(
        and_, (Q(title__icontains=word) | Q(summary__icontains=word) for word in words)
    )


class GuideFilter(django_filters.FilterSet):
    # In the title, the summary, the headings and tools, the text of the version readers see.
    q = WordsFilter(unindexed=_draft_titled)
    theme = by_theme()
