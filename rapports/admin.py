from django.contrib import admin

from .models import Report, ReportVersion


class VersionInline(admin.TabularInline):
    model = ReportVersion
    fields = ["number", "cut_off", "state", "progress", "step", "created_by", "created_at", "pdf"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["assembly", "created_at"]
    inlines = [VersionInline]
    readonly_fields = ["assembly", "created_at"]
