"""What the search finds of this app: the plan's actions and indicators, and field feedback for
those who may read it (see `core.search`)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core import search

from . import selectors
from .models import Action, Axis, FieldFeedback, Indicator


def _readable(queryset):
    return lambda user: queryset() if can(user, Can.READ) else queryset().none()


def action_document(action: Action) -> search.Document:
    return search.Document(
        title=f"{action.code} {action.title}",
        headings=str(action.axis),
        body="\n".join(filter(None, [action.description, action.owner])),
        url=action.get_absolute_url(),
        theme_ids=[action.theme_id] if action.theme_id else [],
        date=action.plan.adopted_on,
    )


def indicator_document(indicator: Indicator) -> search.Document:
    action = indicator.action
    return search.Document(
        title=indicator.name,
        headings=str(action) if action else "",
        body=indicator.unit,
        url=action.get_absolute_url()
        if action
        else reverse("actionplan:plan") + "#indicators-title",
        theme_ids=[action.theme_id] if action and action.theme_id else [],
        date=indicator.plan.adopted_on,
    )


def feedback_document(feedback: FieldFeedback) -> search.Document:
    theme_id = feedback.theme_id or (feedback.action.theme_id if feedback.action else None)
    return search.Document(
        title=feedback.subject,
        headings=str(feedback.action) if feedback.action else "",
        body="\n".join(filter(None, [feedback.text, feedback.answer])),
        url=f"{reverse('actionplan:feedback_list')}?retour={feedback.pk}#retour-{feedback.pk}",
        mutuelle_id=feedback.mutuelle_id,
        theme_ids=[theme_id] if theme_id else [],
        date=feedback.created_at,
    )


def register() -> None:
    search.register(
        search.Kind(
            name="action",
            label=_("Action du plan"),
            plural=_("Actions du plan"),
            model=Action,
            document=action_document,
            visible=_readable(Action.objects.all),
            load=lambda: Action.objects.select_related("plan", "axis"),
            watch=[(Axis, lambda axis: axis.actions.values_list("pk", flat=True))],
        )
    )
    search.register(
        search.Kind(
            name="indicator",
            label=_("Indicateur"),
            plural=_("Indicateurs"),
            model=Indicator,
            document=indicator_document,
            visible=_readable(Indicator.objects.all),
            load=lambda: Indicator.objects.select_related("plan", "action"),
        )
    )
    search.register(
        search.Kind(
            name="feedback",
            label=_("Retour du terrain"),
            plural=_("Retours du terrain"),
            model=FieldFeedback,
            document=feedback_document,
            # The coordination reads all of it, an ambassador their mutuelle's, a reader none.
            visible=lambda user: (
                selectors.feedback_list(user)
                if can(user, Can.READ)
                else FieldFeedback.objects.none()
            ),
            load=lambda: FieldFeedback.objects.select_related("action"),
        )
    )
