"""The relay kit (issue #16, parts 6 and 7): the page and its two PDFs for every role, what the
PDFs say (pdftotext, pdfinfo), the mutuelle's local part, the relay sessions that become field
feedback of the plan, and bad input."""

import datetime
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actionplan.models import FieldFeedback
from guides import services as guide_services
from initiatives import services as initiative_services
from newsletter.models import Block, Edition
from reunions.models import RelayLocalPart, RelaySession
from reunions.relay import services
from reunions.relay.selectors import guide_kit
from tests.factories import (
    ActionFactory,
    EditionFactory,
    GuideFactory,
    InitiativeFactory,
    PlanFactory,
    ThemeFactory,
)
from tests.initiatives.conftest import jpeg


@pytest.fixture
def edition(mutuelle, other_mutuelle, ambassador) -> Edition:
    """This month's sent edition: two initiatives in the common part (one with a picture), one
    in Armor's local part."""
    today = timezone.localdate()
    edition = EditionFactory(
        number=7,
        title="Lettre ESS/RSE n° 7",
        editorial="<p>Un mois de vélo et de sobriété dans tout le réseau.</p>",
        period_start=today.replace(day=1),
        period_end=today,
    )
    bike = InitiativeFactory(
        mutuelle=mutuelle, author=ambassador, title="Défi vélo inter-agences", summary="Vélotaf."
    )
    initiative_services.image_add(
        by=ambassador,
        initiative=bike,
        upload=SimpleUploadedFile("velo.jpg", jpeg(size=(80, 50)).getvalue(), "image/jpeg"),
        alt="Des vélos devant l'agence",
    )
    garden = InitiativeFactory(mutuelle=other_mutuelle, title="Potager partagé", summary="Toit.")
    local = InitiativeFactory(mutuelle=mutuelle, author=ambassador, title="Café RSE à Brest")
    for position, (initiative, part) in enumerate(
        [(bike, None), (garden, None), (local, mutuelle)]
    ):
        Block.objects.create(
            edition=edition,
            mutuelle=part,
            position=position,
            kind=Block.Kind.INITIATIVE,
            title=initiative.title,
            initiative=initiative,
        )
    return edition


@pytest.fixture
def guide():
    return GuideFactory(
        title="Guide des éco-gestes",
        slug="eco-gestes",
        summary="Les gestes simples du quotidien au bureau.",
        body="<h2>Éteindre</h2><p>Les écrans le soir.</p><h2>Trier</h2><p>Le papier.</p>",
        published=True,
    )


def kit_url(edition, name="", *args):
    return reverse(f"reunions:relay_edition{name}", args=[edition.number, *args])


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "kit.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def info_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "kit.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout


def session_data(**changes):
    data = {
        "seance-held_on": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "seance-attendance": "14",
        "seance-reactions": "Beaucoup d'intérêt pour le défi vélo.",
        "seance-questions": "Peut-on le faire en hiver ?",
        "seance-sentiment": "positive",
    }
    return data | changes


# --- Who sees what ------------------------------------------------------------------------------


def test_readers_have_no_kit_and_no_link(client, reader, edition, guide):
    client.force_login(reader)

    assert client.get(kit_url(edition)).status_code == 403
    assert client.get(kit_url(edition, "_pdf", "resume")).status_code == 403
    assert "Kit de relais" not in client.get(edition.get_absolute_url()).text
    assert "Kit de relais" not in client.get(guide.get_absolute_url()).text


def test_an_ambassador_finds_the_kit_from_the_edition_and_the_guide(
    client, ambassador, edition, guide
):
    client.force_login(ambassador)

    page = client.get(edition.get_absolute_url()).text
    assert kit_url(edition) in page
    assert (
        reverse("reunions:relay_guide", args=[guide.slug])
        in client.get(guide.get_absolute_url()).text
    )
    kit = client.get(kit_url(edition))
    assert kit.status_code == 200
    assert "La partie locale de Mutuelle Armor Santé" in kit.text
    assert "Défi vélo inter-agences" in kit.text
    assert "Café RSE à Brest" in kit.text  # Armor's own part of the letter


