from celery import shared_task

from . import services


@shared_task
def send_deployment_digests() -> int:
    """Weekly (celery beat): each ambassador's digest of overdue and stale deployments.

    Not retried: a retry after a partial failure would send some digests twice; the next week's
    digest catches up."""
    return services.digests_send()


@shared_task
def plan_import(job_id: int) -> str:
    """A large import of the plan's spreadsheet (queued by `services.plan_import_start`)."""
    job = services.plan_import_run(job_id=job_id)
    return job.state if job else "déjà pris"


@shared_task
def plan_import_notify(job_id: int) -> bool:
    """The e-mail to whoever started an import, once it has ended."""
    return services.plan_import_notify(job_id=job_id)
