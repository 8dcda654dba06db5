"""Subscribers imported from a CSV file: every line checked, all or nothing."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from mutuelles.models import Mutuelle

from .models import Subscriber

EMAIL_COLUMNS = {"email", "e-mail", "courriel", "adresse e-mail", "adresse email"}
NAME_COLUMNS = {"nom", "name", "nom complet"}
MUTUELLE_COLUMNS = {"mutuelle"}


@dataclass
class Report:
    created: int = 0
    known: int = 0
    merged: int = 0
    errors: list[str] = field(default_factory=list)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without its BOM), else Windows-1252, as Excel writes it in France."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _column(header: list[str], names: set[str]) -> int | None:
    for index, title in enumerate(header):
        if title.strip().lower() in names:
            return index
    return None


def subscribers_import(data: bytes) -> Report:
    """Create the subscribers of a CSV file. Nothing is imported while one line is wrong; the
    report lists each wrong line by its number. Known addresses keep their status."""
    report = Report()
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        report.errors.append(_("Le fichier est vide."))
        return report
    header = rows[0]
    email_at = _column(header, EMAIL_COLUMNS)
    if email_at is None:
        report.errors.append(
            _("Ligne 1 : il manque la colonne « email » (colonnes trouvées : %(columns)s).")
            % {"columns": ", ".join(h.strip() for h in header if h.strip()) or _("aucune")}
        )
        return report
    name_at, mutuelle_at = _column(header, NAME_COLUMNS), _column(header, MUTUELLE_COLUMNS)
    mutuelles = {m.slug: m for m in Mutuelle.objects.all()}
    seen: dict[str, tuple] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(index, row=row):
            return row[index].strip() if index is not None and index < len(row) else ""

        email = cell(email_at).lower()
        try:
            validate_email(email)
        except ValidationError:
            report.errors.append(
                _("Ligne %(line)s : « %(email)s » n'est pas une adresse e-mail valide.")
                % {"line": number, "email": email or _("(vide)")}
            )
            continue
        slug = cell(mutuelle_at).lower()
        if slug and slug not in mutuelles:
            report.errors.append(
                _("Ligne %(line)s : la mutuelle « %(slug)s » n'existe pas.")
                % {"line": number, "slug": slug}
            )
            continue
        if email in seen:
            report.merged += 1
            continue
        seen[email] = (cell(name_at), mutuelles.get(slug))
    if report.errors:
        return report
    known = set(Subscriber.objects.filter(email__in=seen).values_list("email", flat=True))
    report.known = len(known)
    with transaction.atomic():
        Subscriber.objects.bulk_create(
            [
                Subscriber(email=email, name=name, mutuelle=mutuelle, imported=True)
                for email, (name, mutuelle) in seen.items()
                if email not in known
            ]
        )
    report.created = len(seen) - len(known)
    return report
