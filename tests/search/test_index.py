"""The index kept current whatever the path, rebuilt by a command; what each role finds and
counts; a search costs the same number of queries whatever it finds."""

import pytest
from django.core.management import call_command
from django.db import transaction

from actionplan import services as plan_services
from core import search
from core.models import SearchEntry
from guides import services as guide_services
from initiatives import services as initiative_services
from newsletter.models import Edition
from newsletter.services import sending
from tests.factories import (
    DeliveryFactory,
    EditionFactory,
    InitiativeFactory,
    ThemeFactory,
)


def titles(user, query, **filters):
    return [hit.title for hit in search.search(user, query, **filters).hits]


# --- Kept current -------------------------------------------------------------------------------


def test_a_new_initiative_is_found_once_saved(corpus):
    coordinator = corpus.people["coordinator"]
    initiative = initiative_services.initiative_save(
        by=coordinator,
        mutuelle=corpus.mutuelles["armor"],
        title="Potager partagé",
        summary="Des légumes cultivés par les salariés.",
        body="<p>Des tomates et des courgettes.</p>",
        themes=[corpus.themes["environnement"]],
    )
    assert titles(coordinator, "courgette") == ["Potager partagé"]
    # A draft: its mutuelle's ambassador and the coordination only.
    assert titles(corpus.people["reader"], "potager") == []
    initiative_services.initiative_publish(by=coordinator, initiative=initiative)
    assert titles(corpus.people["reader"], "potager") == ["Potager partagé"]


def test_a_change_is_found_and_the_old_words_are_not(corpus):
    initiative = corpus.initiatives["Mentorat des cadres"]
    initiative.title = "Tutorat des cadres"
    initiative.save()
    reader = corpus.people["reader"]
    assert titles(reader, "tutorat") == ["Tutorat des cadres"]
    assert titles(reader, "mentorat") == []


def test_unpublished_and_deleted_initiatives_leave_the_results(corpus):
    coordinator, reader = corpus.people["coordinator"], corpus.people["reader"]
    initiative = corpus.initiatives["Don du sang au siège"]
    initiative_services.initiative_publish(by=coordinator, initiative=initiative, publish=False)
    assert "Don du sang au siège" not in titles(reader, "sang")
    initiative_services.initiative_delete(by=coordinator, initiative=initiative)
    assert not SearchEntry.objects.filter(kind="initiative", object_id=initiative.pk).exists()
    assert "Don du sang au siège" not in titles(coordinator, "sang")


def test_a_theme_added_counts_in_the_theme_facet(corpus):
    initiative = corpus.initiatives["Défi vélo entre agences"]
    initiative.themes.add(corpus.themes["qvt"])
    facets = search.search(corpus.people["reader"], "défi").facets["theme"]
    counted = {facet.value: facet.count for facet in facets}
    assert counted == {str(corpus.themes["mobilite"].pk): 1, str(corpus.themes["qvt"].pk): 1}


def test_a_rolled_back_save_leaves_the_index_as_it_was(corpus):
    initiative = corpus.initiatives["Mentorat des cadres"]
    with pytest.raises(RuntimeError), transaction.atomic():
        initiative.title = "Parrainage des cadres"
        initiative.save()
        raise RuntimeError
    assert titles(corpus.people["reader"], "parrainage") == []
    assert titles(corpus.people["reader"], "mentorat") == ["Mentorat des cadres"]


def test_a_guide_is_found_once_published_and_by_its_tools(corpus):
    coordinator, reader = corpus.people["coordinator"], corpus.people["reader"]
    guide = corpus.guides["draft"]
    assert titles(coordinator, "télétravail") == []  # never published: not in the index
    guide_services.publish(by=coordinator, guide=guide)
    assert titles(reader, "télétravail") == ["Guide du télétravail"]
    guide_services.archive(by=coordinator, guide=guide)
    assert titles(reader, "télétravail") == []
    assert titles(reader, "interrupteurs") == ["Guide des éco-gestes au bureau"]


def test_a_guide_reads_as_its_published_version_not_its_working_copy(corpus):
    guide = corpus.guides["egalite"]
    guide.body = "<p>Un brouillon sur la médiation.</p>"
    guide.save()
    reader = corpus.people["reader"]
    assert titles(reader, "médiation") == []
    assert titles(reader, "parentalité") == ["Guide de l'égalité professionnelle"]


