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
