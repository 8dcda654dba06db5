"""The printed guide, read back as a user would (pdftotext, pdfinfo), and what WeasyPrint may
fetch while printing it: our own static and media files, nothing else."""

import http.server
import io
import re
import subprocess
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from guides import pdf, services
from guides.models import Version

pytestmark = pytest.mark.usefixtures("poppler")

PARAGRAPH = (
    "<p>Chaque mutuelle du groupe adapte la démarche à son territoire : « harmoniser sans "
    "uniformiser ». Les œuvres sociales, l'égalité professionnelle et la sobriété énergétique "
    "s'appuient sur des indicateurs communs, suivis trimestre après trimestre par les "
    "ambassadeurs, puis consolidés par la coordination du groupe.</p>"
)
CHAPTERS = ["Pourquoi ce guide", "Nos engagements", "La méthode en cinq étapes", "Mesurer"]


def _long_body(picture_url: str) -> str:
    parts = []
    for n, chapter in enumerate(CHAPTERS):
        parts.append(f"<h2>{chapter}</h2>")
        parts.append(f"<h3>Section {n + 1}.1</h3>")
        parts.append(PARAGRAPH * 9)
    table = "".join(f"<tr><td>Ligne {n}</td><td>{n * 3} kg</td></tr>" for n in range(70))
    parts.append(
        "<h2>Annexes</h2><table><thead><tr><th>Poste</th><th>Économie</th></tr></thead>"
        f"<tbody>{table}</tbody></table>"
        f'<p><img src="{picture_url}" alt="Schéma de la méthode"></p>'
        '<p>Voir le <a href="https://www.ademe.fr/">site de l\'ADEME</a>.</p>'
    )
    return "".join(parts)


def _pages(path) -> list[str]:
    """The text of each page, as pdftotext lays it out."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.fixture
def printed(draft, ambassador, coordinator, tmp_path):
    """A published version of about eight pages, with a table and a picture, rendered."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (600, 300), "#7fc8a9").save(buffer, format="PNG")
    picture = services.picture_add(
        by=ambassador,
        guide=draft,
        upload=SimpleUploadedFile("méthode.png", buffer.getvalue()),
    )
    services.draft_save(
        by=ambassador, guide=draft, revision=draft.revision, body=_long_body(picture.image.url)
    )
    version = services.publish(by=coordinator, guide=draft)
    version = Version.objects.select_related("guide").get(pk=version.pk)
    assert services.pdf_render(version)
    version.refresh_from_db()
    path = tmp_path / "guide.pdf"
    path.write_bytes(version.pdf.read())
    return version, path


def test_the_pdf_reads_like_the_guide(printed, ambassador):
    _, path = printed
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    assert 6 <= pages <= 12
    assert "Tagged:          yes" in info
    assert re.search(r"Title:\s+Guide des achats responsables", info)

    text = _pages(path)
    assert len(text) == pages
    cover = text[0]
    assert "Guide des achats responsables" in cover
    assert "VERSION" in cover and "ENVIRONNEMENT" in cover
    assert ambassador.get_full_name() in cover

    # French text intact: accents, ligatures, guillemets and apostrophes.
    body = "".join(text)
    assert "« harmoniser sans" in body
    assert "Les œuvres sociales, l'égalité professionnelle" in " ".join(body.split())

    # Every page after the cover says where it is: "N / total".
    for number in range(2, pages + 1):
        assert re.search(rf"\b{number}\s*/\s*{pages}\s*$", text[number - 1], re.MULTILINE)


def test_the_table_of_contents_gives_the_right_pages(printed):
    _, path = printed
    text = _pages(path)
    toc = text[1]
    assert "Sommaire" in toc
    entries = {
        " ".join(title.split()): int(page)
        for title, page in re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", toc, re.MULTILINE)
    }
    assert set(CHAPTERS) | {"Annexes"} <= set(entries)
    for title, page in entries.items():
        heading = [line.strip() for line in text[page - 1].splitlines()]
        assert title in heading, f"« {title} » is not on page {page}"


def test_the_pdf_keeps_links_images_and_table_headers(printed):
    _, path = printed
    links = subprocess.run(["pdfinfo", "-url", str(path)], capture_output=True, text=True)
    assert "https://www.ademe.fr/" in links.stdout  # the link stays clickable
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    assert len(images.stdout.strip().splitlines()) >= 3  # header lines + at least one image
    # The 70-row table spans two pages; its header is repeated on each.
    pages_with_rows = [page for page in _pages(path) if "Ligne " in page and "Poste" in page]
    assert len(pages_with_rows) >= 2


