"""For one test, imported by a worker process (see tests/worker.py): a PDF engine deaf to the
soft time limit, as WeasyPrint is when the exception lands in one of its `except Exception:`
blocks, or while it is stuck in C code and the signal waits. The render runs on until the
hard time limit kills its pool process."""

import contextlib
import time

from celery.signals import worker_process_init


def _render_forever(version):
    while True:
        with contextlib.suppress(Exception):  # SoftTimeLimitExceeded among them, swallowed
            time.sleep(0.5)


@worker_process_init.connect(weak=False)
def _install(**kwargs):
    from guides import pdf

    pdf.render = _render_forever
