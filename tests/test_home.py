"""The home page as a to-do list, per role: what waits for the member, how many, where to act;
gone once done. For a reader, what is new since their previous visit."""

import datetime
import io
import re
from html import unescape

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from actionplan import services as plan_services
from actionplan.models import ActionPlan, Deployment, DeploymentChange, Scope, Status
from actionplan.selectors import needing_update
from ambassadeurs.models import Role, User
from ambassadeurs.services import (
    FIRST_VISIT_LOOKBACK,
    VISIT_GAP,
    VISIT_WRITE_EVERY,
    home_visit_record,
)
from guides.models import Status as GuideStatus
from newsletter.models import Delivery, Edition
from tests.factories import (
    ActionFactory,
    AxisFactory,
    CommentFactory,
    DeliveryFactory,
    EditionFactory,
    FieldFeedbackFactory,
    GuideFactory,
    InitiativeFactory,
    MutuelleFactory,
    PlanFactory,
    ReplicationFactory,
    UserFactory,
)

DAY = datetime.timedelta(days=1)


def to_do(client, user) -> tuple[str, str]:
    """The to-do list of `user`'s home page: its text as read, and its HTML (for the links)."""
    client.force_login(user)
    page = client.get(reverse("home")).text
    start = page.index('<section class="panel todo"')
    html = page[start : page.index("</section>", start)]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split()), html


def away(user, days: float = 2) -> None:
    """The member's last visit was `days` ago."""
    User.objects.filter(pk=user.pk).update(
        last_home_visit=timezone.now() - days * DAY, new_since=None
    )


def back_later(user) -> None:
    """The member comes back after a break: their last visit ended just over VISIT_GAP ago."""
    away(user, days=(VISIT_GAP + datetime.timedelta(minutes=1)) / DAY)


# Made after the member's last visit, before the last page of it that back_later() sets.
EARLIER = datetime.timedelta(hours=2)


def _back(deployment: Deployment, days: int) -> None:
    """Its updates (and so its last review) happened `days` ago."""
    at = timezone.now() - days * DAY
    Deployment.objects.filter(pk=deployment.pk).update(updated_at=at, reviewed_at=at)
    DeploymentChange.objects.filter(deployment=deployment).update(changed_at=at)


# --- The ambassador: the weekly update --------------------------------------------------------


@pytest.fixture
def plan(mutuelle, other_mutuelle, ambassador):
    """Six actions deployed in Armor and Arverne (and one carried by the group). In Armor: one
    updated today, one never, one a while ago, one blocked, one overdue, one done past its due
    date. Arverne never updated anything."""
    today = timezone.localdate()
    axis = AxisFactory(plan=PlanFactory())
    actions = {
        name: ActionFactory(axis=axis, title=name, due_on=due_on)
        for name, due_on in [
            ("À jour", None),
            ("Jamais touchée", None),
            ("Oubliée", None),
            ("Bloquée", None),
            ("En retard", today - DAY),
            ("Finie", today - DAY),
        ]
    }
    ActionFactory(axis=axis, title="Portée par le groupe", scope=Scope.GROUP)
    plan_services.deployments_ensure()
    mine = {name: a.deployments.get(mutuelle=mutuelle) for name, a in actions.items()}
    for name, fields in [
        ("À jour", {"status": Status.IN_PROGRESS, "progress": 20}),
        ("Oubliée", {"status": Status.IN_PROGRESS, "progress": 40}),
        ("Bloquée", {"status": Status.BLOCKED, "progress": 30, "next_step": "Voir la DRH"}),
        ("En retard", {"status": Status.IN_PROGRESS, "progress": 60}),
        ("Finie", {"status": Status.DONE, "progress": 100}),
    ]:
        plan_services.deployment_update(deployment=mine[name], by=ambassador, **fields)
    _back(mine["Oubliée"], settings.RSE_STALE_AFTER.days + 1)
    return mine


def test_ambassador_sees_what_their_weekly_update_needs(client, plan, ambassador):
    text, html = to_do(client, ambassador)
    assert "4 actions du plan à mettre à jour pour Armor" in text
    assert "Jamais touchée · jamais mise à jour" in text
    assert "Oubliée · pas mise à jour depuis le" in text
    assert "Bloquée · bloquée" in text
    assert "En retard · échéance dépassée" in text
    for left_out in ["À jour", "Finie", "Portée par le groupe"]:
        assert left_out not in text
    assert f'href="{reverse("actionplan:my_mutuelle")}"' in html
    assert f'href="{plan["Bloquée"].get_absolute_url()}"' in html


