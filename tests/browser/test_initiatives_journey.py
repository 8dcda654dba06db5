"""Initiatives in a real browser: an ambassador writes one with a picture and publishes it, a
reader finds it by its theme and comments, another mutuelle takes it up; axe-core."""

import io

import pytest
from PIL import Image as PILImage
from playwright.sync_api import Page, expect

from ambassadeurs.models import Role
from tests.browser.test_journey import _axe_violations, sign_in
from tests.factories import MutuelleFactory, ThemeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network(db):
    armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    arverne = MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")
    ThemeFactory(name="Sport et activité physique", slug="sport")
    ThemeFactory(name="Environnement", slug="environnement")
    from initiatives.models import Audience

    Audience.objects.get_or_create(slug="salaries", defaults={"name": "Salariés"})
    return {
        "ambassador": UserFactory(
            email="ambassadeur@armor.example", role=Role.AMBASSADOR, mutuelle=armor
        ),
        "reader": UserFactory(
            email="salarie@armor.example", first_name="Lucas", role=Role.READER, mutuelle=armor
        ),
        "other": UserFactory(
            email="ambassadeur@arverne.example", role=Role.AMBASSADOR, mutuelle=arverne
        ),
    }


def _picture(path):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "#0b5c73").save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _page(browser, **options) -> Page:
    return browser.new_context(locale="fr-FR", **options).new_page()


def test_write_publish_find_comment_and_take_up(browser, live_server, network, tmp_path):
    base = live_server.url
    author = _page(browser)
    sign_in(author, base, network["ambassador"].email)
    # Logging an initiative with a picture: 1 page load to the form and 1 submit to publish.
    loads = []
    author.on(
        "framenavigated",
        lambda frame: loads.append(frame.url) if frame is author.main_frame else None,
    )
    author.goto(f"{base}/initiatives/nouvelle/")
    author.get_by_role("textbox", name="Titre").fill("Défi vélo inter-agences")
    author.get_by_label("Résumé").fill("Un mois de vélo entre agences.")
    editor = author.locator(".ql-editor")
    editor.click()
    editor.type("Chaque équipe compte ses kilomètres.")
    author.get_by_role("button", name="Gras").click()
    editor.type(" Bravo à tous !")
    # The themes' picker: typed without accents, chosen from the list, removed by its chip.
    themes = author.get_by_role("combobox", name="Thèmes")
    choices = author.get_by_role("listbox", name="Thèmes")
    themes.fill("environ")
    choices.get_by_role("option", name="Environnement").click()
    themes.fill("activite")
    choices.get_by_role("option", name="Sport et activité physique").click()
    author.locator(".ts-control .item", has_text="Environnement").get_by_title("Retirer").click()
    expect(author.locator(".ts-control .item")).to_have_text(["Sport et activité physique×"])
    author.get_by_label("Transposable telle quelle").check()
    # The picture, in the same form, sent at once with its progress, then its alt text.
    author.get_by_label("Ajouter des images").set_input_files(_picture(tmp_path / "velos.jpg"))
    author.get_by_label("Ce que montre l'image").fill("Des vélos devant l'agence")
    author.get_by_role("button", name="Publier").click()
    expect(author.get_by_text("Initiative publiée")).to_be_visible()
    expect(author.get_by_role("heading", level=1)).to_have_text("Défi vélo inter-agences")
    expect(author.locator("article strong")).to_have_text("Bravo à tous !")
    expect(author.get_by_role("img", name="Des vélos devant l'agence")).to_be_visible()
    assert len(loads) == 2, loads

    reader = _page(browser)
    sign_in(reader, base, network["reader"].email)
    reader.goto(f"{base}/initiatives/")
    reader.get_by_label("Thème").select_option(label="Environnement")
    reader.get_by_role("button", name="Filtrer").click()
    expect(reader.get_by_text("Défi vélo inter-agences")).to_have_count(0)
    reader.get_by_label("Thème").select_option(label="Sport et activité physique")
    reader.get_by_role("button", name="Filtrer").click()
    expect(reader).to_have_url(
        f"{base}/initiatives/?q=&mutuelle=&theme=sport&public=&etat="
        "&annee=&transposabilite=&action="
    )
    reader.get_by_role("link", name="Défi vélo inter-agences").click()
    reader.get_by_label("Votre réaction").fill("Super idée, je m'inscris !")
    reader.get_by_role("button", name="Publier ma réaction").click()
    expect(reader.get_by_text("Super idée, je m'inscris !")).to_be_visible()

    other = _page(browser)
    sign_in(other, base, network["other"].email)
    other.goto(reader.url.split("#")[0])
    other.get_by_text("Nous la reprenons").click()
    other.get_by_label("Adaptation").fill("Nous le ferons à vélo électrique, avec nos élus.")
    other.get_by_role("button", name="Enregistrer notre reprise").click()
    taken_up = other.locator(".replication")
    expect(taken_up).to_contain_text("Mutuelle Arverne")
    expect(taken_up).to_contain_text("Nous le ferons à vélo électrique, avec nos élus.")


