"""Fictional reference data for the demo: eight mutuelles and the group's shared themes."""

import tomllib
from importlib import resources

from core import revisions

from . import frameworks
from .models import Framework, FrameworkEntry, Mutuelle, Theme

DATA = tomllib.loads((resources.files(__package__) / "demo" / "reference.toml").read_text("utf-8"))
MUTUELLES = DATA["mutuelles"]


def seed(*, extra: int = 0) -> dict[str, Mutuelle]:
    """The themes and the eight demo mutuelles, plus `extra` numbered ones for benchmarks."""
    frameworks.ship(Framework, FrameworkEntry)  # a flushed database has lost them
    for position, theme in enumerate(DATA["themes"]):
        Theme.objects.update_or_create(slug=theme["slug"], defaults={**theme, "position": position})
    generated = [
        {
            "slug": f"mutuelle-{n:03d}",
            "name": f"Mutuelle d'essai n° {n}",
            "short_name": f"Essai {n}",
            "region": "France",
            "headcount": 200 + n,
            "colour": MUTUELLES[n % len(MUTUELLES)]["colour"],
        }
        for n in range(1, extra + 1)
    ]
    mutuelles = {}
    for fields in MUTUELLES + generated:
        mutuelles[fields["slug"]], _ = Mutuelle.objects.update_or_create(
            slug=fields["slug"], defaults={**fields, "is_active": True}
        )
    revisions.bump("mutuelles")
    return mutuelles


def theme_frameworks() -> dict[str, list[FrameworkEntry]]:
    """The framework entries each demo theme serves, by theme slug."""
    entries = {entry.code: entry for entry in FrameworkEntry.objects.all()}
    return {
        slug: [entries[code] for code in codes if code in entries]
        for slug, codes in DATA["theme_frameworks"].items()
    }
