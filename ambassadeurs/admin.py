from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.revisions import BumpingAdmin

from . import services
from .models import Invitation, User, WorkingGroup

# Single sign-on is configured from the environment (settings.SOCIALACCOUNT_PROVIDERS), keeps no
# tokens, and a member's link to the directory goes with their erasure: nothing to edit here.
for model in (SocialApp, SocialToken, SocialAccount):
    admin.site.unregister(model)


@admin.register(User)
class UserAdmin(BumpingAdmin, BaseUserAdmin):
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "mutuelle", "role", "is_active"]
    list_filter = ["role", "mutuelle", "is_active", "is_staff", "is_superuser"]
    search_fields = ["email", "first_name", "last_name", "job_title"]
    list_select_related = ["mutuelle"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Identité"), {"fields": ["first_name", "last_name", "job_title", "phone", "photo"]}),
        (_("Réseau"), {"fields": ["mutuelle", "role"]}),
        (
            _("Accès"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    # A photo is re-encoded by core.pictures from the member's profile, never stored raw.
    readonly_fields = ["photo"]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
        (_("Réseau"), {"fields": ["first_name", "last_name", "mutuelle", "role"]}),
    ]

    def has_delete_permission(self, request, obj=None):
        # Deleting a row would leave the photo, the invitation and the subscriber behind and
        # empty the author of what they wrote: a departed member is erased from their page in
        # the directory ("effacer ses données personnelles", ambassadeurs.services.member_erase).
        return False

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            services.sessions_end(member=obj)


@admin.register(WorkingGroup)
class WorkingGroupAdmin(BumpingAdmin):
    list_display = ["name", "theme", "lead"]
    list_filter = ["theme"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["lead", "members"]
    list_select_related = ["theme", "lead"]


@admin.register(Invitation)
class InvitationAdmin(BumpingAdmin):
    list_display = ["email", "role", "mutuelle", "invited_by", "created_at", "accepted_at"]
    list_filter = ["role", "mutuelle"]
    search_fields = ["email"]
    readonly_fields = ["created_at", "accepted_at", "user"]
    list_select_related = ["mutuelle", "invited_by"]
