"""The field-feedback loop: the coordination answers or marks handled, the ambassador reads
the answer; the list filtered by theme, mutuelle, sentiment and state."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplan import selectors, services
from actionplan.models import FieldFeedback
from tests.factories import ThemeFactory

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]
LIST = reverse("actionplan:feedback_list")


def _feedback(by, mutuelle, subject="Les agences adhèrent", **fields):
    fields.setdefault("sentiment", "positive")
    fields.setdefault("text", "Les collègues demandent des affiches.")
    return services.feedback_create(by=by, mutuelle=mutuelle, subject=subject, **fields)


def _answer_url(feedback):
    return reverse("actionplan:feedback_answer", args=[feedback.pk])


@pytest.mark.parametrize("role", ROLES)
def test_the_coordination_reads_all_feedback_an_ambassador_their_mutuelle_s(
    client, members, ambassador, other_ambassador, mutuelle, other_mutuelle, role
):
    _feedback(ambassador, mutuelle, subject="RETOUR-ARMOR")
    _feedback(other_ambassador, other_mutuelle, subject="RETOUR-ARVERNE")
    client.force_login(members[role])
    response = client.get(LIST)
    if role == "reader":
        assert response.status_code == 403
        return
    page = response.text
    assert ("RETOUR-ARMOR" in page) is (role != "other_ambassador")
    assert ("RETOUR-ARVERNE" in page) is (role != "ambassador")
    assert ("Envoyer la réponse" in page) is (role in {"coordinator", "admin"})


def test_a_coordinator_answers_and_the_ambassador_reads_the_answer(
    client, coordinator, ambassador, mutuelle
):
    feedback = _feedback(ambassador, mutuelle)
    before = timezone.now()
    client.force_login(coordinator)
    response = client.post(
        _answer_url(feedback),
        {f"retour-{feedback.pk}-answer": "Les affiches partent lundi.", "action": "repondre"},
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.answer == "Les affiches partent lundi."
    assert feedback.handled_by == coordinator and feedback.handled_at >= before
    assert feedback not in selectors.unanswered_feedback()
    assert list(selectors.answered_since(ambassador, before)) == [feedback]
    assert not selectors.answered_since(ambassador, timezone.now()).exists()

    client.force_login(ambassador)
    page = client.get(LIST).text
    assert "Les affiches partent lundi." in page
    assert "Répondu" in page and "Envoyer la réponse" not in page


def test_an_empty_answer_is_refused_and_nothing_changes(client, coordinator, ambassador, mutuelle):
    feedback = _feedback(ambassador, mutuelle)
    client.force_login(coordinator)
    response = client.post(
        _answer_url(feedback), {f"retour-{feedback.pk}-answer": "   ", "action": "repondre"}
    )
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.text
    feedback.refresh_from_db()
    assert feedback.handled_at is None and feedback.answer == ""
    assert feedback in selectors.unanswered_feedback()


def test_the_service_refuses_an_empty_answer_too(coordinator, ambassador, mutuelle):
    from django.core.exceptions import ValidationError

    feedback = _feedback(ambassador, mutuelle)
    with pytest.raises(ValidationError, match="Écrivez une réponse"):
        services.feedback_answer(by=coordinator, feedback=feedback, answer=" \n ")
    assert FieldFeedback.objects.get(pk=feedback.pk).handled_at is None


def test_an_ambassador_cannot_answer(client, ambassador, mutuelle):
    feedback = _feedback(ambassador, mutuelle)
    client.force_login(ambassador)
    response = client.post(
        _answer_url(feedback), {f"retour-{feedback.pk}-answer": "Moi", "action": "repondre"}
    )
    assert response.status_code == 403
    assert FieldFeedback.objects.get(pk=feedback.pk).handled_at is None


def test_marked_handled_without_an_answer_and_the_htmx_row_comes_back(
    client, coordinator, ambassador, mutuelle
):
    feedback = _feedback(ambassador, mutuelle)
    client.force_login(coordinator)
    response = client.post(
        _answer_url(feedback), {"action": "traiter"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert f'id="retour-{feedback.pk}"' in response.text and "Traité sans réponse" in response.text
    assert "<html" not in response.text  # the row alone
    feedback.refresh_from_db()
    assert feedback.handled_by == coordinator and feedback.answer == ""
    assert feedback not in selectors.unanswered_feedback()
    assert not selectors.answered_since(ambassador, None).exists()  # no answer to read


def test_filters_by_theme_mutuelle_sentiment_and_state(
    client, coordinator, ambassador, other_ambassador, mutuelle, other_mutuelle, action
):
    sport = ThemeFactory(name="Sport", slug="sport")
    action.theme = sport
    action.save()
    _feedback(ambassador, mutuelle, subject="SUJET-ACTION", action=action)
    _feedback(ambassador, mutuelle, subject="SUJET-THEME", theme=sport, sentiment="negative")
    answered = _feedback(other_ambassador, other_mutuelle, subject="SUJET-ARVERNE")
    services.feedback_answer(by=coordinator, feedback=answered, answer="Vu.")
    client.force_login(coordinator)

    def shown(**query):
        page = client.get(LIST, query).text
        return {s for s in ("SUJET-ACTION", "SUJET-THEME", "SUJET-ARVERNE") if s in page}

    assert shown(theme="sport") == {"SUJET-ACTION", "SUJET-THEME"}
    assert shown(mutuelle="arverne") == {"SUJET-ARVERNE"}
    assert shown(ressenti="negative") == {"SUJET-THEME"}
    assert shown(etat="open") == {"SUJET-ACTION", "SUJET-THEME"}
    assert shown(etat="answered") == {"SUJET-ARVERNE"}
    assert shown(etat="handled") == set()


@pytest.mark.parametrize("count", [3, 60])
def test_the_list_runs_a_bounded_number_of_queries(
    client, coordinator, ambassador, mutuelle, action, count, django_assert_max_num_queries
):
    for n in range(count):
        feedback = _feedback(ambassador, mutuelle, subject=f"Retour {n}", action=action)
        if n % 2:
            services.feedback_answer(by=coordinator, feedback=feedback, answer="Merci")
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        assert client.get(LIST).status_code == 200


def test_the_follow_up_links_to_the_feedback_waiting(client, coordinator, plan):
    client.force_login(coordinator)
    page = client.get(reverse("actionplan:follow_up")).text
    assert f"{LIST}?etat=open" in page


def test_answered_since_is_the_author_s_only(coordinator, ambassador, mutuelle):
    feedback = _feedback(ambassador, mutuelle)
    services.feedback_answer(by=coordinator, feedback=feedback, answer="Oui")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    assert list(selectors.answered_since(ambassador, yesterday)) == [feedback]
    assert not selectors.answered_since(coordinator, yesterday).exists()


def test_the_search_links_to_a_feedback_whatever_page_of_the_list_holds_it(
    client, coordinator, ambassador, mutuelle
):
    from actionplan.search import feedback_document

    oldest = _feedback(ambassador, mutuelle, subject="LE PLUS ANCIEN")
    for number in range(30):  # the oldest falls on the second page of the list
        _feedback(ambassador, mutuelle, subject=f"Retour {number}")
    client.force_login(coordinator)
    assert "LE PLUS ANCIEN" not in client.get(LIST).text
    page = client.get(feedback_document(oldest).url).text
    assert f'id="retour-{oldest.pk}"' in page and "Retour 3" not in page
    assert "Voir tous les retours" in page
