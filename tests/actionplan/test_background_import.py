"""Large imports of the plan run in the background (issue #14 part 7): the file kept, a job
with its progress visible while the all-or-nothing transaction is open, the e-mail at the end,
one import at a time."""

from email import message_from_bytes, policy
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.urls import reverse

from actionplan import services
from actionplan.models import Action, ImportState, PlanImport
from tests.conftest import require_service

HEADER = "axe;code;titre;portée\n"


def _csv(count: int, *, bad_line: int | None = None) -> bytes:
    lines = [HEADER]
    for n in range(1, count + 1):
        axis = 7 if n == bad_line else 1
        lines.append(f"{axis};1.{n + 10};Action importée {n};mutuelle\n")
    return "".join(lines).encode()


@pytest.fixture
def background(settings):
    settings.RSE_IMPORT_INLINE_LINES = 5  # what is more goes to the background


def _post(client, data: bytes, name="grand-plan.csv"):
    return client.post(reverse("actionplan:import"), {"file": SimpleUploadedFile(name, data)})


def test_a_large_file_goes_to_the_background_and_its_page_shows_the_result(
    client, coordinator, plan, background, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, _csv(30))
    job = PlanImport.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.state, job.counts, job.errors) == ("done", {"actions": 30, "nouvelles": 30}, [])
    assert plan.actions.filter(title__startswith="Action importée").count() == 30
    page = client.get(job.get_absolute_url()).text
    assert "Import terminé" in page and "30 actions importées" in page
    assert "data-hx-trigger" not in page  # no more polling once it has ended
    [message] = mailoutbox
    assert message.to == [coordinator.email]
    assert "Import du plan terminé : grand-plan.csv" in message.subject
    assert job.get_absolute_url() in message.body


def test_a_faulty_line_imports_nothing_and_lists_the_errors_in_french(
    client, coordinator, plan, background, mailoutbox, django_capture_on_commit_callbacks
):
    before = sorted(Action.objects.values_list("code", "title"))
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, _csv(30, bad_line=17))
    job = PlanImport.objects.get()
    assert job.state == ImportState.FAILED
    assert job.errors == ["Ligne 18 : axe 7 inconnu dans ce plan (axes : 1, 2)."]
    assert sorted(Action.objects.values_list("code", "title")) == before
    page = unescape(client.get(job.get_absolute_url()).text)
    assert "Rien n'a été importé" in page and "Ligne 18 : axe 7 inconnu" in page
    assert "Import du plan refusé" in mailoutbox[0].subject
    assert "Ligne 18 : axe 7 inconnu" in mailoutbox[0].body


def test_a_second_import_while_one_runs_is_refused_in_french(client, coordinator, plan, background):
    client.force_login(coordinator)
    _post(client, _csv(30))  # no commit in this test: it stays queued
    assert PlanImport.objects.get().state == ImportState.QUEUED
    for data in (_csv(30), _csv(2)):  # large or small
        response = _post(client, data, name="autre.csv")
        assert response.status_code == 400
        assert "Un import du plan est déjà en cours" in response.text
    assert PlanImport.objects.count() == 1
    assert not plan.actions.filter(title__startswith="Action importée").exists()


def test_a_small_file_is_still_imported_at_once(client, coordinator, plan, background):
    client.force_login(coordinator)
    response = _post(client, _csv(5))
    assert response.status_code == 302 and response["Location"] == reverse("actionplan:plan")
    assert not PlanImport.objects.exists()
    assert plan.actions.filter(title__startswith="Action importée").count() == 5


@pytest.mark.parametrize("role", ["reader", "ambassador", "other_ambassador"])
def test_only_coordinators_see_an_import(client, members, coordinator, plan, background, role):
    job = services.plan_import_start(
        by=coordinator, plan=plan, upload=SimpleUploadedFile("p.csv", _csv(30))
    )
    client.force_login(members[role])
    for name in ("actionplan:import_job", "actionplan:import_progress"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 403
    client.logout()
    response = client.get(reverse("actionplan:import_job", args=[job.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(coordinator)
    fragment = client.get(reverse("actionplan:import_progress", args=[job.pk])).text
    assert 'data-hx-trigger="every 2s"' in fragment and "En attente" in fragment
    assert "<html" not in fragment


@pytest.mark.django_db(transaction=True)
def test_progress_is_visible_while_the_import_transaction_is_open(
    coordinator, plan, settings, monkeypatch
):
    """What a page polling the job reads from another connection in the middle of the apply:
    the job running with lines done, and not yet any action of the file."""
    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "the progress goes through a connection of its own")
    monkeypatch.setattr(services.outbox, "enqueue", lambda *args: None)  # run below
    job = services.plan_import_start(
        by=coordinator, plan=plan, upload=SimpleUploadedFile("p.csv", _csv(60))
    )
    seen = []
    write = services.RowProgress.write

    def watched(self, **values):
        write(self, **values)
        if values.get("step") == "saving" and not seen:
            other = connections.create_connection(DEFAULT_DB_ALIAS)
            try:
                with other.cursor() as cursor:
                    cursor.execute(
                        "SELECT state, step, done, total FROM actionplan_planimport WHERE id = %s",
                        [job.pk],
                    )
                    seen.append(cursor.fetchone())
                    cursor.execute(
                        "SELECT count(*) FROM actionplan_action WHERE title LIKE 'Action import%%'"
                    )
                    seen.append(cursor.fetchone())
            finally:
                other.close()

    monkeypatch.setattr(services.RowProgress, "write", watched)
    services.plan_import_run(job_id=job.pk)
    assert seen == [("running", "saving", 20, 60), (0,)]
    job.refresh_from_db()
    assert job.state == "done" and job.percent == 100
    assert plan.actions.filter(title__startswith="Action importée").count() == 60
    assert services.plan_import_run(job_id=job.pk) is None  # run twice: nothing more


@pytest.mark.services
def test_the_worker_imports_and_the_coordinator_gets_the_mail(
    celery_worker, smtp_server, client, coordinator, plan, background
):
    client.force_login(coordinator)
    response = _post(client, _csv(45))
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    assert "Import" in page
    celery_worker.wait_idle()
    job = PlanImport.objects.get()
    assert job.state == "done" and job.counts["actions"] == 45
    assert plan.actions.filter(title__startswith="Action importée").count() == 45
    [message] = smtp_server.wait_for(1)
    assert message.rcpt_tos == [coordinator.email]
    received = message_from_bytes(message.content, policy=policy.default)
    assert received["Subject"].strip() == "[Solimut RSE] Import du plan terminé : grand-plan.csv"
    assert PlanImport.objects.get().notified_at is not None


def test_an_interrupted_or_never_taken_import_no_longer_blocks_the_next(
    coordinator, plan, background
):
    import datetime

    from django.utils import timezone

    job = services.plan_import_start(
        by=coordinator, plan=plan, upload=SimpleUploadedFile("p.csv", _csv(30))
    )
    PlanImport.objects.filter(pk=job.pk).update(
        state="running", updated_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    second = services.plan_import_start(
        by=coordinator, plan=plan, upload=SimpleUploadedFile("q.csv", _csv(30))
    )
    job.refresh_from_db()
    assert job.state == "failed" and "interrompu" in job.errors[0]
    PlanImport.objects.filter(pk=second.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=3)
    )
    assert services.import_running(plan) is None
    second.refresh_from_db()
    assert second.state == "failed" and "jamais pris en charge" in second.errors[0]
    # Its task, handed over at last, finds nothing to do.
    assert services.plan_import_run(job_id=second.pk) is None
