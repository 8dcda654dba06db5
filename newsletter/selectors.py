"""Reads of the newsletter that other pages share."""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.todo import Entry, Item, first_entries

from .models import Edition
from .services import sending


def home_items(user: User, *, since: datetime.datetime) -> list[Item]:
    """For a coordinator, the newsletter's next step; for a reader, the letters sent since
    `since`; nothing for an ambassador (the letter is the coordinators' work)."""
    if can(user, Can.COORDINATE):
        return [next_step(today=timezone.localdate())]
    if can(user, Can.DRAFT_GUIDES):
        return []
    new, count = first_entries(
        Edition.objects.filter(status=Edition.Status.SENT, sent_at__gt=since).order_by("-number")
    )
    if not count:
        return []
    text = ngettext(
        "%(count)s nouvelle lettre ESS/RSE", "%(count)s nouvelles lettres ESS/RSE", count
    ) % {"count": count}
    entries = tuple(Entry(e.title, e.get_absolute_url(), _day(e.sent_at)) for e in new)
    return [Item(text, reverse("newsletter:archive"), _("Toutes les lettres"), entries)]


def next_step(*, today: datetime.date) -> Item:
    """Where the monthly letter stands: an edition being sent, waiting to be sent, or the month
    that just ended not assembled yet; else when its letter went out."""
    month_end = today.replace(day=1) - datetime.timedelta(days=1)
    # The editions not sent yet and those of the month that ended, read at once.
    editions = list(
        Edition.objects.filter(
            ~Q(status=Edition.Status.SENT) | Q(period_end__gte=month_end)
        ).order_by("-number")
    )
    pending = [e for e in editions if e.status != Edition.Status.SENT]
    if pending:  # the one being sent first, else the latest
        sent_now = [e for e in pending if e.status == Edition.Status.SENDING]
        return _pending((sent_now or pending)[0])
    month = date_format(month_end, "F Y")
    last = editions[0] if editions else None
    if last is None:
        return Item(
            _("La lettre du mois écoulé (%(month)s) n'est pas encore préparée.") % {"month": month},
            reverse("newsletter:archive"),
            _("Préparer la lettre"),
        )
    return Item(
        _("La lettre n° %(number)s est partie le %(date)s.")
        % {"number": last.number, "date": _day(last.sent_at)},
        last.get_absolute_url(),
        _("La lire"),
        to_do=False,
    )


def _pending(edition: Edition) -> Item:
    url, number = edition.get_absolute_url(), edition.number
    if edition.status == Edition.Status.SENDING:
        if edition.paused_reason:
            text = _("L'envoi de la lettre n° %(number)s est suspendu.") % {"number": number}
            return Item(text, url, _("Reprendre l'envoi"))
        percent = sending.progress(edition)["percent"]
        text = _("Envoi de la lettre n° %(number)s en cours : %(percent)s %%.") % {
            "number": number,
            "percent": percent,
        }
        return Item(text, url, _("Suivre l'envoi"), to_do=False)
    if edition.status == Edition.Status.SCHEDULED and edition.scheduled_at:
        text = _("La lettre n° %(number)s partira le %(date)s.") % {
            "number": number,
            "date": _day(edition.scheduled_at),
        }
        return Item(text, url, _("Relire"), to_do=False)
    text = _("La lettre n° %(number)s attend d'être relue et envoyée.") % {"number": number}
    return Item(text, url, _("Relire et envoyer"))


def _day(value: datetime.datetime | None) -> str:
    return date_format(timezone.localtime(value), "j F Y") if value else ""
