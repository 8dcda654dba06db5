"""What later apps contribute to the pages of earlier ones.

The apps depend one way: core <- mutuelles <- ambassadeurs <- actionplan <- initiatives <-
guides <- newsletter. An app never imports a later one (import-linter checks it), and its
templates (`templates/<app>/`) never link to a later app's URLs nor include its templates
(`tests/test_app_order.py` checks it). Only the composition root (`solimut_rse/`,
`templates/*.html`) may gather them all.

When a page of an earlier app shows what a later one holds (the initiatives and guides that
serve an action of the plan...), the page names a *slot*, and the later app registers a section
for it, from its `AppConfig.ready()`:

    contributions.register(
        "actionplan:action",
        template="initiatives/partials/action_section.html",
        context=lambda request, action: {"initiatives": selectors.action_initiatives(action)},
    )

The page's view renders the slot, `contributions.render("actionplan:action", request, action)`,
and its template places the sections it gets:

    {% for section in sections %}{{ section }}{% endfor %}

Sections come in the order of INSTALLED_APPS (the order their apps registered them), so a page
always reads the same; a section that renders nothing is left out.

The slots:
- "actionplan:action": panels beside an action's description (the object: the action).
- "actionplan:plan": buttons beside the plan's title, on the dashboard (the object: the plan).
- "ambassadeurs:working_group": panels below a working group's mission and members (the
  object: the group).
- "ambassadeurs:profile": items of the "Mon compte" list of a member's profile (the object: the
  member).
- "newsletter:edition": panels below a sent edition's page (the object: the edition).
- "guides:guide": panels at the top of a readable guide's aside (the object: the guide).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable[[object, object], dict]


_slots: dict[str, list[Section]] = {}


def register(
    slot: str, *, template: str, context: Callable[[object, object], dict] | None = None
) -> None:
    """Show `template` in `slot`, with `context(request, obj)` (the page's object)."""
    _slots.setdefault(slot, []).append(Section(template, context or (lambda request, obj: {})))


def render(slot: str, request: HttpRequest, obj: object) -> list[SafeString]:
    """The HTML of each section registered for `slot`, about `obj`, empty ones left out."""
    sections = []
    for section in _slots.get(slot, []):
        html = render_to_string(section.template, section.context(request, obj), request)
        if html.strip():
            sections.append(html)
    return sections
