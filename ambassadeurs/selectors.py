"""Reads shared by pages: each keeps its number of queries flat whatever the data size."""

from django.db.models import Count, Prefetch, Q, QuerySet

from mutuelles.models import Mutuelle

from .models import Invitation, Role, User, WorkingGroup


def member_directory() -> QuerySet[User]:
    return User.objects.active().select_related("mutuelle")


def mutuelles_counted() -> QuerySet[Mutuelle]:
    """Active mutuelles with their members and ambassadors counted."""
    active = Q(members__is_active=True)
    return Mutuelle.objects.active().annotate(
        member_count=Count("members", filter=active),
        ambassador_count=Count("members", filter=active & Q(members__role=Role.AMBASSADOR)),
    )


def mutuelles_overview() -> QuerySet[Mutuelle]:
    """Active mutuelles with their members and ambassadors counted, ambassadors prefetched."""
    return mutuelles_counted().prefetch_related(
        Prefetch("members", queryset=User.objects.active().ambassadors(), to_attr="ambassadors")
    )


def mutuelle_ambassadors(mutuelle: Mutuelle) -> QuerySet[User]:
    return User.objects.active().ambassadors().filter(mutuelle=mutuelle)


def _groups_counted() -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.select_related("theme").annotate(
        member_count=Count("members", filter=Q(members__is_active=True), distinct=True)
    )


def working_groups() -> QuerySet[WorkingGroup]:
    return _groups_counted().select_related("lead", "lead__mutuelle")


def working_group_members(group: WorkingGroup) -> QuerySet[User]:
    return group.members.active().select_related("mutuelle")


def member_working_groups(user: User) -> QuerySet[WorkingGroup]:
    """The groups `user` is in, without their leads: grouping the counts by the lead's columns
    too costs more than the rest of the query."""
    return _groups_counted().filter(members=user)


def invitations_recent() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("mutuelle", "invited_by", "user")[:50]
