from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A task that a write asked for, written in the write's own transaction: it exists exactly
    when the write committed, and stays until the task has run (see `core.outbox`)."""

    task = models.CharField(_("tâche"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    options = models.JSONField(_("options"), default=dict)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    sent_at = models.DateTimeField(_("confiée au courtier le"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("envois"), default=0)
    done_at = models.DateTimeField(_("exécutée le"), null=True, blank=True)
    # Handed over RSE_OUTBOX_MAX_ATTEMPTS times and never run: left for a person to look at.
    abandoned_at = models.DateTimeField(_("abandonnée le"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("tâche en attente")
        verbose_name_plural = _("tâches en attente")
        indexes = [
            models.Index(
                fields=["sent_at"],
                condition=models.Q(done_at=None, abandoned_at=None),
                name="outbox_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)}"


class Upload(models.Model):
    """A file sent ahead of the form it belongs to, as soon as it is chosen (its progress shown):
    already checked by its content, kept for its sender alone until the form that uses it is
    saved, or for `core.uploads.KEPT_FOR` (see `core.uploads`)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("envoyé par"),
    )
    file = models.FileField(_("fichier"), upload_to="envois/%Y/%m/")
    name = models.CharField(_("nom d'origine"), max_length=255)
    # "picture" for a JPEG, PNG or WebP; otherwise the document's kind (pdf, docx, xlsx…).
    kind = models.CharField(_("nature"), max_length=10)
    size = models.PositiveIntegerField(_("taille"))
    created_at = models.DateTimeField(_("envoyé le"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("fichier envoyé")
        verbose_name_plural = _("fichiers envoyés")

    def __str__(self) -> str:
        return self.name

    @property
    def is_picture(self) -> bool:
        return self.kind == PICTURE


PICTURE = "picture"


class SearchEntry(models.Model):
    """One object of a later app as the search finds it (see `core.search`): its texts and its
    facets as plain values, so that the index knows no app. Its text search columns (PostgreSQL)
    or its FTS5 row (SQLite) are written by `core.search.backends` with the entry."""

    kind = models.CharField(_("nature"), max_length=40)
    object_id = models.BigIntegerField(_("objet"))
    title = models.CharField(_("titre"), max_length=300)
    headings = models.TextField(_("intertitres"), blank=True)
    body = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("adresse"), max_length=300)
    mutuelle_id = models.BigIntegerField(_("mutuelle"), null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("année"), null=True, blank=True)
    # The object's themes (several for an initiative): a JSON list of ids, counted for the
    # theme facet by both databases' JSON functions.
    theme_ids = models.JSONField(_("thèmes"), default=list, blank=True)
    # The title folded (no case, accents nor ligatures): what a misspelt word is compared with.
    title_folded = models.CharField(_("titre normalisé"), max_length=300)
    # PostgreSQL only (an unused column on SQLite): French stems weighted A title, B headings,
    # C body; and the same words unstemmed, to rank an exact word above a stem.
    vector = SearchVectorField(null=True, blank=True)
    exact = SearchVectorField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("entrée de l'index de recherche")
        verbose_name_plural = _("entrées de l'index de recherche")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_one_entry")
        ]
        indexes = [models.Index(fields=["kind", "mutuelle_id"], name="search_kind_mutuelle")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"


class HistoryBase(models.Model):
    """What every historical table (core.history) adds to django-simple-history's columns."""

    # [[field, before, after], ...]: the journal shows them without reading the previous row.
    history_changes = models.JSONField(_("changements"), default=list, blank=True)

    class Meta:
        abstract = True


class ImportRun(models.Model):
    """One import of a file (the plan's spreadsheet, the subscribers' CSV): who, when, which
    file, what it did. The rows it wrote are in the record too, with the reason "import …"
    (`core.history`)."""

    kind = models.CharField(_("import"), max_length=40)
    file_name = models.CharField(_("fichier"), max_length=255)
    counts = models.JSONField(_("résultat"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("par"),
    )
    created_at = models.DateTimeField(_("le"), default=timezone.now, db_index=True)
    # A command's import, when no member ran it ("commande import_plan").
    reason = models.CharField(_("source"), max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} : {self.file_name}"
