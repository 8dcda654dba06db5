"""What the member's own app holds about them (core.personal_data): the profile and photo,
the sign-in addresses, second factors and directory account, the sessions (sign-in history),
working groups, invitations, the admin's journal of their changes, the record of an erasure."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from django.db.models import Q

from core import personal_data
from core.personal_data import rows

from .models import Erasure, Invitation, User, WorkingGroup


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "profil": rows(
            User.objects.filter(pk=member.pk),
            "email",
            "first_name",
            "last_name",
            "job_title",
            "phone",
            "mutuelle__name",
            "role",
            "is_active",
            "date_joined",
            "last_login",
            "last_home_visit",
        ),
        "adresses_e-mail": rows(
            EmailAddress.objects.filter(user=member), "email", "verified", "primary"
        ),
        # The kind of second factor and its use, never its secret.
        "validation_en_deux_étapes": rows(
            Authenticator.objects.filter(user=member), "type", "created_at", "last_used_at"
        ),
        # The group's directory account they sign in with, and what it said of them last.
        "compte_du_groupe": rows(
            SocialAccount.objects.filter(user=member),
            "provider",
            "uid",
            "date_joined",
            "last_login",
            "extra_data",
        ),
        "sessions": rows(
            UserSession.objects.filter(user=member).order_by("created_at"),
            "created_at",
            "last_seen_at",
            "ip",
            "user_agent",
        ),
        "groupes_de_travail": rows(
            WorkingGroup.objects.filter(Q(members=member) | Q(lead=member)).distinct(),
            "name",
            "theme__name",
            "lead_id",
        ),
        "invitation_reçue": rows(
            Invitation.objects.filter(Q(user=member) | Q(email__iexact=member.email)),
            "email",
            "role",
            "mutuelle__name",
            "created_at",
            "accepted_at",
        ),
        # Who they invited is the invited people's data: how many, and when, is theirs.
        "invitations_envoyées": rows(
            Invitation.objects.filter(invited_by=member).order_by("created_at"),
            "role",
            "mutuelle__name",
            "created_at",
            "accepted_at",
        ),
        "journal_de_l_administration": rows(
            LogEntry.objects.filter(user=member).order_by("action_time"),
            "action_time",
            "content_type__model",
            "object_repr",
            "action_flag",
            "change_message",
        ),
    }


def _files(member):
    if member.photo:
        yield f"photo/{member.photo.name.rsplit('/', 1)[-1]}", member.photo


def _erase(member, remove_content: bool) -> None:
    from .services import sessions_end

    EmailAddress.objects.filter(user=member).delete()
    Authenticator.objects.filter(user=member).delete()
    SocialAccount.objects.filter(user=member).delete()
    sessions_end(member=member)
    Invitation.objects.filter(Q(user=member) | Q(email__iexact=member.email)).delete()
    for group in WorkingGroup.objects.filter(members=member):
        group.members.remove(member)
    WorkingGroup.objects.filter(lead=member).update(lead=None)
    if member.photo:
        personal_data.delete_files_on_commit([member.photo])


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="compte",
            covers=[
                (EmailAddress, "user"),
                (Authenticator, "user"),
                (SocialAccount, "user"),
                (UserSession, "user"),
                (LogEntry, "user"),  # the admin's journal stays, by "ancien membre"
                (WorkingGroup, "members"),
                (WorkingGroup, "lead"),
                (Invitation, "user"),
                (Invitation, "invited_by"),  # the invitations they sent stay, by "ancien membre"
                (Erasure, "member"),
                (Erasure, "erased_by"),
            ],
            export=_export,
            files=_files,
            erase=_erase,
        )
    )
