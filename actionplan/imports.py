"""Read the action plan adopted by the AG from a spreadsheet (XLSX or CSV), line by line.

Columns (first row, in any order, accents and case ignored): axe, code, titre, description,
pilote, échéance, portée, indicateur, cible, unité, résolution (the numbers of the AG's
resolutions the action carries out, separated by commas: "3, 5 bis"). Each line is checked
here on its own; `services.plan_import` checks it against the plan and applies all lines or
none.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import tabular
from core.text import has_forbidden

from . import quantities
from .models import Action, Deployment, Indicator, Scope, Status

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
    "resolution": "resolutions",
    "resolutions": "resolutions",
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
# The sheet read in a workbook of several (the plan's, `workbook.write`); any other workbook is
# read at its first sheet.
SHEET = "Actions"


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
    # The numbers of the resolutions; None when the file has no such column (left as they are).
    resolutions: list[str] | None = None
    errors: list[str] = field(default_factory=list)


ImportFileError = tabular.UnreadableFile


def _plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def plain(text) -> str:
    """`text` without accents, case or extra spaces: how names are compared."""
    return _plain(text)


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


def parse(upload) -> list[ImportLine]:
    """The lines of the uploaded file, each with its own errors (empty when the line is
    right); ImportFileError when the file as a whole cannot be read."""
    rows = tabular.read_rows(upload, max_rows=MAX_LINES, sheet=SHEET)
    if not rows:
        raise ImportFileError(_("Le fichier est vide."))
    header = [_plain(cell) for cell in rows[0].cells]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportFileError(
            _("Colonnes obligatoires absentes de la première ligne : %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    index = {COLUMNS[name]: position for position, name in enumerate(header) if name in COLUMNS}
    lines = []
    for row in rows[1:]:
        cells = {
            key: row.cells[pos] if pos < len(row.cells) else None for key, pos in index.items()
        }
        line = _line(row.number, cells)
        if "resolutions" in index:
            line.resolutions = resolution_numbers(cells["resolutions"])
        lines.append(line)
    return lines


RESOLUTION_PREFIX = re.compile(r"^(?:r[ée]solution|r[ée]s\.?|n°|no\.?|r(?=\d))\s*", re.IGNORECASE)


def resolution_numbers(value) -> list[str]:
    """ "3, 5 bis", "R3 ; R4", "Résolution 2": the numbers as the AG's minutes write them."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    numbers = []
    for part in re.split(r"[,;/\n]", str(value or "")):
        part = " ".join(part.split())
        while (stripped := RESOLUTION_PREFIX.sub("", part)) != part:
            part = stripped
        if part:
            numbers.append(part)
    return numbers


# Where each text column goes: its length is checked against that database column.
STORED_IN = {
    "code": (Action, "code"),
    "title": (Action, "title"),
    "owner": (Action, "owner"),
    "indicator": (Indicator, "name"),
    "unit": (Indicator, "unit"),
}
LABELS = {
    "code": gettext_lazy("le code"),
    "title": gettext_lazy("le titre"),
    "description": gettext_lazy("la description"),
    "owner": gettext_lazy("le pilote"),
    "indicator": gettext_lazy("l'indicateur"),
    "unit": gettext_lazy("l'unité"),
}


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

    for key, label in LABELS.items():
        value = text(key)
        if has_forbidden(value):
            error(
                _("%(column)s contient des caractères de contrôle (invisibles) interdits.")
                % {"column": label}
            )
        if key in STORED_IN and tabular.too_long(value, *STORED_IN[key]):
            model, field = STORED_IN[key]
            error(
                _("%(column)s compte %(length)s caractères : %(max)s au plus.")
                % {
                    "column": label,
                    "length": len(value),
                    "max": model._meta.get_field(field).max_length,
                }
            )

    axis = text("axis")
    try:
        line.axis = int(_decimal(axis.split(".")[0].split(" ")[0])) if axis else None
    except (InvalidOperation, ValueError):
        error(_("l'axe « %(axis)s » n'est pas un numéro d'axe.") % {"axis": axis[:40]})
    if not axis:
        error(_("l'axe est obligatoire."))
    line.code = text("code")
    if not line.code:
        error(_("le code de l'action est obligatoire."))
    line.title = text("title")
    if not line.title:
        error(_("le titre est obligatoire."))
    line.description, line.owner = text("description"), text("owner")
    if cells.get("due_on") not in (None, ""):
        try:
            line.due_on = _date(cells["due_on"])
        except ValueError:
            error(
                _("l'échéance « %(value)s » n'est pas une date (jj/mm/aaaa).")
                % {"value": text("due_on")[:40]}
            )
    scope = _plain(text("scope"))
    if scope in SCOPES:
        line.scope = SCOPES[scope]
    else:
        error(
            _("portée « %(value)s » inconnue : « mutuelle » ou « groupe ».")
            % {"value": text("scope")[:40]}
        )
    line.indicator, line.unit = text("indicator"), text("unit")
    if line.indicator:
        try:
            line.target = quantities.parse(text("target"), line.unit)
        except ValidationError as fault:
            error(_("cible de l'indicateur : %(error)s") % {"error": fault.messages[0]})
    return line