def test_the_weekly_update_item_disappears_once_done(client, plan, ambassador):
    for name in ["Jamais touchée", "Oubliée", "Bloquée"]:
        plan_services.deployment_update(
            deployment=plan[name], by=ambassador, status=Status.IN_PROGRESS, progress=50
        )
    assert "1 action du plan à mettre à jour pour Armor" in to_do(client, ambassador)[0]
    plan_services.deployment_update(
        deployment=plan["En retard"], by=ambassador, status=Status.DONE, progress=100
    )
    text, _html = to_do(client, ambassador)
    assert "à mettre à jour" not in text
    assert "Rien ne vous attend : tout est à jour." in text


def test_another_ambassador_sees_their_own_mutuelle_only(client, plan, other_ambassador):
    text, _html = to_do(client, other_ambassador)
    assert "6 actions du plan à mettre à jour pour Arverne" in text
    assert "Armor" not in text


def test_needing_update_is_one_rule_over_the_current_plan(plan, mutuelle):
    assert {d.action.title for d in needing_update(mutuelle)} == {
        "Jamais touchée",
        "Oubliée",
        "Bloquée",
        "En retard",
    }
    later = timezone.now() + settings.RSE_STALE_AFTER + DAY  # everything goes stale
    assert needing_update(mutuelle, now=later).count() == 5
    ActionPlan.objects.update(is_current=False)  # the plan's follow-up is closed
    assert needing_update(mutuelle).count() == 0


# --- The ambassador: drafts, comments, take-ups, guides --------------------------------------


def test_ambassador_sees_drafts_and_what_happened_since_their_last_visit(
    client, mutuelle, other_mutuelle, ambassador, reader, other_ambassador
):
    colleague = UserFactory(role=Role.AMBASSADOR, mutuelle=mutuelle)
    draft = InitiativeFactory(
        mutuelle=mutuelle, author=ambassador, title="Potager", is_published=False
    )
    InitiativeFactory(mutuelle=mutuelle, author=colleague, title="Ruches", is_published=False)
    ours = InitiativeFactory(mutuelle=mutuelle, author=colleague, title="Défi vélo")
    theirs = InitiativeFactory(mutuelle=other_mutuelle, title="Tri sélectif")
    CommentFactory(initiative=ours, author=reader, created_at=timezone.now() - EARLIER)  # new
    CommentFactory(initiative=ours, author=reader, created_at=timezone.now() - 3 * DAY)  # seen
    CommentFactory(initiative=ours, author=ambassador)  # their own
    CommentFactory(initiative=ours, author=reader, hidden_at=timezone.now())  # hidden
    CommentFactory(initiative=theirs, author=reader)  # another mutuelle's
    ReplicationFactory(
        initiative=ours, mutuelle=other_mutuelle, created_at=timezone.now() - EARLIER
    )
    away(ambassador)

    text, html = to_do(client, ambassador)
    assert "1 initiative en brouillon Potager" in text and "Ruches" not in text
    assert f'href="{reverse("initiatives:edit", args=[draft.pk])}"' in html
    assert f"1 nouveau commentaire sur les initiatives de votre mutuelle Défi vélo · {reader}" in (
        text
    )
    assert f'href="{ours.get_absolute_url()}#commentaires"' in html
    assert 'href="/initiatives/?mutuelle=armor"' in html  # the rest of them
    assert (
        "1 nouvelle reprise des initiatives de votre mutuelle Défi vélo · reprise par Arverne"
        in (text)
    )
    assert "Tri sélectif" not in text

    # Coming back to the list within the visit, it is still there...
    assert "1 nouveau commentaire" in to_do(client, ambassador)[0]
    # ...on the next visit, what was new then is not any more.
    back_later(ambassador)
    text, _html = to_do(client, ambassador)
    assert "commentaire" not in text and "reprise" not in text
    assert "1 initiative en brouillon" in text

    # Arverne's ambassador sees the comment on Arverne's initiative, nothing of Armor's.
    text, _html = to_do(client, other_ambassador)
    assert "1 nouveau commentaire sur les initiatives de votre mutuelle Tri sélectif" in text
    assert "Défi vélo" not in text and "Potager" not in text and "reprise" not in text


