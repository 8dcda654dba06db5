"""Revision numbers that change whenever some data changes: the fragments cached under them
(`core.fragments`) are rendered again after any write.

One revision per app whose data a cached fragment shows, named after the app: "mutuelles"
(mutuelles and themes), "ambassadeurs" (members), "actionplan", "initiatives". Every write of
such data bumps its app's revision: the services, the admin (every ModelAdmin of these apps is
a `BumpingAdmin`), the demo data and the members' own profile edits.
"""

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
    """Changes made in the admin (inlines and bulk deletions included) bump the revision of the
    model's app like any other write."""

    def _bump(self) -> None:
        bump(self.model._meta.app_label)

    def save_model(
        self, request: HttpRequest, obj: models.Model, form: ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        self._bump()

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        super().delete_model(request, obj)
        self._bump()

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)
        self._bump()

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        self._bump()
