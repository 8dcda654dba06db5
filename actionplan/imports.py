"""Read the action plan adopted by the AG from a spreadsheet (XLSX or CSV), line by line.

Columns (first row, in any order, accents and case ignored): axe, code, titre, description,
pilote, échéance, portée, indicateur, cible, unité. Each line is checked here on its own;
`services.plan_import` checks it against the plan and applies all lines or none.
"""

import csv
import datetime
import io
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import Scope

COLUMNS = {
    "axe": "axis",
    "code": "code",
    "titre": "title",
    "description": "description",
    "pilote": "owner",
    "echeance": "due_on",
    "portee": "scope",
    "indicateur": "indicator",
    "cible": "target",
    "unite": "unit",
}
REQUIRED = ["axe", "code", "titre"]
SCOPES = {
    "": Scope.MUTUELLE,
    "mutuelle": Scope.MUTUELLE,
    "mutuelles": Scope.MUTUELLE,
    "chaque mutuelle": Scope.MUTUELLE,
    "deployee": Scope.MUTUELLE,
    "groupe": Scope.GROUP,
    "group": Scope.GROUP,
}
MAX_LINES = 2000


@dataclass
class ImportLine:
    number: int
    axis: int | None = None
    code: str = ""
    title: str = ""
    description: str = ""
    owner: str = ""
    due_on: datetime.date | None = None
    scope: str = Scope.MUTUELLE
    indicator: str = ""
    target: Decimal | None = None
    unit: str = ""
    errors: list[str] = field(default_factory=list)


class ImportFileError(ValueError):
    """The file as a whole cannot be read; the message is French."""


def _plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def _rows_from_csv(data: bytes) -> list[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # Excel's "CSV" on a French Windows
        except UnicodeDecodeError as error:
            raise ImportFileError(_("Ce fichier n'est pas un texte CSV lisible.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise ImportFileError(_("Ce fichier n'est pas un texte CSV lisible.")) from error


def _rows_from_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise ImportFileError(_("Ce fichier n'est pas un classeur Excel lisible.")) from error
    sheet = workbook.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_rows(name: str, data: bytes) -> list[list]:
    if data[:4] == b"PK\x03\x04":  # XLSX is a zip archive, whatever its name says
        return _rows_from_xlsx(data)
    if name.lower().endswith((".xlsx", ".xls")):
        raise ImportFileError(_("Ce fichier n'est pas un classeur Excel lisible."))
    if b"\x00" in data[:1024]:
        raise ImportFileError(_("Ce fichier n'est ni un classeur Excel (.xlsx) ni un CSV."))
    return _rows_from_csv(data)


def _date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a day
        except ValueError:
            continue
    raise ValueError(text)


def _decimal(value) -> Decimal:
    text = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    text = text.replace(",", ".").rstrip("%")
    return Decimal(text)


def parse(name: str, data: bytes) -> list[ImportLine]:
    """The lines of the file, each with its own errors (empty when the line is right)."""
    rows = [row for row in read_rows(name, data) if any(str(c or "").strip() for c in row)]
    if not rows:
        raise ImportFileError(_("Le fichier est vide."))
    header = [_plain(cell) for cell in rows[0]]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportFileError(
            _("Colonnes obligatoires absentes de la première ligne : %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    if len(rows) - 1 > MAX_LINES:
        raise ImportFileError(_("Le fichier compte plus de %(max)s lignes.") % {"max": MAX_LINES})
    index = {COLUMNS[name]: position for position, name in enumerate(header) if name in COLUMNS}
    lines = []
    for number, row in enumerate(rows[1:], start=2):
        cells = {key: row[pos] if pos < len(row) else None for key, pos in index.items()}
        lines.append(_line(number, cells))
    return lines


def _line(number: int, cells: dict) -> ImportLine:
    def text(key):
        value = cells.get(key)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip() if value is not None else ""

    line = ImportLine(number=number)
    prefix = _("Ligne %(line)s : ") % {"line": number}

    def error(message):
        line.errors.append(prefix + message)

    axis = text("axis")
    try:
        line.axis = int(_decimal(axis.split(".")[0].split(" ")[0])) if axis else None
    except (InvalidOperation, ValueError):
        error(_("l'axe « %(axis)s » n'est pas un numéro d'axe.") % {"axis": axis})
    if not axis:
        error(_("l'axe est obligatoire."))
    line.code = text("code")
    if not line.code:
        error(_("le code de l'action est obligatoire."))
    elif len(line.code) > 12:
        error(_("le code « %(code)s » dépasse 12 caractères.") % {"code": line.code})
    line.title = text("title")
    if not line.title:
        error(_("le titre est obligatoire."))
    elif len(line.title) > 250:
        error(_("le titre dépasse 250 caractères."))
    line.description, line.owner = text("description"), text("owner")[:150]
    if cells.get("due_on") not in (None, ""):
        try:
            line.due_on = _date(cells["due_on"])
        except ValueError:
            error(
                _("l'échéance « %(value)s » n'est pas une date (jj/mm/aaaa).")
                % {"value": text("due_on")}
            )
    scope = _plain(text("scope"))
    if scope in SCOPES:
        line.scope = SCOPES[scope]
    else:
        error(
            _("portée « %(value)s » inconnue : « mutuelle » ou « groupe ».")
            % {"value": text("scope")}
        )
    line.indicator, line.unit = text("indicator")[:200], text("unit")[:30]
    if line.indicator:
        try:
            line.target = _decimal(text("target"))
            if not line.target.is_finite() or abs(line.target) >= 10**10:
                raise ValueError(line.target)
        except (InvalidOperation, ValueError):
            error(
                _("la cible « %(value)s » de l'indicateur n'est pas un nombre.")
                % {"value": text("target")}
            )
    return line
