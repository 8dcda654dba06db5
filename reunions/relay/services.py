"""The writes of the relay kit: a mutuelle's local part, and the relay sessions, each told to
the coordination as a field feedback of the plan (actionplan.services.feedback_create)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actionplan import services as plan_services
from actionplan.models import Action, Sentiment
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core.richtext import plain_text, sanitize
from guides.models import Guide
from mutuelles.models import Mutuelle, Theme
from newsletter.models import Edition

from ..models import RelayLocalPart, RelaySession

LOCAL_PART_MAX = 4000  # characters of text: a kit's local part fits on one slide and a box
ATTENDANCE_MAX = 5000


def _source_fields(source: Edition | Guide) -> dict[str, Edition | Guide]:
    return {"edition": source} if isinstance(source, Edition) else {"guide": source}


def _source_name(source: Edition | Guide) -> str:
    if isinstance(source, Edition):
        return _("lettre n° %(number)s") % {"number": source.number}
    return _("guide « %(title)s »") % {"title": source.title}


@transaction.atomic
def local_part_save(
    *, by: User, source: Edition | Guide, mutuelle: Mutuelle, title: str, text: str
) -> RelayLocalPart:
    """The mutuelle's own part of the kit (what the ambassador adds for their colleagues)."""
    check(by, Can.EDIT_MUTUELLE, mutuelle)
    text = sanitize(text or "")
    if len(plain_text(text)) > LOCAL_PART_MAX:
        raise ValidationError(
            {
                "text": _(
                    "La partie locale tient sur une diapositive : %(max)s caractères au plus."
                )
                % {"max": LOCAL_PART_MAX}
            }
        )
    part: RelayLocalPart
    part, _created = RelayLocalPart.objects.select_for_update().get_or_create(
        mutuelle=mutuelle, **_source_fields(source), defaults={"updated_by": by}
    )
    part.title, part.text = title.strip(), text
    part.updated_by, part.updated_at = by, timezone.now()
    part.save()
    return part


@transaction.atomic
def session_record(
    *,
    by: User,
    source: Edition | Guide,
    mutuelle: Mutuelle,
    held_on: datetime.date,
    attendance: int,
    reactions: str,
    questions: str = "",
    sentiment: str,
    theme: Theme | None = None,
    action: Action | None = None,
) -> RelaySession:
    """A relay session and how it went, told to the coordination as a field feedback (its
    inbox, its steering) in the same transaction: both are saved, or neither."""
    check(by, Can.EDIT_MUTUELLE, mutuelle)
    errors: dict[str, str] = {}
    if held_on > timezone.localdate():
        errors["held_on"] = _("La séance a déjà eu lieu : sa date ne peut pas être à venir.")
    if not 1 <= attendance <= ATTENDANCE_MAX:
        errors["attendance"] = _("Indiquez le nombre de participants, de 1 à %(max)s.") % {
            "max": ATTENDANCE_MAX
        }
    if not reactions.strip():
        errors["reactions"] = _("Racontez en quelques mots comment la séance a été reçue.")
    if sentiment not in Sentiment.values:
        errors["sentiment"] = _("Choisissez le ressenti d'ensemble.")
    if errors:
        raise ValidationError(errors)
    lines = [
        ngettext(
            "Séance de relais du %(date)s : %(count)s participant.",
            "Séance de relais du %(date)s : %(count)s participants.",
            attendance,
        )
        % {"date": date_format(held_on, "SHORT_DATE_FORMAT"), "count": attendance},
        "",
        _("Réactions :"),
        reactions.strip(),
    ]
    if questions.strip():
        lines += ["", _("Questions posées :"), questions.strip()]
    feedback = plan_services.feedback_create(
        by=by,
        mutuelle=mutuelle,
        subject=(_("Séance de relais · %(source)s") % {"source": _source_name(source)})[:200],
        action=action,
        theme=theme,
        sentiment=sentiment,
        text="\n".join(lines),
    )
    return RelaySession.objects.create(
        **_source_fields(source),
        mutuelle=mutuelle,
        presenter=by,
        held_on=held_on,
        attendance=attendance,
        reactions=reactions.strip(),
        questions=questions.strip(),
        sentiment=sentiment,
        theme=theme,
        action=action,
        feedback=feedback,
    )
