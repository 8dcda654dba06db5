from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core import pending_uploads
from core.forms import Form, ModelForm, MultipleFileField
from core.models import Upload
from core.widgets import Picker
from mutuelles.models import Mutuelle

from .models import Comment, Initiative, Replication
from .services import MAX_UPLOAD

MISSING_ALT = _(
    "Décrivez l'image « %(name)s » en une phrase : ce texte est lu aux personnes qui ne la "
    "voient pas."
)
FAILED = _("L'envoi n'a pas abouti : vérifiez la connexion, puis choisissez le fichier de nouveau.")
TOO_LONG = _("Le texte de « %(name)s » dépasse 200 caractères.")

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InitiativeForm(ModelForm):
    """The initiative with its pictures and files, in one form: each file is sent as soon as
    it is chosen (static/js/uploads.js, through `initiatives:upload`) and comes back as a
    pending upload to keep, with its alt text or title; without JavaScript the files go with
    the form and are kept the same way, so that an error elsewhere loses none of them."""

    new_pictures = MultipleFileField(
        label=_("Ajouter des images"),
        accept="image/jpeg,image/png,image/webp",
        help_text=_("JPEG, PNG ou WebP, 10 Mo au plus chacune."),
    )
    new_files = MultipleFileField(
        label=_("Ajouter des fichiers"),
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument ou texte, 10 Mo au plus chacun."),
    )

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
            "frameworks",
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
            "frameworks": Picker(placeholder=_("ODD, ISO 26000, ESRS, guide du CSESS…")),
        }
        localized_fields = ["budget"]  # "1 200,50" as people type it in France
        help_texts = {
            "body": _("Le récit de l'initiative : titres, listes, liens, gras."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.uploads: list[tuple[Upload, str]] = []  # once cleaned: what the service attaches
        for name, kind in (("new_pictures", "picture"), ("new_files", "file")):
            self.fields[name].widget.attrs |= {"data-upload": kind, "data-upload-failed": FAILED}
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
        self._clean_uploads()
        return cleaned

    def _clean_uploads(self):
        """The pending uploads ticked in the form, and the files sent with it (kept at once,
        so that an error elsewhere in the form loses none of them), each with its text."""
        ticked = [pk for pk in self.data.getlist("uploads") if pk.isdigit()]
        kept = list(pending_uploads.pending(self.user).filter(pk__in=ticked))
        for field, picture in (("new_pictures", True), ("new_files", False)):
            for upload in self.files.getlist(field):
                try:
                    kept.append(
                        pending_uploads.keep(
                            owner=self.user, upload=upload, picture=picture, max_bytes=MAX_UPLOAD
                        )
                    )
                except ValidationError as error:
                    for message in error.message_dict["file"]:
                        self.add_error(field, f"{upload.name} : {message}")
        for upload in kept:
            text = self.data.get(f"upload-{upload.pk}-text", "").strip()
            self.uploads.append((upload, text))
            if upload.is_picture and not text:
                self.add_error(None, MISSING_ALT % {"name": upload.name})
            if len(text) > 200:
                self.add_error(None, TOO_LONG % {"name": upload.name})

    def pending_items(self) -> list[tuple[Upload, str]]:
        """What the form shows as sent and not saved yet: after a POST, what it kept;
        otherwise everything the member sent lately (a form left before saving)."""
        if self.is_bound:
            return self.uploads
        return [(upload, "") for upload in pending_uploads.pending(self.user)]

    def _post_clean(self):
        """The service validates the model once the author and mutuelle are known."""


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


class UploadForm(Form):
    """A file sent ahead of the initiative's form."""

    file = forms.FileField(label=_("Fichier"))
    kind = forms.ChoiceField(choices=[("picture", _("Image")), ("file", _("Fichier"))])