def test_an_edition_is_found_once_its_sending_is_done(corpus):
    edition = EditionFactory(
        title="Numéro sur la sobriété numérique",
        status=Edition.Status.SENDING,
        sent_at=None,
    )
    reader = corpus.people["reader"]
    assert titles(reader, "sobriété") == []
    DeliveryFactory(edition=edition, status="sent")
    assert sending.finish_if_done(edition)
    assert titles(reader, "sobriété") == ["Numéro sur la sobriété numérique"]


def test_field_feedback_is_found_by_who_may_read_it_and_by_its_answer(corpus):
    feedback = corpus.feedback
    plan_services.feedback_answer(
        by=corpus.people["coordinator"], feedback=feedback, answer="Des arceaux en janvier."
    )
    assert titles(corpus.people["coordinator"], "janvier") == ["Le garage à bicyclettes est plein"]
    assert titles(corpus.people["reader"], "janvier") == []
    # An ambassador reads their own mutuelle's feedback only (this one is Armor's).
    assert titles(corpus.people["ambassador"], "arceaux") == []


def test_a_member_who_leaves_is_found_by_the_coordination_only(corpus, django_user_model):
    member = django_user_model.objects.get(last_name="Nguyen")
    member.is_active = False
    member.save()
    assert titles(corpus.people["reader"], "nguyen") == []
    assert titles(corpus.people["coordinator"], "nguyen") == ["François Nguyen"]


def test_members_are_found_by_their_mutuelles_new_name(corpus, django_user_model):
    member = django_user_model.objects.get(last_name="Nguyen")
    mutuelle = member.mutuelle
    mutuelle.name = "Mutuelle Ondine"
    mutuelle.save()
    assert "François Nguyen" in titles(corpus.people["reader"], "ondine")


def test_bulk_loads_can_hold_the_index_then_rebuild_it(corpus):
    with search.paused():
        InitiativeFactory(title="Jardin pédagogique", mutuelle=corpus.mutuelles["armor"])
    assert titles(corpus.people["reader"], "jardin") == []
    search.rebuild()
    assert titles(corpus.people["reader"], "jardin") == ["Jardin pédagogique"]


# --- The rebuild command -----------------------------------------------------------------------


def test_the_rebuild_command_indexes_everything_again(corpus, capsys):
    SearchEntry.objects.all().delete()
    assert titles(corpus.people["reader"], "velo") == []
    call_command("search_rebuild")
    assert titles(corpus.people["reader"], "velo")[:1] == ["Défi vélo entre agences"]
    assert "initiative" in capsys.readouterr().out
    # Nothing stale, nothing twice.
    assert SearchEntry.objects.filter(kind="initiative").count() == len(corpus.initiatives) + 1


def test_the_rebuild_command_can_take_one_kind(corpus):
    SearchEntry.objects.filter(kind="member").delete()
    call_command("search_rebuild", "member")
    assert titles(corpus.people["reader"], "elodie") == ["Élodie Fabre"]
    assert titles(corpus.people["reader"], "velo")[:1] == ["Défi vélo entre agences"]


def test_the_rebuild_command_refuses_an_unknown_kind(corpus):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Nature inconnue"):
        call_command("search_rebuild", "recette")


# --- What each one finds and counts -----------------------------------------------------------


def test_a_kind_whose_rule_reads_nothing_is_left_out(corpus, settings, monkeypatch):
    """A kind's rule written as an empty list of ids (`pk__in=[]`, no SQL to run) hides every
    object of that kind and nothing else."""
    from core.search.registry import _kinds
    from guides.models import Guide

    settings.RSE_FRAGMENT_CACHE = False
    reader = corpus.people["reader"]
    before = titles(reader, "bureau")
    assert "Guide des éco-gestes au bureau" in before
    monkeypatch.setattr(_kinds["guide"], "visible", lambda user: Guide.objects.filter(pk__in=[]))
    assert titles(reader, "bureau") == [
        title for title in before if title != "Guide des éco-gestes au bureau"
    ]


