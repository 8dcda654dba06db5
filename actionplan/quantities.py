"""A value typed with or without its unit ("85", "85,5 %", "4 tCO2e"): read in French, checked
against the unit of the indicator it belongs to (a target in another unit is refused)."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

LIMIT = Decimal(10) ** 10  # the columns hold 12 digits, 2 after the point
NUMBER = re.compile(r"^\s*([-+]?[\d\s\u202f\xa0.,]*\d)\s*(.*?)\s*$")


def _unit_key(unit: str) -> str:
    text = unicodedata.normalize("NFKC", unit).casefold()
    return "".join(text.split()).rstrip(".")


def same_unit(a: str, b: str) -> bool:
    return _unit_key(a) == _unit_key(b)


def parse(text: str, unit: str) -> Decimal:
    """The number in `text`; a French ValidationError when it is none, when it carries a unit
    other than `unit`, or when a percentage leaves 0-100."""
    match = NUMBER.match(str(text))
    if not match:
        raise ValidationError(_("« %(value)s » n'est pas un nombre.") % {"value": str(text)[:40]})
    digits, written_unit = match.groups()
    digits = "".join(digits.split()).replace("\u202f", "").replace("\xa0", "")
    if "," in digits:
        digits = digits.replace(".", "").replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        raise ValidationError(
            _("« %(value)s » n'est pas un nombre.") % {"value": str(text)[:40]}
        ) from None
    if not value.is_finite() or abs(value) >= LIMIT:
        raise ValidationError(_("« %(value)s » est hors limites.") % {"value": str(text)[:40]})
    if written_unit and not same_unit(written_unit, unit):
        if unit:
            raise ValidationError(
                _("« %(value)s » est en « %(written)s » : l'indicateur se mesure en « %(unit)s ».")
                % {"value": str(text)[:40], "written": written_unit[:20], "unit": unit}
            )
        raise ValidationError(
            _("« %(value)s » porte l'unité « %(written)s » : l'indicateur n'en a pas.")
            % {"value": str(text)[:40], "written": written_unit[:20]}
        )
    if _unit_key(unit) == "%" and not 0 <= value <= 100:
        raise ValidationError(
            _("Un pourcentage va de 0 à 100 (ici %(value)s).") % {"value": str(text)[:40]}
        )
    return value.quantize(Decimal("0.01"))


def text(value) -> str:
    """A stored value as a French reads and types it: 85, 4,5, 88,25 (no trailing zeros)."""
    if value in (None, ""):
        return ""
    if isinstance(value, Decimal):
        whole = value == value.to_integral()
        return number_format(value.quantize(Decimal(1)) if whole else value.normalize())
    return str(value)
