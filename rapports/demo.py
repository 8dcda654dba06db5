"""The demo's published report: the report of the latest AG held, its data arrested at the end
of the previous month, rendered in-process during seed_demo (a few seconds). Idempotent: a
version with that cut-off is kept once done."""

import datetime

from django.utils import timezone

from actionplan.models import Assembly
from ambassadeurs.models import Role, User

from . import services
from .models import Report, ReportVersion


def cut_off_for(assembly: Assembly, today: datetime.date) -> datetime.date:
    """The last day of the month before `today`, but never before the AG."""
    return max(today.replace(day=1) - datetime.timedelta(days=1), assembly.held_on)


def seed() -> ReportVersion | None:
    today = timezone.localdate()
    assembly = Assembly.objects.filter(held_on__lte=today).order_by("-held_on").first()
    if assembly is None:
        return None
    cut_off = cut_off_for(assembly, today)
    report, _created = Report.objects.get_or_create(assembly=assembly)
    done = report.versions.filter(cut_off=cut_off, state=ReportVersion.State.DONE).first()
    if done is not None and done.pdf and done.pdf.storage.exists(done.pdf.name):
        return done
    report.versions.exclude(state=ReportVersion.State.DONE).filter(cut_off=cut_off).delete()
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_superuser=False).first()
    number = (report.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = ReportVersion.objects.create(
        report=report, number=number, cut_off=cut_off, created_by=coordinator
    )
    # Rendered here rather than through the outbox: seed_demo runs in one transaction, and the
    # demo is ready when the command ends.
    services.version_render(version)
    return version
