"""The kit's two PDFs, through the guides' renderer (guides.pdf: WeasyPrint fed only with our
own static files and the kit's own pictures): a one-page A4 summary and 16:9 slides.

Rendered on request: a kit is one page, or about ten slides, with a few thumbnails; measured
on the development machine, 0.3 to 0.8 s each (see the README). Nothing is stored, so a kit
always shows the local part and the figures as they are."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from guides import pdf

from .selectors import Kit

STYLESHEET = "css/relay-print.css"
KINDS = {"resume": "reunions/relay/summary_pdf.html", "diaporama": "reunions/relay/slides_pdf.html"}


def html_for(kit: Kit, kind: str) -> str:
    static = f"{settings.SITE_URL}{settings.STATIC_URL}"
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            KINDS[kind],
            {
                "kit": kit,
                "stylesheet": f"{static}{STYLESHEET}",
                "logo": f"{static}{pdf.LOGO}",
            },
        )


def render(kit: Kit, kind: str) -> bytes:
    return pdf.write(html_for(kit, kind), pdf.OwnFilesFetcher(media=kit.media))


def filename(kit: Kit, kind: str) -> str:
    local = f"-{kit.mutuelle.slug}" if kit.mutuelle else ""
    return f"kit-relais-{kit.slug}{local}-{kind}.pdf"
