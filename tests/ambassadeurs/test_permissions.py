"""The matrix of DESIGN.md, row by row, against the one permissions module."""

import pytest

from ambassadeurs.permissions import Action, can

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]

# action -> roles allowed, for an object of the mutuelle of `ambassador` and `reader`.
MATRIX = {
    Action.READ: {"reader", "ambassador", "other_ambassador", "coordinator", "admin"},
    Action.EDIT_MUTUELLE: {"ambassador", "coordinator", "admin"},
    Action.DRAFT_GUIDES: {"ambassador", "other_ambassador", "coordinator", "admin"},
    Action.COORDINATE: {"coordinator", "admin"},
    Action.FOLLOW_UP: {"coordinator", "admin"},
    Action.COMMENT: {"reader", "ambassador", "other_ambassador", "coordinator", "admin"},
    Action.REPLICATE: {"ambassador", "other_ambassador", "coordinator", "admin"},
    Action.READ_REPORTS: {"ambassador", "other_ambassador", "coordinator", "admin"},
}


@pytest.mark.parametrize("action", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_matrix(members, mutuelle, action, role):
    assert can(members[role], action, mutuelle) is (role in MATRIX[action])


def test_ambassador_edits_only_their_own_mutuelle(ambassador, mutuelle, other_mutuelle):
    assert can(ambassador, Action.EDIT_MUTUELLE, mutuelle)
    assert not can(ambassador, Action.EDIT_MUTUELLE, other_mutuelle)
    # Anything that belongs to a mutuelle is judged by its mutuelle.
    assert can(ambassador, Action.EDIT_MUTUELLE, ambassador)


@pytest.mark.parametrize("role", ROLES)
def test_members_edit_their_own_profile_only_coordinators_any(members, role):
    user = members[role]
    assert can(user, Action.EDIT_PROFILE, user)
    assert can(user, Action.EDIT_PROFILE, members["reader"]) is (
        role in {"reader", "coordinator", "admin"}
    )


@pytest.mark.parametrize("action", list(Action))
def test_inactive_and_anonymous_may_do_nothing(ambassador, coordinator, mutuelle, action):
    from django.contrib.auth.models import AnonymousUser

    coordinator.is_active = False
    assert not can(coordinator, action, mutuelle)
    assert not can(AnonymousUser(), action, mutuelle)
