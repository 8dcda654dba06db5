"""The four CSR frameworks the intranet ships with (mutuelles/data/frameworks.toml)."""

from django.db import migrations

from mutuelles.frameworks import ship


def load(apps, schema_editor):
    ship(apps.get_model("mutuelles", "Framework"), apps.get_model("mutuelles", "FrameworkEntry"))


class Migration(migrations.Migration):
    dependencies = [("mutuelles", "0002_frameworks")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
