"""What the record of changes (core.history) shows of the meetings: the proposals to the plan,
accepted or refused by the coordination."""

from django.utils.translation import gettext_lazy as _

from core import history

from .models import ActionProposal


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
