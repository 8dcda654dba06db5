"""Every named URL x every role x every method the view accepts: the answer the product
intends, and for a refused write, a database left exactly as it was.

The table below is the specification: one row per project URL (a few URLs have a second row,
on a draft or a hidden object, where that changes the answer); the admin's and allauth's URLs
follow one stated rule per namespace. A URL the resolver holds and the table lacks, or a row
naming a URL that no longer exists, fails `test_the_table_covers_the_resolver`.

Columns, always in this order: anonymous visitor, reader of mutuelle Armor, ambassador of
Armor ("the object's mutuelle": every object below belongs to Armor, or is written by that
ambassador for guides), ambassador of Arverne ("another"), coordinator, administrator.

Answers: LOGIN (302 to the sign-in page), 200, 302 (elsewhere than sign-in, nothing written:
a refusal the view explains in a message, or a write-free action), SAVED (302 and the database
changed; `Written(200)` likewise for a 200: the POST data is a valid one, so the same POST
refused to another role proves the refusal), 403, 404 (the object is hidden from that role),
405 (method not accepted). Every answer but SAVED and `Written` must leave every table of the
database unchanged: a refused POST (LOGIN, 403, 404, 405) wrote nothing.

One database set-up for the module (rolled back at its end); each request runs in its own
savepoint, with its own copy of the stored files, so no answer depends on another.
"""

import datetime
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import factory.random
import pytest
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import get_resolver, reverse
from django.utils import timezone

from actionplan import services as plan_services
from actionplan.models import (
    Action,
    ActionPlan,
    Assembly,
    Axis,
    Indicator,
    Measurement,
    PlanImport,
    Resolution,
    Scope,
)
from ambassadeurs import services as people_services
from ambassadeurs.models import Invitation, Role
from guides import services as guide_services
from guides.models import Version
from initiatives import services as initiative_services
from initiatives.models import Audience, Comment, Initiative
from mutuelles import frameworks
from mutuelles.models import Framework, FrameworkEntry
from newsletter.models import Block, Edition, Subscriber
from newsletter.rendering import picture_url
from rapports.models import Report, ReportVersion
from reunions import services as meeting_services
from reunions.models import FeedToken, Meeting
from solimut_rse.celery import app as celery_app
from tests.factories import MutuelleFactory, ThemeFactory, UserFactory, WorkingGroupFactory
from tests.initiatives.conftest import jpeg
from tests.test_urls import walk

ROLES = ("anonymous", "reader", "ambassador", "other_ambassador", "coordinator", "admin")

LOGIN = "302 to sign-in"


@dataclass(frozen=True)
class Written:
    """The answer to an accepted POST, and the database changed."""

    status: int


SAVED = Written(302)

# Shorthands for the commonest rows.
EVERYONE = (LOGIN, 200, 200, 200, 200, 200)
NOT_ALLOWED = (LOGIN, 405, 405, 405, 405, 405)  # the method, for every member
COORDINATORS = (LOGIN, 403, 403, 403, 200, 200)
COORDINATORS_SAVE = (LOGIN, 403, 403, 403, SAVED, SAVED)
HIDDEN_DRAFT = (LOGIN, 404, 200, 404, 200, 200)
# A meeting of the group led by Armor's ambassador, Armor's reader a member and invited; the
# other ambassador is no member (404).
MEETING_READ = (LOGIN, 200, 200, 404, 200, 200)
MEETING_SAVE = (LOGIN, SAVED, SAVED, 404, SAVED, SAVED)
LEAD = (LOGIN, 403, 200, 404, 200, 200)
LEAD_SAVE = (LOGIN, 403, SAVED, 404, SAVED, SAVED)  # Armor's draft: Armor and coordinators
HIDDEN_DRAFT_SAVE = (LOGIN, 404, SAVED, 404, SAVED, SAVED)
ARMOR_SAVE = (LOGIN, 403, SAVED, 403, SAVED, SAVED)  # a published object of Armor
# The relay kits: ambassadors and the coordination; readers read the letter and guides.
RELAY = (LOGIN, 403, 200, 200, 200, 200)
RELAY_SAVE = (LOGIN, 403, SAVED, SAVED, SAVED, SAVED)


@dataclass(frozen=True)
class Row:
    name: str
    args: Callable = lambda w: []
    get: tuple | None = None
    post: tuple | None = None
    head: tuple | None = None
    # The POST's data, built for each request (uploads are read once); a GET's query string.
    data: Callable = lambda w: {}
    query: Callable = lambda w: {}
    variant: str = ""
    # Generated rows (admin, allauth) follow redirects within the site: see their rules.
    follow: bool = False

    @property
    def id(self):
        return f"{self.name}[{self.variant}]" if self.variant else self.name

    def methods(self):
        return {m: e for m, e in (("GET", self.get), ("POST", self.post), ("HEAD", self.head)) if e}


def picture_signed(image):
    return picture_url(image).rstrip("/").rsplit("/", 1)[-1]


def _jpeg():
    return SimpleUploadedFile("photo.jpg", jpeg(size=(40, 30)).getvalue(), "image/jpeg")


def _pdf():
    return SimpleUploadedFile("ordre-du-jour.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")


def _csv(name, text):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


# --- The table ---------------------------------------------------------------------------------

