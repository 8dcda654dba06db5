"""The CSR frameworks shipped as data, edited by the coordination, and the coverage page: what
serves each entry, and the entries nothing serves."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from actionplan import services as plan_services
from actionplan.models import Action, Assembly, Axis
from core import search
from mutuelles.models import Framework, FrameworkEntry
from tests.factories import InitiativeFactory, PlanFactory


def test_the_four_frameworks_ship_with_their_french_labels(db):
    counts = {f.slug: f.entries.count() for f in Framework.objects.all()}
    assert counts == {"odd": 17, "iso-26000": 7, "esrs": 10, "csess": 8}
    assert FrameworkEntry.objects.get(code="ODD 3").label == "Bonne santé et bien-être"
    assert FrameworkEntry.objects.get(code="QC 3").label == "Relations et conditions de travail"
    assert FrameworkEntry.objects.get(code="E1").label == "Changement climatique"
    codes = list(
        FrameworkEntry.objects.filter(framework__slug="esrs").values_list("code", flat=True)
    )
    assert codes == ["E1", "E2", "E3", "E4", "E5", "S1", "S2", "S3", "S4", "G1"]


@pytest.fixture
def tagged(coordinator, mutuelle):
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    action = plan_services.action_save(
        by=coordinator,
        plan=plan,
        axis=axis,
        code="1.1",
        title="Dépistage",
        scope="mutuelle",
        frameworks=list(FrameworkEntry.objects.filter(code__in=["ODD 3", "S4"])),
    )
    indicator = plan_services.indicator_save(
        by=coordinator,
        plan=plan,
        name="Adhérents dépistés",
        unit="%",
        target=40,
        frameworks=list(FrameworkEntry.objects.filter(code="ODD 3")),
    )
    published = InitiativeFactory(mutuelle=mutuelle, title="Village santé")
    published.frameworks.set(FrameworkEntry.objects.filter(code__in=["ODD 3", "QC 7"]))
    draft = InitiativeFactory(mutuelle=mutuelle, title="Brouillon secret", is_published=False)
    draft.frameworks.set(FrameworkEntry.objects.filter(code="ODD 14"))
    return action, indicator


def _row(page, code):
    entry = FrameworkEntry.objects.get(code=code)
    start = page.index(f'id="entree-{entry.pk}"')
    return page[start : page.index("</li>", start)]


def test_the_coverage_page_lists_what_serves_each_entry(client, reader, tagged):
    client.force_login(reader)
    response = client.get(reverse("frameworks"))
    assert response.status_code == 200
    page = response.text
    odd3 = _row(page, "ODD 3")
    assert ">1.1</a>" in odd3 and "Adhérents dépistés" in odd3 and "Village santé" in odd3
    assert "Rien ne la sert" not in odd3
    assert "Village santé" in _row(page, "QC 7") and "1.1" not in _row(page, "QC 7")


def test_the_coverage_page_names_the_entries_nothing_serves(client, reader, tagged):
    client.force_login(reader)
    page = client.get(reverse("frameworks")).text
    unserved = page[page.index('id="unserved-title"') : page.index("</section>")]
    assert "ODD 14</a> Vie aquatique" in unserved  # only a draft serves it: not counted
    assert "E1</a> Changement climatique" in unserved
    assert "ODD 3</a>" not in unserved and "QC 7</a>" not in unserved
    assert "Brouillon secret" not in page
    assert "Rien ne la sert" in _row(page, "ODD 14")


def test_a_coordinator_edits_an_entry_and_adds_one(client, coordinator, db):
    client.force_login(coordinator)
    entry = FrameworkEntry.objects.get(code="ODD 3")
    response = client.post(
        reverse("framework_entry_edit", args=[entry.pk]),
        {"code": "ODD 3", "label": "Santé et bien-être", "description": "Cible 3.4"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.label == "Santé et bien-être"
    response = client.post(
        reverse("framework_entry_create", args=["csess"]),
        {"code": "BP 9", "label": "Numérique responsable"},
    )
    assert response.status_code == 302
    page = client.get(reverse("frameworks")).text
    assert "BP 9 · Numérique responsable" in page


def test_an_entry_without_code_or_with_a_taken_code_is_refused(client, coordinator, db):
    client.force_login(coordinator)
    before = FrameworkEntry.objects.count()
    response = client.post(
        reverse("framework_entry_create", args=["odd"]), {"code": "ODD 5", "label": "Doublon"}
    )
    assert response.status_code == 400
    assert "Le référentiel a déjà une entrée « ODD 5 »." in response.text
    response = client.post(reverse("framework_entry_create", args=["odd"]), {"label": "Sans code"})
    assert response.status_code == 400
    assert FrameworkEntry.objects.count() == before


def test_an_ambassador_cannot_edit_a_framework(ambassador, db):
    with pytest.raises(PermissionDenied):
        plan_services.framework_entry_save(
            by=ambassador, framework=Framework.objects.get(slug="odd"), code="ODD 18", label="X"
        )
    assert not FrameworkEntry.objects.filter(code="ODD 18").exists()


def test_an_action_form_tags_frameworks_and_resolutions(client, coordinator, db):
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    client.force_login(coordinator)
    entries = FrameworkEntry.objects.filter(code__in=["ODD 3", "BP 5"])
    response = client.post(
        reverse("actionplan:action_create"),
        {
            "axis": axis.pk,
            "code": "1.1",
            "title": "Dépistage",
            "scope": "mutuelle",
            "frameworks": [e.pk for e in entries],
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(code="1.1")
    assert sorted(action.frameworks.values_list("code", flat=True)) == ["BP 5", "ODD 3"]
    page = client.get(action.get_absolute_url()).text
    assert '<abbr title="Bonne santé et bien-être">ODD 3</abbr>' in page


def test_resolutions_are_found_by_the_search(coordinator, reader, db):
    assembly = Assembly.objects.create(
        name="AG du 18 juin 2026", held_on=datetime.date(2026, 6, 18)
    )
    plan_services.resolution_save(
        by=coordinator,
        assembly=assembly,
        number="4",
        title="Trajectoire carbone",
        text="Réduire les émissions à 4 tCO2e par salarié.",
        voted_on=assembly.held_on,
        votes_for=118,
        votes_against=12,
        abstentions=12,
    )
    hits = search.search(reader, "émissions").hits
    assert [hit.title for hit in hits] == ["Résolution 4 · Trajectoire carbone"]


def test_a_faulty_framework_entry_raises_in_french(coordinator, db):
    with pytest.raises(ValidationError, match="L'intitulé est obligatoire"):
        plan_services.framework_entry_save(
            by=coordinator, framework=Framework.objects.get(slug="odd"), code="ODD 18", label=" "
        )
