"""Pickers a non-technical person can use for a choice of several: type to filter (accents and
case ignored), chosen items shown as chips removable by mouse, touch or keyboard. Tom Select
(vendored in static/vendor/) turns the plain `<select multiple>` into one; without JavaScript the
select works as it is."""

from django import forms
from django.utils.translation import gettext_lazy as _

TOM_SELECT = "vendor/tom-select-2.6.2/"


class Picker(forms.SelectMultiple):
    def __init__(self, attrs: dict[str, str] | None = None, placeholder: str | None = None) -> None:
        super().__init__(
            {
                "data-picker": "",
                "data-placeholder": placeholder or _("Tapez pour filtrer…"),
                "data-picker-empty": _("Aucun résultat"),
                "data-picker-remove": _("Retirer"),
                **(attrs or {}),
            }
        )

    class Media:
        css = {"all": [f"{TOM_SELECT}tom-select.default.min.css"]}
        js = [
            forms.Script(f"{TOM_SELECT}tom-select.complete.min.js", defer=True),
            forms.Script("js/picker.js", defer=True),
        ]
