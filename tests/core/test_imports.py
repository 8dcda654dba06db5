"""Every spreadsheet import (the action plan, the newsletter's subscribers) reads through
core.tabular: whatever the file holds, the coordinator gets a French message naming each faulty
line, nothing is imported unless every line is right, and nothing answers 500."""

import csv
import io
import zipfile
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from actionplan.models import Action, Axis, Indicator
from newsletter.models import Subscriber
from tests.factories import PlanFactory

PLAN_HEADER = "axe;code;titre;description;pilote;échéance;portée;indicateur;cible;unité"


@pytest.fixture
def plan(db):
    plan = PlanFactory()
    Axis.objects.create(plan=plan, number=1, title="Santé")
    return plan


def _stored():
    """What either import could have written."""
    return (
        sorted(Action.objects.values_list("code", "title")),
        sorted(Indicator.objects.values_list("name", flat=True)),
        sorted(Subscriber.objects.filter(imported=True).values_list("email", "name")),
    )


def _import(client, coordinator, importer: str, name: str, data: bytes):
    client.force_login(coordinator)
    url = reverse("actionplan:import" if importer == "plan" else "newsletter:subscribers")
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def _refused(response, *messages):
    assert response.status_code == 400
    text = unescape(response.text)
    for message in messages:
        assert message in text, message


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "#2e7d32").save(buffer, format="PNG")
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A real XLSX padded with 60 MB of zeros that zip to a few dozen kilobytes."""
    buffer = io.BytesIO(_xlsx([["email"], ["a@exemple.fr"]]))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(60 * 1024 * 1024))
    return buffer.getvalue()


# Each file is built when its test runs (the bomb weighs 60 MB before it is zipped).
WHOLE_FILE_REFUSALS = {
    "a picture named .csv": (
        "liste.csv",
        _png,
        "ni un classeur Excel (.xlsx) ni un texte CSV",
    ),
    "UTF-16 without its BOM": (
        "liste.csv",
        lambda: "email;nom\nzoe@exemple.fr;Zoé\n".encode("utf-16-le"),
        "ni un classeur Excel (.xlsx) ni un texte CSV",
    ),
    "neither UTF-8 nor Windows-1252": (
        "liste.csv",
        lambda: b"email;nom\nzoe@exemple.fr;Zo\x81\x8d\n",
        "ni un classeur Excel (.xlsx) ni un texte CSV",
    ),
    "a zip that is not a workbook": (
        "plan.xlsx",
        lambda: b"PK\x03\x04" + bytes(100),
        "n'est pas un classeur Excel lisible",
    ),
    "a workbook that unzips to 60 MB": ("plan.xlsx", _zip_bomb, "une fois décompressé"),
    "too heavy": (
        "liste.csv",
        lambda: b"email\n" + b"a@exemple.fr\n" * 450_000,
        "Le fichier pèse",
    ),
    "a cell past the csv module's limit": (
        "liste.csv",
        lambda: b"email;nom\nzoe@exemple.fr;" + b"x" * 200_000 + b"\n",
        "Ligne 2 : le fichier ne se lit pas comme un CSV",
    ),
    "an unclosed quote over a long file": (
        "liste.csv",
        lambda: b'email;nom\nzoe@exemple.fr;"' + b"x" * 150_000,
        "le fichier ne se lit pas comme un CSV",
    ),
}


@pytest.mark.parametrize("importer", ["plan", "subscribers"])
@pytest.mark.parametrize("case", sorted(WHOLE_FILE_REFUSALS))
def test_unreadable_files_are_refused_in_french(client, coordinator, plan, importer, case):
    name, build, message = WHOLE_FILE_REFUSALS[case]
    before = _stored()

    response = _import(client, coordinator, importer, name, build())

    _refused(response, message)
    assert _stored() == before


@pytest.mark.parametrize("importer", ["plan", "subscribers"])
def test_too_many_lines_are_refused(client, coordinator, plan, importer, monkeypatch):
    from actionplan import imports as plan_imports
    from newsletter import imports as subscriber_imports

    monkeypatch.setattr(plan_imports, "MAX_LINES", 3)
    monkeypatch.setattr(subscriber_imports, "MAX_LINES", 3)
    lines = "".join(f"1;1.{n};Action {n}\n" for n in range(1, 5))
    data = ("axe;code;titre\n" + lines) if importer == "plan" else ("email\n" + lines)

    response = _import(client, coordinator, importer, "long.csv", data.encode())

    _refused(response, "Le fichier compte plus de 3 lignes")
    assert _stored() == ([], [], [])


def test_every_plan_column_longer_than_its_database_column_is_reported_by_line(
    client, coordinator, plan
):
    rows = [
        PLAN_HEADER,
        "1;1.1;Une action correcte;;;;;;;",
        f"1;{'1' * 13};Code trop long;;;;;;;",
        f"1;1.3;{'T' * 251};;;;;;;",
        f"1;1.4;Pilote bavard;;{'P' * 151};;;;;",
        f"1;1.5;Indicateur long;;;;;{'I' * 201};5;points",
        f"1;1.6;Unité longue;;;;;Émissions;5;{'U' * 31}",
    ]
    before = _stored()

    response = _import(client, coordinator, "plan", "plan.csv", "\n".join(rows).encode())

    _refused(
        response,
        "Ligne 3 : le code compte 13 caractères : 12 au plus.",
        "Ligne 4 : le titre compte 251 caractères : 250 au plus.",
        "Ligne 5 : le pilote compte 151 caractères : 150 au plus.",
        "Ligne 6 : l'indicateur compte 201 caractères : 200 au plus.",
        "Ligne 7 : l'unité compte 31 caractères : 30 au plus.",
    )
    assert _stored() == before  # the correct line 2 is not imported either


def test_subscriber_columns_longer_than_their_database_column_are_reported_by_line(
    client, coordinator
):
    long_address = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".fr"  # valid, 309 characters
    rows = [
        "email;nom",
        "zoe@exemple.fr;Zoé",
        f"{long_address};Long",
        f"max@exemple.fr;{'N' * 201}",
    ]

    response = _import(client, coordinator, "subscribers", "liste.csv", "\n".join(rows).encode())

    _refused(
        response,
        f"Ligne 3 : l'adresse compte {len(long_address)} caractères : 254 au plus.",
        "Ligne 4 : le nom compte 201 caractères : 200 au plus.",
    )
    assert not Subscriber.objects.filter(imported=True).exists()


@pytest.mark.parametrize("importer", ["plan", "subscribers"])
def test_control_characters_in_a_cell_are_reported_by_line(client, coordinator, plan, importer):
    if importer == "plan":
        data = f"{PLAN_HEADER}\n1;1.1;Bon titre;;;;;;;\n1;1.2;Titre\x01bip;;;;;;;\n"
    else:
        data = "email;nom\nzoe@exemple.fr;Zoé\nmax@exemple.fr;Max\x1b\n"
    before = _stored()

    response = _import(client, coordinator, importer, "fichier.csv", data.encode())

    _refused(response, "Ligne 3 :", "caractères de contrôle (invisibles) interdits")
    assert _stored() == before


@pytest.mark.parametrize("importer", ["plan", "subscribers"])
def test_line_numbers_are_the_spreadsheets_even_after_blank_lines(
    client, coordinator, plan, importer
):
    if importer == "plan":
        data = f"{PLAN_HEADER}\n1;1.1;Bon titre;;;;;;;\n\n;;;;;;;;;\n1;;Sans code;;;;;;;\n"
        message = "Ligne 5 : le code de l'action est obligatoire"
    else:
        data = "email;nom\nzoe@exemple.fr;Zoé\n\n;\npas-une-adresse;Max\n"
        message = "Ligne 5 : « pas-une-adresse » n'est pas une adresse e-mail valide"

    response = _import(client, coordinator, importer, "fichier.csv", data.encode())

    _refused(response, message)


def test_the_separator_comes_from_the_header_line_not_from_csv_sniffer(
    client, coordinator, plan, monkeypatch
):
    """csv.Sniffer takes quadratic time on long lines full of quotes: it is never called."""

    def sniff(*args, **kwargs):
        raise AssertionError("csv.Sniffer must not be used")

    monkeypatch.setattr(csv.Sniffer, "sniff", sniff)
    long_title = 'Titre ""cité"" ' * 6000
    length = len(long_title.replace('""', '"').strip())
    data = f'{PLAN_HEADER}\n1;1.1;"{long_title}";;;;;;;\n1;1.2;Court;;;;;;;\n'.encode()

    response = _import(client, coordinator, "plan", "plan.csv", data)

    _refused(response, f"Ligne 2 : le titre compte {length} caractères : 250 au plus.")
    assert not plan.actions.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("liste.csv", "email,nom\nzoe@exemple.fr,Zoé\n".encode("cp1252")),
        ("liste.csv", "email\tnom\nzoe@exemple.fr\tZoé\n".encode("utf-16")),
        ("liste.csv", "\ufeffemail;nom\nzoe@exemple.fr;Zoé\n".encode()),
        ("liste.txt", _xlsx([["email", "nom"], ["zoe@exemple.fr", "Zoé"]])),
    ],
    ids=["windows-1252 with commas", "utf-16 with tabs", "utf-8 with its BOM", "xlsx"],
)
def test_spreadsheets_as_excel_writes_them_are_read(client, coordinator, name, data):
    response = _import(client, coordinator, "subscribers", name, data)

    assert response.status_code == 302
    imported = Subscriber.objects.filter(imported=True)
    assert list(imported.values_list("email", "name")) == [("zoe@exemple.fr", "Zoé")]