def test_ambassador_follows_the_guides_they_co_write(client, ambassador, other_ambassador):
    draft = GuideFactory(title="Achats responsables", authors=[ambassador])
    GuideFactory(title="Éco-gestes", authors=[ambassador], status=GuideStatus.IN_REVIEW)
    GuideFactory(title="Égalité", authors=[other_ambassador])
    published = GuideFactory(title="Sport", authors=[ambassador], published=True)

    text, html = to_do(client, ambassador)
    assert "2 guides que vous co-écrivez" in text
    assert "Achats responsables · Brouillon" in text and "Éco-gestes · En relecture" in text
    assert "Égalité" not in text and published.title not in text
    assert f'href="{reverse("guides:draft", args=[draft.slug])}"' in html
    assert "Voir les guides" in text


# --- The coordinator ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_coordinator_sees_what_the_network_waits_for(client, plan, members, other_mutuelle, role):
    FieldFeedbackFactory.create_batch(2, mutuelle=other_mutuelle)
    GuideFactory(title="Achats responsables", status=GuideStatus.IN_REVIEW)
    GuideFactory(title="Brouillon de quelqu'un", status=GuideStatus.DRAFT)

    text, html = to_do(client, members[role])
    days = settings.RSE_STALE_AFTER.days
    assert f"1 mutuelle sans mise à jour du plan depuis {days} jours Arverne · aucune" in text
    assert "2 actions du plan en retard" in text
    assert "1 blocage signalé par les mutuelles" in text and "Voir la DRH" in text
    assert "2 retours du terrain sans réponse" in text
    assert "1 guide attend votre relecture Achats responsables" in text
    assert "Brouillon de quelqu'un" not in text
    for anchor in ["#activity-title", "#overdue-title", "#blocked-title"]:
        assert f'href="/plan/{anchor}"' in html
    assert f'href="{reverse("actionplan:feedback_list")}?etat=open"' in html
    # What only ambassadors and readers get is not there.
    assert "à mettre à jour pour" not in text and "Quoi de neuf" not in text


def test_feedback_leaves_the_coordinator_once_answered_and_reaches_its_author(
    client, ambassador, coordinator, mutuelle
):
    feedback = FieldFeedbackFactory(
        mutuelle=mutuelle, author=ambassador, subject="Trop de relances"
    )
    to_do(client, ambassador)  # a visit: what comes after it is new
    away(ambassador)
    assert "1 retour du terrain sans réponse" in to_do(client, coordinator)[0]
    plan_services.feedback_answer(
        by=coordinator, feedback=feedback, answer="Nous espaçons les relances dès lundi."
    )
    assert "sans réponse" not in to_do(client, coordinator)[0]
    text, html = to_do(client, ambassador)
    assert "1 réponse de la coordination à vos retours du terrain" in text
    assert "Trop de relances · Nous espaçons les relances dès lundi." in text
    assert f'href="{reverse("actionplan:feedback_list")}#retour-{feedback.pk}"' in html


def test_a_mutuelle_that_updates_leaves_the_silent_ones(client, plan, coordinator, other_mutuelle):
    arverne = plan["Jamais touchée"].action.deployments.get(mutuelle=other_mutuelle)
    plan_services.deployment_update(
        deployment=arverne, by=coordinator, status=Status.IN_PROGRESS, progress=10
    )
    assert "sans mise à jour du plan" not in to_do(client, coordinator)[0]


def _last_month() -> str:
    return date_format(timezone.localdate().replace(day=1) - DAY, "F Y")


def test_newsletter_next_step_not_assembled(client, coordinator):
    text, html = to_do(client, coordinator)
    assert f"La lettre du mois écoulé ({_last_month()}) n'est pas encore préparée." in text
    assert f'href="{reverse("newsletter:archive")}"' in html


