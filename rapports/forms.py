from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models import Assembly
from core.forms import Form

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionForm(Form):
    assembly = forms.ModelChoiceField(
        label=_("Assemblée générale"),
        queryset=Assembly.objects.order_by("-held_on"),
        empty_label=None,
        error_messages={
            "required": _("Choisissez l'assemblée générale dont le rapport rend compte."),
            "invalid_choice": _("Cette assemblée générale n'existe pas (ou plus)."),
        },
    )
    cut_off = forms.DateField(
        label=_("Données arrêtées au"),
        widget=DATE,
        help_text=_(
            "Le rapport montre les chiffres tels qu'ils étaient ce jour-là au soir : entre la "
            "date de l'AG et aujourd'hui."
        ),
        error_messages={
            "required": _("Indiquez la date d'arrêt des données."),
            "invalid": _("Cette date n'est pas valide : écrivez-la jj/mm/aaaa."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("cut_off", timezone.localdate())
