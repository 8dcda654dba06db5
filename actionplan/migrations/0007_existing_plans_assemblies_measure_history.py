"""The data of before the registry, carried forward: each plan's AG becomes an Assembly, each
measurement's value its first dated entry, each action dates from the plan's adoption, and the
indicators counted in days or hours add up across the mutuelles (the others, rates and ratios,
are averaged: the new default)."""

import datetime

from django.db import migrations

ADDED_UP = {"jours", "jour", "heures", "heure", "personnes", "€", "euros", "nombre"}


def forward(apps, schema_editor):
    ActionPlan = apps.get_model("actionplan", "ActionPlan")
    Assembly = apps.get_model("actionplan", "Assembly")
    Indicator = apps.get_model("actionplan", "Indicator")
    Measurement = apps.get_model("actionplan", "Measurement")
    MeasurementEntry = apps.get_model("actionplan", "MeasurementEntry")
    Action = apps.get_model("actionplan", "Action")
    for plan in ActionPlan.objects.all():
        adopted = datetime.datetime.combine(plan.adopted_on, datetime.time(12), datetime.UTC)
        Action.objects.filter(plan=plan).update(created_at=adopted)
    for plan in ActionPlan.objects.filter(general_assembly__isnull=True):
        assembly, _ = Assembly.objects.get_or_create(
            name=plan.assembly[:200], defaults={"held_on": plan.adopted_on}
        )
        plan.general_assembly = assembly
        plan.save(update_fields=["general_assembly"])
    for indicator in Indicator.objects.all():
        if indicator.unit.strip().lower() in ADDED_UP:
            indicator.rollup = "sum"
            indicator.save(update_fields=["rollup"])
    MeasurementEntry.objects.bulk_create(
        (
            MeasurementEntry(
                measurement_id=m.pk,
                value=m.value,
                entered_by_id=m.entered_by_id,
                entered_at=m.entered_at,
            )
            for m in Measurement.objects.all().iterator()
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [("actionplan", "0006_assemblies_resolutions_indicator_registry")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
