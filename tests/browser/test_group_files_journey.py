"""A working group's files in a real browser: a member adds the meeting's agenda from the
group's page (a program named like a PDF refused first, with the file's progress shown while
it goes), gives a second version, the lead deletes it after confirming; axe-core on the group's
page and the file's page, at 1280 and 375 px."""

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ambassadeurs.models import Role
from reunions import services
from reunions.models import GroupFile
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, UserFactory, WorkingGroupFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def people(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    lead = UserFactory(
        email="ambassadeur@armor.example",
        first_name="Gaëlle",
        last_name="Le Goff",
        role=Role.AMBASSADOR,
        mutuelle=armor,
    )
    member = UserFactory(
        email="salarie@armor.example",
        first_name="Lucas",
        last_name="Bernard",
        role=Role.READER,
        mutuelle=armor,
    )
    group = WorkingGroupFactory(name="Achats responsables", slug="achats", lead=lead)
    group.members.set([lead, member])
    start = timezone.now() + datetime.timedelta(days=6)
    meeting = services.meeting_save(
        by=lead,
        group=group,
        title="Relecture des clauses",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        invitees=[lead, member],
    )
    return {"lead": lead, "member": member, "group": group, "meeting": meeting}


def _page(browser, base, email, width=1280):
    context = browser.new_context(
        bypass_csp=True,
        locale="fr-FR",
        timezone_id="Europe/Paris",
        viewport={"width": width, "height": 900},
    )
    page = context.new_page()
    sign_in(page, base, email)
    return context, page


def _look(page, folder: Path, name: str) -> None:
    """No serious axe violation, no horizontal scroll; a full-page screenshot to look at."""
    assert _axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_add_a_file_give_a_version_and_delete_it(browser, live_server, people, tmp_path):
    base = live_server.url
    shots = Path(os.environ.get("RSE_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    program = tmp_path / "ordre-du-jour.pdf"
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00")
    agenda = tmp_path / "odj-relecture.pdf"
    agenda.write_bytes(PDF)
    second = tmp_path / "odj-relecture-v2.pdf"
    second.write_bytes(PDF.replace(b"trailer", b"% v2\ntrailer"))

    context, member = _page(browser, base, people["member"].email)
    member.goto(f"{base}{people['group'].get_absolute_url()}")
    expect(member.get_by_text("Pas encore de fichier")).to_be_visible()
    member.get_by_role("link", name="Ajouter un fichier").click()

    # A program named like a PDF: refused by its content, in French, the form kept.
    member.locator("#id_file").set_input_files(str(program))
    member.get_by_role("button", name="Ajouter le fichier").click()
    expect(member.get_by_text("Type de fichier refusé")).to_be_visible()
    assert not GroupFile.objects.exists()
    _look(member, shots, "fichiers-refus-1280")

    member.locator("#id_file").set_input_files(str(agenda))
    member.get_by_label("Titre").fill("Ordre du jour de la relecture")
    member.get_by_label("Réunion").select_option(index=1)
    member.get_by_role("button", name="Ajouter le fichier").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Ordre du jour de la relecture")
    expect(member.get_by_text("Fichier ajouté")).to_be_visible()

    member.locator("#id_version-file").set_input_files(str(second))
    member.get_by_role("button", name="Déposer la version").click()
    expect(member.get_by_text("Version 2 déposée")).to_be_visible()
    expect(member.get_by_role("heading", name="2 versions")).to_be_visible()
    _look(member, shots, "fichier-1280")
    member.set_viewport_size({"width": 375, "height": 800})
    _look(member, shots, "fichier-375")
    member.goto(f"{base}{people['group'].get_absolute_url()}")
    expect(member.locator(".group-files")).to_contain_text("Ordre du jour de la relecture")
    _look(member, shots, "groupe-375")
    member.set_viewport_size({"width": 1280, "height": 900})
    _look(member, shots, "groupe-1280")
    member.goto(f"{base}{people['meeting'].get_absolute_url()}")
    expect(member.locator(".meeting-files")).to_contain_text("Ordre du jour de la relecture")
    _look(member, shots, "reunion-1280")
    context.close()

    # The lead deletes it, after confirming.
    context, lead = _page(browser, base, people["lead"].email)
    lead.goto(f"{base}{GroupFile.objects.get().get_absolute_url()}")
    lead.get_by_role("link", name="Supprimer").click()
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Supprimer « Ordre du jour")
    lead.get_by_role("button", name="Supprimer définitivement").click()
    expect(lead.get_by_text("supprimé", exact=False).first).to_be_visible()
    assert not GroupFile.objects.exists()
    context.close()
