from django.contrib import admin

from core.revisions import BumpingAdmin

from .models import Framework, FrameworkEntry, Mutuelle, Theme


@admin.register(Mutuelle)
class MutuelleAdmin(BumpingAdmin):
    list_display = ["name", "short_name", "region", "headcount", "is_active"]
    list_filter = ["is_active", "region"]
    search_fields = ["name", "short_name", "region"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Theme)
class ThemeAdmin(BumpingAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class FrameworkEntryInline(admin.TabularInline):
    model = FrameworkEntry
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(BumpingAdmin):
    list_display = ["name", "position"]
    inlines = [FrameworkEntryInline]
