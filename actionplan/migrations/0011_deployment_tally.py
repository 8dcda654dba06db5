import django.db.models.deletion
from django.db import migrations, models


def count_existing(apps, schema_editor):
    """The totals of the deployments already there (services.tally_rebuild, which a migration
    may not import: it counts as the models stand today)."""
    Deployment = apps.get_model("actionplan", "Deployment")
    DeploymentTally = apps.get_model("actionplan", "DeploymentTally")
    DeploymentTally.objects.bulk_create(
        DeploymentTally(
            plan_id=plan_id,
            axis_id=axis_id,
            mutuelle_id=mutuelle_id,
            status=status,
            count=count,
            progress=progress,
        )
        for plan_id, axis_id, mutuelle_id, status, count, progress in (
            Deployment.objects.order_by()
            .values_list("action__plan", "action__axis", "mutuelle", "status")
            .annotate(count=models.Count("pk"), progress=models.Sum("progress"))
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0010_plan_import"),
        ("mutuelles", "0003_frameworks_shipped"),
    ]

    operations = [
        migrations.CreateModel(
            name="DeploymentTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Pas commencée"),
                            ("in_progress", "En cours"),
                            ("done", "Réalisée"),
                            ("blocked", "Bloquée"),
                            ("not_applicable", "Non applicable"),
                        ],
                        max_length=20,
                    ),
                ),
                ("count", models.PositiveIntegerField()),
                ("progress", models.PositiveIntegerField()),
                (
                    "axis",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="actionplan.axis",
                    ),
                ),
                (
                    "mutuelle",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="mutuelles.mutuelle",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="actionplan.actionplan",
                    ),
                ),
            ],
        ),
        migrations.RunPython(count_existing, migrations.RunPython.noop),
    ]
