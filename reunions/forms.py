from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action as PlanAction
from actionplan.models import Axis
from ambassadeurs.models import User, WorkingGroup
from core.forms import Form
from core.widgets import Picker

from .models import Decision, Invitee, Meeting
from .services import REMARK_DAYS


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


def _members() -> forms.ModelMultipleChoiceField:
    field = forms.ModelMultipleChoiceField(
        label=_("Invités"),
        queryset=User.objects.active().select_related("mutuelle"),
        required=False,
        widget=Picker(placeholder=_("Tapez un nom ou une mutuelle…")),
        help_text=_("Membres du groupe seulement. Chacun reçoit l'invitation par e-mail."),
    )
    field.label_from_instance = lambda user: (
        f"{user.get_full_name() or user.email} "
        f"({user.mutuelle.short_name if user.mutuelle else _('Groupe')})"
    )
    return field


class MeetingForm(Form):
    group = forms.ModelChoiceField(
        label=_("Groupe de travail"),
        queryset=WorkingGroup.objects.none(),
        required=False,
        empty_label=_("Tout le réseau"),
    )
    title = forms.CharField(label=_("Titre"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Début"), widget=DateTimeInput(), help_text=_("Heure de Paris.")
    )
    ends_at = forms.DateTimeField(label=_("Fin"), widget=DateTimeInput())
    place = forms.CharField(label=_("Lieu"), max_length=200, required=False)
    video_url = forms.URLField(
        label=_("Lien de visioconférence"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    description = forms.CharField(
        label=_("Objet"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    invitees = _members()
    invite_group = forms.BooleanField(
        label=_("Inviter tous les membres du groupe"), required=False, initial=True
    )
    minutes_writer = forms.ModelChoiceField(
        label=_("Rédaction du compte rendu"),
        queryset=User.objects.active(),
        required=False,
        empty_label=_("Le pilote du groupe"),
        help_text=_("Un membre du groupe à qui le pilote confie le compte rendu."),
    )

    def __init__(self, *args, groups=None, network=False, **kwargs):
        """`groups`: those the member may plan for; `network`: they may plan the network's."""
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = (
            groups if groups is not None else WorkingGroup.objects.none()
        )
        self.fields["group"].required = not network
        if not network:
            self.fields["group"].empty_label = None

    def clean_video_url(self):
        url = self.cleaned_data["video_url"]
        if url and not url.startswith("https://"):
            raise forms.ValidationError(_("Un lien de visioconférence commence par https://."))
        return url

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("La réunion doit finir après son début."))
        if not self.is_bound or "invitees" not in data:
            return data
        group = data.get("group")
        invitees = list(data["invitees"])
        if group is not None and data.get("invite_group"):
            members = list(group.members.filter(is_active=True))
            invitees += [m for m in members if m not in invitees]
        data["all_invitees"] = invitees
        return data


class AnswerForm(Form):
    answer = forms.ChoiceField(
        label=_("Votre réponse"),
        choices=[c for c in Invitee.Answer.choices if c[0] != Invitee.Answer.PENDING],
        widget=forms.RadioSelect,
    )


class AgendaItemForm(Form):
    prefix = "point"
    title = forms.CharField(label=_("Point à ajouter à l'ordre du jour"), max_length=200)
    details = forms.CharField(
        label=_("Précisions (facultatif)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttendanceForm(Form):
    present = forms.MultipleChoiceField(
        label=_("Présents"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        invitees = list(meeting.invitees.all()) if meeting else []
        self.fields["present"].choices = [(str(i.user_id), str(i.user)) for i in invitees]
        self.fields["present"].initial = [str(i.user_id) for i in invitees if i.attended]


class MinutesForm(Form):
    minutes = forms.CharField(
        label=_("Compte rendu"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 20, "data-rich-text": "minutes"}),
    )
    days = forms.IntegerField(
        label=_("Jours laissés aux participants pour leurs remarques"),
        min_value=REMARK_DAYS[0],
        max_value=REMARK_DAYS[1],
        initial=5,
        required=False,
    )


class RemarkForm(Form):
    prefix = "remarque"
    text = forms.CharField(
        label=_("Votre remarque sur le compte rendu"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(Form):
    prefix = "decision"
    kind = forms.ChoiceField(label=_("Nature"), choices=Decision.Kind.choices)
    text = forms.CharField(label=_("Décision"), max_length=500)
    assignee = forms.ModelChoiceField(
        label=_("Confiée à"),
        queryset=User.objects.active(),
        required=False,
        help_text=_(
            "Une tâche : à qui elle revient. Un guide : son auteur (par défaut le pilote)."
        ),
    )
    due_on = forms.DateField(
        label=_("Échéance"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Celle de la tâche, ou celle proposée pour l'action."),
    )

    action = forms.ModelChoiceField(
        label=_("Action du plan concernée"),
        queryset=PlanAction.objects.none(),
        required=False,
        empty_label=_("Aucune (une nouvelle action, pour une proposition)"),
        help_text=_(
            "Pour une proposition : l'action à modifier. Pour une tâche ou un guide : l'action "
            "qu'ils servent."
        ),
    )
    axis = forms.ModelChoiceField(
        label=_("Axe proposé pour une nouvelle action"),
        queryset=Axis.objects.none(),
        required=False,
        empty_label=_("La coordination choisira"),
    )
    title = forms.CharField(
        label=_("Titre de l'action ou du guide"),
        max_length=200,
        required=False,
        help_text=_("Par défaut, le texte de la décision."),
    )
    description = forms.CharField(
        label=_("Description proposée pour l'action"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None:  # a task goes to one of the meeting's invitees
            self.fields["assignee"].queryset = User.objects.active().filter(
                meeting_invitations__meeting=meeting
            )
        self.fields["action"].queryset = PlanAction.objects.filter(
            plan__is_current=True
        ).select_related("axis")
        self.fields["action"].label_from_instance = lambda action: f"{action.code} · {action}"
        self.fields["axis"].queryset = Axis.objects.filter(plan__is_current=True)


class ProposalAcceptForm(Form):
    prefix = "accepter"
    axis = forms.ModelChoiceField(
        label=_("Axe"), queryset=Axis.objects.filter(plan__is_current=True), required=False
    )
    code = forms.CharField(
        label=_("Code"), max_length=12, required=False, help_text=_("Par exemple 2.4.")
    )
    title = forms.CharField(label=_("Titre"), max_length=250, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    due_on = forms.DateField(
        label=_("Échéance"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ProposalRefuseForm(Form):
    prefix = "refuser"
    reason = forms.CharField(
        label=_("Motif du refus, pour le groupe"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Files of a working group ---------------------------------------------------------------------

FILE_TYPES_HELP = _(
    "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, texte ou image (vérifié sur son "
    "contenu), 10 Mo au plus."
)


class GroupFileForm(Form):
    file = forms.FileField(label=_("Fichier"), help_text=FILE_TYPES_HELP)
    title = forms.CharField(
        label=_("Titre"),
        max_length=200,
        required=False,
        help_text=_("Vide : le nom du fichier."),
    )
    meeting = forms.ModelChoiceField(
        label=_("Réunion"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Aucune"),
        help_text=_("L'ordre du jour ou la présentation d'une réunion du groupe."),
    )

    def __init__(self, *args, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        if group is not None:
            # Every meeting of the group is listed: a file of another group's meeting is
            # refused here (and again by the service).
            self.fields["meeting"].queryset = Meeting.objects.filter(group=group).order_by(
                "-starts_at"
            )
            self.fields["meeting"].label_from_instance = lambda meeting: (
                f"{meeting.title} ({date_format(timezone.localtime(meeting.starts_at), 'j F Y')})"
            )


class FileVersionForm(Form):
    prefix = "version"
    file = forms.FileField(label=_("Nouvelle version"), help_text=FILE_TYPES_HELP)
