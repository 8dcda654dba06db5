"""Every parameter a page reads from its query string (filters, pages, ids, years, versions)
survives values out of range: never a 500 (PostgreSQL raises past bigint, Python's dates past
year 9999); the value is ignored, or the page says why in French, or the object is not found."""

import datetime
import importlib
import re
from pathlib import Path

import django_filters
import pytest
from django import forms
from django.urls import reverse

from actionplan import services as plan_services
from actionplan.models import Action, Assembly, Axis
from guides import services as guide_services
from initiatives.models import Initiative
from newsletter.models import Block, Edition
from rapports.models import Report, ReportVersion
from tests.factories import PlanFactory, ThemeFactory, WorkingGroupFactory

ROOT = Path(__file__).resolve().parents[1]
APPS = ["actionplan", "ambassadeurs", "guides", "initiatives", "mutuelles", "newsletter"]

INITIATIVE_FILTERS = [
    "q",
    "mutuelle",
    "theme",
    "public",
    "etat",
    "annee",
    "transposabilite",
    "action",
]
JOURNAL_FILTERS = ["kind", "by", "mutuelle", "type", "since", "until"]
ADMIN_LIST = ["p", "o", "q", "e", "all"]

# Each page, the arguments of its URL, and every parameter it reads from the query string.
PAGES = {
    "initiatives:list": ([], [*INITIATIVE_FILTERS, "page", "vue"]),
    "initiatives:export": (["csv"], INITIATIVE_FILTERS),
    "guides:list": ([], ["q", "theme"]),
    "guides:compare": (["guide"], ["de", "a"]),
    "guides:pdf": (["guide"], ["version"]),
    "ambassadeurs:directory": ([], ["q", "mutuelle", "role", "groupe", "page"]),
    "actionplan:plan": ([], ["axe", "theme", "mutuelle", "etat", "page"]),
    "actionplan:my_mutuelle": ([], ["mutuelle", "next"]),
    "actionplan:export": (["classeur", "xlsx"], ["au"]),
    "actionplan:feedback_list": (
        [],
        ["q", "theme", "mutuelle", "ressenti", "etat", "page", "retour"],
    ),
    "account_login": ([], ["local", "next"]),
    "ambassadeurs:journal": ([], [*JOURNAL_FILTERS, "page"]),
    "ambassadeurs:journal_export": (["csv"], JOURNAL_FILTERS),
    "newsletter:edition": (["edition"], ["mutuelle"]),
    "reunions:group_files": (["groupe"], ["reunion", "page"]),
    "newsletter:preview": (["edition"], ["mutuelle"]),
    "reunions:relay_edition": (["edition"], ["mutuelle"]),
    "reunions:relay_edition_pdf": (["edition", "resume"], ["mutuelle"]),
    "reunions:relay_guide": (["guide"], ["mutuelle"]),
    "rapports:version_status": (["report_version"], ["ligne"]),
    "admin:initiatives_initiative_changelist": (
        [],
        [*ADMIN_LIST, "id__exact", "mutuelle__id__exact", "is_published__exact", "themes__id"],
    ),
    "admin:actionplan_deployment_changelist": (
        [],
        [*ADMIN_LIST, "status__exact", "mutuelle__id__exact", "action__axis__id__exact"],
    ),
    "admin:ambassadeurs_user_changelist": ([], [*ADMIN_LIST, "mutuelle__id__exact"]),
}
VALUES = ["99999999999999999999", "-1", "1e9", "99999", "²", "9" * 300]


@pytest.fixture
def world(admin_user, ambassador, mutuelle):
    """A current plan, a published guide in two versions, an initiative and an edition."""
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    action = Action.objects.create(plan=plan, axis=axis, code="1.1", title="Dépistage")
    plan_services.deployments_ensure(actions=[action])
    theme = ThemeFactory()
    guide = guide_services.guide_create(
        by=ambassador, title="Guide", summary="Résumé.", theme=theme, body="<p>Un</p>"
    )
    guide_services.publish(by=admin_user, guide=guide)
    guide.refresh_from_db()
    guide_services.draft_save(by=ambassador, guide=guide, revision=guide.revision, body="<p>2</p>")
    guide_services.publish(by=admin_user, guide=guide)
    Initiative.objects.create(mutuelle=mutuelle, title="Vélo", summary="Vélo.", is_published=True)
    edition = Edition.objects.create(
        number=1,
        title="Lettre n° 1",
        period_start=datetime.date(2026, 10, 1),
        period_end=datetime.date(2026, 10, 31),
        status=Edition.Status.SENT,
    )
    Block.objects.create(edition=edition, kind=Block.Kind.TEXT, title="Bloc", body="<p>Texte</p>")
    assembly = Assembly.objects.create(name="AG de juin", held_on=datetime.date(2026, 6, 18))
    version = ReportVersion.objects.create(
        report=Report.objects.create(assembly=assembly), number=1, cut_off=assembly.held_on
    )
    group = WorkingGroupFactory(slug="groupe-fichiers")
    return {
        "guide": guide.slug,
        "edition": edition.number,
        "report_version": version.pk,
        "groupe": group.slug,
    }


@pytest.mark.parametrize("name", PAGES)
def test_out_of_range_values_never_break_a_page(client, admin_user, world, name):
    client.force_login(admin_user)
    arguments, parameters = PAGES[name]
    url = reverse(name, args=[world.get(argument, argument) for argument in arguments])
    for parameter in parameters:
        for value in VALUES:
            response = client.get(url, {parameter: value})
            # 302: the admin's "bad lookup" redirect; 404: no such version of the guide.
            assert response.status_code in (200, 302, 404), (parameter, value)


def test_a_year_out_of_range_is_ignored_with_a_french_message(client, reader, mutuelle):
    Initiative.objects.create(mutuelle=mutuelle, title="Vélo", summary="Vélo.", is_published=True)
    client.force_login(reader)

    response = client.get(reverse("initiatives:list"), {"annee": "99999"})

    assert response.status_code == 200
    assert "inférieure ou égale à 2200" in response.text
    assert "Vélo" in response.text  # the filter is ignored, the list still shows


# --- Every parameter read anywhere is in the table above --------------------------------------


def _read_parameters() -> set[str]:
    """Names read with request.GET.get(...), the fields of forms bound to request.GET and the
    filters of every FilterSet."""
    names = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            source = path.read_text()
            names |= set(re.findall(r"GET\.get\(\s*[\"']([^\"']+)", source))
            for form_name in re.findall(r"(\w+Form)\(request\.GET", source):
                form = getattr(importlib.import_module(f"{app}.forms"), form_name)
                names |= set(form.base_fields)
        try:
            module = importlib.import_module(f"{app}.filters")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, django_filters.FilterSet):
                names |= set(value.base_filters)
    return names


def test_every_parameter_read_from_a_query_string_is_tried():
    tried = {parameter for _, parameters in PAGES.values() for parameter in parameters}

    assert _read_parameters() - tried == set()


def test_the_table_walks_every_form_bound_to_a_query_string():
    """The walk above finds the forms: a sanity check that it does."""
    found = _read_parameters()

    assert {"axe", "annee", "version", "page", "groupe"} <= found
    assert issubclass(
        importlib.import_module("actionplan.forms").DashboardFilterForm, forms.BaseForm
    )
