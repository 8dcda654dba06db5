import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import Form, LongSelect, ModelForm, MultipleFileField, choices_by_rows
from core.widgets import Picker
from mutuelles.models import FrameworkEntry, Mutuelle, Theme

from . import quantities
from .models import (
    Action,
    ActionPlan,
    Assembly,
    Axis,
    Deployment,
    FieldFeedback,
    Indicator,
    ProgressSource,
    Resolution,
    Status,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class QuantityField(forms.CharField):
    """A number typed with or without its unit; the form checks the unit (`quantities`)."""

    def prepare_value(self, value):
        return quantities.text(value)


def _frameworks_field() -> forms.ModelMultipleChoiceField:
    field = forms.ModelMultipleChoiceField(
        label=_("Référentiels RSE"),
        queryset=FrameworkEntry.objects.select_related("framework"),
        required=False,
        widget=Picker(placeholder=_("ODD, ISO 26000, ESRS, guide du CSESS…")),
        help_text=_("Les entrées des référentiels que cela sert : tapez un code ou un mot."),
    )
    field.label_from_instance = lambda entry: f"{entry.code} · {entry.label}"
    return field


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
        fields = [
            "title",
            "assembly",
            "general_assembly",
            "adopted_on",
            "starts_on",
            "ends_on",
            "is_current",
        ]
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
    frameworks = _frameworks_field()

    class Meta:
        model = Action
        fields = [
            "axis",
            "code",
            "title",
            "description",
            "owner",
            "due_on",
            "theme",
            "scope",
            "resolutions",
            "frameworks",
            "progress_source",
            "progress_manual",
        ]
        widgets = {
            "due_on": DATE,
            "description": forms.Textarea(attrs={"rows": 4}),
            "resolutions": Picker(),
            "progress_source": forms.RadioSelect,
            "progress_manual": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }
        help_texts = {
            "resolutions": _("Les résolutions de l'AG que cette action met en œuvre."),
            "progress_manual": _("Seulement quand l'avancement est saisi à la main."),
        }

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].queryset = plan.axes.all()
        self.fields["resolutions"].queryset = Resolution.objects.select_related("assembly")
        self.fields["progress_source"].required = False  # by the deployments when not said
        self.instance.plan = plan

    def clean_progress_source(self):
        return self.cleaned_data["progress_source"] or ProgressSource.DEPLOYMENTS

    def validate_unique(self):
        """The service says it in French, with the code in the message."""


class IndicatorForm(ModelForm):
    target = QuantityField(
        label=_("Cible du groupe"),
        max_length=60,
        help_text=_("Un nombre, avec ou sans son unité : « 85 », « 85 points »."),
    )

    class Meta:
        model = Indicator
        fields = ["name", "unit", "target", "direction", "action"]

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = plan.actions.all()
        self.instance.plan = plan

    def clean(self):
        data = super().clean()
        if isinstance(data.get("target"), str):
            try:
                data["target"] = quantities.parse(data["target"], data.get("unit") or "")
            except ValidationError as error:
                self.add_error("target", error)
        return data

    def _post_clean(self):
        """The target is set by the service once checked against the unit."""

    def validate_unique(self):
        """The service checks the name within the plan."""


class IndicatorRegistryForm(ModelForm):
    """What makes an indicator part of the registry: its definition, how often and by whom it
    is measured, where it starts from, how the group's figure is made, what it serves."""

    baseline = QuantityField(
        label=_("Valeur de référence"),
        max_length=60,
        required=False,
        help_text=_("Dans l'unité de l'indicateur ; avec sa date."),
    )
    frameworks = _frameworks_field()

    class Meta:
        model = Indicator
        fields = [
            "definition",
            "owner",
            "period",
            "baseline",
            "baseline_on",
            "rollup",
            "frameworks",
        ]
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "baseline_on": DATE,
            "rollup": forms.RadioSelect,
        }

    def clean(self):
        data = super().clean()
        baseline = data.get("baseline")
        if isinstance(baseline, str):
            try:
                data["baseline"] = (
                    quantities.parse(baseline, self.instance.unit) if baseline.strip() else None
                )
            except ValidationError as error:
                self.add_error("baseline", error)
        return data

    def _post_clean(self):
        """The service sets and checks the fields."""


