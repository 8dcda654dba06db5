"""Who may do what: the one place that decides. Every view, service and template asks here.

The matrix of DESIGN.md is the specification (tests/ambassadeurs/test_permissions.py checks it
row by row):

| action                                           | reader | ambassador of M | coord. | admin |
|--------------------------------------------------|--------|-----------------|--------|-------|
| read published content, the directory, the plan  | yes    | yes             | yes    | yes   |
| edit initiatives, deployments, measurements and  | no     | M only          | yes    | yes   |
| field feedback of mutuelle M                     |        |                 |        |       |
| draft guides, submit them for review             | no     | yes             | yes    | yes   |
| edit a guide's draft, its tools                  | no     | its authors     | yes    | yes   |
| publish guides, edit the plan, send newsletters, | no     | no              | yes    | yes   |
| invite and manage members                        |        |                 |        |       |
| follow the members' work: who updated what and   | no     | no              | yes    | yes   |
| when, field feedback, the dashboard's exports    |        |                 |        |       |
| comment                                          | yes    | yes             | yes    | yes   |
| replicate an initiative for their own mutuelle   | no     | yes             | yes    | yes   |
| read the AG reports (rapports)                   | no     | yes             | yes    | yes   |

Meetings (reunions), for readers and ambassadors alike; coordinators and administrators may do
everything: a member sees, answers and adds agenda items to the meetings of the whole network,
of their groups and those they are invited to; the group's lead plans its meetings, records
attendance and approves the minutes, which the lead or the member they chose writes; the
meeting's invitees and the lead remark on proposed minutes; a task decided in a meeting is
marked done by its assignee or the lead; proposals to the plan are the coordination's.

The relay kit of a sent edition or a published guide (RELAY) is the ambassadors' and the
coordination's: readers read the letter and the guide themselves. An ambassador writes their
own mutuelle's local part and records its relay sessions (EDIT_MUTUELLE).

Files of a working group (reunions): its members and its lead read them and add files and
versions; the one who added a file, the lead (and the coordination) delete it.

Members edit their own profile; coordinators and administrators edit anyone's.
Inactive or anonymous users may do nothing.
"""

from collections.abc import Callable
from enum import StrEnum
from functools import wraps

from django.core.exceptions import PermissionDenied

from mutuelles.models import Mutuelle

from .models import Role


class Action(StrEnum):
    READ = "read"
    EDIT_MUTUELLE = "edit_mutuelle"
    DRAFT_GUIDES = "draft_guides"
    EDIT_GUIDE = "edit_guide"
    COORDINATE = "coordinate"
    FOLLOW_UP = "follow_up"
    COMMENT = "comment"
    REPLICATE = "replicate"
    EDIT_PROFILE = "edit_profile"
    READ_REPORTS = "read_reports"
    # Meetings (reunions): the object is a WorkingGroup (or None: the whole network) for
    # PLAN_MEETING, a meeting for the others.
    SEE_MEETING = "see_meeting"
    ANSWER_INVITATION = "answer_invitation"
    PLAN_MEETING = "plan_meeting"
    WRITE_MINUTES = "write_minutes"
    REMARK_MINUTES = "remark_minutes"
    APPROVE_MINUTES = "approve_minutes"
    # A task decided in a meeting (`obj`: the decision): its assignee, or the group's lead.
    COMPLETE_TASK = "complete_task"
    # The relay kit of an edition or a guide (reunions.relay): its page and PDFs are the
    # ambassadors' and the coordination's; a mutuelle's local part and relay sessions are
    # EDIT_MUTUELLE of that mutuelle.
    RELAY = "relay"
    # Files of a working group: the object is the group for GROUP_FILES (read and add), the
    # file (with its `group` and `added_by_id`) for DELETE_GROUP_FILE.
    GROUP_FILES = "group_files"
    DELETE_GROUP_FILE = "delete_group_file"


def _is_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _is_coordinator(user) -> bool:
    return user.is_superuser or user.role == Role.COORDINATOR


def _mutuelle_id(obj) -> int | None:
    """The mutuelle an object belongs to: a Mutuelle itself or anything with `mutuelle_id`."""
    if obj is None:
        return None
    if isinstance(obj, Mutuelle):
        return obj.pk
    if hasattr(obj, "mutuelle_id"):
        return obj.mutuelle_id
    raise TypeError(f"{type(obj).__name__} belongs to no mutuelle")


def _leads(user, group) -> bool:
    return group is not None and group.lead_id == user.pk


def _in_group(user, group) -> bool:
    """The group's lead or one of its members (`reunions.selectors.file_groups` is the same
    rule for lists)."""
    return group is not None and (_leads(user, group) or group.members.filter(pk=user.pk).exists())


def _meeting_open_to(user, meeting) -> bool:
    """A meeting of the whole network, of one of the member's groups, or one they are invited
    to (`reunions.models.MeetingQuerySet.visible_to` is the same rule for lists)."""
    group = meeting.group
    return (
        group is None or user.pk in meeting.invitee_ids or group.members.filter(pk=user.pk).exists()
    )


def can(user, action: Action | str, obj=None) -> bool:
    """True when `user` may do `action`, on `obj` where the action concerns one object."""
    action = Action(action)
    if not _is_member(user):
        return False
    if _is_coordinator(user):
        return True
    is_ambassador = user.role == Role.AMBASSADOR
    match action:
        case Action.READ | Action.COMMENT:
            return True
        case Action.EDIT_MUTUELLE:
            target = _mutuelle_id(obj)
            return is_ambassador and target is not None and target == user.mutuelle_id
        case Action.DRAFT_GUIDES:
            return is_ambassador
        case Action.EDIT_GUIDE:
            # `obj` is a guide: anything with the set of its `author_ids`.
            return is_ambassador and obj is not None and user.pk in obj.author_ids
        case Action.REPLICATE:
            return is_ambassador and user.mutuelle_id is not None
        case Action.READ_REPORTS:
            return is_ambassador
        case Action.EDIT_PROFILE:
            return obj is not None and obj.pk == user.pk
        case Action.SEE_MEETING | Action.ANSWER_INVITATION:
            return obj is not None and _meeting_open_to(user, obj)
        case Action.PLAN_MEETING:
            # `obj` is the group; a meeting of the whole network is the coordination's.
            return _leads(user, obj)
        case Action.APPROVE_MINUTES:
            return obj is not None and _leads(user, obj.group)
        case Action.WRITE_MINUTES:
            return obj is not None and (_leads(user, obj.group) or obj.minutes_writer_id == user.pk)
        case Action.COMPLETE_TASK:
            return obj is not None and (
                obj.assignee_id == user.pk or _leads(user, obj.meeting.group)
            )
        case Action.REMARK_MINUTES:
            return obj is not None and (_leads(user, obj.group) or user.pk in obj.invitee_ids)
        case Action.RELAY:
            return is_ambassador
        case Action.GROUP_FILES:
            return _in_group(user, obj)
        case Action.DELETE_GROUP_FILE:
            return (
                obj is not None
                and _in_group(user, obj.group)
                and (obj.added_by_id == user.pk or _leads(user, obj.group))
            )
        case Action.COORDINATE | Action.FOLLOW_UP:
            return False


def check(user, action: Action | str, obj=None) -> None:
    """Raise PermissionDenied (a French 403 page) unless `user` may do `action`."""
    if not can(user, action, obj):
        raise PermissionDenied


def require(action: Action) -> Callable:
    """View decorator for actions that concern no particular object."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            check(request.user, action)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
