"""Every change of the AG reports: a coordinator asks for a version (a cut-off date), the
worker gathers and freezes its content, then renders its PDF (tasks.render_report)."""

import datetime
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan import workbook
from actionplan.models import Assembly
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core import outbox

from . import content, printing
from .models import Report, ReportVersion

logger = logging.getLogger(__name__)


def cut_off_error(assembly: Assembly, cut_off: datetime.date) -> str | None:
    """Why `cut_off` cannot close the data of a report of `assembly`, in French; None if it can."""
    today = timezone.localdate()
    if cut_off < assembly.held_on:
        return _(
            "La date d'arrêt (%(cut_off)s) précède l'assemblée générale du %(held_on)s : "
            "le rapport rend compte de ce qui a suivi ses résolutions."
        ) % {
            "cut_off": cut_off.strftime("%d/%m/%Y"),
            "held_on": assembly.held_on.strftime("%d/%m/%Y"),
        }
    if cut_off > today:
        return _(
            "La date d'arrêt (%(cut_off)s) est dans l'avenir : les chiffres de ce jour ne sont "
            "pas encore connus. Choisissez aujourd'hui au plus tard."
        ) % {"cut_off": cut_off.strftime("%d/%m/%Y")}
    return None


def version_request(*, by: User, assembly: Assembly, cut_off: datetime.date) -> ReportVersion:
    """A new version of the AG's report, at `cut_off`; the worker gathers and renders it."""
    check(by, Can.COORDINATE)
    error = cut_off_error(assembly, cut_off)
    if error:
        raise ValidationError({"cut_off": error})
    with transaction.atomic():
        report, _created = Report.objects.get_or_create(assembly=assembly)
        Report.objects.select_for_update().filter(pk=report.pk).first()  # numbers in turn
        number = (report.versions.aggregate(top=Max("number"))["top"] or 0) + 1
        version = ReportVersion.objects.create(
            report=report, number=number, cut_off=cut_off, created_by=by, step=_("En attente")
        )
        outbox.enqueue("rapports.tasks.render_report", version.pk)
    return version


def _advance(version: ReportVersion, step: str, progress: int) -> None:
    """Shown to the page that polls: written at once, outside any transaction."""
    ReportVersion.objects.filter(pk=version.pk, state=ReportVersion.State.RENDERING).update(
        step=step[:200], progress=progress
    )
    version.step, version.progress = step, progress


def version_claim(version: ReportVersion) -> bool:
    """Take the render of `version`: true for exactly one caller (a task delivered twice
    finds it taken or done). A render older than its time limit was lost with its worker (killed
    at the hard limit, or the machine restarted): the outbox hands its task over again, and it
    is taken back."""
    lost = timezone.now() - datetime.timedelta(seconds=settings.RSE_REPORT_TIME_LIMIT + 60)
    claimable = Q(state=ReportVersion.State.QUEUED) | Q(
        state=ReportVersion.State.RENDERING, started_at__lt=lost
    )
    claimed = ReportVersion.objects.filter(claimable, pk=version.pk).update(
        state=ReportVersion.State.RENDERING,
        started_at=timezone.now(),
        progress=1,
        step=_("Démarrage"),
    )
    if claimed:
        version.state = ReportVersion.State.RENDERING
    return claimed == 1


def version_render(version: ReportVersion) -> bool:
    """Gather, freeze and render `version` if this caller wins it; False otherwise."""
    if not version_claim(version):
        return False
    assembly = version.report.assembly

    def step(text: str, progress: int) -> None:
        _advance(version, text, progress)

    frozen: dict[str, Any] = content.gather(assembly, version.cut_off, step)
    ReportVersion.objects.filter(pk=version.pk).update(content=frozen)
    version.content = frozen
    data, pages = printing.render(version, step)
    step(_("Enregistrement du PDF"), 98)
    version.pdf.save(version.pdf_filename(), ContentFile(data), save=False)
    plan = content.plan_of(assembly)
    if plan is not None:  # the same figures as a workbook (its sheets import back)
        step(_("Enregistrement du classeur XLSX"), 99)
        data = workbook.write(plan, as_of=version.cut_off)
        version.workbook.save(version.workbook_filename(), ContentFile(data), save=False)
    ReportVersion.objects.filter(pk=version.pk).update(
        pdf=version.pdf.name,
        workbook=version.workbook.name,
        pages=pages,
        state=ReportVersion.State.DONE,
        progress=100,
        step=_("Publié"),
        finished_at=timezone.now(),
        error="",
    )
    version.state, version.progress, version.pages = ReportVersion.State.DONE, 100, pages
    return True


def version_failed(version: ReportVersion | None, reason: str) -> None:
    if version is None:
        return
    ReportVersion.objects.filter(
        pk=version.pk,
        state__in=[ReportVersion.State.QUEUED, ReportVersion.State.RENDERING],
    ).update(state=ReportVersion.State.FAILED, error=reason, finished_at=timezone.now())
