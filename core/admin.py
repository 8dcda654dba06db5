from django.contrib import admin
from django.http import HttpRequest

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """What the outbox holds, to see a task that never ran (read only: rows are the record)."""

    list_display = ["task", "args", "created_at", "sent_at", "attempts", "done_at", "abandoned_at"]
    list_filter = ["task", ("done_at", admin.EmptyFieldListFilter), "abandoned_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutboxMessage | None = None) -> bool:
        return False
