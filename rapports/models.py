from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplan.models import Assembly


class Report(models.Model):
    """The report of an AG: what became of its resolutions, read by the next AG. Each render
    is a version of it, frozen at its own cut-off date."""

    assembly = models.OneToOneField(
        Assembly,
        verbose_name=_("assemblée générale"),
        on_delete=models.CASCADE,
        related_name="report",
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)

    class Meta:
        ordering = ["-assembly__held_on"]
        verbose_name = _("rapport à l'AG")
        verbose_name_plural = _("rapports à l'AG")

    def __str__(self):
        return _("Rapport · %(assembly)s") % {"assembly": self.assembly}


class ReportVersion(models.Model):
    """One render of a report: its content gathered as it stood at the cut-off date and kept
    as it was (JSON), its PDF. Never changed once done."""

    class State(models.TextChoices):
        QUEUED = "queued", _("en attente")
        RENDERING = "rendering", _("en cours")
        DONE = "done", _("publié")
        FAILED = "failed", _("en échec")

    report = models.ForeignKey(
        Report, verbose_name=_("rapport"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    cut_off = models.DateField(_("date d'arrêt des données"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    step = models.CharField(_("étape en cours"), max_length=200, blank=True)
    error = models.TextField(_("erreur"), blank=True)
    started_at = models.DateTimeField(_("production commencée le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    content = models.JSONField(_("contenu figé"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="rapports/pdf/", blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    # The same figures as a workbook for the annual reports (actionplan.workbook: its sheets
    # import back into the plan), stored with the PDF at the same cut-off.
    workbook = models.FileField(_("classeur XLSX"), upload_to="rapports/xlsx/", blank=True)
    # The workbook of the plan at the cut-off (actionplan.workbook, h/agdata) will be stored
    # beside the PDF: a `workbook` FileField here, filled in services.version_render.

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("version du rapport")
        verbose_name_plural = _("versions du rapport")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="report_version_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="report_version_progress_0_100",
            ),
        ]

    def __str__(self):
        return _("%(report)s · version %(number)s") % {
            "report": self.report,
            "number": self.number,
        }

    def get_absolute_url(self):
        return reverse("rapports:version", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    def pdf_filename(self) -> str:
        return f"rapport-ag-{self.report.assembly.held_on:%Y-%m-%d}-v{self.number}.pdf"

    def workbook_filename(self) -> str:
        return self.pdf_filename().removesuffix(".pdf") + ".xlsx"
