import pytest

from mutuelles import frameworks
from mutuelles.models import Framework, FrameworkEntry


@pytest.fixture(autouse=True)
def shipped(db):
    """The frameworks a migration ships: a test run that flushed the database (a transactional
    test) has lost them, so each test has them again."""
    frameworks.ship(Framework, FrameworkEntry)
