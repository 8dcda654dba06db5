"""What the search finds of this app: members and working groups (see `core.search`)."""

from django.utils.translation import gettext_lazy as _

from core import search
from mutuelles.models import Mutuelle

from .models import User, WorkingGroup
from .permissions import Action, can


def member_document(member: User) -> search.Document:
    return search.Document(
        title=member.get_full_name() or member.email,
        headings=member.job_title,
        body="\n".join(
            filter(None, [member.mutuelle.name if member.mutuelle else "", member.email])
        ),
        url=member.get_absolute_url(),
        mutuelle_id=member.mutuelle_id,
    )


def visible_members(user):
    """The directory's: active members; the coordination also finds those who left."""
    if can(user, Action.COORDINATE):
        return User.objects.all()
    return User.objects.active() if can(user, Action.READ) else User.objects.none()


def group_document(group: WorkingGroup) -> search.Document:
    return search.Document(
        title=group.name,
        body=group.description,
        url=group.get_absolute_url(),
        theme_ids=[group.theme_id],
        date=group.created_at,
    )


def register() -> None:
    search.register(
        search.Kind(
            name="member",
            label=_("Membre"),
            plural=_("Membres"),
            model=User,
            document=member_document,
            visible=visible_members,
            load=lambda: User.objects.select_related("mutuelle"),
            # Signing in, visiting the home page, changing one's password.
            ignored_fields=frozenset({"last_login", "last_home_visit", "new_since", "password"}),
            # A member is found by their mutuelle's name: renamed, its members are re-indexed.
            watch=[(Mutuelle, lambda mutuelle: mutuelle.members.values_list("pk", flat=True))],
        )
    )
    search.register(
        search.Kind(
            name="working_group",
            label=_("Groupe de travail"),
            plural=_("Groupes de travail"),
            model=WorkingGroup,
            document=group_document,
            visible=lambda user: (
                WorkingGroup.objects.all()
                if can(user, Action.READ)
                else WorkingGroup.objects.none()
            ),
        )
    )
