"""Each kind of work has a queue of its own, and docker-compose.yml a worker for each queue."""

import re

from django.conf import settings

from solimut_rse.celery import KINDS, app, queues, route

from .test_deploy import compose_config

PROJECT_APPS = {"core", "mutuelles", "ambassadeurs", "actionplan", "initiatives", "guides"}
PROJECT_APPS |= {"newsletter", "reunions", "rapports"}


def _our_tasks() -> set[str]:
    app.loader.import_default_modules()
    return {name for name in app.tasks if name.split(".")[0] in PROJECT_APPS}


def test_every_task_goes_to_the_queue_of_its_kind():
    def queue(name):
        return route(name, (), {}, {})["queue"]

    assert queue("guides.tasks.render_pdf") == "rse.pdf"
    assert queue("newsletter.tasks.send_batch") == "rse.newsletter"
    assert queue("initiatives.tasks.notify_comment") == "rse.notifications"
    assert queue("newsletter.tasks.sweep") == "rse"  # beat's housekeeping: the default queue
    # A new task gets a queue on purpose: a kind, or it is part of beat's housekeeping.
    housekeeping = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert _our_tasks() - set(KINDS) <= housekeeping
    assert set(KINDS) <= _our_tasks()


def test_compose_starts_a_worker_for_every_queue_and_one_only(tmp_path):
    consumed = []
    for name, service in compose_config(tmp_path)["services"].items():
        command = service.get("command") or ""
        command = command if isinstance(command, str) else " ".join(command)
        if " worker " in f" {command} ":
            found = re.search(r"--queues=(\S+)", command)
            assert found, f"{name} consumes no queue by name"
            consumed += found.group(1).split(",")
    assert sorted(consumed) == sorted(queues("rse"))
