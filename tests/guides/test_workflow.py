"""Writing together, review, publication, versions, tools: as the members live it."""

import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from guides import services
from guides.models import Event, Guide, Status
from tests.factories import PlanFactory

from .conftest import BODY


def _edit(client, guide, revision, **changes):
    data = {
        "title": guide.title,
        "summary": guide.summary,
        "theme": guide.theme_id,
        "body": guide.body,
        "authors": [a.pk for a in guide.authors.all()],
        "revision": revision,
        **changes,
    }
    return client.post(reverse("guides:edit", args=[guide.slug]), data)


def test_an_ambassador_writes_a_draft_and_invites_a_co_author(
    client, ambassador, other_ambassador, theme
):
    client.force_login(ambassador)
    response = client.post(
        reverse("guides:create"),
        {
            "title": "Guide des éco-gestes",
            "summary": "Les gestes simples du bureau.",
            "theme": theme.pk,
            "body": "<h2>Énergie</h2><p>Éteindre les écrans le soir.</p><script>x()</script>",
            "authors": [other_ambassador.pk],
        },
    )
    guide = Guide.objects.get(title="Guide des éco-gestes")
    assert response.status_code == 302
    assert guide.status == Status.DRAFT
    assert set(guide.authors.all()) == {ambassador, other_ambassador}
    assert "<script" not in guide.body and "Éteindre les écrans" in guide.body
    # The co-author now edits it too.
    client.force_login(other_ambassador)
    assert client.get(reverse("guides:edit", args=[guide.slug])).status_code == 200


def test_a_save_never_overwrites_a_co_author_newer_save(
    client, draft, ambassador, other_ambassador
):
    services.draft_save(
        by=ambassador, guide=draft, revision=draft.revision, authors=[ambassador, other_ambassador]
    )
    draft.refresh_from_db()
    opened = draft.revision  # both open the editor at this revision
    client.force_login(ambassador)
    first = _edit(client, draft, opened, body="<p>Texte de Gaëlle, enregistré en premier.</p>")
    assert first.status_code == 302

    client.force_login(other_ambassador)
    second = _edit(client, draft, opened, body="<p>Texte de Karim, enregistré ensuite.</p>")
    page = second.content.decode()
    assert second.status_code == 409
    assert "a enregistré ce brouillon" in page
    assert "Texte de Karim, enregistré ensuite." in page  # kept in the form
    draft.refresh_from_db()
    assert "Texte de Gaëlle" in draft.body  # not overwritten

    # Having seen the other text, Karim saves again, knowingly: it goes through.
    again = _edit(client, draft, draft.revision, body="<p>Texte fusionné par Karim.</p>")
    assert again.status_code == 302
    draft.refresh_from_db()
    assert "Texte fusionné" in draft.body


def test_submit_review_send_back_and_publish(
    client, draft, ambassador, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(ambassador)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("guides:submit", args=[draft.slug]))
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "Guide à relire" in mail.outbox[0].subject

    client.force_login(coordinator)
    refused = client.post(reverse("guides:send_back", args=[draft.slug]), {"comment": " "})
    assert refused.status_code == 400
    assert "Dites aux auteurs ce qu&#x27;il faut reprendre" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW  # a send-back says why, or does not happen
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("guides:send_back", args=[draft.slug]),
            {"comment": "Ajoutez un glossaire, s'il vous plaît."},
        )
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert mail.outbox[-1].to == [ambassador.email]
    assert "Ajoutez un glossaire" in mail.outbox[-1].body

    client.force_login(ambassador)
    page = client.get(reverse("guides:draft", args=[draft.slug])).content.decode()
    assert "Ajoutez un glossaire" in page  # the authors see what to change
    client.post(reverse("guides:submit", args=[draft.slug]))
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=False):  # the PDF is tested elsewhere
        response = client.post(
            reverse("guides:publish", args=[draft.slug]), {"note": "Première édition"}
        )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.current_version.number == 1
    assert list(draft.events.values_list("kind", flat=True)) == [
        Event.Kind.PUBLISHED,
        Event.Kind.SUBMITTED,
        Event.Kind.SENT_BACK,
        Event.Kind.SUBMITTED,
        Event.Kind.CREATED,
    ]


def test_publishing_is_told_to_the_authors(
    draft, ambassador, coordinator, django_capture_on_commit_callbacks, settings
):
    settings.RSE_PDF_WAIT_SECONDS = 0
    with django_capture_on_commit_callbacks() as callbacks:
        services.publish(by=coordinator, guide=draft)
    # The notification, queued last (before it: the PDF's render, the search index's revision).
    callbacks[-1]()
    assert mail.outbox[-1].to == [ambassador.email]
    assert "est publié" in mail.outbox[-1].subject


