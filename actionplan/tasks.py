from celery import shared_task

from . import services


@shared_task
def send_deployment_digests() -> int:
    """Weekly (celery beat): each ambassador's digest of overdue and stale deployments.

    Not retried: a retry after a partial failure would send some digests twice; the next week's
    digest catches up."""
    return services.digests_send()
