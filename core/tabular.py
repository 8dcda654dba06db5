"""Spreadsheets in and out: the one reader every import uses, the one CSV/XLSX writer pair
every export uses.

Reading is bounded whatever the file holds: its weight, its number of lines and columns, the
size of an XLSX once unzipped; the separator is read from the header line (csv.Sniffer takes
quadratic time on long lines). Writing: text written by people (titles, summaries, names) is
never taken for a formula by Excel or LibreOffice: a CSV cell starting with `=`, `+`, `-`, `@`,
a tab or a carriage return gets a leading apostrophe, and XLSX cells are typed as text.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from .text import strip_forbidden
from .uploads import too_big

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Lines of cells: text (lazy translations too), numbers, dates, None for an empty cell.
Rows = Iterable[Sequence[object]]


def _value(value: object) -> object:
    """A cell as spreadsheets take it: lazy translations become text, None an empty cell, and
    characters XML cannot carry are dropped."""
    if value is None:
        return ""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        return strip_forbidden(value)
    return value


def _inert(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows: Rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")  # as French Excel opens it
    for row in rows:
        writer.writerow([_inert(_value(value)) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8 then


def xlsx_bytes(rows: Rows, title: str | Promise) -> bytes:
    return xlsx_workbook([(title, rows)])


DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


def _excel(value: object) -> object:
    """Excel has no time zones: a moment is written as the local (Paris) time it shows."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    return value


def _width(value: object) -> int:
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return len(str(value))


def xlsx_workbook(sheets: Iterable[tuple[str | Promise, Rows]]) -> bytes:
    """One workbook of several sheets, each `(title, rows)` with its header row first (bold,
    frozen): columns as wide as their content (60 at most), dates and moments as real Excel
    dates in the French order, numbers as numbers, text as text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, rows in sheets:
        values = [[_excel(_value(value)) for value in row] for row in rows]
        sheet = workbook.create_sheet(str(title)[:31])
        sheet.freeze_panes = "A2"
        widths = [_width(value) for value in values[0]] if values else []
        for row in values[1:]:
            widths = [max(pair) for pair in zip_longest(widths, map(_width, row), fillvalue=0)]
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, 60)
        for number, row in enumerate(values):
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, even when it starts with "="
                elif isinstance(value, datetime.datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(value, datetime.date):
                    cell.number_format = DATE_FORMAT
                if number == 0:
                    cell.font = bold
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def response(rows: Rows, *, fmt: str, name: str, title: str | Promise) -> HttpResponse:
    """`rows` (the first one is the header) as a dated download `name-YYYY-MM-DD.fmt`."""
    content = csv_bytes(rows) if fmt == "csv" else xlsx_bytes(rows, title)
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    return HttpResponse(
        content,
        content_type=CONTENT_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# --- Reading ---------------------------------------------------------------------------------

MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED = 20 * 1024 * 1024  # an XLSX of 5 MB may unzip to gigabytes
MAX_COLUMNS = 50
SEPARATORS = (";", ",", "\t")


class UnreadableFile(ValueError):
    """The file as a whole cannot be read; the message is French and says what to do."""


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is line 1
    cells: list[Any]  # text from a CSV; text, numbers, dates or None from an XLSX


def _not_csv() -> UnreadableFile:
    return UnreadableFile(
        _(
            "Ce fichier n'est ni un classeur Excel (.xlsx) ni un texte CSV lisible. Depuis "
            "votre tableur, enregistrez-le au format « CSV UTF-8 » ou « Classeur Excel »."
        )
    )


def _decode(data: bytes) -> str:
    """UTF-8 (with or without its BOM), UTF-16 with its BOM ("Texte Unicode" of Excel), else
    Windows-1252 as Excel writes CSV in France."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _not_csv() from error
    if b"\x00" in data:  # a binary file, or a text in an encoding we cannot tell
        raise _not_csv()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise _not_csv() from error


def separator(header_line: str) -> str:
    """The separator the header line uses most (a comma when it holds a single column)."""
    counts = {candidate: header_line.count(candidate) for candidate in SEPARATORS}
    best = max(SEPARATORS, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def _too_many_lines(max_rows: int) -> UnreadableFile:
    return UnreadableFile(
        _("Le fichier compte plus de %(max)s lignes : découpez-le.") % {"max": max_rows}
    )


def _csv_rows(data: bytes, max_rows: int) -> list[Row]:
    text = _decode(data)
    reader = csv.reader(io.StringIO(text), delimiter=separator(text.split("\n", 1)[0]))
    rows = []
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                rows.append(Row(number, cells[:MAX_COLUMNS]))
                if len(rows) > max_rows + 1:
                    raise _too_many_lines(max_rows)
    except csv.Error as error:
        raise UnreadableFile(
            _(
                "Ligne %(line)s : le fichier ne se lit pas comme un CSV (une cellule trop "
                "longue, ou un guillemet jamais refermé)."
            )
            % {"line": number + 1}
        ) from error
    return rows


def _xlsx_rows(data: bytes, max_rows: int, sheet_name: str | None = None) -> list[Row]:
    from openpyxl import load_workbook

    not_excel = UnreadableFile(_("Ce fichier n'est pas un classeur Excel lisible."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as error:
        raise not_excel from error
    if unzipped > MAX_UNZIPPED:
        raise UnreadableFile(
            _("Ce classeur occupe %(size)s une fois décompressé : %(max)s au plus.")
            % {"size": filesizeformat(unzipped), "max": filesizeformat(MAX_UNZIPPED)}
        )
    rows = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            # A workbook of several sheets (the plan's, exported) is read at the sheet named
            # for the import; any other at its first sheet.
            names = {name.casefold(): name for name in workbook.sheetnames}
            found = names.get((sheet_name or "").casefold())
            sheet = workbook[found] if found else workbook.worksheets[0]
            lines = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            for number, cells in enumerate(lines, start=1):
                if any(str(cell if cell is not None else "").strip() for cell in cells):
                    rows.append(Row(number, list(cells)))
                    if len(rows) > max_rows + 1:
                        raise _too_many_lines(max_rows)
        finally:
            workbook.close()
    except UnreadableFile:
        raise
    except Exception as error:
        # openpyxl raises whatever its XML parser or zip reader met: all mean the same here.
        raise not_excel from error
    return rows


def read_rows(upload: UploadedFile, *, max_rows: int, sheet: str | None = None) -> list[Row]:
    """The non-empty rows of an uploaded XLSX or CSV file (told apart by content, not name),
    the header first, each with its line number; UnreadableFile when the file is too heavy,
    not a spreadsheet, or longer than `max_rows` lines under its header. `sheet`: the sheet
    of a workbook to read when it has one of that name (case ignored), else its first."""
    if error := too_big(upload, MAX_BYTES):
        raise UnreadableFile(error)
    upload.seek(0)
    data = upload.read()
    if data[:4] == b"PK\x03\x04":  # XLSX is a zip archive, whatever its name says
        return _xlsx_rows(data, max_rows, sheet)
    if (upload.name or "").lower().endswith((".xlsx", ".xls")):
        raise UnreadableFile(_("Ce fichier n'est pas un classeur Excel lisible."))
    return _csv_rows(data, max_rows)


def too_long(value: str, model: type[models.Model], field: str) -> bool:
    """Whether `value` would not fit in the column of `model.field`."""
    column = model._meta.get_field(field)
    max_length = column.max_length if isinstance(column, models.Field) else None
    return max_length is not None and len(value) > max_length
