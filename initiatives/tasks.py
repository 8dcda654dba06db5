from celery import shared_task

from . import services
from .models import Comment, Replication


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notify_replication(replication_id: int) -> None:
    replication = (
        Replication.objects.select_related("initiative__author", "mutuelle", "contact")
        .filter(pk=replication_id)
        .first()
    )
    if replication is not None:
        services.replication_notify(replication=replication)


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notify_comment(comment_id: int) -> None:
    comment = Comment.objects.select_related("initiative", "author").filter(pk=comment_id).first()
    if comment is not None and not comment.is_hidden:
        services.comment_notify(comment=comment)
