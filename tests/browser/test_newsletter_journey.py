"""The newsletter in a real browser, with a real worker and SMTP server: a coordinator
assembles an edition, edits it, previews it, sends it and watches the progress bar reach
100 %; axe-core on the archive and the edition pages."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from ambassadeurs.models import Role
from initiatives.models import Initiative
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, UserFactory
from tests.newsletter.conftest import make_subscribers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network(db):
    mutuelles = [
        MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor"),
        MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne"),
    ]
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=10)
    Initiative.objects.create(
        mutuelle=mutuelles[0],
        title="Défi vélo inter-agences",
        summary="Un mois de vélo entre agences.",
        is_published=True,
        published_at=timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(9))),
    )
    # Four older ones of Armor: the common part takes the latest ones, Armor's part the last.
    for n, title in enumerate(["Potager", "Friperie", "Covoiturage", "Café des aidants"], 1):
        Initiative.objects.create(
            mutuelle=mutuelles[0],
            title=title,
            summary="Une initiative d'Armor.",
            is_published=True,
            published_at=timezone.make_aware(
                datetime.datetime.combine(last_month - datetime.timedelta(days=n), datetime.time(9))
            ),
        )
    make_subscribers(150, mutuelles)
    return {
        "coordinator": UserFactory(
            email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
        ),
        "reader": UserFactory(role=Role.READER, mutuelle=mutuelles[0]),
    }


def test_assemble_edit_preview_send_and_watch_it_go(
    browser, live_server, network, smtp_server, celery_worker
):
    page: Page = browser.new_context(locale="fr-FR").new_page()
    sign_in(page, live_server.url, network["coordinator"].email)
    page.goto(f"{live_server.url}/newsletter/")
    page.get_by_role("button", name="Assembler l'édition de cette période").click()
    expect(page.get_by_text("Édition préparée")).to_be_visible()
    blocks = page.locator("#blocs")
    expect(blocks).to_contain_text("Défi vélo inter-agences")

    page.get_by_role("textbox", name="Titre").first.fill("La lettre du mois")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("La lettre du mois")

    page.locator("summary", has_text="Ajouter un bloc de texte").click()
    add = page.locator("details.add-block form")
    add.get_by_label("Titre").fill("Agenda du réseau")
    add.get_by_label("Texte").fill("Séminaire des ambassadeurs le 12 décembre.")
    add.get_by_role("button", name="Ajouter le bloc").click()
    expect(blocks).to_contain_text("Agenda du réseau")
    common = page.locator("#blocs ol").first
    titles = common.locator("strong").all_inner_texts()
    above = titles[titles.index("Agenda du réseau") - 1]
    page.get_by_role("button", name="Monter Agenda du réseau").click()
    expect(common).to_contain_text(re.compile(f"Agenda du réseau.*{re.escape(above)}", re.S))

    with page.expect_popup() as popup:
        page.get_by_label("Comme un abonné de").select_option(label="Mutuelle Armor Santé")
        page.get_by_role("button", name="Voir l'e-mail").click()
    expect(popup.value.get_by_text("Chez vous : Mutuelle Armor Santé")).to_be_visible()
    popup.value.close()

    page.locator("#send-title + form, section[aria-labelledby=send-title] form").last.get_by_role(
        "button", name="Envoyer"
    ).click()
    expect(page.get_by_text("L'envoi est parti.")).to_be_visible()
    progress = page.locator("#progression")
    expect(progress).to_contain_text("100 %", timeout=180_000)
    expect(progress).to_contain_text("Envoi terminé")
    celery_worker.wait_idle()
    assert len(smtp_server.messages) == 152  # 150 + the two members, once each


def test_archive_and_edition_pages_have_no_serious_accessibility_violation(
    browser, live_server, network
):
    from newsletter.models import Edition
    from newsletter.services import assembly

    start = timezone.localdate().replace(day=1) - datetime.timedelta(days=20)
    edition = assembly.edition_assemble(
        period_start=start.replace(day=1), period_end=start.replace(day=28)
    )
    page = browser.new_context(bypass_csp=True, locale="fr-FR").new_page()
    sign_in(page, live_server.url, network["coordinator"].email)
    for path in ["/newsletter/", edition.get_absolute_url(), "/newsletter/abonnes/"]:
        page.goto(live_server.url + path)
        assert _axe_violations(page) == [], path
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT)
    reader = browser.new_context(bypass_csp=True, locale="fr-FR").new_page()
    sign_in(reader, live_server.url, network["reader"].email)
    for path in ["/newsletter/", edition.get_absolute_url(), "/newsletter/abonnement/"]:
        reader.goto(live_server.url + path)
        assert _axe_violations(reader) == [], path
