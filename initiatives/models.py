from typing import Self

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.fields import RichTextField
from core.history import Record
from mutuelles.models import FrameworkEntry, Mutuelle, Theme


class Audience(models.Model):
    """Who an initiative is for: salariés, adhérents, partenaires, grand public."""

    name = models.CharField(_("nom"), max_length=60, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("public")
        verbose_name_plural = _("publics")

    def __str__(self):
        return self.name


class Status(models.TextChoices):
    IDEA = "idea", _("Idée")
    PLANNED = "planned", _("Prévue")
    ONGOING = "ongoing", _("En cours")
    DONE = "done", _("Réalisée")


class Transposability(models.TextChoices):
    READY = "ready", _("Transposable telle quelle")
    ADAPTABLE = "adaptable", _("Transposable en l'adaptant")
    SPECIFIC = "specific", _("Propre au contexte local")


class InitiativeQuerySet(models.QuerySet["Initiative"]):
    def published(self) -> Self:
        return self.filter(is_published=True)

    def visible_to(self, user: User) -> Self:
        """Published ones, plus the drafts of the mutuelles the user may write for."""
        if can(user, Can.COORDINATE):
            return self
        if can(user, Can.EDIT_MUTUELLE, user):
            return self.filter(Q(is_published=True) | Q(mutuelle_id=user.mutuelle_id))
        return self.published()


class Initiative(models.Model):
    mutuelle = models.ForeignKey(
        Mutuelle, verbose_name=_("mutuelle"), on_delete=models.PROTECT, related_name="initiatives"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="initiatives",
    )
    title = models.CharField(_("titre"), max_length=200)
    summary = models.CharField(
        _("résumé"), max_length=400, help_text=_("Deux phrases : ce qui a été fait, pour qui.")
    )
    body = RichTextField(_("récit"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("thèmes"), related_name="initiatives")
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("publics"), related_name="initiatives", blank=True
    )
    frameworks = models.ManyToManyField(
        FrameworkEntry, verbose_name=_("référentiels RSE"), blank=True, related_name="initiatives"
    )
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.IDEA)
    starts_on = models.DateField(_("début"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    budget = models.DecimalField(
        _("budget (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    partners = models.TextField(_("partenaires"), blank=True)
    results = models.TextField(_("résultats"), blank=True)
    lessons = models.TextField(_("enseignements"), blank=True)
    transposability = models.CharField(
        _("transposabilité"),
        max_length=10,
        choices=Transposability.choices,
        default=Transposability.ADAPTABLE,
    )
    actions = models.ManyToManyField(
        Action,
        verbose_name=_("actions du plan"),
        related_name="initiatives",
        blank=True,
        help_text=_("Les actions du plan d'action auxquelles l'initiative contribue."),
    )
    is_published = models.BooleanField(_("publiée"), default=False)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    updated_at = models.DateTimeField(_("mise à jour le"), auto_now=True)

    history = Record(excluded_fields=["updated_at"])

    objects = InitiativeQuerySet.as_manager()

    # Set on the initiatives of a page by `selectors.with_cards`, for their cards.
    thumbnail: str
    thumbnail_alt: str
    replication_count: int

    class Meta:
        # Published first, newest first; the index below serves exactly this order.
        ordering = ["-is_published", "-published_at", "-id"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        indexes = [
            models.Index(
                fields=["-is_published", "-published_at", "-id"], name="initiative_newest_first"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="initiative_ends_after_start",
                violation_error_message=_("La fin ne peut pas précéder le début."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("initiatives:detail", args=[self.pk])


class Image(models.Model):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("image"), upload_to="initiatives/images/%Y/%m/")
    thumbnail = models.ImageField(_("vignette"), upload_to="initiatives/thumbnails/%Y/%m/")
    alt = models.CharField(
        _("description de l'image"),
        max_length=200,
        help_text=_("Ce que montre l'image, pour les personnes qui ne la voient pas."),
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt


class Attachment(models.Model):
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("fichier"), upload_to="initiatives/files/%Y/%m/")
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveIntegerField(_("taille (octets)"))

    class Meta:
        ordering = ["title"]
        verbose_name = _("fichier joint")
        verbose_name_plural = _("fichiers joints")

    def __str__(self):
        return self.title


class ReplicationStatus(models.TextChoices):
    CONSIDERING = "considering", _("À l'étude")
    ONGOING = "ongoing", _("En cours")
    DONE = "done", _("Réalisée")


class Replication(models.Model):
    """Mutuelle B takes up initiative A, its own way."""

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="replications",
    )
    mutuelle = models.ForeignKey(
        Mutuelle, verbose_name=_("mutuelle"), on_delete=models.CASCADE, related_name="replications"
    )
    notes = models.TextField(
        _("adaptation"), help_text=_("Ce que votre mutuelle reprend, et ce qu'elle change.")
    )
    status = models.CharField(
        _("état"),
        max_length=12,
        choices=ReplicationStatus.choices,
        default=ReplicationStatus.CONSIDERING,
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="replications",
    )
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("reprise")
        verbose_name_plural = _("reprises")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "mutuelle"],
                name="one_replication_per_mutuelle",
                violation_error_message=_("Votre mutuelle reprend déjà cette initiative."),
            )
        ]

    def __str__(self):
        return f"{self.initiative} · {self.mutuelle.short_name}"


class Comment(models.Model):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
    )
    text = models.TextField(_("commentaire"), max_length=3000)
    created_at = models.DateTimeField(_("le"), default=timezone.now)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("masqué par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("masqué le"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")

    def __str__(self):
        return self.text[:60]

    @property
    def is_hidden(self):
        return self.hidden_at is not None
