import datetime


def quarter_start(day: datetime.date) -> datetime.date:
    """Measurements are kept per quarter, named by its first day."""
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
