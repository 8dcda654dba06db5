from django.db import migrations

# GIN's "fast update" keeps new entries in a pending list that every search reads through
# until a vacuum merges it: after a rebuild of 20,000 entries a rare word took 120 ms instead
# of 0.1 ms. The index is written a few entries at a time (each change commits its own), so
# writing it directly costs little and every search finds it merged.
INDEXES = ("search_vector", "search_title_trigrams")


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"ALTER INDEX {name} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{name}'::regclass)")


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"ALTER INDEX {name} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("core", "0004_search_themes_json")]

    operations = [migrations.RunPython(without_pending_list, with_pending_list)]
