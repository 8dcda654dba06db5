import django.db.models.deletion
from django.db import migrations, models
from django.db.models.functions import TruncMonth


def sum_the_history(apps, schema_editor):
    """The monthly sums of what is already in the history (services.progress_rebuild, which a
    migration cannot import)."""
    DeploymentChange = apps.get_model("actionplan", "DeploymentChange")
    ProgressMonth = apps.get_model("actionplan", "ProgressMonth")
    sums = (
        DeploymentChange.objects.exclude(deployment__status="not_applicable")
        .annotate(month=TruncMonth("changed_at", output_field=models.DateField()))
        .order_by()
        .values_list("deployment__action__plan", "deployment__mutuelle", "month")
        .annotate(moved=models.Sum(models.F("progress") - models.F("progress_before")))
    )
    ProgressMonth.objects.bulk_create(
        ProgressMonth(plan_id=plan_id, mutuelle_id=mutuelle_id, month=month, moved=moved)
        for plan_id, mutuelle_id, month, moved in sums
        if moved
    )


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0003_deployment_review"),
        ("mutuelles", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProgressMonth",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.DateField()),
                ("moved", models.IntegerField(default=0)),
                ("mutuelle", models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="mutuelles.mutuelle")),
                ("plan", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="actionplan.actionplan")),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(condition=models.Q(("mutuelle__isnull", False)), fields=("plan", "mutuelle", "month"), name="progress_month_unique"),
                    models.UniqueConstraint(condition=models.Q(("mutuelle__isnull", True)), fields=("plan", "month"), name="progress_month_group_unique"),
                ],
            },
        ),
        migrations.RunPython(sum_the_history, migrations.RunPython.noop),
    ]
