"""The minutes as a PDF, through the guides' renderer (guides.pdf: WeasyPrint fed only with
our own static files) and its print stylesheet."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from guides import pdf

from .models import Meeting


def _facts(meeting: Meeting, present: list) -> list[tuple[str, str]]:
    starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    facts = [
        (
            _("Date"),
            f"{capfirst(formats.date_format(starts, 'l j F Y'))}, "
            f"{formats.time_format(starts, 'H:i')} – {formats.time_format(ends, 'H:i')}",
        )
    ]
    if meeting.place:
        facts.append((_("Lieu"), meeting.place))
    if present:
        facts.append((_("Présents"), ", ".join(str(invitee.user) for invitee in present)))
    if meeting.minutes_frozen:
        date = formats.date_format(timezone.localtime(meeting.approved_at), "j F Y")
        state = _("Approuvé le %(date)s") % {"date": date}
    else:
        state = _("Projet, non approuvé")
    facts.append((_("État"), state))
    return facts


def html_for(meeting: Meeting) -> str:
    static = f"{settings.SITE_URL}{settings.STATIC_URL}"
    present = [i for i in meeting.invitees.all() if i.attended]
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "reunions/pdf.html",
            {
                "meeting": meeting,
                "present": present,
                "cover_facts": _facts(meeting, present),
                "stylesheet": f"{static}{pdf.STYLESHEET}",
                "logo": f"{static}{pdf.LOGO}",
            },
        )


def render(meeting: Meeting) -> bytes:
    return pdf.write(html_for(meeting))
