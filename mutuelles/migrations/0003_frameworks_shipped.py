"""The four CSR frameworks the intranet ships with (mutuelles/data/frameworks.toml)."""

import tomllib
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "frameworks.toml"


def load(apps, schema_editor):
    Framework = apps.get_model("mutuelles", "Framework")
    FrameworkEntry = apps.get_model("mutuelles", "FrameworkEntry")
    for position, spec in enumerate(tomllib.loads(DATA.read_text("utf-8"))["frameworks"]):
        framework, _ = Framework.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "position": position,
            },
        )
        for index, (code, label) in enumerate(spec["entries"]):
            FrameworkEntry.objects.update_or_create(
                framework=framework, code=code, defaults={"label": label, "position": index}
            )


class Migration(migrations.Migration):
    dependencies = [("mutuelles", "0002_frameworks")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
