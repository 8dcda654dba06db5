"""Shared fixtures: one member per role, real services (Redis, Celery, SMTP, Chromium)."""

import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import factory.random
import pytest
from django.conf import settings
from django.core.cache import cache

from ambassadeurs.models import Role
from solimut_rse.celery import app as celery_app
from solimut_rse.celery import queues

from .factories import MutuelleFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server + Playwright

ROOT = Path(__file__).resolve().parent.parent


def require_service(name: str, reason: str) -> None:
    """Skip for a missing service on a laptop; fail in CI, where RSE_REQUIRE_SERVICES=1."""
    message = f"{name} unavailable: {reason}"
    if settings.RSE_REQUIRE_SERVICES:
        pytest.fail(f"{message} (RSE_REQUIRE_SERVICES=1 forbids skipping)")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test starts with an empty cache (rate limits!), its own media folder, fast hashing,
    and the same made-up names: Faker's draws depend on no other test, so a test whose names
    happen to clash (one full name inside another) fails every run, not one run in a thousand."""
    factory.random.reseed_random("solimut-rse")
    settings.MEDIA_ROOT = tmp_path / "media"
    # Hashing is deliberately slow; tests create many accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    celery_app.conf.task_always_eager = True
    yield
    cache.clear()


# --- One member per role ---------------------------------------------------------------------


@pytest.fixture
def mutuelle(db):
    return MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor")


@pytest.fixture
def other_mutuelle(db):
    return MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne")


@pytest.fixture
def reader(mutuelle):
    return UserFactory(email="salarie@armor.example", role=Role.READER, mutuelle=mutuelle)


@pytest.fixture
def ambassador(mutuelle):
    return UserFactory(email="ambassadeur@armor.example", role=Role.AMBASSADOR, mutuelle=mutuelle)


@pytest.fixture
def other_ambassador(other_mutuelle):
    return UserFactory(
        email="ambassadeur@arverne.example", role=Role.AMBASSADOR, mutuelle=other_mutuelle
    )


@pytest.fixture
def coordinator(db):
    return UserFactory(
        email="coordination@groupe.example", role=Role.COORDINATOR, mutuelle=None, totp=True
    )


@pytest.fixture
def admin_user(db):
    return UserFactory(
        email="admin@groupe.example",
        role=Role.COORDINATOR,
        mutuelle=None,
        is_staff=True,
        is_superuser=True,
        totp=True,
    )


@pytest.fixture
def members(reader, ambassador, other_ambassador, coordinator, admin_user):
    """Every role, by name, for tests that walk the permission matrix."""
    return {
        "reader": reader,
        "ambassador": ambassador,
        "other_ambassador": other_ambassador,
        "coordinator": coordinator,
        "admin": admin_user,
    }


# --- Real services ---------------------------------------------------------------------------


@pytest.fixture
def poppler():
    """pdftotext and pdfinfo read the guides' PDFs back as a user would."""
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        require_service("poppler-utils", "pdftotext or pdfinfo is missing (apt-get install)")


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        require_service("Redis", "REDIS_URL is not set")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        require_service("Redis", f"{url} does not answer ({error})")
    return url


def _queue_forget(queue: str) -> None:
    """Delete a test's queues (its default one and one per kind of work) with whatever is left
    in them, and the messages a killed worker of theirs held unacknowledged (the Redis transport
    keeps them aside, to hand them back an hour later): nothing of the test stays in the
    broker, and nothing else is touched. Never `control.purge()`: it empties every queue the
    app knows, shared ones included."""
    names = queues(queue)
    with celery_app.connection_for_write() as connection:
        channel = connection.default_channel
        for name in names:
            declared = celery_app.amqp.queues[name](channel)
            declared.declare()  # the binding must be known to this channel to be deleted
            declared.delete()
        # The transport's own bookkeeping: tag -> [message, exchange, routing key].
        client = channel.client
        for tag, entry in client.hgetall(channel.unacked_key).items():
            if json.loads(entry)[2] in names:
                client.hdel(channel.unacked_key, tag)
                client.zrem(channel.unacked_index_key, tag)


