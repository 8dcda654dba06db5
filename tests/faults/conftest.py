"""Real services that a test can cut and restore: a Redis of its own, a TCP relay in front of
PostgreSQL, celery beat."""

import contextlib
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest

from solimut_rse.celery import app as celery_app
from tests.conftest import require_service
from tests.guides.conftest import draft, theme  # noqa: F401  (fixtures: a guide in draft)
from tests.newsletter.conftest import network  # noqa: F401  (a fixture: eight mutuelles)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout: float, message: str, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(message)
        time.sleep(every)


class RedisServer:
    """A Redis of the test's own, on a port nothing else uses: stopped and started at will,
    losing what it held (as `redis-server --save ""` in CI does)."""

    def __init__(self, tmp_path):
        self.port, self.dir, self.process = free_port(), tmp_path, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def _answers(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
        except OSError:
            return False
        return True

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.dir)),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self._answers, 10, "redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path):
    if not shutil.which("redis-server"):
        require_service("redis-server", "the binary is missing (apt-get install redis-server)")
    server = RedisServer(tmp_path)
    yield server
    server.stop()


def use_broker(url: str) -> None:
    """Point this process's Celery at another broker."""
    celery_app.conf.broker_url = url
    celery_app._after_fork()  # forget the connections pooled for the previous broker


class TCPRelay:
    """Relays TCP connections to a real server; `cut()` drops every connection and refuses new
    ones (as a network failure or a restarting server would) until `restore()`."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.cuts = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # closed
            if not self.open:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def cut(self):
        self.open = False
        self.cuts += 1
        with self.lock:
            for end in self.sockets:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
            self.sockets.clear()

    def restore(self):
        self.open = True

    def close(self):
        self.cut()
        self.listener.close()


@pytest.fixture
def database_relay(worker_processes):
    """Worker processes (and beat) reach PostgreSQL through a relay the test can cut; the test
    itself keeps its own direct connection to look at the rows."""
    from django.db import connection

    db = connection.settings_dict
    relay = TCPRelay(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    worker_processes.env["DATABASE_URL"] = (
        f"postgres://{db['USER']}{password}@127.0.0.1:{relay.port}/{db['NAME']}"
    )
    yield relay
    relay.close()


@pytest.fixture
def beat(worker_processes, tmp_path):
    """celery beat in its own process, its housekeeping every second."""
    processes = []

    def start(**env):
        log = tmp_path / f"beat-{len(processes)}.log"
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "solimut_rse", "beat"),
                *("--loglevel=INFO", "--schedule", str(tmp_path / f"beat-{len(processes)}")),
            ],
            env={
                **worker_processes.env,
                "RSE_SWEEP_SECONDS": "1",
                **{key: str(value) for key, value in env.items()},
            },
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
