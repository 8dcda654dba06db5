"""What the record of changes (core.history) shows of the meetings' app: the proposals to the
plan, accepted or refused by the coordination; the groups' files (added, a new version,
deleted, with who did it)."""

from django.utils.translation import gettext_lazy as _

from core import history

from .models import ActionProposal, GroupFile


def register() -> None:
    history.register(
        history.Kind(
            key="proposition",
            name=_("Proposition d'action d'un groupe de travail"),
            model=ActionProposal,
            label=lambda row: row.title or _("Proposition n° %(pk)s") % {"pk": row.id},
            url=ActionProposal.get_absolute_url,
        )
    )
    history.register(
        history.Kind(
            key="fichier_groupe",
            name=_("Fichier de groupe"),
            model=GroupFile,
            label=lambda row: row.title,
            url=GroupFile.get_absolute_url,
        )
    )
