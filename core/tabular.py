"""Spreadsheets: the one CSV/XLSX writer pair every export uses.

Text written by people (titles, summaries, names) is never taken for a formula by Excel or
LibreOffice: a CSV cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
leading apostrophe, and XLSX cells are typed as text.
"""

import csv
import io
from itertools import zip_longest

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise

from .text import strip_forbidden

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _value(value):
    """A cell as spreadsheets take it: lazy translations become text, None an empty cell, and
    characters XML cannot carry are dropped."""
    if value is None:
        return ""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return strip_forbidden(value)
    return value


def _inert(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # as French Excel opens it
    for row in rows:
        writer.writerow([_inert(_value(value)) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8 then


def xlsx_bytes(rows, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    rows = [[_value(value) for value in row] for row in rows]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(title)[:31])
    sheet.freeze_panes = "A2"
    widths = [len(str(value)) for value in rows[0]] if rows else []
    for row in rows[1:]:
        widths = [max(pair) for pair in zip_longest(widths, map(len, map(str, row)), fillvalue=0)]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
    bold = Font(bold=True)
    for number, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "="
            if number == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def response(rows, *, fmt: str, name: str, title: str) -> HttpResponse:
    """`rows` (the first one is the header) as a dated download `name-YYYY-MM-DD.fmt`."""
    content = csv_bytes(rows) if fmt == "csv" else xlsx_bytes(rows, title)
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    return HttpResponse(
        content,
        content_type=CONTENT_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
