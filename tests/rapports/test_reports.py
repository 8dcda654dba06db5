"""The AG report: asked by a coordinator for an AG and a cut-off date, gathered and rendered
by the worker, frozen at its cut-off, each version kept; read back with pdftotext."""

import datetime
import io
import re

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplan import services as plan_services
from actionplan.models import Assembly, Status
from core.models import OutboxMessage
from rapports import demo, services
from rapports.models import Report, ReportVersion
from tests.factories import FieldFeedbackFactory

from .conftest import backdate, days_ago, moment, pdf_text

pytestmark = pytest.mark.usefixtures("poppler")


def _login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _render(version: ReportVersion) -> ReportVersion:
    assert services.version_render(version)
    version.refresh_from_db()
    return version


# --- The render --------------------------------------------------------------------------------


def test_the_worker_renders_the_report_with_its_contents_and_page_numbers(
    celery_worker, assembly, coordinator, mutuelle, other_mutuelle
):
    version = services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    assert OutboxMessage.objects.filter(task="rapports.tasks.render_report").exists()
    celery_worker.wait_idle(timeout=180)

    version.refresh_from_db()
    assert version.state == ReportVersion.State.DONE, version.error
    assert version.progress == 100
    assert version.pages >= 5
    text = pdf_text(version.pdf.path)
    # The table of contents, each line ending with the page it points to.
    for title in (
        "En bref",
        "Les résolutions et leur mise en œuvre",
        "La matrice des déploiements",
        "Les indicateurs",
        "Ce qui a changé depuis l’assemblée générale",
        "Les retours du terrain",
        "Les thèmes du guide des bonnes pratiques de l’ESS",
        "Index des référentiels RSE",
        "Annexe : méthode et données manquantes",
    ):
        assert re.search(re.escape(title) + r" ?\.{3,} ?\d+\n", text), title
    assert re.search(r"Résolution 3 · Prévention santé des salariés ?\.{3,} ?\d+", text)
    assert re.search(r"Résolution 4 · Sobriété énergétique ?\.{3,} ?\d+", text)
    # Every mutuelle, the indicator, the running head and the page counter.
    assert "Armor" in text and "Arverne" in text
    assert "Index égalité" in text
    assert re.search(rf"\b{version.pages} ?/ ?{version.pages}\b", text)  # the last page
    assert "Ce que sont devenues les résolutions de l’AG de printemps" in text  # running head


def test_figures_changed_after_the_cut_off_do_not_change_the_report(
    assembly, coordinator, ambassador, deployment
):
    plan_services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.IN_PROGRESS, progress=40
    )
    backdate(deployment, days_ago(10))  # known before the cut-off, yesterday
    plan_services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.DONE, progress=100
    )  # today: after it

    version = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )

    armor = next(
        d
        for a in version.content["actions"]
        for d in a["deployments"]
        if d["mutuelle"] == deployment.mutuelle_id and a["code"] == "1.1"
    )
    assert (armor["status"], armor["progress"]) == (Status.IN_PROGRESS, 40)
    text = pdf_text(version.pdf.path)
    row = next(line for line in text.splitlines() if line.strip().startswith("Armor"))
    assert "En cours" in row and "40" in row and "100" not in row
    # Today's version shows today's figure; the first one stays as it was.
    today = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=timezone.localdate())
    )
    assert today.number == 2
    row = next(
        line for line in pdf_text(today.pdf.path).splitlines() if line.strip().startswith("Armor")
    )
    assert "Réalisée" in row and "100" in row
    assert "En cours" in next(
        line for line in pdf_text(version.pdf.path).splitlines() if line.strip().startswith("Armor")
    )


def test_the_version_keeps_the_plan_s_workbook_at_its_cut_off_beside_the_pdf(
    assembly, coordinator, ambassador, deployment
):
    """The annual reports' workbook (its sheets import back into the plan) is stored with the
    PDF, with the same figures: a deployment finished after the cut-off is still "en cours"."""
    plan_services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.IN_PROGRESS, progress=40
    )
    backdate(deployment, days_ago(10))
    plan_services.deployment_update(
        deployment=deployment, by=ambassador, status=Status.DONE, progress=100
    )
    version = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )
    response = _login(coordinator).get(reverse("rapports:version_workbook", args=[version.pk]))
    assert response.status_code == 200
    assert version.workbook_filename() in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert {"Actions", "Déploiements", "Indicateurs"} <= set(book.sheetnames)
    rows = list(book["Déploiements"].iter_rows(values_only=True))
    armor = next(r for r in rows if "1.1" in r and deployment.mutuelle.name in r)
    assert "En cours" in armor and 40 in armor and "Réalisée" not in armor


