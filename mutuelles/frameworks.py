"""The CSR frameworks the intranet ships with (data/frameworks.toml): created where missing,
never overwriting what the coordination has edited since."""

import tomllib
from pathlib import Path

from django.db import models

DATA = Path(__file__).resolve().parent / "data" / "frameworks.toml"


def ship(framework_model: type[models.Model], entry_model: type[models.Model]) -> None:
    """Create the shipped frameworks and entries that do not exist. Takes the models so that a
    migration can pass its historical ones."""
    for position, spec in enumerate(tomllib.loads(DATA.read_text("utf-8"))["frameworks"]):
        framework, _ = framework_model._default_manager.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "position": position,
            },
        )
        for index, (code, label) in enumerate(spec["entries"]):
            entry_model._default_manager.get_or_create(
                framework=framework, code=code, defaults={"label": label, "position": index}
            )
