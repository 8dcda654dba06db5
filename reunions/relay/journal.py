"""What the record of changes (core.history) shows of the relay kits: the local parts and the
relay sessions, each under its mutuelle."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import history

from ..models import RelayLocalPart, RelaySession


def _url(obj) -> str:
    if obj.edition_id:
        return reverse("reunions:relay_edition", args=[obj.edition.number])
    return reverse("reunions:relay_guide", args=[obj.guide.slug])


def register() -> None:
    history.register(
        history.Kind(
            key="kit_relais",
            name=_("Partie locale d'un kit de relais"),
            model=RelayLocalPart,
            label=lambda row: str(row.title or _("Partie locale")),
            url=_url,
            mutuelle="mutuelle",
        )
    )
    history.register(
        history.Kind(
            key="seance_relais",
            name=_("Séance de relais"),
            model=RelaySession,
            label=lambda row: str(_("Séance du %(date)s") % {"date": row.held_on}),
            url=_url,
            mutuelle="mutuelle",
        )
    )
