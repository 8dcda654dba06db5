import datetime

from django.utils.translation import gettext as _


def quarter_start(day: datetime.date) -> datetime.date:
    """Measurements are kept per quarter, named by its first day."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period_start(day: datetime.date, period: str) -> datetime.date:
    """The first day of the quarter or of the year (`models.Period`) holding `day`."""
    return datetime.date(day.year, 1, 1) if period == "year" else quarter_start(day)


def period_label(period: datetime.date, kind: str) -> str:
    """How a period of measure is named: 2026 for a year, T3 2026 for a quarter."""
    if kind == "year":
        return str(period.year)
    return _("T%(quarter)s %(year)s") % {
        "quarter": (period.month - 1) // 3 + 1,
        "year": period.year,
    }
