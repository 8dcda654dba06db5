"""For one test, imported by a worker process (see tests/worker.py): a PDF engine far too slow
for the time limit but which gives way to it, as WeasyPrint does when the soft time limit
lands in plain Python code. The render stops at the soft limit."""

import time

from celery.signals import worker_process_init


def _render_slowly(version):
    time.sleep(3600)  # SoftTimeLimitExceeded is raised in here


@worker_process_init.connect(weak=False)
def _install(**kwargs):
    from guides import pdf

    pdf.render = _render_slowly
