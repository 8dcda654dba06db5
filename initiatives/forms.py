from django import forms
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.forms import Form, ModelForm
from core.widgets import Picker
from mutuelles.models import Mutuelle

from .models import Comment, Initiative, Replication

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InitiativeForm(ModelForm):
    class Meta:
        model = Initiative
        fields = [
            "mutuelle",
            "title",
            "summary",
            "body",
            "themes",
            "audiences",
            "status",
            "starts_on",
            "ends_on",
            "place",
            "participants",
            "budget",
            "partners",
            "results",
            "lessons",
            "transposability",
            "actions",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 400}),
            "body": forms.Textarea(attrs={"rows": 12, "data-rich-text": ""}),
            "themes": Picker,
            "audiences": Picker,
            "transposability": forms.RadioSelect,
            "starts_on": DATE,
            "ends_on": DATE,
            "partners": forms.Textarea(attrs={"rows": 2}),
            "results": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 3}),
            "actions": Picker(placeholder=_("Tapez un code ou un mot du titre…")),
        }
        localized_fields = ["budget"]  # "1 200,50" as people type it in France
        help_texts = {
            "body": _("Le récit de l'initiative : titres, listes, liens, gras."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if can(user, Can.COORDINATE):
            self.fields["mutuelle"].queryset = Mutuelle.objects.active()
        else:
            # An ambassador writes for their own mutuelle only.
            del self.fields["mutuelle"]
        self.fields["actions"].queryset = Action.objects.filter(plan__is_current=True).order_by(
            "axis__number", "position", "code"
        )
        self.fields["themes"].required = True

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("La fin ne peut pas précéder le début."))
        return cleaned

    def _post_clean(self):
        """The service validates the model once the author and mutuelle are known."""


class ImageForm(Form):
    image = forms.FileField(
        label=_("Image (JPEG, PNG ou WebP, 10 Mo au plus)"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt = forms.CharField(
        label=_("Ce que montre l'image"),
        max_length=200,
        help_text=_("Lu aux personnes qui ne voient pas l'image."),
    )


class AttachmentForm(Form):
    file = forms.FileField(label=_("Fichier (10 Mo au plus)"))
    title = forms.CharField(label=_("Titre du fichier"), max_length=200, required=False)


class ReplicationForm(ModelForm):
    class Meta:
        model = Replication
        fields = ["notes", "status"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "notes": {"required": _("Décrivez en quelques mots comment votre mutuelle l'adapte.")}
        }


class CommentForm(ModelForm):
    class Meta:
        model = Comment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Votre réaction")}
        error_messages = {"text": {"required": _("Le commentaire est vide.")}}
