"""The filtered list of initiatives as CSV or XLSX, for coordinators."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from core import tabular


def _rows(initiatives):
    yield [
        _("Titre"),
        _("Mutuelle"),
        _("Thèmes"),
        _("État"),
        _("Transposabilité"),
        _("Début"),
        _("Fin"),
        _("Lieu"),
        _("Participants"),
        _("Budget (€)"),
        _("Reprises"),
        _("Publiée"),
        _("Résumé"),
    ]
    for i in initiatives:
        yield [
            i.title,
            i.mutuelle.name,
            ", ".join(t.name for t in i.themes.all()),
            i.get_status_display(),
            i.get_transposability_display(),
            i.starts_on,
            i.ends_on,
            i.place,
            i.participants,
            i.budget,
            i.replication_count,
            _("oui") if i.is_published else _("non"),
            i.summary,
        ]


def response(initiatives, fmt: str) -> HttpResponse:
    if fmt not in tabular.CONTENT_TYPES:
        raise Http404
    return tabular.response(_rows(initiatives), fmt=fmt, name="initiatives", title=_("Initiatives"))
