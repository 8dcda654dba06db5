"""What the record of changes (core.history) shows of guides."""

from django.utils.translation import gettext_lazy as _

from core import history

from .models import Guide


def register() -> None:
    history.register(
        history.Kind(
            key="guide",
            name=_("Guide"),
            model=Guide,
            label=lambda row: row.title,
            url=Guide.get_absolute_url,
        )
    )