def test_drafts_count_for_those_who_may_read_them_only(corpus):
    covoiturage = {
        role: search.search(corpus.people[role], "covoiturage", kind="initiative")
        for role in ("reader", "ambassador", "coordinator")
    }
    # The draft is Arverne's: its ambassador and the coordination see it, the reader of
    # Armor neither sees it nor counts it.
    assert covoiturage["reader"].total == 1
    assert covoiturage["ambassador"].total == covoiturage["coordinator"].total == 2
    kinds = {
        f.value: f.count
        for f in search.search(corpus.people["reader"], "covoiturage").facets["kind"]
    }
    assert kinds["initiative"] == 1


def test_facets_count_what_the_other_filters_leave(corpus):
    reader = corpus.people["reader"]
    armor = str(corpus.mutuelles["armor"].pk)
    results = search.search(reader, "agence", mutuelle=armor)
    assert {hit.mutuelle_id for hit in results.hits} == {corpus.mutuelles["armor"].pk}
    mutuelles = {facet.value: facet for facet in results.facets["mutuelle"]}
    # Its own facet still offers the other mutuelles, with their counts.
    assert mutuelles[armor].selected
    assert set(mutuelles) == {armor, str(corpus.mutuelles["arverne"].pk)}
    years = {facet.value: facet.count for facet in results.facets["year"]}
    assert sum(years.values()) == results.total


def test_the_year_and_theme_filters(corpus):
    reader = corpus.people["reader"]
    assert titles(reader, "velo", year=2025) == ["Atelier de réparation de vélos"]
    environment = corpus.themes["environnement"].pk
    assert titles(reader, "recycler", theme=environment) == [
        "Recyclage des cartouches d'imprimante",
        "Guide des éco-gestes au bureau",
        "Tri des déchets au bureau",
    ]
    assert titles(reader, "recycler", theme=corpus.themes["qvt"].pk) == []


def test_results_come_in_pages(corpus):
    reader = corpus.people["reader"]
    everything = search.search(reader, "agence").total
    assert everything > 2
    first = search.search(reader, "agence", per_page=2)
    second = search.search(reader, "agence", per_page=2, page=2)
    assert (first.page, second.page, first.pages) == (1, 2, -(-everything // 2))
    assert not {hit.title for hit in first.hits} & {hit.title for hit in second.hits}
    past_the_end = search.search(reader, "agence", per_page=2, page=99)
    assert past_the_end.page == first.pages and past_the_end.hits


def test_nobody_signed_out_finds_anything(corpus):
    from django.contrib.auth.models import AnonymousUser

    assert search.search(AnonymousUser(), "velo").total == 0


@pytest.mark.parametrize("role", ["reader", "ambassador", "coordinator"])
def test_a_search_costs_the_same_queries_whatever_it_finds(
    corpus, role, settings, django_assert_num_queries
):
    settings.RSE_FRAGMENT_CACHE = False
    user = corpus.people[role]
    theme = ThemeFactory(slug="masse")
    for n in range(30):
        InitiativeFactory(
            title=f"Agence numéro {n}", mutuelle=corpus.mutuelles["armor"], author=None
        ).themes.set([theme])
    with django_assert_num_queries(2):
        many = search.search(user, "agence")
    with django_assert_num_queries(2):
        few = search.search(user, "mammographie")
    assert many.total > 30 and few.total == 1


def test_searches_are_kept_until_the_index_changes(corpus, django_assert_num_queries):
    reader = corpus.people["reader"]
    search.search(reader, "velo")
    with django_assert_num_queries(0):
        assert search.search(reader, "velo").total == 3
    initiative = corpus.initiatives["Mentorat des cadres"]
    initiative.title = "Mentorat des cadres à vélo"
    initiative.save()
    with django_assert_num_queries(2):
        assert search.search(reader, "velo").total == 4


def test_a_save_that_changes_who_may_read_drops_the_cached_searches(corpus):
    reader = corpus.people["reader"]
    initiative = corpus.initiatives["Mentorat des cadres"]
    assert titles(reader, "mentorat") == ["Mentorat des cadres"]
    initiative.is_published = False  # the same words, the same date: fewer readers
    initiative.save()
    assert titles(reader, "mentorat") == []


def test_signing_in_leaves_the_index_and_the_cached_searches_alone(
    corpus, django_user_model, django_assert_num_queries
):
    reader = corpus.people["reader"]
    search.search(reader, "elodie")
    member = django_user_model.objects.get(last_name="Fabre")
    member.save(update_fields=["last_login"])  # what every sign-in does
    with django_assert_num_queries(0):
        assert search.search(reader, "elodie").total == 1
