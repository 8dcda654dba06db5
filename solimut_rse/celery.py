import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solimut_rse.settings")

app = Celery("solimut_rse")
# Every CELERY_* Django setting configures Celery; without REDIS_URL they make tasks run
# eagerly in-process, so the intranet works with no broker at all.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
