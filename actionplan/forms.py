import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form, LongSelect, ModelForm, choices_by_rows
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


class WeeklyUpdateForm(Form):
    """ "Ma mutuelle" in one POST: for each deployment shown, its four fields (`d<id>-status`,
    `d<id>-progress`...) and its "rien de neuf" box (`reviewed`); a quarter and, for each
    indicator, the value measured then (`m<id>`, left empty when there is none)."""

    reviewed = forms.TypedMultipleChoiceField(coerce=int, required=False)
    period = forms.DateField(label=_("Trimestre"), widget=forms.Select)

    def __init__(self, *args, deployments, indicators, quarters, **kwargs):
        super().__init__(*args, **kwargs)
        self.deployments = {f"d{d.pk}": d for d in deployments}
        self.indicators = {f"m{i.pk}": i for i in indicators}
        self.fields["reviewed"].choices = [(d.pk, d.pk) for d in deployments]
        self.fields["period"].widget.choices = [(q.isoformat(), q) for q in quarters]
        self.fields["period"].required = bool(self.indicators)
        for key in self.deployments:
            if f"{key}-status" in self.data:  # the page shows every card; a stale one may not
                self.fields.update({f"{key}-{name}": field for name, field in _card().items()})
        for key in self.indicators:
            self.fields[key] = forms.DecimalField(
                max_digits=12, decimal_places=2, localize=True, required=False
            )

    def changes(self) -> dict[Deployment, dict]:
        data = self.cleaned_data
        return {
            deployment: {name: data[f"{key}-{name}"] for name in _card() if name != "seen"}
            for key, deployment in self.deployments.items()
            if f"{key}-status" in data
        }

    def sent(self) -> list[Deployment]:
        """The deployments whose card came with the POST (those changed on the page)."""
        return [d for key, d in self.deployments.items() if f"{key}-status" in self.data]

    def seen(self) -> dict[Deployment, datetime.datetime]:
        """Each card's last update as the page showed it."""
        data = self.cleaned_data
        return {
            deployment: data[f"{key}-seen"]
            for key, deployment in self.deployments.items()
            if data.get(f"{key}-seen")
        }

    def reviewed_deployments(self) -> list[Deployment]:
        chosen = set(self.cleaned_data["reviewed"])
        return [d for d in self.deployments.values() if d.pk in chosen]

    def measurements(self) -> dict[Indicator, Decimal]:
        values = ((i, self.cleaned_data[key]) for key, i in self.indicators.items())
        return {indicator: value for indicator, value in values if value is not None}

    def errors_by_key(self) -> dict[str, list[str]]:
        """Each fault under the key of its deployment (`d<id>`), indicator, or `""`."""
        found: dict[str, list[str]] = {}
        for name, errors in self.errors.items():
            key = name.split("-")[0] if name[0] in "dm" and name[1:2].isdigit() else ""
            found.setdefault(key, []).extend(errors)
        return found


def _card() -> dict[str, forms.Field]:
    """A deployment's fields in the weekly update, made anew for each card."""
    progress_error = _("L'avancement est un pourcentage entre 0 et 100.")
    return {
        "status": forms.ChoiceField(choices=Status.choices),
        "progress": forms.IntegerField(
            min_value=0,
            max_value=100,
            error_messages={
                "required": progress_error,
                "invalid": progress_error,
                "min_value": progress_error,
                "max_value": progress_error,
            },
        ),
        "next_step": forms.CharField(max_length=250, required=False),
        "local_approach": forms.CharField(required=False),
        "seen": forms.DateTimeField(required=False),
    }


class FeedbackForm(ModelForm):
    class Meta:
        model = FieldFeedback
        fields = ["subject", "action", "theme", "sentiment", "text"]
        widgets = {
            "action": LongSelect,
            "theme": LongSelect,
            "sentiment": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = plan.actions.order_by("axis__number", "position", "code")
        self.fields["action"].empty_label = _("— Aucune action en particulier —")
        # Hundreds of actions at the scale of a federation: their options read as rows.
        choices_by_rows(self.fields["action"], ("code", "title"), "{} {}".format)
        choices_by_rows(self.fields["theme"], ("name",), str)


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


class _ListedChoices(forms.models.ModelChoiceIterator):
    """A select's choices read by one plain query: a few dozen rows do not need the server-side
    cursor (three round trips) Django's default iterator opens."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        listed = self.field.listed
        for obj in self.queryset if listed is None else listed:
            yield self.choice(obj)


class _ListedChoiceField(forms.ModelChoiceField):
    iterator = _ListedChoices
    listed = None  # the choices when the page has read them already (as the queryset has them)


class DashboardFilterForm(Form):
    axe = _ListedChoiceField(
        label=_("Axe"), queryset=Axis.objects.none(), required=False, empty_label=_("Tous")
    )
    theme = _ListedChoiceField(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Tous"),
    )
    mutuelle = _ListedChoiceField(
        label=_("Mutuelle"),
        queryset=Mutuelle.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("Toutes"),
    )
    etat = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *Status.choices], required=False
    )

    def __init__(self, *args, plan: ActionPlan, axes=None, mutuelles=None, **kwargs):
        """`axes` (the plan's) and `mutuelles` (the active ones): the choices, when the page
        has read them already."""
        super().__init__(*args, **kwargs)
        self.fields["axe"].queryset = plan.axes.all()
        self.fields["axe"].listed = axes
        self.fields["mutuelle"].listed = mutuelles

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
