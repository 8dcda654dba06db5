"""The story of an action, or of a resolution through its actions, told in order: the vote,
the action created, each mutuelle starting, blocked, done, the measures of its indicators,
field feedback and its answers; later apps add theirs (initiatives published, guides
published) by registering a source from their `AppConfig.ready()`: this app may not import
them."""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import quantities
from .dates import period_label
from .models import (
    Action,
    DeploymentChange,
    FieldFeedback,
    MeasurementEntry,
    Resolution,
    Status,
)


@dataclass(frozen=True)
class Event:
    when: datetime.datetime
    kind: str  # what it is, for the page's marker: vote, action, deployment, measure...
    text: str
    url: str = ""
    action: Action | None = None  # the action it belongs to, in a resolution's story


Source = Callable[[Sequence[Action]], Iterable[Event]]
_sources: list[Source] = []


def register(source: Source) -> None:
    """A later app's part of the story: `source(actions)` gives its events about them."""
    _sources.append(source)


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


STATUS_TEXT = {
    Status.IN_PROGRESS: gettext_lazy("%(where)s s'y met"),
    Status.BLOCKED: gettext_lazy("%(where)s la signale bloquée"),
    Status.DONE: gettext_lazy("%(where)s l'a réalisée"),
    Status.NOT_APPLICABLE: gettext_lazy("%(where)s la déclare non applicable"),
}


def _own_events(actions: Sequence[Action]) -> Iterable[Event]:
    by_pk = {action.pk: action for action in actions}
    for action in actions:
        yield Event(
            action.created_at,
            "action",
            _("Action %(code)s inscrite au plan : %(title)s")
            % {"code": action.code, "title": action.title},
            action.get_absolute_url(),
            action,
        )
    changes = (
        DeploymentChange.objects.filter(deployment__action__in=actions, is_review=False)
        .select_related("deployment__mutuelle")
        .order_by("changed_at", "pk")
    )
    for change in changes:
        status = change.after.get("status")
        if status not in STATUS_TEXT:
            continue
        mutuelle = change.deployment.mutuelle
        where = mutuelle.short_name if mutuelle else _("Le groupe")
        yield Event(
            change.changed_at,
            "deployment",
            str(STATUS_TEXT[status]) % {"where": where} + f" ({change.progress} %)",
            change.deployment.get_absolute_url(),
            by_pk[change.deployment.action_id],
        )
    entries = (
        MeasurementEntry.objects.filter(measurement__indicator__action__in=actions)
        .select_related("measurement__indicator", "measurement__mutuelle")
        .order_by("entered_at", "pk")
    )
    for entry in entries:
        measurement, indicator = entry.measurement, entry.measurement.indicator
        period = period_label(measurement.period, indicator.period)
        yield Event(
            entry.entered_at,
            "measure",
            _("%(mutuelle)s mesure « %(indicator)s » pour %(period)s : %(value)s %(unit)s")
            % {
                "mutuelle": measurement.mutuelle.short_name,
                "indicator": indicator.name,
                "period": period,
                "value": quantities.text(entry.value),
                "unit": indicator.unit,
            },
            indicator.get_absolute_url(),
            by_pk.get(indicator.action_id),
        )
    for feedback in FieldFeedback.objects.filter(action__in=actions).select_related("mutuelle"):
        action = by_pk[feedback.action_id]
        yield Event(
            feedback.created_at,
            "feedback",
            _("Retour du terrain de %(mutuelle)s : %(subject)s")
            % {"mutuelle": feedback.mutuelle.short_name, "subject": feedback.subject},
            "",
            action,
        )
        if feedback.handled_at and feedback.answer:
            yield Event(
                feedback.handled_at,
                "answer",
                _("La coordination répond à « %(subject)s »") % {"subject": feedback.subject},
                "",
                action,
            )


def _vote(resolution: Resolution) -> Event:
    return Event(
        _moment(resolution.voted_on),
        "vote",
        _(
            "%(resolution)s votée (%(assembly)s) : %(for)s pour, %(against)s contre, "
            "%(abstentions)s abstentions"
        )
        % {
            "resolution": resolution,
            "assembly": resolution.assembly.name,
            "for": resolution.votes_for,
            "against": resolution.votes_against,
            "abstentions": resolution.abstentions,
        },
        resolution.get_absolute_url(),
    )


def _told(actions: Sequence[Action], first: Iterable[Event]) -> list[Event]:
    events = [*first, *_own_events(actions)]
    for source in _sources:
        events.extend(source(actions))
    return sorted(events, key=lambda event: event.when)


def action_story(action: Action) -> list[Event]:
    resolutions = action.resolutions.select_related("assembly")
    return _told([action], (_vote(resolution) for resolution in resolutions))


def resolution_story(resolution: Resolution) -> list[Event]:
    actions = list(resolution.actions.select_related("plan"))
    return _told(actions, [_vote(resolution)])