class TargetsForm(Form):
    """A target per mutuelle where it differs from the group's: `cible-<slug>`, in the unit of
    the indicator (left empty, the group's target applies)."""

    def __init__(self, *args, indicator: Indicator, mutuelles, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.mutuelles = {f"cible-{m.slug}": m for m in mutuelles}
        for key, mutuelle in self.mutuelles.items():
            self.fields[key] = QuantityField(
                label=mutuelle.short_name,
                max_length=60,
                required=False,
                initial=targets.get(mutuelle.pk),
            )

    def clean(self):
        data = super().clean()
        self.targets: dict[Mutuelle, Decimal | None] = {}
        for key, mutuelle in self.mutuelles.items():
            text = (data.get(key) or "").strip()
            try:
                self.targets[mutuelle] = (
                    quantities.parse(text, self.indicator.unit) if text else None
                )
            except ValidationError as error:
                self.add_error(key, error)
        return data


class MeasureForm(Form):
    """A mutuelle's value of an indicator for a period, with the files that back it."""

    period = forms.DateField(label=_("Période"), widget=forms.Select)
    value = QuantityField(label=_("Valeur"), max_length=60)
    comment = forms.CharField(label=_("Commentaire"), max_length=250, required=False)
    evidence = MultipleFileField(
        label=_("Justificatifs"),
        help_text=_("PDF, Word, Excel, OpenDocument, texte ou image ; 10 Mo au plus chacun."),
    )

    def __init__(self, *args, indicator: Indicator, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["period"].widget.choices = [(p.isoformat(), label) for p, label in periods]

    def clean_value(self):
        return quantities.parse(self.cleaned_data["value"], self.indicator.unit)


class AssemblyForm(ModelForm):
    prefix = "ag"

    class Meta:
        model = Assembly
        fields = ["name", "held_on", "delegates"]
        widgets = {"held_on": DATE}

    def validate_unique(self):
        """The service says it in French."""


class ResolutionForm(ModelForm):
    number = forms.CharField(
        label=_("Numéro"),
        max_length=20,
        required=False,  # the service says why it is needed, in French
        help_text=_("Tel qu'il figure au procès-verbal : 3, 3 bis…"),
    )

    class Meta:
        model = Resolution
        fields = [
            "assembly",
            "number",
            "title",
            "text",
            "voted_on",
            "votes_for",
            "votes_against",
            "abstentions",
        ]
        widgets = {"voted_on": DATE, "text": forms.Textarea(attrs={"rows": 6})}

    def _post_clean(self):
        """The service checks the resolution as a whole (number, date, votes)."""


class FrameworkEntryForm(ModelForm):
    class Meta:
        model = FrameworkEntry
        fields = ["code", "label", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        """The service checks the code within its framework."""


class ImportForm(Form):
    file = forms.FileField(
        label=_("Fichier du plan (XLSX ou CSV)"),
        help_text=_(
            "Première ligne : axe, code, titre, description, pilote, échéance, portée, "
            "indicateur, cible, unité, résolution. 5 Mo au plus."
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
        label=_("Axe"),
        queryset=Axis.objects.none(),
        required=False,
        empty_label=_("Tous"),
        widget=LongSelect,
    )
    theme = _ListedChoiceField(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Tous"),
        widget=LongSelect,
    )
    mutuelle = _ListedChoiceField(
        label=_("Mutuelle"),
        queryset=Mutuelle.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("Toutes"),
        widget=LongSelect,
    )
    etat = forms.ChoiceField(
        label=_("État"),
        choices=[("", _("Tous")), *Status.choices],
        required=False,
        widget=LongSelect,
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