def test_an_empty_guide_is_neither_submitted_nor_published(client, ambassador, coordinator, theme):
    guide = services.guide_create(by=ambassador, title="Vide", summary="…", theme=theme, body="")
    client.force_login(ambassador)
    response = client.post(reverse("guides:submit", args=[guide.slug]), follow=True)
    assert "Le guide est vide" in response.content.decode()
    client.force_login(coordinator)
    response = client.post(reverse("guides:publish", args=[guide.slug]), follow=True)
    assert "Impossible de publier un guide vide" in response.content.decode()
    guide.refresh_from_db()
    assert guide.current_version is None


def test_readers_keep_the_published_version_while_a_new_one_is_written(
    client, published, ambassador, coordinator, reader
):
    services.draft_save(
        by=ambassador,
        guide=published,
        revision=published.revision,
        body=BODY.replace("Acheter mieux", "Acheter mieux et réparer"),
    )
    published.refresh_from_db()
    assert published.status == Status.DRAFT
    client.force_login(reader)
    page = client.get(published.get_absolute_url()).content.decode()
    assert "Acheter mieux</li>" in page and "réparer" not in page
    assert "Version 1 du" in page

    services.publish(by=coordinator, guide=published, note="Réparer avant de racheter")
    assert "réparer" in client.get(published.get_absolute_url()).content.decode()
    # The first version stays readable, and what changed is shown.
    old = client.get(reverse("guides:version", args=[published.slug, 1])).content.decode()
    assert "Vous lisez une version antérieure" in old and "réparer" not in old
    compare = client.get(reverse("guides:compare", args=[published.slug]), {"de": 1, "a": 2})
    assert "<ins>et réparer</ins>" in compare.content.decode()


def test_the_guide_page_has_its_table_of_contents(client, published, reader):
    client.force_login(reader)
    page = client.get(published.get_absolute_url()).content.decode()
    assert '<a href="#pourquoi-agir">Pourquoi agir</a>' in page
    assert '<h2 id="pourquoi-agir">Pourquoi agir</h2>' in page
    assert '<a href="#nos-engagements">Nos engagements</a>' in page
    assert "Télécharger en PDF" in page


def test_list_is_filtered_by_theme_and_searched(client, published, reader, coordinator):
    from tests.factories import ThemeFactory

    other_theme = ThemeFactory(name="Égalité femmes-hommes", slug="egalite")
    other = services.guide_create(
        by=coordinator,
        title="Égalité professionnelle",
        summary="L'index et les bonnes pratiques.",
        theme=other_theme,
        body="<p>Rémunération, parentalité, recrutement.</p>",
    )
    services.publish(by=coordinator, guide=other)
    client.force_login(reader)
    url = reverse("guides:list")
    by_theme = client.get(url, {"theme": "egalite"}).content.decode()
    assert "Égalité professionnelle" in by_theme and published.title not in by_theme
    by_word = client.get(url, {"q": "parentalité"}).content.decode()
    assert "Égalité professionnelle" in by_word and published.title not in by_word
    by_body = client.get(url, {"q": "sourcer"}).content.decode()
    assert published.title in by_body and "Égalité professionnelle" not in by_body


# --- Tools and pictures ------------------------------------------------------------------------