def test_newsletter_next_step_a_draft_then_sending_then_sent(client, coordinator):
    month_end = timezone.localdate().replace(day=1) - DAY
    edition = EditionFactory(
        number=7,
        status=Edition.Status.DRAFT,
        period_start=month_end.replace(day=1),
        period_end=month_end,
    )
    text, html = to_do(client, coordinator)
    assert "La lettre n° 7 attend d'être relue et envoyée. Relire et envoyer" in text
    assert f'href="{edition.get_absolute_url()}"' in html

    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENDING)
    DeliveryFactory.create_batch(3, edition=edition, status=Delivery.Status.SENT)
    DeliveryFactory.create_batch(4, edition=edition)
    assert "Envoi de la lettre n° 7 en cours : 43 %." in to_do(client, coordinator)[0]

    sent_at = timezone.now()
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT, sent_at=sent_at)
    text, _html = to_do(client, coordinator)
    day = date_format(timezone.localdate(sent_at), "j F Y")
    assert f"La lettre n° 7 est partie le {day}." in text
    assert "Rien ne vous attend" in text  # a letter sent is not something to do


# --- The reader: what is new since their last visit ------------------------------------------


def test_reader_sees_what_is_new_since_their_last_visit(client, reader, mutuelle):
    away(reader)
    InitiativeFactory(title="Défi vélo", mutuelle=mutuelle, published_at=timezone.now() - EARLIER)
    InitiativeFactory(title="Ancienne", published_at=timezone.now() - 3 * DAY)
    InitiativeFactory(title="Pas publiée", is_published=False)
    guide = GuideFactory(title="Éco-gestes", published=True)
    guide.current_version.published_at = timezone.now() - EARLIER
    guide.current_version.save()
    EditionFactory(number=4, title="Lettre n° 4", sent_at=timezone.now() - EARLIER)
    EditionFactory(number=3, title="Lettre n° 3", sent_at=timezone.now() - 3 * DAY)

    text, html = to_do(client, reader)
    assert "Quoi de neuf ?" in text
    assert "1 nouvelle initiative publiée Défi vélo · Armor" in text
    assert "Ancienne" not in text and "Pas publiée" not in text
    assert "1 guide publié ou mis à jour Éco-gestes · version 1" in text
    assert f'href="{guide.get_absolute_url()}"' in html
    assert "1 nouvelle lettre ESS/RSE Lettre n° 4" in text and "Lettre n° 3" not in text

    back_later(reader)
    text, _html = to_do(client, reader)
    assert "Rien de neuf depuis votre dernière visite." in text


def test_the_home_records_the_visit(client, reader):
    before = timezone.now()
    client.force_login(reader)
    client.get(reverse("home"))
    reader.refresh_from_db()
    assert reader.last_home_visit >= before
    # A first visit shows what is new in the month before it.
    assert reader.new_since == pytest.approx(
        reader.last_home_visit - FIRST_VISIT_LOOKBACK, abs=DAY / 24
    )


def test_home_visits_less_than_the_gap_apart_are_one_visit(reader):
    start = timezone.now()
    first = home_visit_record(user=reader, now=start)
    assert first == start - FIRST_VISIT_LOOKBACK
    assert home_visit_record(user=reader, now=start + VISIT_GAP / 2) == first
    later = start + VISIT_GAP / 2 + VISIT_GAP * 2
    assert home_visit_record(user=reader, now=later) == start + VISIT_GAP / 2
    reader.refresh_from_db()
    assert (reader.last_home_visit, reader.new_since) == (later, start + VISIT_GAP / 2)


def test_a_home_page_read_moments_after_another_writes_nothing(reader, django_assert_num_queries):
    start = timezone.now()
    home_visit_record(user=reader, now=start)
    with django_assert_num_queries(0):
        soon = home_visit_record(user=reader, now=start + VISIT_WRITE_EVERY / 2)
    assert soon == start - FIRST_VISIT_LOOKBACK
    # Later in the same visit, it is written down again: the visit goes on from there.
    later = start + VISIT_WRITE_EVERY * 2
    assert home_visit_record(user=reader, now=later) == start - FIRST_VISIT_LOOKBACK
    reader.refresh_from_db()
    assert reader.last_home_visit == later


# --- Below the to-do list ------------------------------------------------------------------------


