"""A to-do item's first entries and how many there are in all, read together."""

from core.todo import ENTRIES, first_entries
from mutuelles.models import Mutuelle
from tests.factories import MutuelleFactory


def test_first_entries_are_the_first_few_and_count_them_all(db):
    MutuelleFactory.create_batch(ENTRIES + 2)
    rows, count = first_entries(Mutuelle.objects.order_by("-pk"))
    assert count == ENTRIES + 2
    assert rows == list(Mutuelle.objects.order_by("-pk")[:ENTRIES])


def test_first_entries_of_nothing_are_none(db):
    assert first_entries(Mutuelle.objects.none()) == ([], 0)
