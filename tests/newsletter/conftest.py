import datetime
import email
import email.policy

import pytest

from newsletter.models import Block, Edition, Subscriber
from tests.factories import MutuelleFactory


@pytest.fixture
def network(db):
    """Eight mutuelles."""
    return [MutuelleFactory(slug=f"m{n}", short_name=f"Mutuelle {n}") for n in range(8)]


def make_subscribers(count: int, mutuelles) -> list[Subscriber]:
    return Subscriber.objects.bulk_create(
        Subscriber(
            email=f"salarie{n}@{mutuelles[n % len(mutuelles)].slug}.example",
            mutuelle=mutuelles[n % len(mutuelles)],
            imported=True,
        )
        for n in range(count)
    )


def make_edition(mutuelles, number=1) -> Edition:
    """Edition `number` covers its own month (one edition per period): 1 is October 2026."""
    month = 9 + number
    start = datetime.date(2026 + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    edition = Edition.objects.create(
        number=number,
        title=f"Lettre ESS/RSE n° {number}",
        editorial="<p>Le mot de la coordination.</p>",
        period_start=start,
        period_end=start + datetime.timedelta(days=27),
    )
    Block.objects.create(
        edition=edition,
        kind=Block.Kind.TEXT,
        title="Pour tout le réseau",
        body="<p>PARTIE-COMMUNE</p>",
    )
    for mutuelle in mutuelles:
        Block.objects.create(
            edition=edition,
            mutuelle=mutuelle,
            kind=Block.Kind.TEXT,
            title=f"Chez {mutuelle.short_name}",
            body=f"<p>LOCAL-{mutuelle.slug}-FIN</p>",
        )
    return edition


def parse(envelope) -> email.message.EmailMessage:
    return email.message_from_bytes(envelope.content, policy=email.policy.default)


@pytest.fixture
def edition(network):
    return make_edition(network)
