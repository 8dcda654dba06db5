"""`celery` as the test worker processes run it (`python -m tests.worker -A solimut_rse worker
...`, from `worker_processes` in tests/conftest.py): it first imports the test modules named,
comma-separated, in RSE_TEST_WORKER_IMPORTS. Such a module changes the worker for one test,
for instance a PDF engine that no soft time limit can stop, by connecting to Celery's
`worker_process_init` signal: its change then applies in every pool process, a pool process
started again after a hard time limit included. Nothing of this reaches production code."""

import importlib
import os
import sys

from celery.__main__ import main

if __name__ == "__main__":
    for name in filter(None, os.environ.get("RSE_TEST_WORKER_IMPORTS", "").split(",")):
        importlib.import_module(name)
    sys.exit(main())