def test_another_ambassador_sees_their_own_mutuelles_kit(client, other_ambassador, edition):
    client.force_login(other_ambassador)

    kit = client.get(kit_url(edition), {"mutuelle": "armor"})  # ignored for an ambassador

    assert "La partie locale de Mutuelle Arverne" in kit.text
    assert "Café RSE à Brest" not in kit.text


def test_the_coordination_picks_a_mutuelle(client, coordinator, edition):
    client.force_login(coordinator)

    network = client.get(kit_url(edition))
    armor = client.get(kit_url(edition), {"mutuelle": "armor"})

    assert "partie locale de" not in network.text
    assert "La partie locale de Mutuelle Armor Santé" in armor.text


def test_a_draft_edition_has_no_kit(client, ambassador, edition):
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.DRAFT)
    client.force_login(ambassador)

    assert client.get(kit_url(edition)).status_code == 404


def test_the_kit_page_reads_a_bounded_number_of_queries(
    client, ambassador, edition, mutuelle, django_assert_max_num_queries
):
    client.force_login(ambassador)
    client.get(kit_url(edition))  # warm the session and the caches
    with django_assert_max_num_queries(30) as small:
        client.get(kit_url(edition))
    for n in range(8):
        initiative = InitiativeFactory(mutuelle=mutuelle, title=f"Initiative {n}")
        Block.objects.create(
            edition=edition, kind=Block.Kind.INITIATIVE, title="x", initiative=initiative
        )
    with django_assert_max_num_queries(len(small)):
        client.get(kit_url(edition))


# --- The PDFs -----------------------------------------------------------------------------------


