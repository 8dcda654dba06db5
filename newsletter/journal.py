"""What the record of changes (core.history) shows of the newsletter: editions, subscribers
(an erased member's address is blanked in their rows: newsletter.personal_data)."""

from django.utils.translation import gettext_lazy as _

from core import history

from .models import Edition, Subscriber


def register() -> None:
    history.register(
        history.Kind(
            key="edition",
            name=_("Édition de la lettre"),
            model=Edition,
            label=lambda row: f"n° {row.number} · {row.title}",
            url=Edition.get_absolute_url,
        )
    )
    history.register(
        history.Kind(
            key="abonne",
            name=_("Abonné"),
            model=Subscriber,
            label=lambda row: row.email or str(_("adresse effacée")),
            mutuelle="mutuelle",
        )
    )
