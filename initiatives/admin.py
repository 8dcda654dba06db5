from django.contrib import admin

from core.revisions import BumpingAdmin

from .models import Attachment, Audience, Comment, Image, Initiative, Replication


class ImageInline(admin.TabularInline):
    """Pictures are added from the initiative's page, where core.pictures re-encodes them."""

    model = Image
    extra = 0
    fields = ["image", "alt", "position"]
    readonly_fields = ["image"]

    def has_add_permission(self, request, obj=None):
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["file", "title", "kind", "size"]
    readonly_fields = ["kind", "size"]


@admin.register(Initiative)
class InitiativeAdmin(BumpingAdmin):
    list_display = [
        "title",
        "mutuelle",
        "status",
        "transposability",
        "is_published",
        "published_at",
    ]
    list_filter = ["is_published", "status", "transposability", "mutuelle", "themes"]
    search_fields = ["title", "summary"]
    list_select_related = ["mutuelle"]
    filter_horizontal = ["themes", "audiences", "actions"]
    inlines = [ImageInline, AttachmentInline]
    readonly_fields = ["created_at", "updated_at", "published_at"]


@admin.register(Audience)
class AudienceAdmin(BumpingAdmin):
    list_display = ["name", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Replication)
class ReplicationAdmin(BumpingAdmin):
    list_display = ["initiative", "mutuelle", "status", "contact", "created_at"]
    list_filter = ["status", "mutuelle"]
    list_select_related = ["initiative", "mutuelle", "contact"]


@admin.register(Comment)
class CommentAdmin(BumpingAdmin):
    list_display = ["__str__", "initiative", "author", "created_at", "hidden_at"]
    list_filter = ["hidden_at"]
    list_select_related = ["initiative", "author"]
    search_fields = ["text"]
