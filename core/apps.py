from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle commun")

    def ready(self) -> None:
        from celery.signals import task_success
        from django.db.backends.signals import connection_created

        from . import files, history, outbox, personal_data
        from .models import ImportRun, Upload
        from .search import backends

        history.watch_many_to_many()
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
        # Files sent ahead of a form that was never saved: their sender's, gone with them.
        personal_data.register(
            personal_data.Holder(
                name="envois",
                covers=[(Upload, "owner")],
                export=lambda member: {
                    "fichiers_envoyés_en_attente": personal_data.rows(
                        Upload.objects.filter(owner=member), "name", "kind", "size", "created_at"
                    )
                },
                files=lambda member: (
                    (f"envois/{upload.name}", upload.file)
                    for upload in Upload.objects.filter(owner=member)
                ),
                erase=lambda member, remove_content: _erase_uploads(member),
            )
        )
        history.register(
            history.Kind(
                key="import",
                name=_("Import"),
                model=ImportRun,
                source=ImportRun,
                columns={"object": "id", "at": "created_at", "by": "created_by_id"},
                fixed_type="+",
                label=str,
                changes=lambda run: [[name, None, count] for name, count in run.counts.items()],
            )
        )
        # The record of who changed what keeps who did it, by "ancien membre" once erased (the
        # member's row stays, emptied); what is personal in a recorded row is erased by the
        # app that owns it (a subscriber's address: newsletter).
        personal_data.register(
            personal_data.Holder(
                name="journal",
                covers=history.member_relations(),
                export=history.member_export,
                erase=lambda member, remove_content: None,
            )
        )


def _erase_uploads(member: Any) -> None:
    from . import personal_data
    from .models import Upload

    uploads = Upload.objects.filter(owner=member)
    personal_data.delete_files_on_commit(upload.file for upload in uploads)
    uploads.delete()