def test_feedback_after_the_cut_off_and_answers_given_later_are_not_in_the_report(
    assembly, coordinator, mutuelle, action
):
    early = FieldFeedbackFactory(mutuelle=mutuelle, action=action, subject="Bon accueil")
    FieldFeedbackFactory(mutuelle=mutuelle, action=action, subject="Retour du jour")
    type(early).objects.filter(pk=early.pk).update(
        created_at=moment(days_ago(20)),
        answer="Merci, nous relayons.",
        handled_at=moment(days_ago(0)),  # answered today, after the cut-off
    )
    version = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )
    assert [f["subject"] for f in version.content["feedback"]] == ["Bon accueil"]
    assert version.content["feedback"][0]["answer"] == ""
    text = pdf_text(version.pdf.path)
    assert "Pas encore de réponse à la date d’arrêt" in text
    assert "Merci, nous relayons" not in text


def test_each_version_stays_listed_and_downloadable(
    assembly, coordinator, ambassador, other_ambassador
):
    first = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(30))
    )
    second = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )
    assert (first.number, second.number) == (1, 2)
    page = _login(ambassador).get(reverse("rapports:list")).content.decode()
    assert "Version 1" in page and "Version 2" in page
    for version in (first, second):
        for user in (ambassador, other_ambassador, coordinator):
            response = _login(user).get(reverse("rapports:version_pdf", args=[version.pk]))
            assert response.status_code == 200
            body = b"".join(response.streaming_content)
            assert body.startswith(b"%PDF-")
            assert f"v{version.number}.pdf" in response["Content-Disposition"]


def test_the_demo_publishes_the_report_of_the_last_ag_once(assembly, coordinator):
    version = demo.seed()
    assert version.state == ReportVersion.State.DONE
    assert version.cut_off == demo.cut_off_for(assembly, timezone.localdate())
    assert demo.seed().pk == version.pk  # idempotent
    assert ReportVersion.objects.count() == 1


# --- Progress, live -----------------------------------------------------------------------------


def test_the_page_polls_while_the_version_is_rendering_and_shows_it_once_done(
    assembly, coordinator
):
    version = services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    version.refresh_from_db()
    client = _login(coordinator)
    page = client.get(version.get_absolute_url()).content.decode()
    assert 'data-hx-trigger="every 2s"' in page
    assert "En attente" in page

    ReportVersion.objects.filter(pk=version.pk).update(
        state=ReportVersion.State.RENDERING, progress=35, step="Indicateurs et leurs séries"
    )
    status = reverse("rapports:version_status", args=[version.pk])
    fragment = client.get(status).content.decode()
    assert 'data-hx-trigger="every 2s"' in fragment
    assert "35" in fragment and "Indicateurs et leurs séries" in fragment

    ReportVersion.objects.filter(pk=version.pk).update(state=ReportVersion.State.QUEUED, progress=0)
    _render(version)
    fragment = client.get(status).content.decode()
    assert "every 2s" not in fragment
    assert reverse("rapports:version_pdf", args=[version.pk]) in fragment
    assert "Publié" in fragment


def test_a_failed_render_says_why_in_french(assembly, coordinator, monkeypatch):
    from rapports import tasks

    version = services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    ReportVersion.objects.filter(pk=version.pk).update(state=ReportVersion.State.QUEUED)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("rapports.printing.render", broken)
    assert tasks.render_report(version.pk) is False
    version.refresh_from_db()
    assert version.state == ReportVersion.State.FAILED
    assert "a échoué" in version.error
    fragment = _login(coordinator).get(version.get_absolute_url()).content.decode()
    assert "En échec" in fragment and "every 2s" not in fragment


def test_a_version_is_rendered_once_however_often_its_task_is_delivered(assembly, coordinator):
    from rapports import tasks

    version = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )
    finished = version.finished_at
    assert tasks.render_report(version.pk) is False  # delivered again: found done
    version.refresh_from_db()
    assert (version.state, version.finished_at) == (ReportVersion.State.DONE, finished)