@contextlib.contextmanager
def _own_queue(redis_url: str):
    """Tasks queued meanwhile (by the test or by the workers) go to queues of this test alone:
    no other consumer (a worker of an earlier test, a developer's worker on the same Redis) can
    take them, and nothing queued elsewhere reaches this test's workers."""
    queue = f"tests-{uuid.uuid4().hex[:8]}"
    default_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = redis_url
    celery_app.conf.task_default_queue = queue
    try:
        yield queue
    finally:
        celery_app.conf.task_default_queue = default_queue
        celery_app.conf.task_always_eager = True
        _queue_forget(queue)


class InProcessWorker:
    """The Celery worker thread of `celery_worker`, and what it still has to do."""

    def __init__(self, queue: str):
        self.queue = queue
        self._lock = threading.Lock()
        self._queued: Counter[str] = Counter()
        self._done: Counter[str] = Counter()

    def _on_queued(self, sender=None, routing_key=None, headers=None, **kwargs):
        if routing_key in queues(self.queue):
            with self._lock:
                self._queued[headers["id"]] += 1

    def _on_done(self, sender=None, task_id=None, **kwargs):
        with self._lock:
            self._done[task_id] += 1

    def wait_idle(self, timeout: float = 120.0) -> None:
        """Return once every task queued since the worker started has run, those its tasks
        queued included (a task queued for later is waited for): after that, nothing more can
        come of them. Tasks are counted as they are queued and as they end, in this process
        (the test and the worker thread both queue here), so no task is ever in between."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                left = self._queued - self._done
            if not left:
                return
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the worker still had {sum(left.values())} task(s) to run after {timeout} s"
                )
            time.sleep(0.05)


@pytest.fixture
def celery_worker(redis_url, transactional_db):
    """A real Celery worker consuming from Redis, in a thread of this process, on a queue of
    this test's own. `celery_worker.wait_idle()` waits until it has nothing left to do."""
    from celery import signals
    from celery.contrib.testing.worker import start_worker

    with _own_queue(redis_url) as queue:
        worker = InProcessWorker(queue)
        signals.before_task_publish.connect(worker._on_queued, weak=False)
        signals.task_postrun.connect(worker._on_done, weak=False)
        try:
            with start_worker(
                celery_app,
                pool="solo",
                queues=queues(queue),
                perform_ping_check=False,
                shutdown_timeout=60,  # a loaded machine may take a while to end a batch
            ):
                yield worker
        finally:
            signals.before_task_publish.disconnect(worker._on_queued)
            signals.task_postrun.disconnect(worker._on_done)


class WorkerProcesses:
    """Real `celery worker` processes (prefork pool, as in production) on the test database."""

    def __init__(self, env: dict, log_dir, queue: str):
        self.env, self.log_dir, self.queue = env, log_dir, queue
        self.processes: list[subprocess.Popen] = []
        self.logs: list[Path] = []

    def start(self, concurrency: int = 1, imports=(), **env) -> subprocess.Popen:
        """Start a worker process, once it is ready. `imports` names test modules the worker
        imports first (see tests/worker.py), to change it for one test; `env`, its settings."""
        log = self.log_dir / f"worker-{len(self.processes)}.log"
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.worker",
                "-A",
                "solimut_rse",
                "worker",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                f"--queues={','.join(queues(self.queue))}",
                "--without-mingle",
                "--without-gossip",
                "--loglevel=INFO",
                f"--hostname=test{len(self.processes)}@%h",
            ],
            cwd=ROOT,
            env={
                **self.env,
                "RSE_TEST_WORKER_IMPORTS": ",".join(imports),
                **{key: str(value) for key, value in env.items()},
            },
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its pool processes too can be killed at once
        )
        self.processes.append(process)
        self.logs.append(log)
        # Importing Django and the apps takes seconds on a loaded machine: be generous.
        deadline = time.monotonic() + 120
        while " ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the worker did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        return process

    def log(self, process: subprocess.Popen) -> str:
        """What the worker wrote so far (its pool processes included)."""
        return self.logs[self.processes.index(process)].read_text()

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL the worker and its pool processes, as a crash or the OOM killer would."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                self.kill(process)


