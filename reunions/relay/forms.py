from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action, ActionPlan, Sentiment
from core.forms import Form, LongSelect, choices_by_rows
from mutuelles.models import Theme

from .services import ATTENDANCE_MAX


class LocalPartForm(Form):
    prefix = "local"
    title = forms.CharField(
        label=_("Titre (facultatif)"),
        max_length=120,
        required=False,
        help_text=_("Par défaut : « Chez nous : » et le nom de votre mutuelle."),
    )
    text = forms.CharField(
        label=_("Ce que votre mutuelle ajoute pour vos collègues"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "data-rich-text": "local"}),
        help_text=_(
            "Quelques points : ce qui se fait chez vous, qui contacter, la prochaine étape. "
            "Ils figurent dans le résumé et dans le diaporama de votre mutuelle."
        ),
    )


class SessionForm(Form):
    prefix = "seance"
    held_on = forms.DateField(
        label=_("Date de la séance"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    attendance = forms.IntegerField(
        label=_("Nombre de participants"), min_value=1, max_value=ATTENDANCE_MAX
    )
    reactions = forms.CharField(
        label=_("Réactions des collègues"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    questions = forms.CharField(
        label=_("Questions posées (facultatif)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sentiment = forms.ChoiceField(
        label=_("Ressenti d'ensemble"), choices=Sentiment.choices, widget=forms.RadioSelect
    )
    theme = forms.ModelChoiceField(
        label=_("Thème (facultatif)"),
        queryset=Theme.objects.all(),
        required=False,
        widget=LongSelect,
    )
    action = forms.ModelChoiceField(
        label=_("Action du plan concernée (facultatif)"),
        queryset=Action.objects.none(),
        required=False,
        widget=LongSelect,
    )

    def __init__(self, *args, plan: ActionPlan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()
        if plan is not None:
            self.fields["action"].queryset = plan.actions.order_by(
                "axis__number", "position", "code"
            )
        self.fields["action"].empty_label = _("— Aucune action en particulier —")
        self.fields["theme"].empty_label = _("— Aucun thème en particulier —")
        choices_by_rows(self.fields["action"], ("code", "title"), "{} {}".format)
        choices_by_rows(self.fields["theme"], ("name",), str)

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(
                _("La séance a déjà eu lieu : sa date ne peut pas être à venir.")
            )
        return held_on
