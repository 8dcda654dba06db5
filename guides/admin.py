from django.contrib import admin

from .models import Event, Guide, Tool, Version


class ToolInline(admin.TabularInline):
    model = Tool
    extra = 0
    fields = ["title", "file", "kind", "size"]
    readonly_fields = ["kind", "size"]


class VersionInline(admin.TabularInline):
    """Versions are frozen: the admin shows them, the workflow makes them."""

    model = Version
    extra = 0
    fields = ["number", "published_at", "published_by", "note", "pdf_state", "pdf_error"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "status", "current_version", "edited_at"]
    list_filter = ["status", "theme"]
    search_fields = ["title", "summary"]
    list_select_related = ["theme", "current_version"]
    filter_horizontal = ["authors", "actions"]
    # The text, status and versions change through the workflow only (optimistic saves,
    # notifications, one PDF per version).
    readonly_fields = ["status", "body", "revision", "current_version", "edited_by", "edited_at"]
    fields = [
        "title",
        "slug",
        "summary",
        "theme",
        "authors",
        "actions",
        *readonly_fields,
    ]
    inlines = [ToolInline, VersionInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["guide", "kind", "by", "at"]
    list_filter = ["kind"]
    list_select_related = ["guide", "by"]

    def has_change_permission(self, request, obj=None):
        return False