def test_list_detail_and_form_have_no_serious_accessibility_violation(
    browser, live_server, network
):
    from initiatives.models import Initiative

    initiative = Initiative.objects.create(
        mutuelle=network["ambassador"].mutuelle,
        author=network["ambassador"],
        title="Défi vélo",
        summary="Un mois de vélo.",
        body="<h2>Le projet</h2><p>Texte</p>",
        is_published=True,
    )
    page = _page(browser, bypass_csp=True)
    sign_in(page, live_server.url, network["ambassador"].email)
    for path in [
        "/initiatives/",
        "/initiatives/?vue=tableau",
        initiative.get_absolute_url(),
        "/initiatives/nouvelle/",
        f"/initiatives/{initiative.pk}/medias/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert _axe_violations(page) == [], path


def test_initiative_pages_fit_a_phone(browser, live_server, network):
    from initiatives.models import Initiative

    initiative = Initiative.objects.create(
        mutuelle=network["ambassador"].mutuelle,
        author=network["ambassador"],
        title="Un titre d'initiative assez long pour passer sur plusieurs lignes",
        summary="Résumé.",
        body="<p>Texte</p>",
        is_published=True,
    )
    page = _page(browser, viewport={"width": 390, "height": 800})
    sign_in(page, live_server.url, network["ambassador"].email)
    for path in [
        "/initiatives/",
        "/initiatives/?vue=tableau",
        initiative.get_absolute_url(),
        "/initiatives/nouvelle/",
        f"/initiatives/{initiative.pk}/medias/",
    ]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide"


def test_what_is_typed_survives_a_closed_tab(browser, live_server, network):
    base = live_server.url
    context = browser.new_context(locale="fr-FR")
    author = context.new_page()
    sign_in(author, base, network["ambassador"].email)
    author.goto(f"{base}/initiatives/nouvelle/")
    author.get_by_role("textbox", name="Titre").fill("Collecte de bouchons")
    editor = author.locator(".ql-editor")
    editor.click()
    editor.type("Chaque agence a son bac.")
    themes = author.get_by_role("combobox", name="Thèmes")
    themes.fill("sport")
    author.get_by_role("listbox", name="Thèmes").get_by_role(
        "option", name="Sport et activité physique"
    ).click()
    # The draft is written a moment after each change: wait until it holds the text and the
    # theme chosen last (the text alone may be an earlier write, before the theme was picked).
    author.wait_for_function(
        """() => Object.keys(localStorage).filter((key) => key.startsWith("draft:")).some((key) => {
            const draft = localStorage[key];
            return draft.includes("son bac") && (JSON.parse(draft).values.themes || []).length;
        })"""
    )
    author.close()

    author = context.new_page()
    author.goto(f"{base}/initiatives/nouvelle/")
    expect(author.get_by_text("Brouillon repris")).to_be_visible()
    expect(author.get_by_role("textbox", name="Titre")).to_have_value("Collecte de bouchons")
    expect(author.locator(".ql-editor")).to_have_text("Chaque agence a son bac.")
    expect(author.locator(".ts-control .item")).to_have_text(["Sport et activité physique×"])
    # Sent, the draft is forgotten: the next new initiative starts empty.
    author.get_by_label("Résumé").fill("Des bouchons pour une association.")
    author.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(author.get_by_text("Initiative enregistrée.")).to_be_visible()
    author.goto(f"{base}/initiatives/nouvelle/")
    expect(author.get_by_role("textbox", name="Titre")).to_have_value("")
    expect(author.get_by_text("Brouillon repris")).to_be_hidden()
