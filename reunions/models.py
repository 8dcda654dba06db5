"""Meetings of the working groups (or of the whole network), their agenda, invitations,
minutes (written, proposed for remarks, approved then frozen) and decisions."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action, FieldFeedback, Sentiment
from ambassadeurs.models import Role, WorkingGroup
from core.fields import RichTextField
from core.history import Record
from guides.models import Guide
from mutuelles.models import Mutuelle, Theme
from newsletter.models import Edition


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, user) -> "MeetingQuerySet":
        """The meetings `user` may see and attend: the network's, their groups', those they
        are invited to; every one for the coordination. The same rule as
        `ambassadeurs.permissions` (Action.SEE_MEETING), in SQL for lists."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser or user.role == Role.COORDINATOR:
            return self
        mine = WorkingGroup.objects.filter(members=user).values("pk")
        invited = Invitee.objects.filter(user=user).values("meeting_id")
        return self.filter(Q(group=None) | Q(group__in=mine) | Q(pk__in=invited))


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("prévue")
        CANCELLED = "cancelled", _("annulée")

    class Minutes(models.TextChoices):
        DRAFT = "draft", _("en rédaction")
        PROPOSED = "proposed", _("soumis aux remarques")
        APPROVED = "approved", _("approuvé")

    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("groupe de travail"),
        on_delete=models.CASCADE,
        related_name="meetings",
        null=True,
        blank=True,
        help_text=_("Vide pour une réunion de tout le réseau."),
    )
    title = models.CharField(_("titre"), max_length=200)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    video_url = models.URLField(_("lien de visioconférence"), max_length=500, blank=True)
    description = models.TextField(_("objet"), blank=True)
    status = models.CharField(
        _("état"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    # iCalendar: one UID for the meeting's life, SEQUENCE bumped at each change sent out.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("révision"), default=0)
    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="organized_meetings",
    )
    minutes_writer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rédaction du compte rendu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings_to_write",
        help_text=_("Le pilote du groupe peut confier le compte rendu à un membre."),
    )
    minutes = RichTextField(_("compte rendu"), blank=True)
    minutes_state = models.CharField(
        _("compte rendu"), max_length=20, choices=Minutes.choices, default=Minutes.DRAFT
    )
    remarks_until = models.DateField(_("remarques jusqu'au"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approuvé le"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approuvé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_minutes",
    )
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The approved minutes as a PDF, rendered once by a worker (reunions.tasks.render_minutes).
    minutes_pdf = models.FileField(_("PDF du compte rendu"), upload_to="reunions/pdf/", blank=True)
    # The end of the remarks period the participants were told of: told once per proposal.
    minutes_notified_until = models.DateField(null=True, blank=True, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_it_starts"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reunions:meeting", args=[self.pk])

    @cached_property
    def invitee_ids(self) -> set[int]:
        return {invitee.user_id for invitee in self.invitees.all()}

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def minutes_frozen(self) -> bool:
        return self.minutes_state == self.Minutes.APPROVED


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("réunion")
    )
    title = models.CharField(_("point à l'ordre du jour"), max_length=200)
    details = models.TextField(_("précisions"), max_length=2000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposé par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="agenda_items",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("point de l'ordre du jour")
        verbose_name_plural = _("ordre du jour")

    def __str__(self):
        return self.title


class Invitee(models.Model):
    class Answer(models.TextChoices):
        PENDING = "pending", _("sans réponse")
        YES = "yes", _("oui")
        NO = "no", _("non")
        MAYBE = "maybe", _("peut-être")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_invitations"
    )
    answer = models.CharField(
        _("réponse"), max_length=10, choices=Answer.choices, default=Answer.PENDING
    )
    answered_at = models.DateTimeField(_("répondu le"), null=True, blank=True)
    attended = models.BooleanField(_("présent"), null=True, blank=True)
    # The meeting's SEQUENCE last sent to this member: a task run twice sends nothing more.
    sent_sequence = models.IntegerField(default=-1, editable=False)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("invitation à une réunion")
        verbose_name_plural = _("invitations aux réunions")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_invitation_per_member")
        ]

    def __str__(self):
        return f"{self.user} · {self.meeting}"


