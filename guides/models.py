from typing import Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from actionplan.models import Action
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.fields import RichTextField
from core.history import Record
from mutuelles.models import FrameworkEntry, Theme


class Status(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    IN_REVIEW = "in_review", _("En relecture")
    PUBLISHED = "published", _("Publié")
    ARCHIVED = "archived", _("Archivé")


class GuideQuerySet(models.QuerySet["Guide"]):
    def readable(self) -> Self:
        """Guides with a published version that are not archived: what every member reads."""
        return self.filter(current_version__isnull=False).exclude(status=Status.ARCHIVED)

    def visible_to(self, user: User) -> Self:
        """What `user` may open: the readable guides, plus the ones they write (or all of them
        for a coordinator)."""
        if can(user, Can.COORDINATE):
            return self
        if can(user, Can.DRAFT_GUIDES):
            return self.filter(Q(pk__in=self.readable().values("pk")) | Q(authors=user)).distinct()
        return self.readable()


class Guide(models.Model):
    """A shared guide. Its `body` is the working copy the authors edit; readers see the
    versions, frozen at each publication."""

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    summary = models.CharField(
        _("résumé"), max_length=400, help_text=_("Deux phrases : à quoi sert ce guide, pour qui.")
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("thème"), on_delete=models.PROTECT, related_name="guides"
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("auteurs"), related_name="guides"
    )
    actions = models.ManyToManyField(
        Action,
        verbose_name=_("actions du plan"),
        related_name="guides",
        blank=True,
        help_text=_("Les actions du plan d'action que ce guide aide à mener."),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    body = RichTextField(_("texte"), blank=True)
    frameworks = models.ManyToManyField(
        FrameworkEntry, verbose_name=_("référentiels RSE"), blank=True, related_name="guides"
    )
    # Optimistic concurrency: each save of the working copy increments it, and a save made
    # from an older revision is refused instead of overwriting a co-author's text.
    revision = models.PositiveIntegerField(_("révision"), default=1, editable=False)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modifié par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    edited_at = models.DateTimeField(_("modifié le"), default=timezone.now)
    current_version = models.ForeignKey(
        "Version",
        verbose_name=_("version en vigueur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)

    # Who edited and when are the record's own columns; the revision is a counter.
    history = Record(excluded_fields=["revision", "edited_by", "edited_at"])

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:detail", args=[self.slug])

    @cached_property
    def author_ids(self) -> set[int]:
        """Asked by the permissions for every guide shown: prefetch `authors` for lists."""
        return {author.pk for author in self.authors.all()}

    @property
    def is_readable(self):
        return self.current_version_id is not None and self.status != Status.ARCHIVED


class Version(models.Model):
    """What a publication froze: never changed afterwards, except its PDF once rendered."""

    class PDF(models.TextChoices):
        PENDING = "pending", _("À produire")
        RENDERING = "rendering", _("En cours de production")
        READY = "ready", _("Prêt")
        FAILED = "failed", _("Échec")

    guide = models.ForeignKey(
        Guide, verbose_name=_("guide"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("numéro"))
    title = models.CharField(_("titre"), max_length=200)
    summary = models.CharField(_("résumé"), max_length=400)
    theme_name = models.CharField(_("thème"), max_length=80)
    authors_names = models.CharField(_("auteurs"), max_length=500)
    body = RichTextField(_("texte"))
    note = models.CharField(_("ce qui change"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("publiée le"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publiée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    pdf = models.FileField(_("PDF"), upload_to="guides/pdf/", blank=True)
    pdf_state = models.CharField(
        _("état du PDF"), max_length=10, choices=PDF.choices, default=PDF.PENDING
    )
    pdf_started_at = models.DateTimeField(_("production commencée le"), null=True, blank=True)
    pdf_error = models.TextField(_("erreur de production"), blank=True)

    class Meta:
        ordering = ["guide", "-number"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        constraints = [
            models.UniqueConstraint(fields=["guide", "number"], name="one_number_per_version")
        ]

    def __str__(self):
        return f"{self.title} · v{self.number}"

    def get_absolute_url(self):
        return reverse("guides:version", args=[self.guide.slug, self.number])

    def pdf_url(self):
        return reverse("guides:pdf", args=[self.guide.slug]) + f"?version={self.number}"

    def pdf_filename(self):
        return f"{self.guide.slug}-v{self.number}.pdf"


class Event(models.Model):
    """The guide's history: submitted, sent back with a comment, published, archived."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Créé")
        SUBMITTED = "submitted", _("Soumis à relecture")
        SENT_BACK = "sent_back", _("Renvoyé aux auteurs")
        PUBLISHED = "published", _("Publié")
        ARCHIVED = "archived", _("Archivé")
        RESTORED = "restored", _("Rétabli")
        PDF_FAILED = "pdf_failed", _("PDF en échec")

    guide = models.ForeignKey(
        Guide, verbose_name=_("guide"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("événement"), max_length=12, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.TextField(_("commentaire"), blank=True)
    at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("événement")
        verbose_name_plural = _("historique")

    def __str__(self):
        return f"{self.guide} · {self.get_kind_display()}"


class Tool(models.Model):
    """An "outil" joined to a guide: a template, a checklist, a spreadsheet."""

    guide = models.ForeignKey(
        Guide, verbose_name=_("guide"), on_delete=models.CASCADE, related_name="tools"
    )
    file = models.FileField(_("fichier"), upload_to="guides/outils/%Y/%m/")
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveIntegerField(_("taille (octets)"))
    added_at = models.DateTimeField(_("ajouté le"), default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name = _("outil")
        verbose_name_plural = _("outils")

    def __str__(self):
        return self.title


class Picture(models.Model):
    """An image put in a guide's text from the editor."""

    guide = models.ForeignKey(
        Guide, verbose_name=_("guide"), on_delete=models.CASCADE, related_name="pictures"
    )
    image = models.ImageField(_("image"), upload_to="guides/images/%Y/%m/")
    added_at = models.DateTimeField(_("ajoutée le"), default=timezone.now)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.image.name