# --- Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cut_off", "message"),
    [
        (lambda a: a.held_on - datetime.timedelta(days=1), "précède l'assemblée générale"),
        (lambda a: timezone.localdate() + datetime.timedelta(days=3), "est dans l'avenir"),
    ],
)
def test_a_cut_off_before_the_ag_or_in_the_future_is_refused(
    assembly, coordinator, cut_off, message
):
    response = _login(coordinator).post(
        reverse("rapports:version_create"),
        {"assembly": assembly.pk, "cut_off": cut_off(assembly).isoformat()},
    )
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Report.objects.exists() and not ReportVersion.objects.exists()
    assert not OutboxMessage.objects.exists()
    with pytest.raises(ValidationError):
        services.version_request(by=coordinator, assembly=assembly, cut_off=cut_off(assembly))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cut_off": "2026-10-01"}, "Choisissez l'assemblée générale"),
        ({"assembly": "999999", "cut_off": "2026-10-01"}, "n'existe pas"),
        ({"assembly": "", "cut_off": "31/02/2026"}, "Cette date n'est pas valide"),
    ],
)
def test_no_ag_or_a_bad_date_is_refused(coordinator, db, data, message):
    Assembly.objects.all().delete()
    response = _login(coordinator).post(reverse("rapports:version_create"), data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not ReportVersion.objects.exists()


# --- Who may do what ----------------------------------------------------------------------------

READS = {
    "reader": 403,
    "ambassador": 200,
    "other_ambassador": 200,
    "coordinator": 200,
    "admin": 200,
}


@pytest.mark.parametrize("role", list(READS))
def test_the_plan_s_page_leads_to_the_reports_for_those_who_read_them(members, role, assembly):
    page = _login(members[role]).get(reverse("actionplan:plan")).content.decode()
    assert (reverse("rapports:list") in page) is (READS[role] == 200)


@pytest.mark.parametrize("role", list(READS))
def test_who_reads_the_reports(members, role, assembly, coordinator):
    version = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )
    client = _login(members[role])
    for url in (
        reverse("rapports:list"),
        version.get_absolute_url(),
        reverse("rapports:version_status", args=[version.pk]),
        reverse("rapports:version_pdf", args=[version.pk]),
    ):
        assert client.get(url).status_code == READS[role], url
    # The stored file itself, by its name: the same rule.
    media = client.get(reverse("media", args=[version.pdf.name]))
    assert media.status_code == (200 if READS[role] == 200 else 404)


def test_anonymous_visitors_are_sent_to_sign_in(client, assembly, coordinator):
    version = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )
    for url in (
        reverse("rapports:list"),
        version.get_absolute_url(),
        reverse("rapports:version_pdf", args=[version.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["reader", "ambassador", "other_ambassador"])
def test_only_the_coordination_asks_for_a_version(members, role, assembly):
    response = _login(members[role]).post(
        reverse("rapports:version_create"),
        {"assembly": assembly.pk, "cut_off": days_ago(1).isoformat()},
    )
    assert response.status_code == 403
    assert not ReportVersion.objects.exists()
    with pytest.raises(PermissionDenied):
        services.version_request(by=members[role], assembly=assembly, cut_off=days_ago(1))


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_the_coordination_asks_for_a_version_and_follows_it(members, role, assembly):
    client = _login(members[role])
    assert "Produire le rapport" in client.get(reverse("rapports:list")).content.decode()
    response = client.post(
        reverse("rapports:version_create"),
        {"assembly": assembly.pk, "cut_off": days_ago(1).isoformat()},
    )
    version = ReportVersion.objects.get()
    assert response.status_code == 302 and response["Location"] == version.get_absolute_url()
    assert version.created_by == members[role]


def test_ambassadors_see_published_versions_only(assembly, coordinator, ambassador):
    done = _render(services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(2)))
    failed = ReportVersion.objects.create(
        report=done.report, number=2, cut_off=days_ago(1), state=ReportVersion.State.FAILED
    )
    client = _login(ambassador)
    page = client.get(reverse("rapports:list")).content.decode()
    assert "Version 1" in page and "Version 2" not in page
    assert "Produire le rapport" not in page
    assert client.get(failed.get_absolute_url()).status_code == 404
    assert client.get(reverse("rapports:version_pdf", args=[failed.pk])).status_code == 404


def test_an_indicator_target_changed_after_the_cut_off_keeps_its_old_value(
    assembly, coordinator, plan
):
    indicator = plan.indicators.get()
    indicator.target = 95
    indicator.save()  # recorded today, after the cut-off
    version = _render(
        services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    )
    (shown,) = version.content["indicators"]
    assert (shown["name"], shown["target"]) == ("Index égalité", "85")
    assert "Cible du groupe : 85 points" in " ".join(pdf_text(version.pdf.path).split())


def test_a_render_lost_with_its_worker_is_taken_back_when_its_task_comes_again(
    assembly, coordinator, settings
):
    version = services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(1))
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.RSE_REPORT_TIME_LIMIT + 61)
    ReportVersion.objects.filter(pk=version.pk).update(
        state=ReportVersion.State.RENDERING, started_at=long_ago, progress=65
    )
    assert _render(version).state == ReportVersion.State.DONE
    # One still within its time limit is someone else's.
    other = services.version_request(by=coordinator, assembly=assembly, cut_off=days_ago(2))
    ReportVersion.objects.filter(pk=other.pk).update(
        state=ReportVersion.State.RENDERING, started_at=timezone.now()
    )
    assert services.version_render(other) is False
