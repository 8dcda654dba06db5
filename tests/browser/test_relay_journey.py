"""The relay kit in a real browser: an ambassador opens it from the sent edition's page, writes
their mutuelle's local part in the rich-text editor, downloads the summary and the slides (the
download events, read back with pdftotext), then records how the session went, first with a
date still to come; axe-core on the kit page."""

import datetime
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from actionplan.models import FieldFeedback
from ambassadeurs.models import Role
from newsletter.models import Block
from reunions.models import RelaySession
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import EditionFactory, InitiativeFactory, MutuelleFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    ambassador = UserFactory(
        email="ambassadeur@armor.example",
        first_name="Gaëlle",
        last_name="Le Goff",
        role=Role.AMBASSADOR,
        mutuelle=armor,
    )
    today = timezone.localdate()
    edition = EditionFactory(
        number=4,
        title="Lettre ESS/RSE n° 4",
        editorial="<p>Le réseau pédale.</p>",
        period_start=today.replace(day=1),
        period_end=today,
    )
    initiative = InitiativeFactory(mutuelle=armor, author=ambassador, title="Défi vélo")
    Block.objects.create(
        edition=edition, kind=Block.Kind.INITIATIVE, title="Défi vélo", initiative=initiative
    )
    return {"ambassador": ambassador, "edition": edition}


def _pdf_text(download, tmp_path, name) -> str:
    path = tmp_path / name
    download.save_as(path)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_an_ambassador_downloads_the_kit_and_records_a_session(
    browser, live_server, world, poppler, tmp_path
):
    base = live_server.url
    context = browser.new_context(bypass_csp=True, locale="fr-FR", timezone_id="Europe/Paris")
    page = context.new_page()
    sign_in(page, base, world["ambassador"].email)

    page.goto(f"{base}{world['edition'].get_absolute_url()}")
    page.get_by_role("link", name="Ouvrir le kit de relais").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kit de relais")
    assert _axe_violations(page) == []

    # The local part, typed in the editor.
    editor = page.locator("#partie-locale .ql-editor")
    editor.click()
    editor.type("Inscriptions au défi avant vendredi.")
    page.get_by_role("button", name="Enregistrer la partie locale").click()
    expect(page.get_by_text("Partie locale enregistrée")).to_be_visible()

    # Both documents carry it.
    with page.expect_download() as summary:
        page.get_by_role("link", name="Résumé d'une page (PDF, A4)").click()
    assert summary.value.suggested_filename == "kit-relais-edition-4-armor-resume.pdf"
    text = _pdf_text(summary.value, tmp_path, "resume.pdf")
    assert "Défi vélo" in text
    assert "Inscriptions au défi avant vendredi." in text
    with page.expect_download() as slides:
        page.get_by_role("link", name="Diaporama (PDF, 16:9)").click()
    assert "Inscriptions au défi avant vendredi." in _pdf_text(slides.value, tmp_path, "d.pdf")

    # The session: a date to come is refused in French, what was typed stays.
    future = timezone.localdate() + datetime.timedelta(days=3)
    page.get_by_label("Date de la séance").fill(future.isoformat())
    page.get_by_label("Nombre de participants").fill("16")
    page.get_by_label("Réactions des collègues").fill("Très bon accueil, des équipes se forment.")
    page.get_by_label("Positif").check()
    page.get_by_role("button", name="Enregistrer la séance").click()
    expect(
        page.get_by_text("La séance a déjà eu lieu : sa date ne peut pas être à venir.")
    ).to_be_visible()
    expect(page.get_by_label("Réactions des collègues")).to_have_value(
        "Très bon accueil, des équipes se forment."
    )
    assert not RelaySession.objects.exists()
    page.get_by_label("Date de la séance").fill(
        (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    )
    page.get_by_role("button", name="Enregistrer la séance").click()
    expect(page.get_by_text("Séance enregistrée")).to_be_visible()
    expect(page.locator(".relay-sessions")).to_contain_text("16 participants")
    assert _axe_violations(page) == []
    context.close()

    feedback = FieldFeedback.objects.get()
    assert RelaySession.objects.get().feedback == feedback
    assert feedback.sentiment == "positive"
    assert "Très bon accueil" in feedback.text
