import datetime

import pytest
from django.utils import timezone

from reunions import services
from reunions.models import Meeting
from tests.factories import UserFactory, WorkingGroupFactory


def at(days: int, hour: int = 10) -> datetime.datetime:
    """`days` from today at `hour`, Paris time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def group(reader, ambassador):
    """A working group led by Armor's ambassador, with Armor's reader as a member."""
    group = WorkingGroupFactory(name="Achats responsables", slug="achats", lead=ambassador)
    group.members.set([ambassador, reader])
    return group


@pytest.fixture
def outsider(other_mutuelle):
    return UserFactory(email="dehors@arverne.example", mutuelle=other_mutuelle)


@pytest.fixture
def meeting(group, ambassador, reader) -> Meeting:
    """Next week's meeting of the group, the reader invited."""
    return services.meeting_save(
        by=ambassador,
        group=group,
        title="Relecture des clauses",
        starts_at=at(7, 14),
        ends_at=at(7, 16),
        place="Salle Garonne",
        invitees=[reader, ambassador],
    )


@pytest.fixture
def past(group, ambassador, reader) -> Meeting:
    """Last week's meeting, its minutes written."""
    meeting = services.meeting_save(
        by=ambassador,
        group=group,
        title="Lancement du guide",
        starts_at=at(-7, 10),
        ends_at=at(-7, 12),
        invitees=[reader, ambassador],
    )
    return services.minutes_save(
        by=ambassador, meeting=meeting, text="<h2>Tour de table</h2><p>Tout va bien.</p>"
    )
