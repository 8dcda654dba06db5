"""The minutes as a PDF, through the guides' renderer (guides.pdf: WeasyPrint fed only with
our own static files) and its print stylesheet."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from guides import pdf

from .models import Meeting


def html_for(meeting: Meeting) -> str:
    static = f"{settings.SITE_URL}{settings.STATIC_URL}"
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "reunions/pdf.html",
            {
                "meeting": meeting,
                "present": [i for i in meeting.invitees.all() if i.attended],
                "stylesheet": f"{static}{pdf.STYLESHEET}",
                "logo": f"{static}{pdf.LOGO}",
            },
        )


def render(meeting: Meeting) -> bytes:
    return pdf.write(html_for(meeting))
