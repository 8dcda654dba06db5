from django import forms
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action
from ambassadeurs.models import Role, User
from core.forms import Form, ModelForm
from core.widgets import Picker

from .models import Guide


class GuideForm(ModelForm):
    """The working copy. `revision` says which save the author started from."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Guide
        fields = ["title", "summary", "theme", "body", "authors", "actions", "frameworks"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 400}),
            "body": forms.Textarea(attrs={"rows": 24, "data-rich-text": "guide"}),
            "authors": Picker(placeholder=_("Tapez un nom ou une mutuelle…")),
            "actions": Picker(placeholder=_("Tapez un code ou un mot du titre…")),
            "frameworks": Picker(placeholder=_("ODD, ISO 26000, ESRS, guide du CSESS…")),
        }
        help_texts = {
            "body": _(
                "Titres de niveau 2 pour les chapitres, de niveau 3 pour les sections : ils font "
                "le sommaire. Listes, tableaux, images et liens sont conservés dans le PDF."
            ),
            "authors": _("Les co-auteurs peuvent modifier le brouillon."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authors"].queryset = (
            User.objects.active()
            .filter(role__in=[Role.AMBASSADOR, Role.COORDINATOR])
            .select_related("mutuelle")
            .order_by("last_name", "first_name")
        )
        self.fields["authors"].label_from_instance = lambda user: (
            f"{user.get_full_name()} ({user.mutuelle.short_name if user.mutuelle else 'Groupe'})"
        )
        self.fields["authors"].required = False
        self.fields["actions"].queryset = Action.objects.filter(plan__is_current=True).order_by(
            "axis__number", "position", "code"
        )
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision
        else:
            del self.fields["revision"]

    def _post_clean(self):
        """The services validate and save: a draft is never written behind their back."""


class PublishForm(Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label=_("Ce qui change dans cette version (facultatif)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Nouveau chapitre sur le numérique")}),
    )


class SendBackForm(Form):
    comment = forms.CharField(
        label=_("Ce qu'il faut reprendre"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        error_messages={
            "required": _("Dites aux auteurs ce qu'il faut reprendre avant publication.")
        },
    )


class ToolForm(Form):
    prefix = "tool"  # the guide's form above it on the page has a title field too: ids must differ
    file = forms.FileField(label=_("Fichier (20 Mo au plus)"))
    title = forms.CharField(label=_("Titre de l'outil"), max_length=200, required=False)


class PictureForm(Form):
    image = forms.FileField(label=_("Image (JPEG, PNG ou WebP, 10 Mo au plus)"))
