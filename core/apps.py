from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle commun")

    def ready(self) -> None:
        from celery.signals import task_success

        from . import outbox

        task_success.connect(
            lambda sender=None, **kwargs: outbox.mark_done(sender.request.id),
            weak=False,
            dispatch_uid="core.outbox.mark_done",
        )