def _xlsx() -> bytes:
    """A minimal spreadsheet, the same bytes at every call: `writestr` with a bare name stamps
    each entry with the current time, so two archives made a second apart differed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in [
            ("[Content_Types].xml", "<Types/>"),
            ("xl/workbook.xml", "<workbook/>"),
        ]:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


def test_tools_are_checked_and_downloaded(client, published, ambassador, reader):
    client.force_login(ambassador)
    url = reverse("guides:tool_add", args=[published.slug])
    exe = SimpleUploadedFile("grille.xlsx", b"MZ\x90\x00\x03" + bytes(range(256)) * 4)
    refused = client.post(url, {"tool-file": exe, "tool-title": "Grille"})
    assert refused.status_code == 400
    assert "Type de fichier refusé" in refused.content.decode()
    huge = SimpleUploadedFile("énorme.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024))
    too_big = client.post(url, {"tool-file": huge, "tool-title": "Énorme"})
    assert "le maximum est 20,0" in too_big.content.decode()
    assert not published.tools.exists()

    spreadsheet = _xlsx()
    ok = SimpleUploadedFile("grille.xlsx", spreadsheet)
    assert (
        client.post(url, {"tool-file": ok, "tool-title": "Grille d'évaluation"}).status_code == 302
    )
    tool = published.tools.get()
    assert tool.kind == "xlsx"
    client.force_login(reader)
    download = client.get(reverse("guides:tool", args=[published.slug, tool.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == spreadsheet  # the very file uploaded
    assert "Grille d&#x27;évaluation" in client.get(published.get_absolute_url()).content.decode()


def test_tools_of_an_unpublished_guide_stay_private(client, draft, ambassador, reader):
    tool = services.tool_add(
        by=ambassador, guide=draft, upload=SimpleUploadedFile("a.xlsx", _xlsx()), title="A"
    )
    client.force_login(reader)
    assert client.get(reverse("guides:tool", args=[draft.slug, tool.pk])).status_code == 404


def test_the_editor_uploads_pictures(client, draft, ambassador, other_ambassador):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b5c73").save(buffer, format="PNG")
    url = reverse("guides:picture_add", args=[draft.slug])
    client.force_login(ambassador)
    response = client.post(url, {"image": SimpleUploadedFile("schéma.png", buffer.getvalue())})
    assert response.status_code == 200
    assert response.json()["url"].startswith("/media/guides/images/")
    bad = client.post(url, {"image": SimpleUploadedFile("x.png", b"not an image")})
    assert bad.status_code == 400
    assert "n'est pas une image" in bad.json()["error"]
    client.force_login(other_ambassador)  # not an author of this draft
    assert (
        client.post(url, {"image": SimpleUploadedFile("y.png", buffer.getvalue())}).status_code
        == 404
    )


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<iframe src="https://evil.example/"></iframe>',
        '<img src="https://evil.example/pixel.png" alt="x">',
        '<a href="file:///etc/passwd">mots de passe</a>',
        '<img src="file:///etc/passwd" alt="x">',
        '<p onclick="steal()">clic</p>',
    ],
)
def test_hostile_bodies_are_sanitised(draft, ambassador, attack):
    guide = services.draft_save(
        by=ambassador, guide=draft, revision=draft.revision, body=f"<p>Texte</p>{attack}"
    )
    for trace in ("<script", "<iframe", "evil.example", "file:", "onclick"):
        assert trace not in guide.body
    assert "<p>Texte</p>" in guide.body


def test_the_plan_action_page_lists_the_guides_that_serve_it(
    client, draft, ambassador, coordinator, reader
):
    from actionplan.models import Action, Axis

    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=2, title="Environnement")
    action = Action.objects.create(plan=plan, axis=axis, code="2.2", title="Achats responsables")
    services.draft_save(by=ambassador, guide=draft, revision=draft.revision, actions=[action])
    client.force_login(reader)
    url = reverse("actionplan:action", args=[action.pk])
    assert draft.title not in client.get(url).content.decode()  # a draft is nobody's guide yet
    services.publish(by=coordinator, guide=draft)
    assert draft.title in client.get(url).content.decode()


def test_a_draft_changed_since_the_coordinator_read_it_is_not_published(
    client, draft, ambassador, coordinator
):
    client.force_login(coordinator)
    read = draft.revision  # what the review page carried
    services.draft_save(by=ambassador, guide=draft, revision=draft.revision, title="Changé")
    page = client.post(
        reverse("guides:publish", args=[draft.slug]), {"revision": read}, follow=True
    ).content.decode()
    assert "modifié depuis que vous l&#x27;avez ouvert" in page or "modifié depuis" in page
    draft.refresh_from_db()
    assert draft.current_version is None


def test_tools_and_pdfs_are_not_served_by_the_media_view(client, reader, settings):
    for path in ("guides/outils/2026/11/grille.xlsx", "guides/pdf/guide-v1.pdf"):
        file = settings.MEDIA_ROOT / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"%PDF-1.7")
        client.force_login(reader)
        assert client.get(f"/media/{path}").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("guides:send_back", {"comment": "Ajoutez\x00 un glossaire."}, "caractères invisibles"),
        ("guides:publish", {"note": "N" * 301}, "au plus 300 caractères"),
        ("guides:publish", {"note": "Nouveau\x07 chapitre"}, "caractères invisibles"),
    ],
)
def test_a_refused_review_form_keeps_what_the_coordinator_typed(
    client, draft, ambassador, coordinator, name, data, reason
):
    services.submit(by=ambassador, guide=draft)
    client.force_login(coordinator)

    response = client.post(reverse(name, args=[draft.slug]), data)

    assert response.status_code == 400
    page = response.content.decode()
    assert reason in page
    typed = next(iter(data.values())).replace("\x00", "").replace("\x07", "")
    assert typed in page
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW and draft.current_version is None