def test_the_summary_is_one_a4_page_with_the_figures_and_the_local_part(
    client, ambassador, edition, mutuelle, poppler, tmp_path
):
    services.local_part_save(
        by=ambassador,
        source=edition,
        mutuelle=mutuelle,
        title="Chez Armor",
        text="<ul><li>Inscriptions au défi vélo avant le 15</li></ul>",
    )
    client.force_login(ambassador)

    response = client.get(kit_url(edition, "_pdf", "resume"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "kit-relais-edition-7-armor-resume.pdf" in response["Content-Disposition"]
    info = info_of(response.content, tmp_path)
    assert "Pages:           1" in info
    assert "A4" in info
    text = " ".join(text_of(response.content, tmp_path).split())
    assert "3 initiatives publiées" in text  # in the period, the network's
    assert "Défi vélo inter-agences" in text
    assert "Café RSE à Brest" in text
    assert "Chez Armor" in text
    assert "Inscriptions au défi vélo avant le 15" in text


def test_the_slides_are_16_9_one_idea_a_page(
    client, ambassador, edition, mutuelle, poppler, tmp_path
):
    services.local_part_save(
        by=ambassador, source=edition, mutuelle=mutuelle, title="", text="<p>Rendez-vous jeudi</p>"
    )
    client.force_login(ambassador)

    response = client.get(kit_url(edition, "_pdf", "diaporama"))

    info = info_of(response.content, tmp_path)
    assert "Page size:       720 x 405 pts" in info  # 254 x 142.875 mm: 16:9
    pages = text_of(response.content, tmp_path).split("\f")
    # Cover, the essential, the figures, three initiatives, the local part, the closing.
    assert len([page for page in pages if page.strip()]) == 8
    assert any("Défi vélo" in page and "Potager" not in page for page in pages)
    assert any("Et chez nous ?" in page and "Rendez-vous jeudi" in page for page in pages)


def test_another_mutuelles_kit_does_not_carry_armors_local_part(
    client, ambassador, other_ambassador, edition, mutuelle, poppler, tmp_path
):
    services.local_part_save(
        by=ambassador, source=edition, mutuelle=mutuelle, title="", text="<p>Secret d'Armor</p>"
    )
    client.force_login(other_ambassador)

    text = text_of(client.get(kit_url(edition, "_pdf", "resume")).content, tmp_path)

    assert "Secret d'Armor" not in text
    assert "Café RSE à Brest" not in text


def test_the_guides_kit_shows_its_chapters_and_tools(
    client, ambassador, guide, mutuelle, poppler, tmp_path
):
    guide.tools.create(
        file="guides/outils/grille.csv", title="Grille des gestes", kind="csv", size=9
    )
    services.local_part_save(
        by=ambassador, source=guide, mutuelle=mutuelle, title="", text="<p>Référente : Lena</p>"
    )
    client.force_login(ambassador)

    summary = text_of(
        client.get(reverse("reunions:relay_guide_pdf", args=[guide.slug, "resume"])).content,
        tmp_path,
    )
    slides = client.get(reverse("reunions:relay_guide_pdf", args=[guide.slug, "diaporama"]))

    for expected in ("Guide des éco-gestes", "Éteindre", "Trier", "Grille des gestes", "Lena"):
        assert expected in summary
    assert "Page size:       720 x 405 pts" in info_of(slides.content, tmp_path)
    assert "Référente : Lena" in text_of(slides.content, tmp_path)


def test_a_chapters_picture_is_on_its_slide(
    client, ambassador, coordinator, mutuelle, poppler, tmp_path
):
    guide = GuideFactory(title="Guide du tri", slug="tri", authors=[ambassador])
    picture = guide_services.picture_add(
        by=ambassador,
        guide=guide,
        upload=SimpleUploadedFile("bac.jpg", jpeg(size=(60, 40)).getvalue(), "image/jpeg"),
    )
    guide.body = (
        f'<h2>Trier</h2><p>Le papier.</p><p><img src="/media/{picture.image.name}" '
        'alt="Le bac bleu"></p><h2>Réduire</h2><p>Moins de papier.</p>'
    )
    guide.save()
    guide_services.publish(by=coordinator, guide=guide)
    client.force_login(ambassador)

    response = client.get(reverse("reunions:relay_guide_pdf", args=[guide.slug, "diaporama"]))

    assert response.status_code == 200
    path = tmp_path / "slides.pdf"
    path.write_bytes(response.content)
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
    ).stdout
    assert len(images.strip().splitlines()) == 3  # the header lines and the one picture
    guide.refresh_from_db()
    kit = guide_kit(guide, mutuelle)
    assert (kit.features[0].alt, kit.features[1].picture) == ("Le bac bleu", "")


def test_an_unknown_kind_of_pdf_is_not_found(client, ambassador, edition):
    client.force_login(ambassador)

    assert client.get(kit_url(edition, "_pdf", "affiche")).status_code == 404


# --- The local part -----------------------------------------------------------------------------


def test_an_ambassador_saves_their_mutuelles_local_part_once_per_edition(
    client, ambassador, edition, mutuelle
):
    client.force_login(ambassador)
    url = kit_url(edition, "_local")

    client.post(url, {"local-text": "<p>Premier jet</p>"})
    response = client.post(url, {"local-title": "Chez nous", "local-text": "<p>Relu</p>"})

    assert response.status_code == 302
    part = RelayLocalPart.objects.get()
    assert (part.edition, part.mutuelle, part.title, part.text) == (
        edition,
        mutuelle,
        "Chez nous",
        "<p>Relu</p>",
    )
    assert part.updated_by == ambassador


def test_an_ambassador_cannot_write_another_mutuelles_part(
    client, other_ambassador, edition, other_mutuelle
):
    client.force_login(other_ambassador)

    client.post(kit_url(edition, "_local"), {"mutuelle": "armor", "local-text": "<p>Ici</p>"})

    assert RelayLocalPart.objects.get().mutuelle == other_mutuelle  # their own, whatever sent


def test_a_local_part_too_long_is_refused_in_french(client, ambassador, edition):
    client.force_login(ambassador)

    response = client.post(
        kit_url(edition, "_local"), {"local-text": "<p>" + "mot " * 1200 + "</p>"}
    )

    assert response.status_code == 400
    assert "La partie locale tient sur une diapositive" in response.text
    assert "mot mot" in response.text  # what was typed is given back
    assert not RelayLocalPart.objects.exists()


def test_a_coordinator_without_a_mutuelle_writes_no_local_part(client, coordinator, edition):
    client.force_login(coordinator)

    response = client.post(kit_url(edition, "_local"), {"local-text": "<p>Réseau</p>"})

    assert response.status_code == 404
    assert not RelayLocalPart.objects.exists()


# --- Colleagues' reactions ----------------------------------------------------------------------


def test_a_relay_session_becomes_field_feedback_the_coordination_reads(
    client, ambassador, coordinator, edition, mutuelle
):
    plan = PlanFactory()
    action = ActionFactory(axis__plan=plan, code="2.1", title="Mobilité douce")
    theme = ThemeFactory(name="Mobilité")
    client.force_login(ambassador)

    response = client.post(
        kit_url(edition, "_session"),
        session_data(**{"seance-theme": theme.pk, "seance-action": action.pk}),
    )

    assert response.status_code == 302
    session = RelaySession.objects.get()
    feedback = FieldFeedback.objects.get()
    assert session.feedback == feedback
    assert (session.edition, session.mutuelle, session.presenter) == (edition, mutuelle, ambassador)
    assert (feedback.mutuelle, feedback.author, feedback.sentiment) == (
        mutuelle,
        ambassador,
        "positive",
    )
    assert (feedback.theme, feedback.action) == (theme, action)
    assert feedback.subject == "Séance de relais · lettre n° 7"
    assert "14 participants." in feedback.text
    assert "Peut-on le faire en hiver ?" in feedback.text
    client.force_login(coordinator)
    inbox = client.get(reverse("actionplan:feedback_list")).text
    assert "Séance de relais · lettre n° 7" in inbox
    assert "Beaucoup d&#x27;intérêt pour le défi vélo." in inbox or "défi vélo" in inbox
    client.force_login(ambassador)
    assert "Beaucoup d&#x27;intérêt" in client.get(kit_url(edition)).text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"seance-held_on": "2099-01-01"},
            "La séance a déjà eu lieu : sa date ne peut pas être à venir.",
        ),
        ({"seance-attendance": "0"}, "Assurez-vous que cette valeur est supérieure ou égale à 1."),
        ({"seance-attendance": "beaucoup"}, "Saisissez un nombre entier."),
        ({"seance-reactions": ""}, "Ce champ est obligatoire."),
        ({"seance-sentiment": "ravi"}, "Sélectionnez un choix valide."),
        ({"seance-held_on": "31/02/2026"}, "Saisissez une date valide."),
    ],
)
def test_a_session_with_bad_input_is_refused_in_french_and_nothing_saved(
    client, ambassador, edition, changes, message
):
    client.force_login(ambassador)

    response = client.post(kit_url(edition, "_session"), session_data(**changes))

    assert response.status_code == 400
    assert message in response.text.replace("&#x27;", "'")
    assert "Peut-on le faire en hiver ?" in response.text  # what was typed is given back
    assert not RelaySession.objects.exists()
    assert not FieldFeedback.objects.exists()


def test_a_session_that_fails_to_save_leaves_no_feedback(
    ambassador, edition, mutuelle, monkeypatch
):
    def broken(**fields):
        raise RuntimeError("disk full")

    monkeypatch.setattr(RelaySession.objects, "create", broken)

    with pytest.raises(RuntimeError):
        services.session_record(
            by=ambassador,
            source=edition,
            mutuelle=mutuelle,
            held_on=timezone.localdate(),
            attendance=3,
            reactions="Bien.",
            sentiment="mixed",
        )

    assert not FieldFeedback.objects.exists()


def test_a_reader_records_no_session(client, reader, edition):
    client.force_login(reader)

    response = client.post(kit_url(edition, "_session"), session_data())

    assert response.status_code == 403
    assert not FieldFeedback.objects.exists()
