import os

from celery import Celery, signals

from core import history, requestid

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solimut_rse.settings")

app = Celery("solimut_rse")
# Every CELERY_* Django setting configures Celery; without REDIS_URL they make tasks run
# eagerly in-process, so the intranet works with no broker at all.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Each kind of work has a queue of its own, beside the default one (beat's housekeeping): a
# long newsletter sending or a heavy PDF never delays a notification, and docker-compose.yml
# gives each queue its workers. The queues are named after the default queue (`rse.pdf`...),
# so that a test's workers, on a default queue of their own, get all of theirs.
KINDS = {
    "ambassadeurs.tasks.send_invitation": "notifications",
    "actionplan.tasks.send_deployment_digests": "notifications",
    "actionplan.tasks.plan_import": "imports",
    "actionplan.tasks.plan_import_notify": "notifications",
    "initiatives.tasks.notify_comment": "notifications",
    "initiatives.tasks.notify_replication": "notifications",
    "guides.tasks.notify_event": "notifications",
    "guides.tasks.pdf_stopped": "notifications",  # not behind the next render
    "guides.tasks.render_pdf": "pdf",
    "rapports.tasks.render_report": "pdf",
    "newsletter.tasks.dispatch": "newsletter",
    "newsletter.tasks.send_batch": "newsletter",
    "reunions.tasks.send_invitations": "notifications",
    "reunions.tasks.notify_minutes": "notifications",
    "reunions.tasks.notify_proposal": "notifications",
    "reunions.tasks.send_reminders": "notifications",
    "reunions.tasks.render_minutes": "pdf",
}


def queues(default: str | None = None) -> list[str]:
    """Every queue: the default one and one per kind of work."""
    default = default or app.conf.task_default_queue
    return [default, *sorted({f"{default}.{kind}" for kind in KINDS.values()})]


def route(name, args, kwargs, options, task=None, **kw):
    kind = KINDS.get(name)
    default = app.conf.task_default_queue
    return {"queue": f"{default}.{kind}" if kind else default}


app.conf.task_routes = (route,)


# A task queued while serving a request logs under that request's id: the id travels in a
# message header. Eager tasks run inside the request and have it already.
@signals.before_task_publish.connect
def _send_request_id(headers=None, **kwargs):
    if headers is not None and requestid.current() != requestid.NONE:
        headers.setdefault("request_id", requestid.current())


_tokens = {}
_reasons = {}


@signals.task_prerun.connect
def _bind_request_id(task_id=None, task=None, **kwargs):
    request_id = getattr(task.request, "request_id", None)
    if request_id:
        _tokens[task_id] = requestid.bind(request_id)
    # What a task changes is on record as "tâche <name>" (core.history).
    _reasons[task_id] = history.reason_set(f"tâche {task.name}")


@signals.task_postrun.connect
def _unbind_request_id(task_id=None, **kwargs):
    token = _tokens.pop(task_id, None)
    if token is not None:
        requestid.unbind(token)
    reason = _reasons.pop(task_id, None)
    if reason is not None:
        history.reason_reset(reason)
