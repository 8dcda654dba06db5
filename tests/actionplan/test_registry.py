"""The AG's resolutions and the indicator registry: the group's figure and how it is made,
figures as they stood at a cut-off date, targets in the indicator's unit, measures with their
evidence, the import's resolution column; bad input refused in French with nothing saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from actionplan import imports, registry, services
from actionplan.models import (
    Assembly,
    Evidence,
    Indicator,
    IndicatorTarget,
    Measurement,
    MeasurementEntry,
    ProgressSource,
    Resolution,
    Rollup,
)
from tests.factories import MutuelleFactory

JULY = datetime.date(2026, 7, 1)


@pytest.fixture
def indicator(plan):
    return plan.indicators.get()


@pytest.fixture
def network(mutuelle, other_mutuelle):
    """Armor (310 employees, measured 10), Arverne (90, measured 20), Azur (no measure),
    Occitane (measured 40, headcount unknown)."""
    mutuelle.headcount, other_mutuelle.headcount = 310, 90
    mutuelle.save()
    other_mutuelle.save()
    azur = MutuelleFactory(name="Mutuelle Azur", short_name="Azur", slug="azur", headcount=500)
    occitane = MutuelleFactory(
        name="Mutuelle Occitane", short_name="Occitane", slug="occitane", headcount=None
    )
    return [mutuelle, other_mutuelle, azur, occitane]


def _measure(indicator, mutuelle, value, period=JULY):
    return Measurement.objects.create(
        indicator=indicator, mutuelle=mutuelle, period=period, value=Decimal(value)
    )


@pytest.fixture
def measured(indicator, network):
    armor, arverne, _azur, occitane = network
    _measure(indicator, armor, 10)
    _measure(indicator, arverne, 20)
    _measure(indicator, occitane, 40)
    return indicator


def _names(figure):
    return [left.mutuelle.short_name for left in figure.excluded]


def test_a_sum_adds_up_the_mutuelles_measured_and_names_the_one_without_data(measured, network):
    measured.rollup = Rollup.SUM
    figure = registry.indicator_rollup(measured, mutuelles=network)
    assert figure.value == Decimal("70.00")
    assert [p.mutuelle.short_name for p in figure.parts] == ["Armor", "Arverne", "Occitane"]
    assert _names(figure) == ["Azur"]
    assert "Somme des valeurs de 3 mutuelles" in figure.explanation
    assert "exclue(s) : Azur" in figure.explanation


def test_an_average_counts_only_the_mutuelles_measured(measured, network):
    measured.rollup = Rollup.AVERAGE
    figure = registry.indicator_rollup(measured, mutuelles=network)
    assert figure.value == Decimal("23.33")  # (10 + 20 + 40) / 3
    assert _names(figure) == ["Azur"]


def test_a_weighted_mean_shows_the_weights_and_leaves_out_an_unknown_headcount(measured, network):
    measured.rollup = Rollup.WEIGHTED
    figure = registry.indicator_rollup(measured, mutuelles=network)
    # (10 x 310 + 20 x 90) / 400: Azur has no measure, Occitane no headcount.
    assert figure.value == Decimal("12.25")
    assert [(p.mutuelle.short_name, p.weight, p.share) for p in figure.parts] == [
        ("Armor", 310, Decimal("77.5")),
        ("Arverne", 90, Decimal("22.5")),
    ]
    reasons = {left.mutuelle.short_name: left.reason for left in figure.excluded}
    assert reasons == {
        "Azur": "pas de mesure pour cette période",
        "Occitane": "effectif salarié inconnu",
    }


def test_no_measure_at_all_gives_no_group_figure_and_says_so(indicator, network):
    figure = registry.indicator_rollup(indicator, mutuelles=network)
    assert figure.value is None
    assert len(figure.excluded) == 4
    assert "pas de chiffre du groupe" in figure.explanation


def test_the_indicator_page_shows_the_method_the_weights_and_who_is_left_out(
    client, reader, measured, network
):
    Indicator.objects.filter(pk=measured.pk).update(rollup=Rollup.WEIGHTED)
    client.force_login(reader)
    page = client.get(reverse("actionplan:indicator", args=[measured.pk])).text
    assert "Moyenne pondérée par l&#x27;effectif salarié" in page  # the method, by name
    assert "Moyenne des valeurs de 2 mutuelles, chacune pesant son effectif salarié" in page
    assert "12,25" in page and "77,5 %" in page
    assert "Azur (pas de mesure pour cette période)" in page
    assert "Occitane (effectif salarié inconnu)" in page


def test_a_figure_read_at_a_cut_off_ignores_a_correction_made_after_it(
    ambassador, indicator, mutuelle
):
    services.measurement_record(
        by=ambassador, indicator=indicator, mutuelle=mutuelle, period=JULY, value=Decimal(70)
    )
    cut_off = timezone.now()
    MeasurementEntry.objects.update(entered_at=cut_off - datetime.timedelta(hours=1))
    services.measurement_record(
        by=ambassador, indicator=indicator, mutuelle=mutuelle, period=JULY, value=Decimal(75)
    )
    assert registry.indicator_rollup(indicator, mutuelles=[mutuelle]).value == 75
    frozen = registry.indicator_rollup(indicator, mutuelles=[mutuelle], as_of=cut_off)
    assert frozen.value == 70
    assert MeasurementEntry.objects.count() == 2  # each value kept, dated


def test_a_yearly_indicator_counts_from_its_baseline_year(ambassador, indicator, mutuelle):
    Indicator.objects.filter(pk=indicator.pk).update(
        period="year", baseline=Decimal(80), baseline_on=datetime.date(2024, 12, 31)
    )
    indicator.refresh_from_db()
    measure = services.measurement_record(
        by=ambassador,
        indicator=indicator,
        mutuelle=mutuelle,
        period=datetime.date(2024, 5, 3),
        value=Decimal(81),
    )
    assert measure.period == datetime.date(2024, 1, 1)
    with pytest.raises(ValidationError, match="entre la référence et la fin du plan"):
        services.measurement_record(
            by=ambassador,
            indicator=indicator,
            mutuelle=mutuelle,
            period=datetime.date(2023, 5, 3),
            value=Decimal(81),
        )


# --- Targets in the indicator's unit -----------------------------------------------------------


def test_a_target_in_another_unit_is_refused_and_nothing_changes(client, coordinator, indicator):
    client.force_login(coordinator)
    key = f"ind-{indicator.pk}"
    response = client.post(
        reverse("actionplan:indicator_edit", args=[indicator.pk]),
        {
            f"{key}-name": "Index égalité",
            f"{key}-unit": "points",
            f"{key}-target": "90 %",
            f"{key}-direction": "increase",
        },
    )
    assert response.status_code == 400
    assert "« 90 % » est en « % » : l&#x27;indicateur se mesure en « points »." in response.text
    indicator.refresh_from_db()
    assert indicator.target == 85


def test_a_mutuelle_target_in_the_wrong_unit_saves_no_target(
    client, coordinator, indicator, mutuelle
):
    client.force_login(coordinator)
    response = client.post(
        reverse("actionplan:indicator_targets", args=[indicator.pk]),
        {"cible-armor": "88 points", "cible-arverne": "3 tCO2e"},
    )
    assert response.status_code == 400
    assert "l&#x27;indicateur se mesure en « points »" in response.text
    assert not IndicatorTarget.objects.exists()  # not even Armor's, which was right


def test_a_mutuelle_target_differs_from_the_group_s_on_the_page(
    client, coordinator, reader, indicator, mutuelle
):
    client.force_login(coordinator)
    response = client.post(
        reverse("actionplan:indicator_targets", args=[indicator.pk]),
        {"cible-armor": "88,5 points", "cible-arverne": ""},
    )
    assert response.status_code == 302
    assert IndicatorTarget.objects.get().value == Decimal("88.5")
    client.force_login(reader)
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).text
    assert '88,5 points <span class="small muted">(propre à la mutuelle)' in page
    assert '85 points <span class="small muted">(celle du groupe)' in page


def test_a_percentage_beyond_100_is_refused(coordinator, indicator):
    from actionplan.quantities import parse

    with pytest.raises(ValidationError, match="Un pourcentage va de 0 à 100"):
        parse("120 %", "%")
    assert parse("4,5 tCO2e", "tCO2e") == Decimal("4.50")


# --- Measures and their evidence ----------------------------------------------------------------


def test_an_ambassador_records_a_measure_with_its_evidence(client, ambassador, indicator):
    client.force_login(ambassador)
    response = client.post(
        reverse("actionplan:measure", args=[indicator.pk, "armor"]),
        {
            "period": "2026-07-01",
            "value": "82,5 points",
            "evidence": [
                SimpleUploadedFile("index.pdf", b"%PDF-1.4 index 2026", "application/pdf"),
                SimpleUploadedFile("calcul.csv", b"critere;points\necart;38\n", "text/csv"),
            ],
        },
    )
    assert response.status_code == 302
    measure = Measurement.objects.get()
    assert measure.value == Decimal("82.5")
    assert sorted(measure.evidence.values_list("kind", flat=True)) == ["csv", "pdf"]
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).text
    assert "index.pdf</a> (PDF)" in page


def test_an_evidence_file_of_a_forbidden_type_saves_nothing(client, ambassador, indicator):
    client.force_login(ambassador)
    response = client.post(
        reverse("actionplan:measure", args=[indicator.pk, "armor"]),
        {
            "period": "2026-07-01",
            "value": "82",
            "evidence": [
                SimpleUploadedFile("index.pdf", b"%PDF-1.4 fine", "application/pdf"),
                SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00\x03\x00\x00\x00", "application/pdf"),
            ],
        },
    )
    assert response.status_code == 400
    assert "Type de fichier refusé" in response.text
    assert not Measurement.objects.exists()
    assert not MeasurementEntry.objects.exists()
    assert not Evidence.objects.exists()


def test_another_mutuelle_s_ambassador_cannot_enter_armor_s_measure(
    client, other_ambassador, indicator
):
    client.force_login(other_ambassador)
    response = client.post(
        reverse("actionplan:measure", args=[indicator.pk, "armor"]),
        {"period": "2026-07-01", "value": "82"},
    )
    assert response.status_code == 403
    assert not Measurement.objects.exists()


# --- Resolutions ----------------------------------------------------------------------------------


@pytest.fixture
def assembly(plan):
    assembly = Assembly.objects.create(
        name="AG du 18 juin 2026", held_on=datetime.date(2026, 6, 18), delegates=140
    )
    plan.general_assembly = assembly
    plan.save()
    return assembly


def _resolution(assembly, **fields):
    data = {
        "assembly": assembly.pk,
        "number": "3",
        "title": "Prévention santé",
        "text": "L'assemblée charge les mutuelles…",
        "voted_on": "2026-06-18",
        "votes_for": "130",
        "votes_against": "2",
        "abstentions": "4",
    }
    return {**data, **fields}


def test_a_coordinator_records_a_resolution_and_everyone_reads_its_vote(
    client, coordinator, reader, assembly, action
):
    client.force_login(coordinator)
    response = client.post(reverse("actionplan:resolution_create"), _resolution(assembly))
    assert response.status_code == 302
    resolution = Resolution.objects.get()
    action.resolutions.add(resolution)
    client.force_login(reader)
    page = client.get(resolution.get_absolute_url()).text
    assert "Résolution 3 · Prévention santé" in page
    assert "Adoptée" in page and "1.1 · Dépistage" in page
    listing = client.get(reverse("actionplan:resolutions")).text
    assert "130 pour, 2 contre, 4 abstentions" in listing


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"number": "  "}, "Le numéro de la résolution est obligatoire"),
        (
            {"votes_for": "0", "votes_against": "0", "abstentions": "0"},
            "Aucune voix : indiquez les voix pour, contre et les abstentions",
        ),
        (
            {"votes_for": "150"},
            "Les voix (150 pour + 2 contre + 4 abstentions = 156) dépassent les 140 délégués",
        ),
        ({"votes_against": "-3"}, "Assurez-vous que cette valeur est supérieure ou égale à 0"),
        ({"voted_on": "2026-06-01"}, "Le vote (01/06/2026) ne peut pas précéder"),
    ],
)
def test_a_faulty_resolution_is_refused_in_french_and_nothing_is_saved(
    client, coordinator, assembly, fields, message
):
    client.force_login(coordinator)
    response = client.post(reverse("actionplan:resolution_create"), _resolution(assembly, **fields))
    assert response.status_code == 400
    assert message in response.text.replace("&#x27;", "'")
    assert not Resolution.objects.exists()


def test_two_resolutions_of_an_ag_cannot_share_a_number(coordinator, assembly):
    fields = {"title": "Santé", "voted_on": assembly.held_on, "votes_for": 100}
    services.resolution_save(by=coordinator, assembly=assembly, number="3", **fields)
    with pytest.raises(ValidationError, match="Cette AG a déjà une résolution n° 3"):
        services.resolution_save(by=coordinator, assembly=assembly, number="3", **fields)


# --- The import's resolution column -----------------------------------------------------------


def _import(client, text):
    upload = SimpleUploadedFile("plan.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("actionplan:import"), {"file": upload})


def test_the_import_links_each_action_to_its_resolutions(client, coordinator, plan, assembly):
    for number in ("3", "5 bis"):
        Resolution.objects.create(
            assembly=assembly, number=number, title="R", voted_on=assembly.held_on, votes_for=9
        )
    client.force_login(coordinator)
    response = _import(
        client,
        "axe;code;titre;résolution\n1;1.1;Dépistage;R3\n1;1.8;Bilan;3, 5 bis\n1;1.9;Sans;\n",
    )
    assert response.status_code == 302
    numbers = {
        action.code: sorted(action.resolutions.values_list("number", flat=True))
        for action in plan.actions.all()
    }
    assert numbers["1.1"] == ["3"]
    assert numbers["1.8"] == ["3", "5 bis"]
    assert numbers["1.9"] == []


def test_an_unknown_resolution_in_the_import_changes_nothing(client, coordinator, plan, assembly):
    Resolution.objects.create(
        assembly=assembly, number="3", title="R", voted_on=assembly.held_on, votes_for=9
    )
    client.force_login(coordinator)
    response = _import(client, "axe;code;titre;résolution\n1;1.8;Bilan;3\n1;1.9;Autre;12\n")
    assert response.status_code == 400
    assert "Ligne 3 : la résolution 12 n&#x27;existe pas (AG du 18 juin 2026" in response.text
    assert not plan.actions.filter(code__in=["1.8", "1.9"]).exists()


def test_the_import_refuses_a_target_in_another_unit(client, coordinator, plan):
    client.force_login(coordinator)
    response = _import(
        client, "axe;code;titre;indicateur;cible;unité\n1;1.8;Bilan;Jours donnés;12 %;jours\n"
    )
    assert response.status_code == 400
    assert "Ligne 2 : cible de l&#x27;indicateur : « 12 % » est en « % »" in response.text
    assert not Indicator.objects.filter(name="Jours donnés").exists()


def test_resolution_numbers_are_read_as_the_minutes_write_them():
    assert imports.resolution_numbers("R3 ; Résolution 5 bis, n° 7") == ["3", "5 bis", "7"]
    assert imports.resolution_numbers(4.0) == ["4"]
    assert imports.resolution_numbers(None) == []


# --- Where an action's progress comes from -------------------------------------------------------


def test_an_action_s_progress_says_where_it_comes_from(client, reader, coordinator, action):
    client.force_login(reader)
    page = client.get(action.get_absolute_url()).text
    assert "d&#x27;après les déploiements des mutuelles" in page
    services.action_save(
        by=coordinator,
        plan=action.plan,
        action=action,
        progress_source=ProgressSource.MANUAL,
        progress_manual=35,
    )
    page = client.get(action.get_absolute_url()).text
    assert "35 %" in page and "saisi à la main" in page


def test_progress_derived_from_indicators_goes_from_baseline_to_target(
    coordinator, action, indicator, mutuelle
):
    Indicator.objects.filter(pk=indicator.pk).update(
        baseline=Decimal(75), baseline_on=datetime.date(2025, 12, 31)
    )
    _measure(indicator, mutuelle, 80)  # halfway from 75 to 85
    services.action_save(
        by=coordinator, plan=action.plan, action=action, progress_source="indicators"
    )
    action.refresh_from_db()
    progress = registry.action_progress(action)
    assert progress.value == 50
    assert progress.source_label == "Calculé d'après ses indicateurs"


def test_manual_progress_needs_a_value(coordinator, action):
    with pytest.raises(ValidationError, match="Saisissez l'avancement"):
        services.action_save(
            by=coordinator, plan=action.plan, action=action, progress_source="manual"
        )


def test_the_indicator_page_shows_each_mutuelle_s_latest_value_against_its_own_target(
    client, reader, indicator, mutuelle, other_mutuelle
):
    """The bar of each mutuelle is its latest measure; reached or not against its own target
    where it has one (Armor aims at 90), the group's otherwise (85 for Arverne)."""
    IndicatorTarget.objects.create(indicator=indicator, mutuelle=mutuelle, value=Decimal(90))
    _measure(indicator, mutuelle, 95, period=datetime.date(2026, 4, 1))
    _measure(indicator, mutuelle, 87)
    _measure(indicator, other_mutuelle, 86)
    client.force_login(reader)
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).text
    chart = page.split('id="mutuelles-title"')[1].split("</section>")[0]
    assert '<tr><th scope="row">Armor</th><td>87 points</td><td>non</td></tr>' in chart
    assert '<tr><th scope="row">Arverne</th><td>86 points</td><td>oui</td></tr>' in chart
    assert "cible 85" in chart  # the group's target, drawn as a line
