"""Subscribers imported from a CSV file: every line checked, all or nothing."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from core import history, tabular
from core.text import has_forbidden
from mutuelles.models import Mutuelle

from .models import Subscriber

EMAIL_COLUMNS = {"email", "e-mail", "courriel", "adresse e-mail", "adresse email"}
NAME_COLUMNS = {"nom", "name", "nom complet"}
MUTUELLE_COLUMNS = {"mutuelle"}
MAX_LINES = 20_000


@dataclass
class Report:
    created: int = 0
    known: int = 0
    merged: int = 0
    errors: list[str] = field(default_factory=list)


def _column(header: list[str], names: set[str]) -> int | None:
    for index, title in enumerate(header):
        if title.strip().lower() in names:
            return index
    return None


def _too_long(number: int, what, value: str, field: str) -> str | None:
    if tabular.too_long(value, Subscriber, field):
        return _("Ligne %(line)s : %(what)s compte %(length)s caractères : %(max)s au plus.") % {
            "line": number,
            "what": what,
            "length": len(value),
            "max": Subscriber._meta.get_field(field).max_length,
        }
    return None


def subscribers_import(upload, *, by=None) -> Report:
    """Create the subscribers of a CSV (or XLSX) file. Nothing is imported while one line is
    wrong; the report lists each wrong line by its number. Known addresses keep their status."""
    report = Report()
    try:
        rows = tabular.read_rows(upload, max_rows=MAX_LINES)
    except tabular.UnreadableFile as error:
        report.errors.append(str(error))
        return report
    if not rows:
        report.errors.append(_("Le fichier est vide."))
        return report
    header = [str(cell if cell is not None else "") for cell in rows[0].cells]
    email_at = _column(header, EMAIL_COLUMNS)
    if email_at is None:
        found = ", ".join(h.strip()[:40] for h in header if h.strip()) or _("aucune")
        report.errors.append(
            _("Ligne 1 : il manque la colonne « email » (colonnes trouvées : %(columns)s).")
            % {"columns": found}
        )
        return report
    name_at, mutuelle_at = _column(header, NAME_COLUMNS), _column(header, MUTUELLE_COLUMNS)
    mutuelles = {m.slug: m for m in Mutuelle.objects.all()}
    seen: dict[str, tuple] = {}
    for row in rows[1:]:
        number = row.number

        def cell(index, cells=row.cells):
            if index is None or index >= len(cells) or cells[index] is None:
                return ""
            return str(cells[index]).strip()

        email, name, slug = cell(email_at).lower(), cell(name_at), cell(mutuelle_at).lower()
        if has_forbidden(email + name + slug):
            report.errors.append(
                _("Ligne %(line)s : caractères de contrôle (invisibles) interdits.")
                % {"line": number}
            )
            continue
        too_long = _too_long(number, _("l'adresse"), email, "email") or _too_long(
            number, _("le nom"), name, "name"
        )
        if too_long:
            report.errors.append(too_long)
            continue
        try:
            validate_email(email)
        except ValidationError:
            report.errors.append(
                _("Ligne %(line)s : « %(email)s » n'est pas une adresse e-mail valide.")
                % {"line": number, "email": email[:80] or _("(vide)")}
            )
            continue
        if slug and slug not in mutuelles:
            report.errors.append(
                _("Ligne %(line)s : la mutuelle « %(slug)s » n'existe pas.")
                % {"line": number, "slug": slug[:80]}
            )
            continue
        if email in seen:
            report.merged += 1
            continue
        seen[email] = (name, mutuelles.get(slug))
    if report.errors:
        return report
    known = set(Subscriber.objects.filter(email__in=seen).values_list("email", flat=True))
    report.known = len(known)
    report.created = len(seen) - len(known)
    with transaction.atomic(), history.reason(f"import {upload.name}"):
        made = Subscriber.objects.bulk_create(
            [
                Subscriber(email=email, name=name, mutuelle=mutuelle, imported=True)
                for email, (name, mutuelle) in seen.items()
                if email not in known
            ]
        )
        history.created(made, by=by)
        history.import_recorded(
            kind="abonnés",
            file_name=upload.name,
            counts={
                "ajoutés": report.created,
                "déjà connus": report.known,
                "doublons": report.merged,
            },
            by=by,
        )
    return report
