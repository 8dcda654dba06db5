from django.conf import settings
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
