import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import WordsFilter
from mutuelles.filters import by_mutuelle

from .models import Role, WorkingGroup


class MemberFilter(django_filters.FilterSet):
    q = WordsFilter(
        label=_("Nom, fonction ou e-mail"),
        placeholder=None,
    )
    mutuelle = by_mutuelle(empty_label=_("Toutes les mutuelles"))
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
