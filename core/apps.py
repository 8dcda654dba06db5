from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle commun")

    def ready(self) -> None:
        from celery.signals import task_success

        from . import files, outbox
        from .models import Upload

        task_success.connect(
            lambda sender=None, **kwargs: outbox.mark_done(sender.request.id),
            weak=False,
            dispatch_uid="core.outbox.mark_done",
        )
        # A file sent ahead of its form is for its sender's eyes only (the form's preview).
        files.register(Upload, "file", readable=lambda user: Upload.objects.filter(owner=user))