# --- The "Déploiements" sheet of the plan's workbook (`workbook.write`) ----------------------

DEPLOYMENTS_SHEET = "Déploiements"
DEPLOYMENT_COLUMNS = {
    "code": "code",
    "mutuelle": "mutuelle",
    "etat": "status",
    "avancement (%)": "progress",
    "avancement": "progress",
    "demarche locale": "local_approach",
    "prochaine etape": "next_step",
}


@dataclass
class DeploymentLine:
    number: int
    code: str = ""
    mutuelle: str = ""
    status: str = ""
    progress: int | None = None
    local_approach: str = ""
    next_step: str = ""
    errors: list[str] = field(default_factory=list)


def _statuses() -> dict[str, str]:
    """A state as the sheet writes it (French), as the interface's language writes it, or
    its code: the state's code."""
    from django.utils import translation

    known = {}
    for language in ("fr", translation.get_language() or "fr"):
        with translation.override(language):
            known.update({_plain(label): value for value, label in Status.choices})
    known.update({value: value for value in Status.values})
    return known


def parse_deployments(upload) -> list[DeploymentLine]:
    """The lines of the workbook's "Déploiements" sheet, each with its own errors; none when
    the file has no such sheet (a CSV, the AG's own spreadsheet)."""
    rows = tabular.read_rows(upload, max_rows=MAX_LINES * 60, sheet=DEPLOYMENTS_SHEET)
    if not rows:
        return []
    header = [_plain(cell) for cell in rows[0].cells]
    if not {"code", "mutuelle", "etat"} <= set(header):
        return []  # the first sheet, read for want of a "Déploiements" one
    index = {
        DEPLOYMENT_COLUMNS[name]: position
        for position, name in enumerate(header)
        if name in DEPLOYMENT_COLUMNS
    }
    statuses = _statuses()
    lines = []
    for row in rows[1:]:

        def text(key, row=row):
            position = index.get(key)
            value = (
                row.cells[position] if position is not None and position < len(row.cells) else None
            )
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            return str(value).strip() if value is not None else ""

        line = DeploymentLine(number=row.number)
        prefix = _("Déploiements, ligne %(line)s : ") % {"line": row.number}
        line.code, line.mutuelle = text("code"), text("mutuelle")
        line.local_approach, line.next_step = text("local_approach"), text("next_step")
        for value in (line.local_approach, line.next_step):
            if has_forbidden(value):
                line.errors.append(prefix + _("caractères de contrôle (invisibles) interdits."))
        if tabular.too_long(line.next_step, Deployment, "next_step"):
            line.errors.append(
                prefix
                + _("la prochaine étape compte %(length)s caractères : 250 au plus.")
                % {"length": len(line.next_step)}
            )
        status = _plain(text("status"))
        if status in statuses:
            line.status = statuses[status]
        else:
            line.errors.append(
                prefix
                + _("état « %(value)s » inconnu (%(known)s).")
                % {"value": text("status")[:40], "known": ", ".join(str(s.label) for s in Status)}
            )
        progress = text("progress").rstrip("%").strip()
        try:
            line.progress = int(_decimal(progress)) if progress else None
        except (InvalidOperation, ValueError):
            line.errors.append(
                prefix
                + _("l'avancement « %(value)s » n'est pas un nombre de 0 à 100.")
                % {"value": progress[:40]}
            )
        if line.progress is not None and not 0 <= line.progress <= 100:
            line.errors.append(prefix + _("l'avancement est un pourcentage entre 0 et 100."))
        lines.append(line)
    return lines
