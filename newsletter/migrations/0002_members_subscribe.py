import secrets

from django.db import migrations


def subscribe_members(apps, schema_editor):
    """Every member already there is a subscriber, as new members are from now on."""
    User = apps.get_model("ambassadeurs", "User")
    Subscriber = apps.get_model("newsletter", "Subscriber")
    known = set(Subscriber.objects.values_list("email", flat=True))
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=user.email.lower(),
                name=f"{user.first_name} {user.last_name}".strip(),
                user=user,
                mutuelle_id=user.mutuelle_id,
                token=secrets.token_urlsafe(32),
            )
            for user in User.objects.all()
            if user.email.lower() not in known
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("ambassadeurs", "0001_initial"),
    ]

    operations = [migrations.RunPython(subscribe_members, migrations.RunPython.noop)]
