from celery import shared_task

from . import services


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=3)
def send_deployment_digests() -> int:
    """Weekly (celery beat): each ambassador's digest of overdue and stale deployments."""
    return services.digests_send()
