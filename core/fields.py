"""Model fields every app uses."""

from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from .richtext import sanitize


class RichTextField(models.TextField):
    """HTML written by members, sanitised (core.richtext) on its way into the database, whatever
    saves it: a form, a service, the admin, the demo data. Querysets' `update()` skips it:
    the services that use one sanitise before."""

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value


def sanitize_stored(app_label: str, model_name: str, field: str) -> migrations.RunPython:
    """The migration step that sanitises the rows stored before `field` became a
    RichTextField (the admin wrote them as typed)."""

    def forward(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        model = apps.get_model(app_label, model_name)
        changed = []
        for row in model.objects.only("pk", field).iterator(chunk_size=500):
            clean = sanitize(getattr(row, field))
            if clean != getattr(row, field):
                setattr(row, field, clean)
                changed.append(row)
        model.objects.bulk_update(changed, [field], batch_size=500)

    return migrations.RunPython(forward, migrations.RunPython.noop)