def database_url(name: str | None = None) -> str:
    """DATABASE_URL of the test database (or of database `name` on the same server), for a
    process of its own."""
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{name or db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{name or db['NAME']}"


@pytest.fixture
def worker_processes(redis_url, transactional_db, settings, tmp_path):
    """Start worker processes with `worker_processes.start(**env)`; all are killed at the end.
    They consume a queue of this test's own, and queue their own tasks there too."""
    from django.db import connection

    if connection.vendor != "postgresql":
        require_service("PostgreSQL", "worker processes need a database they can share")
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "RSE_VAR_DIR": str(tmp_path / "var"),
    }
    if settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"):
        env |= {"EMAIL_HOST": settings.EMAIL_HOST, "EMAIL_PORT": str(settings.EMAIL_PORT)}
    with _own_queue(redis_url) as queue:
        env["CELERY_TASK_DEFAULT_QUEUE"] = queue
        workers = WorkerProcesses(env, tmp_path, queue)
        try:
            yield workers
        finally:
            workers.stop()


class SMTPSink:
    """What a real SMTP server (aiosmtpd) received."""

    def __init__(self):
        self.messages = []
        # A test may make the server refuse (4xx, 5xx) or slow down: `answer(envelope)`
        # returns the SMTP reply, `delay` is slept before answering.
        self.answer = None
        self.delay = 0.0
        self._hold_after: int | None = None
        self._released = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        while self._hold_after is not None and len(self.messages) >= self._hold_after:
            if self._released.is_set():
                break
            await asyncio.sleep(0.01)
        reply = self.answer(envelope) if self.answer else "250 Message accepted for delivery"
        if reply.startswith("250"):
            self.messages.append(envelope)
        return reply

    def hold_after(self, count: int) -> None:
        """Leave every message after the `count`-th unanswered until `release()`: a sender is
        then caught in the middle of its sending for sure, however fast or slow it goes."""
        self._hold_after = count
        self._released.clear()

    def release(self) -> None:
        self._released.set()

    def wait_for(self, count: int, timeout: float = 60.0) -> list:
        """The messages received, once there are at least `count`; fails after `timeout` s,
        saying how many came. To check that nothing more comes, wait for the worker to be idle
        (`celery_worker.wait_idle()`), then count."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the SMTP server received {len(self.messages)} message(s) within "
                    f"{timeout} s, {count} expected"
                )
            time.sleep(0.05)
        return list(self.messages)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django sends to it over SMTP."""
    from aiosmtpd.controller import Controller

    sink = SMTPSink()
    port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    controller.stop()


# --- Browser (Playwright with Debian's Chromium) ---------------------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        require_service("Chromium", f"{CHROMIUM} is missing (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-FR", "timezone_id": "Europe/Paris"}


# --- Static files as production serves them ----------------------------------------------------


@pytest.fixture
def collected_static(settings, tmp_path, monkeypatch):
    """collectstatic run with the production storage (manifest) into a STATIC_ROOT of its own;
    returns the manifest's paths (original name -> hashed name)."""
    import json

    from django.core.management import call_command

    from core.staticfiles import ManifestStaticFilesStorage

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "core.staticfiles.ManifestStaticFilesStorage"},
    }
    # Compressing takes most of the time and checks nothing here (tests/test_image.py does it).
    monkeypatch.setattr(ManifestStaticFilesStorage, "compress_files", lambda self, paths: ())
    call_command("collectstatic", "--noinput", verbosity=0)
    return json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]


# --- Single sign-on: a real OpenID Connect provider ------------------------------------------


@pytest.fixture(scope="session")
def oidc_process(tmp_path_factory):
    """The provider (tests/oidc.py) for the test client's site, once for the session."""
    from . import oidc

    with oidc.running(tmp_path_factory.mktemp("oidc"), ["http://testserver"]) as provider:
        yield provider


@pytest.fixture
def oidc_provider(oidc_process, settings):
    """The intranet signs in through the provider; its tokens as they should be."""
    oidc_process.settings(settings)
    yield oidc_process
    oidc_process.fault()