def test_the_network_s_news_are_folded_and_loaded_when_unfolded(client, ambassador, mutuelle):
    InitiativeFactory(title="Défi vélo", mutuelle=mutuelle)
    guide = GuideFactory(title="Achats responsables", published=True)
    edition = EditionFactory(title="Lettre de novembre", status=Edition.Status.SENT)
    client.force_login(ambassador)  # whose to-do lists neither (a reader's lists what is new)
    page = client.get(reverse("home")).text
    showcase = page[page.index('<details class="showcase"') : page.index("</details>")]
    assert f'data-hx-get="{reverse("showcase")}"' in showcase
    assert 'data-hx-trigger="toggle once"' in showcase
    # Without JavaScript, the fold leads to the page that lists them newest first.
    assert f'href="{reverse("initiatives:list")}"' in showcase
    # The cards, the guides and the letter come when unfolded.
    assert "initiative-card" not in page and guide.title not in page
    assert edition.title not in page
    news = client.get(reverse("showcase"), headers={"HX-Request": "true"}).text
    assert "initiative-card" in news and "Défi vélo" in news and "Armor" in news
    assert f'href="{guide.get_absolute_url()}"' in news and guide.title in news
    assert f'href="{edition.get_absolute_url()}"' in news and edition.title in news


def test_the_network_s_mutuelles_are_one_click_away_not_on_every_home(
    client, reader, mutuelle, other_mutuelle
):
    client.force_login(reader)
    page = client.get(reverse("home")).text
    assert mutuelle.name in page  # "Ma mutuelle"
    assert other_mutuelle.name not in page
    assert f'href="{reverse("mutuelles:list")}"' in page
    assert other_mutuelle.name in client.get(reverse("mutuelles:list")).text


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


# --- Bounded queries ----------------------------------------------------------------------------


def _more(mutuelle, ambassador, n: int) -> None:
    """`n` more of everything the home counts: actions, initiatives and their reactions,
    guides, letters, feedback, mutuelles and their ambassadors."""
    axis = AxisFactory(plan=ActionPlan.objects.get(is_current=True))
    for _ in range(n):
        other = MutuelleFactory()
        UserFactory.create_batch(2, mutuelle=other, role=Role.AMBASSADOR)
        action = ActionFactory(axis=axis, due_on=timezone.localdate() - DAY)
        plan_services.deployments_ensure(actions=[action])
        deployment = action.deployments.get(mutuelle=mutuelle)
        plan_services.deployment_update(
            deployment=deployment, by=ambassador, status=Status.BLOCKED, progress=10
        )
        initiative = InitiativeFactory(mutuelle=mutuelle, author=ambassador)
        InitiativeFactory(mutuelle=mutuelle, author=ambassador, is_published=False)
        CommentFactory(initiative=initiative)
        ReplicationFactory(initiative=initiative, mutuelle=other)
        GuideFactory(authors=[ambassador])
        GuideFactory(authors=[ambassador], status=GuideStatus.IN_REVIEW)
        GuideFactory(published=True)
        EditionFactory()
        FieldFeedbackFactory(mutuelle=other)


def _queries(client, user) -> int:
    away(user)
    cache.clear()  # the cached parts of the page rendered each time, like the first visit
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["reader", "ambassador", "other_ambassador", "coordinator"])
def test_home_queries_do_not_grow_with_the_data(client, members, plan, mutuelle, role):
    user, ambassador = members[role], members["ambassador"]
    _more(mutuelle, ambassador, 1)
    few = _queries(client, user)
    _more(mutuelle, ambassador, 8)
    assert _queries(client, user) == few
    assert few <= 30


# --- On the demo data ---------------------------------------------------------------------------

DEMO = "solimut-demo.example"


def test_each_role_has_something_on_its_home_with_the_demo_data(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    admin = UserFactory(
        role=Role.COORDINATOR, mutuelle=None, is_superuser=True, is_staff=True, totp=True
    )
    coordinator = User.objects.get(email=f"coordination@{DEMO}")
    TOTP.activate(coordinator, generate_totp_secret())  # staff sign in with a second factor
    people = {
        "reader": User.objects.get(email=f"salarie@armor.{DEMO}"),
        "ambassador": User.objects.get(email=f"ambassadeur@armor.{DEMO}"),
        "other ambassador": User.objects.get(email=f"ambassadeur@arverne.{DEMO}"),
        "coordinator": coordinator,
        "admin": admin,
    }
    for role, user in people.items():
        text, html = to_do(client, user)
        assert html.count('<li class="todo-item') >= 2, role
        assert "Rien" not in text, role
        assert ("à mettre à jour pour" in text) is ("ambassador" in role), role
        assert ("Quoi de neuf ?" in text) is (role == "reader"), role
        assert ("retours du terrain" in text) is (role in {"coordinator", "admin"}), role
