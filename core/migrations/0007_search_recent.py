from django.db import migrations

# A search reads the matches most recent first and stops after the ones it counts
# (`core.search.query.LOOKED_AT`): PostgreSQL walks this index for a common word, rather than
# reading and sorting its 20,000 matches. SQLite (`make run`) has no goal of speed and no
# NULLS LAST in its indexes.


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX search_recent ON core_searchentry (date DESC NULLS LAST, id DESC)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_recent")


class Migration(migrations.Migration):
    dependencies = [("core", "0006_import_run")]

    operations = [migrations.RunPython(create, drop)]
