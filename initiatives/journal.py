"""What the record of changes (core.history) shows of initiatives."""

from django.utils.translation import gettext_lazy as _

from core import history

from .models import Initiative


def register() -> None:
    history.register(
        history.Kind(
            key="initiative",
            name=_("Initiative"),
            model=Initiative,
            label=lambda row: row.title,
            url=Initiative.get_absolute_url,
            mutuelle="mutuelle",
        )
    )