# --- What the renderer may fetch ------------------------------------------------------------


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        _Counting.hits.append(self.path)
        self.send_response(302)
        self.send_header("Location", "file:///etc/passwd")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def trap():
    """An HTTP server on loopback that records every request (and redirects to a file)."""
    _Counting.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _Counting.hits
    server.shutdown()


def test_nothing_outside_our_files_is_fetched(settings, trap, tmp_path):
    base, hits = trap
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "lien.png").symlink_to(outside)
    html = f"""<html lang="fr"><head><title>Piège</title>
      <link rel="stylesheet" href="{base}/style.css">
      <link rel="stylesheet" href="file:///etc/passwd"></head><body>
      <img src="{base}/pixel.png" alt="a">
      <img src="http://169.254.169.254/latest/meta-data/" alt="b">
      <img src="file:///etc/passwd" alt="c">
      <img src="{settings.SITE_URL}/media/../../../../etc/passwd" alt="d">
      <img src="{settings.SITE_URL}/media/lien.png" alt="e">
      <img src="{settings.SITE_URL}/static/../../../../etc/passwd" alt="f">
      <p>Texte</p></body></html>"""
    fetcher = pdf.OwnFilesFetcher()
    assert pdf.write(html, fetcher).startswith(b"%PDF-")
    assert hits == []  # not one request, so no redirect to follow either
    assert len(fetcher.refused) == 8


def test_our_static_files_and_the_versions_own_pictures_are_served(settings):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", (4, 4)).save(settings.MEDIA_ROOT / "ok.png")
    PILImage.new("RGB", (4, 4)).save(settings.MEDIA_ROOT / "another-guide.png")
    fetcher = pdf.OwnFilesFetcher(media=frozenset({"ok.png"}))
    css = fetcher.fetch(f"{settings.SITE_URL}/static/{pdf.STYLESHEET}")
    assert b"@page" in css.read() and css.content_type == "text/css"
    assert fetcher.fetch(f"{settings.SITE_URL}/media/ok.png").content_type == "image/png"
    for stranger in ("another-guide.png", "./ok.png", "x/../ok.png", "OK.png"):
        with pytest.raises(ValueError):
            fetcher.fetch(f"{settings.SITE_URL}/media/{stranger}")
    with pytest.raises(ValueError):
        fetcher.fetch("https://intranet.example/static/css/guide-print.css")  # another host


# --- Serving the PDF --------------------------------------------------------------------------


def test_a_reader_downloads_the_current_or_an_older_version(
    client, printed, reader, coordinator, ambassador
):
    version, path = printed
    client.force_login(reader)
    response = client.get(reverse("guides:pdf", args=[version.guide.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="guide-des-achats-responsables-v1.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == path.read_bytes()

    guide = version.guide
    services.draft_save(by=ambassador, guide=guide, revision=guide.revision, title="Achats v2")
    services.publish(by=coordinator, guide=guide)  # v2's PDF is not rendered (no on_commit)
    older = client.get(reverse("guides:pdf", args=[guide.slug]), {"version": 1})
    assert older.status_code == 200
    assert client.get(reverse("guides:pdf", args=[guide.slug]), {"version": 9}).status_code == 404


def test_a_version_being_rendered_gets_a_page_that_refreshes(
    client, published, reader, settings, monkeypatch
):
    settings.RSE_PDF_WAIT_SECONDS = 0
    asked = []
    monkeypatch.setattr("guides.services.render_later", asked.append)
    client.force_login(reader)
    url = reverse("guides:pdf", args=[published.slug])
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 202
    page = first.content.decode()
    assert "Le PDF est en préparation" in page
    assert '<meta http-equiv="refresh" content="3">' in page
    assert [v.pk for v in asked] == [published.current_version_id]  # once for two requests


def test_a_failed_render_says_why_and_its_authors_may_retry(
    client, published, ambassador, reader, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from guides import tasks

    settings.RSE_PDF_WAIT_SECONDS = 0
    monkeypatch.setattr(pdf, "render", lambda version: 1 / 0)
    tasks.render_pdf(published.current_version_id)
    version = Version.objects.get(pk=published.current_version_id)
    assert version.pdf_state == Version.PDF.FAILED
    client.force_login(reader)
    failed = client.get(reverse("guides:pdf", args=[published.slug]))
    assert failed.status_code == 503
    assert "n'a pas pu être produit" in failed.content.decode()
    assert "Relancer" not in failed.content.decode()

    monkeypatch.undo()
    client.force_login(ambassador)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("guides:pdf_retry", args=[published.slug, 1]))
    version.refresh_from_db()
    assert version.pdf_state == Version.PDF.READY  # eager in tests: rendered after the commit
