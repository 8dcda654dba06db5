from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form, ModelForm
from mutuelles.models import Mutuelle, Theme

from .models import Action, ActionPlan, Axis, Deployment, FieldFeedback, Indicator, Status


class DeploymentForm(ModelForm):
    class Meta:
        model = Deployment
        fields = ["status", "progress", "local_approach", "next_step"]
        widgets = {
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            "local_approach": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        prefix = f"d{self.instance.pk}"
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("id", f"{prefix}-{name}")

    def clean_progress(self):
        progress = self.cleaned_data["progress"]
        if progress is None or not 0 <= progress <= 100:
            raise forms.ValidationError(_("L'avancement est un pourcentage entre 0 et 100."))
        return progress


class MeasurementForm(Form):
    indicator = forms.ModelChoiceField(label=_("Indicateur"), queryset=Indicator.objects.none())
    period = forms.DateField(label=_("Trimestre"), widget=forms.Select)
    value = forms.DecimalField(label=_("Valeur"), max_digits=12, decimal_places=2, localize=True)
    comment = forms.CharField(label=_("Commentaire"), max_length=250, required=False)

    def __init__(self, *args, plan: ActionPlan, quarters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = plan.indicators.all()
        self.fields["period"].widget.choices = [
            (q.isoformat(), _("T%(q)s %(year)s") % {"q": (q.month - 1) // 3 + 1, "year": q.year})
            for q in reversed(quarters)
        ]


class FeedbackForm(ModelForm):
    class Meta:
        model = FieldFeedback
        fields = ["subject", "action", "theme", "sentiment", "text"]
        widgets = {
            "sentiment": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = plan.actions.order_by("axis__number", "position", "code")
        self.fields["action"].empty_label = _("— Aucune action en particulier —")


class AnswerForm(ModelForm):
    class Meta:
        model = FieldFeedback
        fields = ["answer"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"answer": _("Son auteur la lit dans la liste de ses retours.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix=f"retour-{kwargs['instance'].pk}", **kwargs)
        self.fields["answer"].required = True


class PlanForm(ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "assembly", "adopted_on", "starts_on", "ends_on", "is_current"]
        widgets = {
            "adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class AxisForm(ModelForm):
    # The plan's form shares the page and the field names: ids must differ (an axis being
    # edited gets its own prefix, `axis-<pk>`).
    prefix = "axis"

    class Meta:
        model = Axis
        fields = ["number", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class ActionForm(ModelForm):
    class Meta:
        model = Action
        fields = ["axis", "code", "title", "description", "owner", "due_on", "theme", "scope"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].queryset = plan.axes.all()
        self.instance.plan = plan

    def validate_unique(self):
        """The service says it in French, with the code in the message."""


class IndicatorForm(ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "target", "direction", "action"]

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = plan.actions.all()
        self.instance.plan = plan

    def validate_unique(self):
        """The service checks the name within the plan."""


class ImportForm(Form):
    file = forms.FileField(
        label=_("Fichier du plan (XLSX ou CSV)"),
        help_text=_(
            "Première ligne : axe, code, titre, description, pilote, échéance, portée, "
            "indicateur, cible, unité. 5 Mo au plus."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


class DashboardFilterForm(Form):
    axe = forms.ModelChoiceField(
        label=_("Axe"), queryset=Axis.objects.none(), required=False, empty_label=_("Tous")
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Tous"),
    )
    mutuelle = forms.ModelChoiceField(
        label=_("Mutuelle"),
        queryset=Mutuelle.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("Toutes"),
    )
    etat = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *Status.choices], required=False
    )

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axe"].queryset = plan.axes.all()

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "axis": data["axe"],
            "theme": data["theme"],
            "mutuelle": data["mutuelle"],
            "status": data["etat"] or None,
        }
