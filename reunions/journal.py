"""What the record of changes (core.history) shows of the meetings' app: the groups' files
(added, a new version, deleted, with who did it)."""

from django.utils.translation import gettext_lazy as _

from core import history

from .models import GroupFile


def register() -> None:
    history.register(
        history.Kind(
            key="fichier_groupe",
            name=_("Fichier de groupe"),
            model=GroupFile,
            label=lambda row: row.title,
            url=GroupFile.get_absolute_url,
        )
    )
