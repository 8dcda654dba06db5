"""Reads of the AG reports."""

from typing import Any

from django.db.models import Prefetch, QuerySet

from actionplan.models import Assembly
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can

from .models import Report, ReportVersion


def may_read(user: Any) -> bool:
    """Who reads the published reports: the ambassadors and the coordination (and the
    administrators). Readers do not: a report is the coordination's account to the AG,
    carried by the ambassadors in their mutuelles; the AG reads it in its own documents."""
    return can(user, Can.READ_REPORTS)


def readable_versions(user: Any) -> QuerySet[ReportVersion]:
    """The versions whose PDF `user` may download (core.files): the published ones."""
    if not may_read(user):
        return ReportVersion.objects.none()
    return ReportVersion.objects.filter(state=ReportVersion.State.DONE)


def reports() -> QuerySet[Report]:
    """Every report, latest AG first, with its versions (newest first)."""
    return Report.objects.select_related("assembly").prefetch_related(
        Prefetch("versions", queryset=ReportVersion.objects.order_by("-number"))
    )


def assemblies() -> QuerySet[Assembly]:
    return Assembly.objects.order_by("-held_on")


def version(pk: int) -> ReportVersion | None:
    return ReportVersion.objects.select_related("report__assembly").filter(pk=pk).first()
