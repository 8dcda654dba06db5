"""Revision numbers that change whenever some data changes: pages cached under a revision are
rendered again after any write (the services, the admin and the demo data all bump them)."""

import time
from typing import Any, cast

from django.contrib import admin
from django.core.cache import cache
from django.db import models, transaction
from django.forms import ModelForm
from django.http import HttpRequest


def current(name: str) -> int:
    return cast(int, cache.get_or_set(f"revision:{name}", time.time_ns, None))


def bump(name: str) -> None:
    cache.set(f"revision:{name}", time.time_ns(), None)
    # Once more after the commit: a page rendered meanwhile from the old rows is not kept.
    transaction.on_commit(lambda: cache.set(f"revision:{name}", time.time_ns(), None))


class BumpingAdmin(admin.ModelAdmin):
    """Changes made in the admin bump `revision` like any other write."""

    revision = ""

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        bump(self.revision)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        super().delete_model(request, obj)
        bump(self.revision)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)
        bump(self.revision)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        bump(self.revision)
