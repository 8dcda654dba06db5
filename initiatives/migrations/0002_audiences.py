from django.db import migrations

AUDIENCES = [
    ("salaries", "Salariés"),
    ("adherents", "Adhérents"),
    ("partenaires", "Partenaires"),
    ("grand-public", "Grand public"),
]


def create(apps, schema_editor):
    Audience = apps.get_model("initiatives", "Audience")
    for position, (slug, name) in enumerate(AUDIENCES):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
