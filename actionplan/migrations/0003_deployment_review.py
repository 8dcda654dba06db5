import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def reviewed_when_last_updated(apps, schema_editor):
    """An action someone already updated was reviewed then; the others never were."""
    Deployment = apps.get_model("actionplan", "Deployment")
    DeploymentChange = apps.get_model("actionplan", "DeploymentChange")
    changed = DeploymentChange.objects.filter(deployment=models.OuterRef("pk"))
    Deployment.objects.filter(models.Exists(changed)).update(
        reviewed_at=models.F("updated_at"), reviewed_by=models.F("updated_by")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0002_feedback_answer"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="deployment",
            name="reviewed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="revu le"),
        ),
        migrations.AddField(
            model_name="deployment",
            name="reviewed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="revu par",
            ),
        ),
        migrations.AddField(
            model_name="deploymentchange",
            name="is_review",
            field=models.BooleanField(
                default=False, help_text="Revu sans changement.", verbose_name="rien de neuf"
            ),
        ),
        migrations.RunPython(reviewed_when_last_updated, migrations.RunPython.noop),
    ]
