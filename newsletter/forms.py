from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import Form, ModelForm
from mutuelles.models import Mutuelle

from .models import Block, Edition

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AssembleForm(Form):
    period_start = forms.DateField(label=_("Du"), widget=DATE)
    period_end = forms.DateField(label=_("Au"), widget=DATE)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("La fin de la période précède son début."))
        return cleaned


class EditionForm(ModelForm):
    class Meta:
        model = Edition
        fields = ["title", "editorial"]
        widgets = {"editorial": forms.Textarea(attrs={"rows": 6, "data-rich-text": ""})}


class BlockForm(ModelForm):
    class Meta:
        model = Block
        fields = ["mutuelle", "title", "body", "link"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"mutuelle": _("Partie")}
        help_texts = {"link": _("Une page de l'intranet, par exemple /guides/eco-gestes/.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mutuelle"].queryset = Mutuelle.objects.active()
        self.fields["mutuelle"].empty_label = _("Partie commune (tout le monde)")


class BlockEditForm(ModelForm):
    """A block's text, where it stands (its part does not change)."""

    class Meta(BlockForm.Meta):
        fields = ["title", "body", "link"]


class PartForm(Form):
    """Which mutuelle's version to preview or to send as a test."""

    mutuelle = forms.ModelChoiceField(
        label=_("Comme un abonné de"),
        queryset=Mutuelle.objects.active(),
        to_field_name="slug",
        required=False,
        empty_label=_("aucune mutuelle (partie commune seule)"),
    )


class SendForm(Form):
    at = forms.DateTimeField(
        label=_("Programmer pour le (facultatif)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Vide : l'envoi part maintenant."),
    )


class ImportForm(Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Colonnes : email (obligatoire), nom, mutuelle (son identifiant, par exemple "
            "armor). Séparateur virgule ou point-virgule ; UTF-8 ou Windows-1252 ; 5 Mo au plus."
        ),
    )
