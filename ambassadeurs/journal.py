"""What the record of changes (core.history) shows of members: their access."""

from django.utils.translation import gettext_lazy as _

from core import history

from .models import User


def _label(row) -> str:
    member = row._members.get(row.id)
    return str(member) if member is not None else _("membre n° %(id)s") % {"id": row.id}


def register() -> None:
    history.register(
        history.Kind(
            key="membre",
            name=_("Accès d'un membre"),
            model=User,
            label=_label,
            url=User.get_absolute_url,
            mutuelle="mutuelle",
            members_named=True,
        )
    )
