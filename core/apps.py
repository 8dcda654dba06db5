from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle commun")

    def ready(self) -> None:
        from celery.signals import task_success
        from django.db.backends.signals import connection_created

        from . import files, outbox
        from .models import Upload
        from .search import backends

        task_success.connect(
            lambda sender=None, **kwargs: outbox.mark_done(sender.request.id),
            weak=False,
            dispatch_uid="core.outbox.mark_done",
        )
        # A file sent ahead of its form is for its sender's eyes only (the form's preview).
        files.register(Upload, "file", readable=lambda user: Upload.objects.filter(owner=user))
        connection_created.connect(
            backends.connection_created, weak=False, dispatch_uid="core.search.sqlite"
        )
