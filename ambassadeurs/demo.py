"""Demo members and working groups; every account has the password `solimut-demo`."""

import functools
import tomllib
from importlib import resources

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from core import revisions
from mutuelles.models import Mutuelle, Theme

from .models import Role, User, WorkingGroup

PASSWORD = "solimut-demo"  # noqa: S105 - the documented password of the demo accounts
DOMAIN = "solimut-demo.example"

PEOPLE = tomllib.loads((resources.files(__package__) / "demo" / "people.toml").read_text("utf-8"))


@functools.cache
def _hashed_password() -> str:
    return make_password(PASSWORD)  # hashed once: hashing is slow on purpose


def _member(email, first_name, last_name, job_title, role, mutuelle, **extra) -> User:
    user, created = User.objects.update_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "job_title": job_title,
            "role": role,
            "mutuelle": mutuelle,
            "is_active": True,
            **extra,
        },
    )
    if created:
        user.password = _hashed_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(mutuelles: dict[str, Mutuelle]) -> list[tuple[str, str]]:
    """Create the demo people; return the demo accounts as (e-mail, what it shows)."""
    accounts = []
    coordinators = [
        _member(
            f"{person['local']}@{DOMAIN}",
            person["first_name"],
            person["last_name"],
            person["job_title"],
            Role.COORDINATOR,
            None,
        )
        for person in PEOPLE["coordinators"]
    ]
    accounts.append((coordinators[0].email, "coordinatrice du groupe"))
    admin = _member(
        f"admin@{DOMAIN}",
        "Alex",
        "Admin",
        "Administrateur de l'intranet",
        Role.COORDINATOR,
        None,
        is_staff=True,
        is_superuser=True,
    )
    accounts.append((admin.email, "administrateur (accès à /admin/)"))

    ambassadors, colleagues = [], []
    first_names, last_names = PEOPLE["first_names"], PEOPLE["last_names"]
    job_titles = PEOPLE["job_titles"]
    for index, (slug, mutuelle) in enumerate(sorted(mutuelles.items())):
        person = PEOPLE["ambassadors"][index % len(PEOPLE["ambassadors"])]
        ambassadors.append(
            _member(
                f"ambassadeur@{slug}.{DOMAIN}",
                person["first_name"],
                person["last_name"],
                f"{person['job_title']}, ambassadeur·rice ESS/RSE",
                Role.AMBASSADOR,
                mutuelle,
            )
        )
        for offset in range(3):
            n = index * 3 + offset
            first = first_names[n % len(first_names)]
            last = last_names[(n * 7) % len(last_names)]
            title = job_titles[n % len(job_titles)]
            local = "salarie" if offset == 0 else f"{slugify(first)}.{slugify(last)}"
            colleagues.append(
                _member(f"{local}@{slug}.{DOMAIN}", first, last, title, Role.READER, mutuelle)
            )
        accounts.append((ambassadors[-1].email, f"ambassadeur·rice, {mutuelle.short_name}"))
        accounts.append((f"salarie@{slug}.{DOMAIN}", f"salarié·e, {mutuelle.short_name}"))

    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for index, fields in enumerate(PEOPLE["working_groups"]):
        group, _ = WorkingGroup.objects.update_or_create(
            slug=fields["slug"],
            defaults={
                "name": fields["name"],
                "theme": themes[fields["theme"]],
                "description": fields["description"],
                "lead": ambassadors[index % len(ambassadors)],
            },
        )
        members = ambassadors[index::2] + colleagues[index::7] + coordinators[:1]
        group.members.set(members)
    revisions.bump("ambassadeurs")
    return accounts
