"""The printed guide: WeasyPrint, fed only with the project's own static and media files."""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .models import Version
from .text import outline

logger = logging.getLogger(__name__)

# Named by their plain paths, which the fetcher finds on disk: the hashed names of the
# production storage exist only in STATIC_ROOT.
STYLESHEET = "css/guide-print.css"
LOGO = "img/logo.svg"


class RefusedURL(ValueError):
    """A document asked for something that is not one of our files."""


class OwnFilesFetcher(URLFetcher):
    """Serves our static files (`<SITE_URL>/static/…`) and the stored files named in `media`
    (`<SITE_URL>/media/<name>`: the version's own pictures) and refuses every other URL: other
    files, other hosts, internal addresses, `file://`, `data:`, redirects (nothing goes on the
    network, so there is nothing to redirect)."""

    def __init__(self, media: frozenset[str] = frozenset()):
        super().__init__(allowed_protocols=("http", "https"), allow_redirects=False)
        self.media = media
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        try:
            path = self._local_path(url)
        except RefusedURL:
            self.refused.append(url)
            logger.warning("PDF: refused to fetch %s", url[:200])
            raise
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})

    def _local_path(self, url: str) -> Path:
        site = urlsplit(settings.SITE_URL)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            raise RefusedURL(url)
        path = unquote(parts.path)
        try:
            if path.startswith(settings.STATIC_URL):
                found = finders.find(path.removeprefix(settings.STATIC_URL))
                root = None
            elif path.removeprefix(settings.MEDIA_URL) in self.media:
                found = default_storage.path(path.removeprefix(settings.MEDIA_URL))
                root = Path(settings.MEDIA_ROOT).resolve()
            else:
                raise RefusedURL(url)
        except SuspiciousFileOperation as error:
            raise RefusedURL(url) from error
        if not found:
            raise RefusedURL(url)
        resolved = Path(found).resolve()
        if root is not None and not resolved.is_relative_to(root):
            raise RefusedURL(url)  # a symbolic link out of the media folder
        if not resolved.is_file():
            raise RefusedURL(url)
        return resolved


def html_for(version: Version) -> str:
    """The printable HTML of a version: cover, table of contents, body."""
    body, headings = outline(version.body)
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "guides/pdf.html",
            {
                "version": version,
                "guide": version.guide,
                "body": body,
                "headings": headings,
                "stylesheet": f"{settings.SITE_URL}{settings.STATIC_URL}{STYLESHEET}",
                "logo": f"{settings.SITE_URL}{settings.STATIC_URL}{LOGO}",
                "site_url": settings.SITE_URL,
                "cover_facts": [
                    (_("Version"), version.number),
                    (
                        _("Publiée le"),
                        formats.date_format(timezone.localtime(version.published_at), "j F Y"),
                    ),
                    (_("Rédaction"), version.authors_names),
                ],
            },
        )


# A tagged PDF (PDF/UA-1), its pictures optimised: for every document the project prints.
OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "optimize_images": True}


def layout(html: str, fetcher: OwnFilesFetcher | None = None) -> weasyprint.document.Document:
    """HTML laid out in pages, not yet written (long documents say how far they are between
    the two steps)."""
    document = weasyprint.HTML(
        string=html, base_url=settings.SITE_URL + "/", url_fetcher=fetcher or OwnFilesFetcher()
    )
    return document.render(**OPTIONS)


def write(html: str, fetcher: OwnFilesFetcher | None = None) -> bytes:
    """HTML to a tagged PDF (PDF/UA-1): the same call the benchmark compares with."""
    return layout(html, fetcher).write_pdf(**OPTIONS)


def render(version: Version) -> bytes:
    pictures = frozenset(version.guide.pictures.values_list("image", flat=True))
    return write(html_for(version), OwnFilesFetcher(media=pictures))
