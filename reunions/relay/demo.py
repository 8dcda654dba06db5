"""The demo's relay kit (reunions/demo/relay.toml): the local parts two mutuelles added to the
last sent edition's kit, and a session one of them held, recorded through the service (so it
is a field feedback of the plan too). Idempotent: a mutuelle's session is recorded once."""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from ambassadeurs.models import Role, User
from mutuelles.models import Mutuelle, Theme
from newsletter.models import Edition

from ..models import RelaySession
from . import services

DATA = tomllib.loads((Path(__file__).parents[1] / "demo" / "relay.toml").read_text())


def _ambassador(mutuelle: Mutuelle) -> User | None:
    return User.objects.active().filter(role=Role.AMBASSADOR, mutuelle=mutuelle).first()


def seed() -> int:
    edition = Edition.objects.filter(status=Edition.Status.SENT).order_by("-number").first()
    if edition is None:
        return 0
    mutuelles = {m.slug: m for m in Mutuelle.objects.all()}
    made = 0
    for part in DATA["local_parts"]:
        mutuelle = mutuelles.get(part["mutuelle"])
        by = _ambassador(mutuelle) if mutuelle else None
        if by is None:
            continue
        services.local_part_save(
            by=by, source=edition, mutuelle=mutuelle, title=part["title"], text=part["text"]
        )
    for session in DATA["sessions"]:
        mutuelle = mutuelles.get(session["mutuelle"])
        by = _ambassador(mutuelle) if mutuelle else None
        if by is None or RelaySession.objects.of(edition).filter(mutuelle=mutuelle).exists():
            continue
        services.session_record(
            by=by,
            source=edition,
            mutuelle=mutuelle,
            held_on=timezone.localdate() - datetime.timedelta(days=session["days_ago"]),
            attendance=session["attendance"],
            reactions=session["reactions"].strip(),
            questions=session["questions"].strip(),
            sentiment=session["sentiment"],
            theme=Theme.objects.filter(slug=session["theme"]).first(),
        )
        made += 1
    return made