PROJECT = [
    # The composition root.
    Row("home", get=EVERYONE, post=NOT_ALLOWED),
    Row("showcase", get=EVERYONE, post=NOT_ALLOWED),
    # The accessibility statement is public (linked from the sign-in page's footer too).
    Row("accessibility", get=(200,) * 6, post=(405,) * 6),
    Row("site_map", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "healthz",
        get=(200,) * 6,
        head=(200,) * 6,
        post=(405,) * 6,  # public: the method is refused before anything else
    ),
    Row(
        "set_language",
        # Public; GET only redirects back (no language is set), POST sets the cookie: no row.
        get=(302,) * 6,
        post=(302,) * 6,
        data=lambda w: {"language": "en", "next": "/"},
    ),
    # The search page answers every member; what each one finds is tests/search/test_page.py's.
    Row("search", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "search",
        get=EVERYONE,
        post=NOT_ALLOWED,
        query=lambda w: {"q": "initiative", "kind": "initiative", "year": "2026", "page": "2"},
        variant="query and filters",
    ),
    Row("mutuelles:list", get=EVERYONE, post=NOT_ALLOWED),
    Row("mutuelles:detail", lambda w: [w.armor.slug], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "media",
        lambda w: [w.draft_image.image.name],
        variant="picture of a draft",
        get=HIDDEN_DRAFT,
        head=HIDDEN_DRAFT,
        post=NOT_ALLOWED,
    ),
    Row(
        "media",
        lambda w: [w.published_image.image.name],
        variant="picture of a published initiative",
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    # The action plan.
    Row("actionplan:plan", get=EVERYONE, post=NOT_ALLOWED),
    Row("actionplan:my_mutuelle", get=EVERYONE, post=NOT_ALLOWED),
    Row("actionplan:follow_up", get=COORDINATORS, post=NOT_ALLOWED),
    Row("actionplan:axis", lambda w: [w.axis.pk], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "actionplan:action_create",
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would create action 1.7
        data=lambda w: {
            "axis": w.axis.pk,
            "code": "1.7",
            "title": "Nouvelle action",
            "scope": "mutuelle",
        },
    ),
    Row("actionplan:action", lambda w: [w.action.pk], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "actionplan:action_edit",
        lambda w: [w.action.pk],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would rename action 1.1
        data=lambda w: {
            "axis": w.axis.pk,
            "code": "1.1",
            "title": "Dépistage renommé",
            "scope": "mutuelle",
        },
    ),
    Row(
        "actionplan:action_delete",
        lambda w: [w.action.pk],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would delete action 1.1 and its deployments
    ),
    Row("actionplan:deployment", lambda w: [w.deployment.pk], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "actionplan:deployment_edit",
        lambda w: [w.deployment.pk],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would change Armor's progress on action 1.1
        data=lambda w: {"status": "in_progress", "progress": "60", "local_approach": "Local"},
    ),
    Row(
        "actionplan:weekly_update",
        lambda w: [w.armor.slug],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would change Armor's action 1.1 and record a value of its indicator
        data=lambda w: {
            f"d{w.deployment.pk}-status": "in_progress",
            f"d{w.deployment.pk}-progress": "60",
            f"d{w.deployment.pk}-next_step": "Relance",
            f"d{w.deployment.pk}-local_approach": "",
            "period": "2026-07-01",
            f"m{w.indicator.pk}": "82,5",
        },
    ),
    Row(
        "actionplan:feedback",
        lambda w: [w.armor.slug],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would file a field feedback in Armor's name
        data=lambda w: {
            "subject": "Retour des agences",
            "sentiment": "positive",
            "text": "Les collègues adhèrent.",
        },
    ),
    # Field feedback: Armor's for its ambassador, all of it for the coordination.
    Row("actionplan:feedback_list", get=(LOGIN, 403, 200, 200, 200, 200), post=NOT_ALLOWED),
    Row(
        "actionplan:feedback_answer",
        lambda w: [w.feedback.pk],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would answer Armor's feedback
        data=lambda w: {f"retour-{w.feedback.pk}-answer": "C'est noté.", "action": "repondre"},
    ),
    Row(
        "actionplan:manage",
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would rename the current plan
        data=lambda w: {
            "title": "Plan d'action RSE révisé",
            "assembly": "AG du 18 juin 2026",
            "adopted_on": "2026-06-18",
            "starts_on": "2026-07-01",
            "ends_on": "2028-06-30",
            "is_current": "on",
        },
    ),
    Row(
        "actionplan:axis_create",
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would add axis 3
        data=lambda w: {"axis-number": "3", "axis-title": "Gouvernance"},
    ),
    Row(
        "actionplan:axis_edit",
        lambda w: [w.axis.pk],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would rename axis 1
        data=lambda w: {f"axis-{w.axis.pk}-number": "1", f"axis-{w.axis.pk}-title": "Soins"},
    ),
    Row(
        "actionplan:indicator_create",
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would add an indicator
        data=lambda w: {
            "name": "Tonnes de CO2",
            "unit": "t",
            "direction": "decrease",
            "target": "12",
        },
    ),
    Row(
        "actionplan:indicator_edit",
        lambda w: [w.indicator.pk],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would change the indicator's target
        data=lambda w: {
            f"ind-{w.indicator.pk}-name": "Index égalité",
            f"ind-{w.indicator.pk}-unit": "points",
            f"ind-{w.indicator.pk}-target": "90",
            f"ind-{w.indicator.pk}-direction": "increase",
        },
    ),
    Row(
        "actionplan:import",
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would import action 1.8
        data=lambda w: {"file": _csv("plan.csv", "axe;code;titre\n1;1.8;Bonne\n")},
    ),
    Row(
        "actionplan:export",
        lambda w: ["matrice", "csv"],
        get=COORDINATORS,
        post=NOT_ALLOWED,
    ),
    Row(
        "actionplan:export",
        lambda w: ["classeur", "xlsx"],
        get=COORDINATORS,
        post=NOT_ALLOWED,
        query=lambda w: {"au": "2026-10-01"},
        variant="classeur",
    ),
    Row("actionplan:import_job", lambda w: [w.plan_import.pk], get=COORDINATORS, post=NOT_ALLOWED),
    Row(
        "actionplan:import_progress",
        lambda w: [w.plan_import.pk],
        get=COORDINATORS,
        post=NOT_ALLOWED,
    ),
    # The AG's resolutions and the indicator registry.
    Row("actionplan:resolutions", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "actionplan:assembly_create",
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would add an AG
        data=lambda w: {"ag-name": "AG extraordinaire", "ag-held_on": "2026-10-01"},
    ),
    Row(
        "actionplan:resolution_create",
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would add resolution 7 to the June AG
        data=lambda w: {**w.resolution_form, "number": "7"},
    ),
    Row("actionplan:resolution", lambda w: [w.resolution.pk], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "actionplan:resolution_story",
        lambda w: [w.resolution.pk],
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row("actionplan:action_story", lambda w: [w.action.pk], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "actionplan:resolution_edit",
        lambda w: [w.resolution.pk],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would change the votes of resolution 3
        data=lambda w: {**w.resolution_form, "votes_for": "120"},
    ),
    Row("actionplan:indicators", get=EVERYONE, post=NOT_ALLOWED),
    Row("actionplan:indicator", lambda w: [w.indicator.pk], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "actionplan:indicator_registry",
        lambda w: [w.indicator.pk],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would define the indicator, yearly and added up
        data=lambda w: {"definition": "Note sur 100", "period": "year", "rollup": "sum"},
    ),
    Row(
        "actionplan:indicator_targets",
        lambda w: [w.indicator.pk],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would give Armor a target of its own
        data=lambda w: {"cible-armor": "88 points"},
    ),
    Row(
        "actionplan:measure",
        lambda w: [w.indicator.pk, w.armor.slug],
        get=(LOGIN, 403, 200, 403, 200, 200),
        post=ARMOR_SAVE,  # would record Armor's value of the indicator, with its evidence
        data=lambda w: {
            "period": "2026-07-01",
            "value": "82",
            "evidence": SimpleUploadedFile("index.pdf", b"%PDF-1.4 index", "application/pdf"),
        },
    ),
    # The CSR frameworks (the composition root: they gather every app's tags).
    Row("frameworks", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "framework_entry_create",
        lambda w: [w.entry.framework.slug],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would add an entry to the SDGs
        data=lambda w: {"code": "ODD 18", "label": "Objectif local"},
    ),
    Row(
        "framework_entry_edit",
        lambda w: [w.entry.pk],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would rename SDG 3
        data=lambda w: {"code": "ODD 3", "label": "Santé et bien-être"},
    ),
    # Initiatives.
    Row("initiatives:list", get=EVERYONE, post=NOT_ALLOWED),
    Row("initiatives:export", lambda w: ["csv"], get=COORDINATORS, post=NOT_ALLOWED),
    Row(
        "initiatives:create",
        # Any ambassador writes for their own mutuelle (the form has no mutuelle for them).
        get=(LOGIN, 403, 200, 200, 200, 200),
        post=(LOGIN, 403, SAVED, SAVED, SAVED, SAVED),
        data=lambda w: {**w.initiative_form, "title": "Atelier vélo"},
    ),
    Row(
        "initiatives:upload",
        # A picture sent ahead of the initiative's form: kept for whoever may write one.
        get=NOT_ALLOWED,
        post=(LOGIN, 403, Written(200), Written(200), Written(200), Written(200)),
        data=lambda w: {"file": _jpeg(), "kind": "picture"},
    ),
    Row(
        "initiatives:detail",
        lambda w: [w.initiative.pk],
        variant="published",
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row(
        "initiatives:detail",
        lambda w: [w.draft.pk],
        variant="draft",
        get=HIDDEN_DRAFT,
        post=NOT_ALLOWED,
    ),
    Row(
        "initiatives:edit",
        lambda w: [w.draft.pk],
        variant="draft",
        get=HIDDEN_DRAFT,
        post=HIDDEN_DRAFT_SAVE,  # would rewrite Armor's draft
        data=lambda w: w.initiative_form,
    ),
    Row(
        "initiatives:edit",
        lambda w: [w.initiative.pk],
        variant="published",
        get=(LOGIN, 403, 200, 403, 200, 200),
        post=ARMOR_SAVE,  # would rewrite Armor's published initiative
        data=lambda w: w.initiative_form,
    ),
    Row(
        "initiatives:publish",
        lambda w: [w.draft.pk],
        get=NOT_ALLOWED,
        post=HIDDEN_DRAFT_SAVE,  # would publish Armor's draft
    ),
    Row(
        "initiatives:delete",
        lambda w: [w.initiative.pk],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would delete Armor's initiative
    ),
    Row("initiatives:media", lambda w: [w.draft.pk], get=HIDDEN_DRAFT, post=NOT_ALLOWED),
    Row(
        "initiatives:image_delete",
        lambda w: [w.draft.pk, w.draft_image.pk],
        get=NOT_ALLOWED,
        post=HIDDEN_DRAFT_SAVE,  # would remove the draft's picture
    ),
    Row(
        "initiatives:attachment_download",
        lambda w: [w.draft.pk, w.draft_attachment.pk],
        variant="draft",
        get=HIDDEN_DRAFT,
        head=HIDDEN_DRAFT,
        post=NOT_ALLOWED,
    ),
    Row(
        "initiatives:attachment_download",
        lambda w: [w.initiative.pk, w.attachment.pk],
        variant="published",
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row(
        "initiatives:attachment_delete",
        lambda w: [w.initiative.pk, w.attachment.pk],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would remove the published initiative's file
    ),
    Row(
        "initiatives:replicate",
        lambda w: [w.initiative.pk],
        get=NOT_ALLOWED,
        # Armor's ambassador: "already an initiative of your mutuelle"; coordinators belong to
        # no mutuelle: both told why in a message, nothing written.
        post=(LOGIN, 403, 302, SAVED, 302, 302),
        data=lambda w: {"reprise-notes": "Chez nous aussi", "reprise-status": "considering"},
    ),
    Row(
        "initiatives:comment",
        lambda w: [w.initiative.pk],
        get=NOT_ALLOWED,
        post=(LOGIN, SAVED, SAVED, SAVED, SAVED, SAVED),
        data=lambda w: {"text": "Bravo !"},
    ),
    Row(
        "initiatives:comment_hide",
        lambda w: [w.initiative.pk, w.comment.pk],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would hide a colleague's comment
    ),
    # Guides (the object's ambassador is the guides' author).
    Row("guides:list", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "guides:create",
        get=(LOGIN, 403, 200, 200, 200, 200),
        post=(LOGIN, 403, SAVED, SAVED, SAVED, SAVED),
        data=lambda w: {
            "title": "Guide du covoiturage",
            "summary": "Partager ses trajets.",
            "theme": w.theme.pk,
            "body": "<p>Texte</p>",
            "revision": "1",
        },
    ),
    Row(
        "guides:detail",
        lambda w: [w.guide.slug],
        variant="published",
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row(
        "guides:detail",
        lambda w: [w.guide_draft.slug],
        variant="draft",
        get=(LOGIN, 404, 302, 404, 302, 302),  # its editors are taken to the draft
        post=NOT_ALLOWED,
    ),
    Row("guides:pdf", lambda w: [w.guide.slug], get=EVERYONE, head=EVERYONE, post=NOT_ALLOWED),
    Row("guides:draft", lambda w: [w.guide_draft.slug], get=HIDDEN_DRAFT, post=NOT_ALLOWED),
    Row(
        "guides:edit",
        lambda w: [w.guide_draft.slug],
        get=HIDDEN_DRAFT,
        post=HIDDEN_DRAFT_SAVE,  # would rewrite the draft
        data=lambda w: {
            "title": w.guide_draft.title,
            "summary": "Un autre résumé.",
            "theme": w.theme.pk,
            "body": "<p>Réécrit</p>",
            "authors": [w.ambassador.pk],
            "revision": w.guide_draft.revision,
        },
    ),
    Row(
        "guides:submit",
        lambda w: [w.guide_draft.slug],
        get=NOT_ALLOWED,
        post=HIDDEN_DRAFT_SAVE,  # would put the draft in review
    ),
    Row(
        "guides:publish",
        lambda w: [w.guide_draft.slug],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would publish version 1
        data=lambda w: {"revision": w.guide_draft.revision, "note": "Première version"},
    ),
    Row(
        "guides:send_back",
        lambda w: [w.guide_review.slug],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would send the guide in review back to its authors
        data=lambda w: {"comment": "À reprendre"},
    ),
    Row(
        "guides:archive",
        lambda w: [w.guide.slug],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would archive the published guide
    ),
    Row("guides:compare", lambda w: [w.guide.slug], get=EVERYONE, post=NOT_ALLOWED),
    Row("guides:version", lambda w: [w.guide.slug, 1], get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "guides:pdf_retry",
        lambda w: [w.guide_failed.slug, 1],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would queue the failed PDF again
    ),
    Row(
        "guides:tool_add",
        lambda w: [w.guide.slug],
        get=NOT_ALLOWED,
        post=ARMOR_SAVE,  # would join a tool to the published guide
        data=lambda w: {"tool-file": _csv("grille.csv", "critère;note\n"), "tool-title": "Grille"},
    ),
    Row(
        "guides:tool",
        lambda w: [w.guide.slug, w.tool.pk],
        variant="published",
        get=EVERYONE,
        head=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row(
        "guides:tool",
        lambda w: [w.guide_draft.slug, w.draft_tool.pk],
        variant="draft",
        get=HIDDEN_DRAFT,
        post=NOT_ALLOWED,
    ),
    Row(
        "guides:tool_delete",
        lambda w: [w.guide_draft.slug, w.draft_tool.pk],
        get=NOT_ALLOWED,
        post=HIDDEN_DRAFT_SAVE,  # would remove the draft's tool
    ),
    Row(
        "guides:picture_add",
        lambda w: [w.guide_draft.slug],
        get=NOT_ALLOWED,
        # The editor's image button: the picture's address as JSON.
        post=(LOGIN, 404, Written(200), 404, Written(200), Written(200)),
        data=lambda w: {"image": _jpeg()},
    ),
    # The newsletter: edition 1 is sent; 2 a draft, 3 scheduled, 4 paused while sending.
    Row("newsletter:archive", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "newsletter:assemble",
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would create edition 5
        data=lambda w: {"period_start": "2026-10-01", "period_end": "2026-10-31"},
    ),
    Row(
        "newsletter:subscribers",
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would import a subscriber
        data=lambda w: {"file": _csv("abonnes.csv", "email;nom\nnouveau@armor.example;Nouveau\n")},
    ),
    Row(
        "newsletter:subscription",
        get=EVERYONE,
        post=(LOGIN, SAVED, SAVED, SAVED, SAVED, SAVED),  # each member's own
        data=lambda w: {"subscribed": "0"},
    ),
    Row(
        "newsletter:unsubscribe",
        lambda w: [w.subscriber.token],
        # Public: the token is the secret (one-click unsubscribe from a mail client).
        get=(200,) * 6,
        post=(Written(200),) * 6,
    ),
    Row(
        "newsletter:edition",
        lambda w: [1],
        variant="sent",
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row(
        "newsletter:edition",
        lambda w: [2],
        variant="draft",
        get=(LOGIN, 404, 404, 404, 200, 200),
        post=NOT_ALLOWED,
    ),
    Row(
        "newsletter:update",
        lambda w: [2],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,
        data=lambda w: {"title": "Lettre d'octobre", "editorial": "<p>Bonjour</p>"},
    ),
    Row(
        "newsletter:block_add",
        lambda w: [2],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,
        data=lambda w: {"bloc-title": "Nouveau bloc", "bloc-body": "<p>Texte</p>"},
    ),
    Row(
        "newsletter:block_change",
        lambda w: [2, w.block.pk],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would delete the block
        data=lambda w: {"action": "supprimer"},
    ),
    Row("newsletter:preview", lambda w: [2], get=COORDINATORS, post=NOT_ALLOWED),
    Row(
        "newsletter:test_send",
        lambda w: [2],
        get=NOT_ALLOWED,
        post=(LOGIN, 403, 403, 403, 302, 302),  # an e-mail to the coordinator, no row
    ),
    Row(
        "newsletter:send",
        lambda w: [2],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would start sending to every subscriber
        data=lambda w: {"at": ""},
    ),
    Row("newsletter:unschedule", lambda w: [3], get=NOT_ALLOWED, post=COORDINATORS_SAVE),
    Row("newsletter:resume", lambda w: [4], get=NOT_ALLOWED, post=COORDINATORS_SAVE),
    Row("newsletter:progress", lambda w: [4], get=COORDINATORS, post=NOT_ALLOWED),
    Row("newsletter:report", lambda w: [1], get=COORDINATORS, post=NOT_ALLOWED),
    Row(
        "newsletter:report",
        lambda w: [2],
        variant="draft",
        get=(LOGIN, 403, 403, 403, 302, 302),  # not sent: no report, said in a message
        post=NOT_ALLOWED,
    ),
    Row("newsletter:report_export", lambda w: [1, "csv"], get=COORDINATORS, post=NOT_ALLOWED),
    Row(
        "newsletter:report_export",
        lambda w: [2, "xlsx"],
        variant="draft",
        get=(LOGIN, 403, 403, 403, 302, 302),
        post=NOT_ALLOWED,
    ),
    Row(
        "newsletter:picture",
        lambda w: [picture_signed(w.published_image)],
        variant="published initiative",
        # Public: a mail client has no session; the signature is the secret.
        get=(200,) * 6,
        head=(200,) * 6,
        post=(405,) * 6,
    ),
    Row(
        "newsletter:picture",
        lambda w: [picture_signed(w.draft_image)],
        variant="draft initiative",
        get=(404,) * 6,
        post=(405,) * 6,
    ),
    # Members, working groups, invitations.
    Row("ambassadeurs:directory", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "ambassadeurs:member",
        lambda w: [w.reader.pk],
        variant="active",
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row(
        "ambassadeurs:member",
        lambda w: [w.departed.pk],
        variant="inactive",
        get=(LOGIN, 404, 404, 404, 200, 200),
        post=NOT_ALLOWED,
    ),
    Row(
        "ambassadeurs:member_access",
        lambda w: [w.reader.pk],
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would make the reader an ambassador
        data=lambda w: {"role": "ambassador", "mutuelle": w.armor.pk, "is_active": "on"},
    ),
    Row(
        "ambassadeurs:member_erase",
        lambda w: [w.departed.pk],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would erase the departed member's personal data
        data=lambda w: {"content": "kept", "confirm": "on"},
    ),
    # The record of who changed what: the coordination's (core.history).
    Row("ambassadeurs:journal", get=COORDINATORS, post=NOT_ALLOWED),
    Row(
        "ambassadeurs:journal",
        variant="filtered",
        query=lambda w: {"kind": "initiative", "mutuelle": w.armor.pk, "type": "~"},
        get=COORDINATORS,
    ),
    Row("ambassadeurs:journal_export", lambda w: ["csv"], get=COORDINATORS, post=NOT_ALLOWED),
    Row("ambassadeurs:journal_export", lambda w: ["xlsx"], variant="xlsx", get=COORDINATORS),
    Row(
        "ambassadeurs:journal_export",
        lambda w: ["pdf"],
        variant="unknown format",
        get=(LOGIN, 403, 403, 403, 404, 404),
    ),
    Row(
        "ambassadeurs:journal_object",
        lambda w: ["initiative", w.initiative.pk],
        get=COORDINATORS,
        post=NOT_ALLOWED,
    ),
    Row(
        "ambassadeurs:journal_object",
        lambda w: ["membre", w.reader.pk],
        variant="member",
        get=COORDINATORS,
    ),
    Row(
        "ambassadeurs:journal_object",
        lambda w: ["inconnu", 1],
        variant="unknown kind",
        get=(LOGIN, 403, 403, 403, 404, 404),
    ),
    Row("ambassadeurs:my_data", get=EVERYONE, post=NOT_ALLOWED),  # each member's own ZIP
    Row(
        "ambassadeurs:profile",
        get=EVERYONE,
        post=(LOGIN, SAVED, SAVED, SAVED, SAVED, SAVED),  # each member's own
        data=lambda w: {"first_name": "Camille", "last_name": "Martin", "job_title": "RSE"},
    ),
    Row("ambassadeurs:working_groups", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "ambassadeurs:working_group",
        lambda w: [w.group.slug],
        get=EVERYONE,
        post=NOT_ALLOWED,
    ),
    Row(
        "ambassadeurs:working_group_membership",
        lambda w: [w.group.slug],
        get=NOT_ALLOWED,
        post=(LOGIN, SAVED, SAVED, SAVED, SAVED, SAVED),  # each member joins for themselves
    ),
    # Meetings and the agenda.
    Row("reunions:agenda", get=EVERYONE, post=NOT_ALLOWED),
    Row(
        "reunions:agenda",
        get=EVERYONE,
        post=NOT_ALLOWED,
        query=lambda w: {"vue": "mois", "mois": "2026-12"},
        variant="month",
    ),
    Row(
        "reunions:feed_reset",
        get=NOT_ALLOWED,
        post=(LOGIN, SAVED, SAVED, SAVED, SAVED, SAVED),  # each member's own feed
    ),
    Row(
        "reunions:feed",
        lambda w: [w.feed_token],
        # Public: a calendar application has no session; the secret URL is the key.
        get=(200,) * 6,
        head=(200,) * 6,
        post=(405,) * 6,
    ),
    Row(
        "reunions:feed",
        lambda w: ["ancien-secret"],
        variant="reset or unknown secret",
        get=(404,) * 6,
        post=(405,) * 6,
    ),
    Row(
        "reunions:meeting_create",
        get=(LOGIN, 403, 200, 403, 200, 200),  # the group's lead and the coordination
        post=(LOGIN, 403, SAVED, 403, SAVED, SAVED),
        data=lambda w: {
            "group": w.meeting_group.pk,
            "title": "Atelier",
            "starts_at": "2027-01-12T14:00",
            "ends_at": "2027-01-12T16:00",
            "invite_group": "on",
        },
    ),
    Row("reunions:meeting", lambda w: [w.meeting.pk], get=MEETING_READ, post=NOT_ALLOWED),
    Row(
        "reunions:meeting_edit",
        lambda w: [w.meeting.pk],
        get=LEAD,
        post=LEAD_SAVE,  # would move the meeting
        data=lambda w: {
            "group": w.meeting_group.pk,
            "title": "Réunion déplacée",
            "starts_at": "2027-01-13T14:00",
            "ends_at": "2027-01-13T16:00",
            "invitees": [w.reader.pk],
        },
    ),
    Row("reunions:meeting_cancel", lambda w: [w.meeting.pk], get=NOT_ALLOWED, post=LEAD_SAVE),
    Row(
        "reunions:meeting_ics",
        lambda w: [w.meeting.pk],
        get=MEETING_READ,
        head=MEETING_READ,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:answer",
        lambda w: [w.meeting.pk],
        get=NOT_ALLOWED,
        post=MEETING_SAVE,  # each member's own answer (the coordination may attend)
        data=lambda w: {"answer": "maybe"},
    ),
    Row(
        "reunions:agenda_item_add",
        lambda w: [w.meeting.pk],
        get=NOT_ALLOWED,
        post=MEETING_SAVE,
        data=lambda w: {"point-title": "Un point de plus"},
    ),
    Row(
        "reunions:attendance",
        lambda w: [w.past_meeting.pk],
        get=NOT_ALLOWED,
        post=LEAD_SAVE,
        data=lambda w: {"present": [w.reader.pk]},
    ),
    Row(
        "reunions:minutes",
        lambda w: [w.meeting.pk],
        get=LEAD,  # the lead, or the member they chose (tests/reunions/test_minutes.py)
        post=LEAD_SAVE,
        data=lambda w: {"minutes": "<p>Notes</p>", "action": "enregistrer"},
    ),
    Row(
        "reunions:remark",
        lambda w: [w.past_meeting.pk],
        get=NOT_ALLOWED,
        post=MEETING_SAVE,  # the invitees, the lead, the coordination
        data=lambda w: {"remarque-text": "Une précision."},
    ),
    Row(
        "reunions:minutes_approve",
        lambda w: [w.past_meeting.pk],
        get=NOT_ALLOWED,
        post=LEAD_SAVE,
    ),
    Row(
        "reunions:minutes_pdf",
        lambda w: [w.past_meeting.pk],
        get=MEETING_READ,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:decision_add",
        lambda w: [w.meeting.pk],
        get=NOT_ALLOWED,
        post=LEAD_SAVE,
        data=lambda w: {"decision-kind": "action", "decision-text": "Proposer une action"},
    ),
    Row("reunions:proposals", get=COORDINATORS, post=NOT_ALLOWED),
    Row(
        "reunions:proposal",
        lambda w: [w.proposal.pk],
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would create action 1.9 from the group's proposal
        data=lambda w: {
            "decision": "accepter",
            "accepter-axis": w.axis.pk,
            "accepter-code": "1.9",
            "accepter-title": "Action proposée par le groupe",
        },
    ),
    Row(
        "reunions:task_done",
        lambda w: [w.task.pk],
        get=NOT_ALLOWED,
        # The reader is its assignee, Armor's ambassador the group's lead; the other
        # ambassador does not see the meeting.
        post=(LOGIN, SAVED, SAVED, 404, SAVED, SAVED),
    ),
    # The relay kit of sent edition 1 and of the published guide: ambassadors and the
    # coordination; each ambassador writes their own mutuelle's part (Arverne's for Arverne's).
    Row("reunions:relay_edition", lambda w: [1], get=RELAY, post=NOT_ALLOWED),
    Row(
        "reunions:relay_edition",
        lambda w: [2],
        variant="draft edition",
        get=(LOGIN, 404, 404, 404, 404, 404),  # no kit: hidden to all
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:relay_edition_pdf",
        lambda w: [1, "resume"],
        get=RELAY,
        head=RELAY,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:relay_edition_pdf",
        lambda w: [1, "diaporama"],
        variant="slides",
        get=RELAY,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:relay_edition_local",
        lambda w: [1],
        get=NOT_ALLOWED,
        post=RELAY_SAVE,
        data=lambda w: {"mutuelle": "armor", "local-text": "<p>Chez nous</p>"},
    ),
    Row(
        "reunions:relay_edition_session",
        lambda w: [1],
        get=NOT_ALLOWED,
        post=RELAY_SAVE,  # a relay session and its field feedback
        data=lambda w: w.session_form,
    ),
    Row("reunions:relay_guide", lambda w: [w.guide.slug], get=RELAY, post=NOT_ALLOWED),
    Row(
        "reunions:relay_guide",
        lambda w: [w.guide_draft.slug],
        variant="draft guide",
        get=(LOGIN, 404, 404, 404, 404, 404),  # no kit: hidden to all
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:relay_guide_pdf",
        lambda w: [w.guide.slug, "diaporama"],
        get=RELAY,
        head=RELAY,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:relay_guide_local",
        lambda w: [w.guide.slug],
        get=NOT_ALLOWED,
        post=RELAY_SAVE,
        data=lambda w: {"mutuelle": "armor", "local-text": "<p>Chez nous</p>"},
    ),
    Row(
        "reunions:relay_guide_session",
        lambda w: [w.guide.slug],
        get=NOT_ALLOWED,
        post=RELAY_SAVE,
        data=lambda w: w.session_form,
    ),
    # AG reports: ambassadors and the coordination read the published versions; the
    # coordination asks for versions and follows those not yet published.
    Row("rapports:list", get=(LOGIN, 403, 200, 200, 200, 200), post=NOT_ALLOWED),
    Row(
        "rapports:version_create",
        get=NOT_ALLOWED,
        post=COORDINATORS_SAVE,  # would queue version 3 of the report, data at 1 October 2026
        data=lambda w: {"assembly": w.assembly.pk, "cut_off": "2026-10-01"},
    ),
    Row(
        "rapports:version",
        lambda w: [w.report_version.pk],
        get=(LOGIN, 403, 200, 200, 200, 200),
        post=NOT_ALLOWED,
    ),
    Row(
        "rapports:version",
        lambda w: [w.report_queued.pk],
        variant="not yet published",
        get=(LOGIN, 403, 404, 404, 200, 200),
        post=NOT_ALLOWED,
    ),
    Row(
        "rapports:version_status",
        lambda w: [w.report_version.pk],
        get=(LOGIN, 403, 200, 200, 200, 200),
        post=NOT_ALLOWED,
    ),
    Row(
        "rapports:version_status",
        lambda w: [w.report_queued.pk],
        variant="not yet published",
        get=(LOGIN, 403, 404, 404, 200, 200),
        post=NOT_ALLOWED,
        query=lambda w: {"ligne": "1"},
    ),
    Row(
        "rapports:version_pdf",
        lambda w: [w.report_version.pk],
        get=(LOGIN, 403, 200, 200, 200, 200),
        post=NOT_ALLOWED,
    ),
    Row(
        "rapports:version_pdf",
        lambda w: [w.report_queued.pk],
        variant="not yet published",
        get=(LOGIN, 403, 404, 404, 404, 404),
        post=NOT_ALLOWED,
    ),
    Row(
        "rapports:version_workbook",
        lambda w: [w.report_version.pk],
        get=(LOGIN, 403, 200, 200, 200, 200),
        post=NOT_ALLOWED,
    ),
    Row(
        "rapports:version_workbook",
        lambda w: [w.report_queued.pk],
        variant="not yet published",
        get=(LOGIN, 403, 404, 404, 404, 404),
        post=NOT_ALLOWED,
    ),
    # Files of the meeting group (Armor's reader a member, Armor's ambassador its lead): the
    # group is public, its files its members' (403 on the group's list, 404 on a file).
    Row(
        "reunions:group_files",
        lambda w: [w.meeting_group.slug],
        get=(LOGIN, 200, 200, 403, 200, 200),
        post=(LOGIN, SAVED, SAVED, 403, SAVED, SAVED),
        data=lambda w: {"file": _pdf(), "title": "Ordre du jour"},
    ),
    Row(
        "reunions:group_file",
        lambda w: [w.meeting_group.slug, w.group_file.pk],
        get=MEETING_READ,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:group_file_version",
        lambda w: [w.meeting_group.slug, w.group_file.pk],
        get=NOT_ALLOWED,
        post=MEETING_SAVE,
        data=lambda w: {"version-file": _pdf()},
    ),
    Row(
        "reunions:group_file_download",
        lambda w: [w.meeting_group.slug, w.group_file.pk],
        get=MEETING_READ,
        head=MEETING_READ,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:group_file_version_download",
        lambda w: [w.meeting_group.slug, w.group_file.pk, 1],
        get=MEETING_READ,
        head=MEETING_READ,
        post=NOT_ALLOWED,
    ),
    Row(
        "reunions:group_file_delete",
        lambda w: [w.meeting_group.slug, w.group_file.pk],
        get=LEAD,  # who added it (the lead here), the lead, the coordination
        post=LEAD_SAVE,
    ),
    Row(
        "media",
        lambda w: [w.group_file.current.file.name],
        variant="file of a working group",
        get=MEETING_READ,
        head=MEETING_READ,
        post=NOT_ALLOWED,
    ),
    # Single sign-on, with no provider configured (the default): the pages do not exist. With
    # one, tests/ambassadeurs/test_oidc.py runs them against a real provider.
    Row(
        "openid_connect_login",
        lambda w: ["solimut"],
        get=(404,) * 6,
        post=(404,) * 6,
    ),
    Row(
        "openid_connect_callback",
        lambda w: ["solimut"],
        get=(404,) * 6,
        post=(404,) * 6,
    ),
    Row(
        "ambassadeurs:invitations",
        get=COORDINATORS,
        post=COORDINATORS_SAVE,  # would invite someone
        data=lambda w: {
            "email": "nouvelle@armor.example",
            "role": "reader",
            "mutuelle": w.armor.pk,
        },
    ),
    Row(
        "ambassadeurs:invitation_accept",
        lambda w: [w.invitation_token],
        # Public: the signed token is the secret; accepting creates the invited account.
        get=(200,) * 6,
        post=(SAVED,) * 6,
        data=lambda w: {
            "first_name": "Nina",
            "last_name": "Invitée",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
        },
    ),
]


# --- The world: one object of each kind, belonging to Armor ------------------------------------


def _build_world() -> SimpleNamespace:
    w = SimpleNamespace()
    w.armor = MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")
    w.arverne = MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")
    w.members = {
        "reader": UserFactory(email="salarie@armor.example", role=Role.READER, mutuelle=w.armor),
        "ambassador": UserFactory(
            email="ambassadeur@armor.example", role=Role.AMBASSADOR, mutuelle=w.armor
        ),
        "other_ambassador": UserFactory(
            email="ambassadeur@arverne.example", role=Role.AMBASSADOR, mutuelle=w.arverne
        ),
        "coordinator": UserFactory(
            email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
        ),
        "admin": UserFactory(
            email="admin@groupe.example",
            role=Role.COORDINATOR,
            mutuelle=None,
            is_staff=True,
            is_superuser=True,
            totp=True,
        ),
    }
    w.reader, w.ambassador = w.members["reader"], w.members["ambassador"]
    coordinator = w.members["coordinator"]
    w.departed = UserFactory(email="parti@armor.example", mutuelle=w.armor, is_active=False)
    w.theme = ThemeFactory(name="Environnement", slug="environnement")
    w.group = WorkingGroupFactory(theme=w.theme)
    Group.objects.create(name="Relecteurs")

    # The action plan.
    plan = ActionPlan.objects.create(
        title="Plan d'action RSE 2026-2028",
        assembly="AG du 18 juin 2026",
        adopted_on=datetime.date(2026, 6, 18),
        starts_on=datetime.date(2026, 7, 1),
        ends_on=datetime.date(2028, 6, 30),
        is_current=True,
    )
    w.axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    w.action = Action.objects.create(plan=plan, axis=w.axis, code="1.1", title="Dépistage")
    group_action = Action.objects.create(
        plan=plan, axis=w.axis, code="1.2", title="Défi sportif", scope=Scope.GROUP
    )
    plan_services.deployments_ensure(actions=[w.action, group_action])
    w.deployment = w.action.deployments.get(mutuelle=w.armor)
    plan_services.deployment_update(
        deployment=w.deployment, by=w.ambassador, status="in_progress", progress=20
    )
    w.indicator = Indicator.objects.create(
        plan=plan, name="Index égalité", unit="points", target=85, action=w.action
    )
    w.plan_import = PlanImport.objects.create(
        plan=plan, file_name="plan.xlsx", created_by=coordinator, state="done"
    )
    Measurement.objects.create(
        indicator=w.indicator, mutuelle=w.armor, period=datetime.date(2026, 7, 1), value=80
    )
    w.feedback = plan_services.feedback_create(
        by=w.ambassador, mutuelle=w.armor, subject="Premier retour", text="Bon accueil."
    )
    assembly = Assembly.objects.create(
        name="AG du 18 juin 2026", held_on=datetime.date(2026, 6, 18), delegates=140
    )
    w.resolution = Resolution.objects.create(
        assembly=assembly,
        number="3",
        title="Prévention santé",
        voted_on=assembly.held_on,
        votes_for=130,
        votes_against=2,
        abstentions=4,
    )
    w.action.resolutions.add(w.resolution)
    w.assembly = assembly
    report = Report.objects.create(assembly=assembly)
    w.report_version = ReportVersion.objects.create(
        report=report,
        number=1,
        cut_off=datetime.date(2026, 9, 30),
        created_by=coordinator,
        state=ReportVersion.State.DONE,
        progress=100,
        content={},
    )
    w.report_version.pdf.save("rapport.pdf", ContentFile(b"%PDF-1.7 rapport"), save=True)
    w.report_version.workbook.save("rapport.xlsx", ContentFile(b"PK classeur"), save=True)
    w.report_queued = ReportVersion.objects.create(
        report=report, number=2, cut_off=datetime.date(2026, 10, 31), created_by=coordinator
    )
    w.resolution_form = {
        "assembly": assembly.pk,
        "number": "3",
        "title": "Prévention santé",
        "voted_on": "2026-06-18",
        "votes_for": "130",
        "votes_against": "2",
        "abstentions": "4",
    }
    frameworks.ship(Framework, FrameworkEntry)  # shipped by a migration: gone after a flush
    w.entry = FrameworkEntry.objects.get(code="ODD 3")

    # Initiatives of Armor: one published (with a picture, a file, a comment, a replication
    # by Arverne) and one draft (with a picture and a file).
    Audience.objects.get_or_create(slug="salaries", defaults={"name": "Salariés"})
    w.initiative = Initiative.objects.create(
        mutuelle=w.armor,
        author=w.ambassador,
        title="Défi vélo inter-agences",
        summary="Un mois de vélotaf entre agences.",
        body="<p>Le récit</p>",
        is_published=True,
    )
    w.draft = Initiative.objects.create(
        mutuelle=w.armor, author=w.ambassador, title="Potager partagé", summary="Sur le toit."
    )
    for initiative in (w.initiative, w.draft):
        initiative.themes.set([w.theme])
    by = w.ambassador
    w.published_image = initiative_services.image_add(
        by=by, initiative=w.initiative, upload=_jpeg(), alt="Vélos"
    )
    w.draft_image = initiative_services.image_add(
        by=by, initiative=w.draft, upload=_jpeg(), alt="Potager"
    )
    w.attachment = initiative_services.attachment_add(
        by=by, initiative=w.initiative, upload=_csv("bilan.csv", "a;b\n"), title="Bilan"
    )
    w.draft_attachment = initiative_services.attachment_add(
        by=by, initiative=w.draft, upload=_csv("devis.csv", "a;b\n"), title="Devis"
    )
    w.comment = Comment.objects.create(initiative=w.initiative, author=w.reader, text="Super !")
    initiative_services.replication_save(
        by=w.members["other_ambassador"], initiative=w.initiative, notes="", status="considering"
    )
    w.initiative_form = {
        "title": "Atelier réparation vélo",
        "summary": "Réparer son vélo au travail.",
        "body": "<p>Pour bouger.</p>",
        "themes": [w.theme.pk],
        "status": "ongoing",
        "transposability": "ready",
        "mutuelle": w.armor.pk,  # coordinators choose; the ambassadors' form has no such field
    }

    # Guides written by Armor's ambassador: a draft (with a tool), one in review, a published
    # one (PDF ready, with a tool) and a published one whose PDF failed.
    def guide(title):
        return guide_services.guide_create(
            by=w.ambassador, title=title, summary="Deux phrases.", theme=w.theme, body="<p>T</p>"
        )

    w.guide_draft = guide("Guide des achats responsables")
    w.draft_tool = guide_services.tool_add(
        by=by, guide=w.guide_draft, upload=_csv("liste.csv", "a;b\n"), title="Liste"
    )
    w.guide_review = guide_services.submit(by=by, guide=guide("Guide de la sobriété"))
    w.guide = guide("Guide des éco-gestes")
    w.tool = guide_services.tool_add(
        by=by, guide=w.guide, upload=_csv("grille.csv", "a;b\n"), title="Grille"
    )
    version = guide_services.publish(by=coordinator, guide=w.guide)
    version.pdf.save("eco-gestes-v1.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    Version.objects.filter(pk=version.pk).update(pdf=version.pdf.name, pdf_state="ready")
    w.guide_failed = guide("Guide du télétravail")
    failed = guide_services.publish(by=coordinator, guide=w.guide_failed)
    Version.objects.filter(pk=failed.pk).update(pdf_state="failed", pdf_error="Police absente")
    for name in ("guide_draft", "guide_review", "guide", "guide_failed"):
        getattr(w, name).refresh_from_db()

    # The newsletter.
    def edition(number, **fields):  # one month each, from June 2026 (one edition per period)
        made = Edition.objects.create(
            number=number,
            title=f"Lettre ESS/RSE n° {number}",
            editorial="<p>Le mot de la coordination.</p>",
            period_start=datetime.date(2026, 5 + number, 1),
            period_end=datetime.date(2026, 5 + number, 28),
            **fields,
        )
        return made, Block.objects.create(
            edition=made, kind=Block.Kind.TEXT, title="Pour tous", body="<p>Commun</p>"
        )

    now = timezone.now()
    edition(1, status=Edition.Status.SENT, sent_at=now)
    _, w.block = edition(2)
    edition(3, status=Edition.Status.SCHEDULED, scheduled_at=now + datetime.timedelta(days=3))
    edition(4, status=Edition.Status.SENDING, started_at=now, paused_reason="Serveur absent")
    w.subscriber = Subscriber.objects.create(email="lecteur@armor.example", mutuelle=w.armor)

    invitation = Invitation.objects.create(
        email="invitee@armor.example", role=Role.READER, mutuelle=w.armor, invited_by=coordinator
    )
    w.invitation_token = people_services.invitation_token(invitation)

    # Meetings of the group, led by Armor's ambassador: one next month, one past whose minutes
    # were proposed and whose remarks period is over.
    w.meeting_group = WorkingGroupFactory(theme=w.theme, lead=w.ambassador)
    w.meeting_group.members.set([w.reader, w.ambassador])
    start = now + datetime.timedelta(days=30)
    w.meeting = meeting_services.meeting_save(
        by=w.ambassador,
        group=w.meeting_group,
        title="Réunion du groupe",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        invitees=[w.reader, w.ambassador],
    )
    w.past_meeting = meeting_services.meeting_save(
        by=w.ambassador,
        group=w.meeting_group,
        title="Réunion passée",
        starts_at=now - datetime.timedelta(days=20),
        ends_at=now - datetime.timedelta(days=20, hours=-2),
        invitees=[w.reader, w.ambassador],
    )
    meeting_services.minutes_propose(
        by=w.ambassador, meeting=w.past_meeting, text="<p>Compte rendu</p>", days=1
    )
    Meeting.objects.filter(pk=w.past_meeting.pk).update(
        remarks_until=now.date() - datetime.timedelta(days=2)
    )
    w.feed_token = FeedToken.objects.create(user=w.reader).token
    # Decisions of the coming meeting: a proposal of a new action, a task for the reader.
    w.proposal = meeting_services.decision_add(
        by=w.ambassador, meeting=w.meeting, kind="action", text="Une action de plus", axis=w.axis
    ).proposal
    w.task = meeting_services.decision_add(
        by=w.ambassador,
        meeting=w.meeting,
        kind="task",
        text="Recenser les clauses",
        assignee=w.reader,
        due_on=start.date(),
    )
    w.session_form = {
        "mutuelle": "armor",
        "seance-held_on": (now - datetime.timedelta(days=1)).date().isoformat(),
        "seance-attendance": "12",
        "seance-reactions": "Bon accueil.",
        "seance-sentiment": "positive",
    }
    w.group_file = meeting_services.group_file_add(
        by=w.ambassador, group=w.meeting_group, upload=_pdf(), meeting=w.meeting
    )
    return w


# --- What a refused write must leave untouched --------------------------------------------------


def _tables() -> list[str]:
    """Every table of every model (sessions aside: signing in and out is not data)."""
    models = apps.get_models(include_auto_created=True)
    return sorted({m._meta.db_table for m in models} - {Session._meta.db_table})


def _snapshot() -> dict[str, str]:
    """A hash of every row of every table. On PostgreSQL in one statement (a query per table
    made this file three times slower); elsewhere a query per table."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            one = "SELECT '{}', md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
            one += " FROM {} t"
            tables = [one.format(table, quote(table)) for table in _tables()]
            cursor.execute(" UNION ALL ".join(tables))
            return dict(cursor.fetchall())
        hashes = {}
        for table in _tables():
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY 1")  # noqa: S608
            hashes[table] = hashlib.sha256(repr(cursor.fetchall()).encode()).hexdigest()
        return hashes


def _changed(before: dict, after: dict) -> list[str]:
    return sorted(table for table in before if before[table] != after[table])


# --- Set-up once for the module -----------------------------------------------------------------


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, module_media):
    """The objects, and a signed-in session per role, in a transaction rolled back at the end
    of the module; each test runs in a savepoint inside it."""
    factory.random.reseed_random("solimut-rse")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=module_media, PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        celery_app.conf.task_always_eager = True
        w = _build_world()
        w.cookies = {}
        for role, user in w.members.items():
            client = Client()
            client.force_login(user)
            w.cookies[role] = client.cookies
            # The session as allauth records a sign-in through its page ("Mes sessions").
            UserSession.objects.create(
                user=user, session_key=client.session.session_key, ip="10.1.0.5", user_agent=""
            )
        yield w
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path, module_media):
    """As tests/conftest.py's, with a fresh copy of the module's stored files: a write allowed
    in one row (a file deleted) is not seen by the next."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(module_media, settings.MEDIA_ROOT)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    celery_app.conf.task_always_eager = True
    yield
    cache.clear()


# --- The admin and allauth: one rule per namespace ---------------------------------------------


def _admin_args(name: str) -> Callable:
    """Sample arguments of an admin URL: an existing row of its model, an app of the site."""
    from django.contrib import admin
    from django.contrib.contenttypes.models import ContentType

    if name == "admin:app_list":
        return lambda w: ["initiatives"]
    if name == "admin:view_on_site":
        return lambda w: [ContentType.objects.get_for_model(Initiative).pk, w.initiative.pk]
    if name == "admin:auth_user_password_change":
        return lambda w: [w.reader.pk]
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix) and name[len(prefix) :] in {"change", "delete", "history"}:
            return lambda w, model=model: [model._default_manager.order_by("pk").first().pk]
    return lambda w: []


# Admin pages that answer otherwise than the rule, for the administrator.
ADMIN_EXCEPTIONS = {
    # Written by the services only (the record of changes, the tasks' outbox): no "add".
    "admin:actionplan_deploymentchange_add": 403,
    "admin:core_outboxmessage_add": 403,
    # Members are erased from their page (personal data everywhere), never deleted here.
    "admin:ambassadeurs_user_delete": 403,
    # Asked by the admin's own widgets with the field they fill; bare, it is refused.
    "admin:autocomplete": 403,
    # Signing out is a POST.
    "admin:logout": 405,
}


def _admin_row(name: str) -> Row:
    """Staff only. Followed to the end: a member who is not staff is sent to the admin's
    sign-in, which refuses them (403); a visitor ends on the site's sign-in. The administrator
    reads every page; their POSTs are the admin's own (Django tests its forms), so only the
    refusals are tried: `{"post": "yes"}` is what confirms a deletion."""
    return Row(
        name,
        _admin_args(name),
        get=(LOGIN, 403, 403, 403, 403, ADMIN_EXCEPTIONS.get(name, 200)),
        post=(LOGIN, 403, 403, 403, 403, None),
        data=lambda w: {"post": "yes"},
        follow=True,
    )


# Sign-in and its recovery: open to a visitor (a member is taken on to their pages). Sign-out
# is open too, but has nothing to show a visitor: it sends them to sign-in.
ALLAUTH_PUBLIC = {
    "account_login",
    "account_signup",  # the page says sign-up is closed: members are invited
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_inactive",
    # Single sign-on's page where a cancelled sign-in lands (allauth's sign-up for a directory
    # account is for members: without one under way it sends to sign-in, then home).
    "socialaccount_login_cancelled",
}
# Links that carry a key: a wrong one gives the page that says so.
ALLAUTH_ARGS = {
    "account_confirm_email": ["cle-inconnue"],
    "account_reset_password_from_key": ["1", "cle-inconnue"],
}
ALLAUTH_EXCEPTIONS = {
    # allauth's page of a failed single sign-on (the adapter shows its own in place: nothing
    # sends there); allauth leaves it behind sign-in.
    "socialaccount_login_error": (LOGIN, 401, 401, 401, 401, 401),
    # Only the coordinator and the administrator have turned two-factor sign-in on.
    "mfa_deactivate_totp": (LOGIN, 404, 404, 404, 200, 200),
    # Nobody has generated recovery codes.
    "mfa_view_recovery_codes": (LOGIN, 404, 404, 404, 404, 404),
    "mfa_download_recovery_codes": (LOGIN, 404, 404, 404, 404, 404),
}


def _allauth_row(name: str) -> Row:
    """Each member's own account pages: signed-in members only, sign-in and its recovery
    aside. Followed to the end (a member opening the sign-in page lands on the home page).
    Their POSTs change the member's own account only: allauth's tests and ours
    (tests/ambassadeurs/test_auth.py) cover them."""
    if name in ALLAUTH_EXCEPTIONS:
        get = ALLAUTH_EXCEPTIONS[name]
    else:
        get = (200 if name in ALLAUTH_PUBLIC else LOGIN, 200, 200, 200, 200, 200)
    args = ALLAUTH_ARGS.get(name, [])
    return Row(name, lambda w: args, get=get, follow=True)


def _generated(name: str) -> Row:
    return _admin_row(name) if name.startswith("admin:") else _allauth_row(name)


def _resolver() -> dict[str, str]:
    """Every named URL, with the module of its view."""
    return {name: view.__module__ for _, name, view in walk(get_resolver()) if name}


def _is_generated(name: str, module: str) -> bool:
    return name.startswith("admin:") or module.startswith("allauth.")


GENERATED = {name for name, module in _resolver().items() if _is_generated(name, module)}
TABLE_NAMES = {row.name for row in PROJECT}
ROWS = PROJECT + [_generated(name) for name in sorted(GENERATED)]
CASES = [(row, method) for row in ROWS for method in row.methods()]


def test_the_table_covers_the_resolver():
    names = set(_resolver())
    assert names - GENERATED - TABLE_NAMES == set(), "named URLs missing from the table"
    assert TABLE_NAMES - names == set(), "rows naming URLs that no longer exist"
    assert not TABLE_NAMES & GENERATED, "admin and allauth URLs follow their rule"


def _answer(response):
    if getattr(response, "redirect_chain", None):  # followed
        final = response.request["PATH_INFO"]
        return LOGIN if final == reverse(settings.LOGIN_URL) else response.status_code
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith(reverse(settings.LOGIN_URL)):
        return LOGIN
    return response.status_code


def _ask(world, row, method, role, before):
    """One request, in a savepoint rolled back after it: (the answer, the tables changed since
    `before`, for a POST)."""
    client = Client()
    if role != "anonymous":
        client.cookies.update(world.cookies[role])
    url = reverse(row.name, args=row.args(world))
    data = row.data(world) if method == "POST" else (row.query(world) or None)
    with transaction.atomic():
        answer = _answer(getattr(client, method.lower())(url, data, follow=row.follow))
        changed = _changed(before, _snapshot()) if method == "POST" else []
        transaction.set_rollback(True)
    return answer, changed


def _as_expected(expected, answer, changed) -> bool:
    if isinstance(expected, Written):
        return answer == expected.status and bool(changed)
    return answer == expected and not changed


@pytest.mark.parametrize(("row", "method"), CASES, ids=[f"{r.id}-{m}" for r, m in CASES])
def test_answers(world, db, row, method):
    wrong = []
    before = _snapshot() if method == "POST" else {}
    for role, expected in zip(ROLES, row.methods()[method], strict=True):
        if expected is None:
            continue
        answer, changed = _ask(world, row, method, role, before)
        if not _as_expected(expected, answer, changed):
            wrong.append(f"{role}: expected {expected}, got {answer}, tables changed: {changed}")
    assert not wrong, "\n".join(wrong)