class Remark(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="remarks")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="minutes_remarks",
    )
    text = models.TextField(_("remarque"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("remarque sur un compte rendu")
        verbose_name_plural = _("remarques sur les comptes rendus")

    def __str__(self):
        return self.text[:60]


class Decision(models.Model):
    class Kind(models.TextChoices):
        ACTION = "action", _("proposition d'action du plan")
        TASK = "task", _("tâche confiée à un membre")
        GUIDE = "guide", _("brouillon de guide")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("nature"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("décision"), max_length=500)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confiée à"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_tasks",
    )
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The action of the plan it touched (a task or a guide serving it, an accepted proposal):
    # the decision is then part of that action's story.
    action = models.ForeignKey(
        "actionplan.Action",
        verbose_name=_("action du plan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    guide = models.ForeignKey(
        "guides.Guide",
        verbose_name=_("brouillon de guide"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    done_at = models.DateTimeField(_("faite le"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("faite par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("décision")
        verbose_name_plural = _("décisions")

    def __str__(self):
        return self.text

    @property
    def is_overdue(self) -> bool:
        return (
            self.kind == self.Kind.TASK
            and self.done_at is None
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )


def new_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """The secret of a member's iCalendar feed: whoever has the URL reads the member's agenda,
    so it can be reset (the old URL then answers 404)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("flux d'agenda")
        verbose_name_plural = _("flux d'agenda")

    def __str__(self):
        return str(self.user)


class ActionProposal(models.Model):
    """A decision's proposal to the plan: a new action, or a change to an existing one
    (`action` set from the start), that a coordinator accepts (the action is then created or
    changed through actionplan's services) or refuses with a reason."""

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente")
        ACCEPTED = "accepted", _("acceptée")
        REFUSED = "refused", _("refusée")

    decision = models.OneToOneField(
        Decision, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("décision")
    )
    action = models.ForeignKey(
        "actionplan.Action",
        verbose_name=_("action à modifier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide : une nouvelle action."),
    )
    axis = models.ForeignKey(
        "actionplan.Axis",
        verbose_name=_("axe proposé"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A change to an existing action (`action`), else a new action (`action` set on acceptance).
    is_change = models.BooleanField(_("modification d'une action existante"), default=False)
    title = models.CharField(_("titre proposé"), max_length=250, blank=True)
    description = models.TextField(_("description proposée"), max_length=3000, blank=True)
    due_on = models.DateField(_("échéance proposée"), null=True, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("motif du refus"), max_length=2000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("examinée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("examinée le"), null=True, blank=True)
    # When the group was told the answer (reunions.tasks.notify_proposal: once).
    notified_at = models.DateTimeField(_("groupe prévenu le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Who accepted or refused it, and why, stays on record (core.history).
    history = Record(excluded_fields=["created_at", "notified_at"])

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("proposition d'action")
        verbose_name_plural = _("propositions d'action")
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return self.title or self.decision.text

    def get_absolute_url(self):
        return reverse("reunions:proposal", args=[self.pk])


# --- The relay kit (issue #16, parts 6 and 7) --------------------------------------------------


def _one_source(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(edition__isnull=False, guide__isnull=True)
        | Q(edition__isnull=True, guide__isnull=False),
        name=name,
    )


class RelayQuerySet(models.QuerySet):
    def of(self, source) -> "RelayQuerySet":
        """The rows of an edition's or a guide's kit."""
        return self.filter(**{"edition" if isinstance(source, Edition) else "guide": source})


class RelayLocalPart(models.Model):
    """What a mutuelle's ambassador adds to the relay kit of a sent edition or a published
    guide for their colleagues: printed in both PDFs of that mutuelle's kit."""

    edition = models.ForeignKey(
        Edition, verbose_name=_("lettre"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    guide = models.ForeignKey(
        Guide, verbose_name=_("guide"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    mutuelle = models.ForeignKey(
        Mutuelle, verbose_name=_("mutuelle"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("titre de la partie locale"), max_length=120, blank=True)
    text = RichTextField(_("partie locale"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modifiée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("modifiée le"), default=timezone.now)

    history = Record(excluded_fields=["updated_by", "updated_at"])

    objects = RelayQuerySet.as_manager()

    class Meta:
        verbose_name = _("partie locale d'un kit de relais")
        verbose_name_plural = _("parties locales des kits de relais")
        constraints = [
            _one_source("local_part_of_an_edition_or_a_guide"),
            models.UniqueConstraint(
                fields=["edition", "mutuelle"],
                condition=Q(edition__isnull=False),
                name="one_local_part_per_edition_and_mutuelle",
            ),
            models.UniqueConstraint(
                fields=["guide", "mutuelle"],
                condition=Q(guide__isnull=False),
                name="one_local_part_per_guide_and_mutuelle",
            ),
        ]

    def __str__(self):
        return f"{self.source} · {self.mutuelle}"

    @property
    def source(self) -> "Edition | Guide":
        return self.edition or self.guide  # type: ignore[return-value]


class RelaySession(models.Model):
    """A relay session held by an ambassador with colleagues, and how it went; it is told to
    the coordination as a field feedback of the plan (`feedback`)."""

    edition = models.ForeignKey(
        Edition, verbose_name=_("lettre"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    guide = models.ForeignKey(
        Guide, verbose_name=_("guide"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    mutuelle = models.ForeignKey(
        Mutuelle, verbose_name=_("mutuelle"), on_delete=models.CASCADE, related_name="+"
    )
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("présentée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    held_on = models.DateField(_("date de la séance"))
    attendance = models.PositiveIntegerField(_("nombre de participants"))
    reactions = models.TextField(_("réactions"), max_length=3000)
    questions = models.TextField(_("questions posées"), max_length=3000, blank=True)
    sentiment = models.CharField(_("ressenti d'ensemble"), max_length=10, choices=Sentiment.choices)
    theme = models.ForeignKey(
        Theme, verbose_name=_("thème"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.ForeignKey(
        Action,
        verbose_name=_("action concernée"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    feedback = models.OneToOneField(
        FieldFeedback,
        verbose_name=_("retour du terrain"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("enregistrée le"), default=timezone.now)

    history = Record()

    objects = RelayQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("séance de relais")
        verbose_name_plural = _("séances de relais")
        constraints = [_one_source("relay_session_of_an_edition_or_a_guide")]

    def __str__(self):
        return f"{self.source} · {self.mutuelle} · {self.held_on}"

    @property
    def source(self) -> "Edition | Guide":
        return self.edition or self.guide  # type: ignore[return-value]


# --- Files of a working group (agendas, presentations, spreadsheets), with their versions -------


class GroupFile(models.Model):
    """A document shared by a working group; its content is its versions, the last one current
    (older ones stay downloadable). Stored privately: `core.files` serves it to the group."""

    group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("groupe de travail"),
        on_delete=models.CASCADE,
        related_name="shared_files",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("réunion"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="files",
    )
    title = models.CharField(_("titre"), max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ajouté par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="group_files",
    )
    created_at = models.DateTimeField(_("ajouté le"), default=timezone.now)
    # The current version, and when it came: the lists read both without a query per file.
    current = models.ForeignKey(
        "FileVersion",
        verbose_name=_("version actuelle"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("mis à jour le"), default=timezone.now)
    history = Record(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("fichier de groupe")
        verbose_name_plural = _("fichiers de groupe")
        indexes = [models.Index(fields=["group", "-updated_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reunions:group_file", args=[self.group.slug, self.pk])


class FileVersion(models.Model):
    document = models.ForeignKey(
        GroupFile, verbose_name=_("fichier"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("fichier"), upload_to="reunions/fichiers/%Y/%m/", max_length=200)
    name = models.CharField(_("nom du fichier"), max_length=120)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveIntegerField(_("taille (octets)"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déposée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="group_file_versions",
    )
    created_at = models.DateTimeField(_("déposée le"), default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("version d'un fichier de groupe")
        verbose_name_plural = _("versions des fichiers de groupe")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_version_number"),
        ]

    def __str__(self):
        # Named without its file: the record of changes names the current version this way,
        # even while the file is being deleted.
        return f"v{self.number} · {self.name}"
