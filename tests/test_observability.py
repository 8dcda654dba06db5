"""Logs (time, level, logger, request id; one access line per request), the request id header,
errors by e-mail to ADMINS and to Sentry when a DSN is set."""

import gzip
import io
import json
import logging
import re
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from core import requestid
from solimut_rse.celery import app as celery_app
from solimut_rse.settings import env_addresses
from tests.test_deploy import bare_environment

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(
    r"^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?P<level>[A-Z]+) (?P<logger>[\w.]+) "
    r"\[(?P<request_id>[^\]]+)\] (?P<message>.*)$"
)


@contextmanager
def log_lines():
    """What the configured console handler writes (its format, its filters), line by line."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    lines: list[str] = []
    try:
        yield lines
    finally:
        handler.setStream(previous)
        lines.extend(stream.getvalue().splitlines())


# --- The request id --------------------------------------------------------------------------


def test_each_request_gets_an_id_echoed_in_its_response(client, db):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


def test_the_id_the_proxy_sends_is_kept(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="7f3c2a1e-proxy-42")
    assert response["X-Request-ID"] == "7f3c2a1e-proxy-42"


@pytest.mark.parametrize("forged", ["x" * 200, "abc\r\nINFO forged line", "<script>", ""])
def test_an_implausible_id_is_replaced(client, db, forged):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=forged)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


# --- Log lines -------------------------------------------------------------------------------


def test_a_request_logs_one_access_line_and_every_record_carries_its_id(client, reader):
    client.force_login(reader)
    with log_lines() as lines:
        client.get("/mutuelles/nexiste-pas/", HTTP_X_REQUEST_ID="req-404")
        client.get(reverse("home"), HTTP_X_REQUEST_ID="req-home")
        logging.getLogger("solimut_rse").warning("between two requests")
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    of_404 = [line for line in parsed if line["request_id"] == "req-404"]
    assert [(line["level"], line["logger"]) for line in of_404] == [
        ("WARNING", "django.request"),
        ("INFO", "core.access"),
    ]
    assert of_404[0]["message"] == "Not Found: /mutuelles/nexiste-pas/"
    assert re.fullmatch(r"GET /mutuelles/nexiste-pas/ 404 \d+ms", of_404[1]["message"])
    of_home = [line for line in parsed if line["request_id"] == "req-home"]
    assert len(of_home) == 1 and re.fullmatch(r"GET / 200 \d+ms", of_home[0]["message"])
    assert parsed[-1]["request_id"] == "-"  # outside a request


def test_a_path_cannot_forge_a_log_line(client, db):
    with log_lines() as lines:
        client.get("/nexiste%0A2026-01-01 00:00:00,000 INFO core.access [x] GET / 200 1ms")
    assert len(lines) == 2  # Not Found, and the access line: no third, forged, line
    assert all(LINE.match(line) for line in lines)
    assert not any(line.startswith("2026-01-01") for line in lines)


# Defined here so that the in-process worker of `celery_worker` knows it.
seen_by_task: list[str] = []


@celery_app.task(name="tests.test_observability.record_request_id")
def record_request_id():
    seen_by_task.append(requestid.current())


@pytest.mark.services
def test_a_task_queued_during_a_request_logs_under_its_id(celery_worker):
    seen_by_task.clear()
    with requestid.bound("req-task"):
        record_request_id.delay()
    record_request_id.delay()  # queued outside any request
    deadline = time.monotonic() + 15
    while len(seen_by_task) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(seen_by_task) == ["-", "req-task"]


# --- ADMINS ----------------------------------------------------------------------------------


def test_admins_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMINS", "Alice Martin <alice@solimut.example>, bob@solimut.example")
    assert env_addresses("ADMINS") == [
        ("Alice Martin", "alice@solimut.example"),
        ("", "bob@solimut.example"),
    ]
    monkeypatch.setenv("ADMINS", '"Martin, Alice" <alice@solimut.example>')
    assert env_addresses("ADMINS") == [("Martin, Alice", "alice@solimut.example")]
    monkeypatch.delenv("ADMINS")
    assert env_addresses("ADMINS") == []


@pytest.mark.parametrize("value", ["Alice Martin", "alice@", "Alice <alice@localhost>"])
def test_admins_that_are_not_addresses_are_refused(monkeypatch, value):
    monkeypatch.setenv("ADMINS", value)
    with pytest.raises(ImproperlyConfigured, match="ADMINS must be e-mail addresses"):
        env_addresses("ADMINS")


def test_the_app_refuses_to_start_with_bad_admins():
    env = bare_environment(DEBUG="1", ADMINS="Alice Martin")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "ADMINS must be e-mail addresses" in result.stderr


def test_a_server_error_is_mailed_to_the_admins(reader, settings, monkeypatch):
    settings.ADMINS = [("Exploitation", "exploitation@solimut.example")]

    def broken(*args, **kwargs):
        raise RuntimeError("the home page broke")

    monkeypatch.setattr("solimut_rse.views.people.member_working_groups", broken)
    client = Client(raise_request_exception=False)
    client.force_login(reader)
    assert client.get(reverse("home")).status_code == 500
    assert [message.to for message in mail.outbox] == [["exploitation@solimut.example"]]
    assert "the home page broke" in mail.outbox[0].body


def test_a_request_for_another_host_is_logged_but_not_mailed(client, db, settings):
    settings.ADMINS = [("Exploitation", "exploitation@solimut.example")]
    with log_lines() as lines:
        assert client.get("/healthz", HTTP_HOST="scanner.example").status_code == 400
    assert any(" django.security.DisallowedHost " in line for line in lines)
    assert mail.outbox == []


# --- Sentry ----------------------------------------------------------------------------------


class FakeSentry(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        FakeSentry.received.append(body)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_sentry():
    FakeSentry.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSentry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://public-key@127.0.0.1:{server.server_address[1]}/1"
    server.shutdown()
    server.server_close()


# A production process whose /healthz breaks, called as gunicorn calls it (WSGI), no database.
FAILING_REQUEST = """
import os
from unittest import mock
from wsgiref.util import setup_testing_defaults

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solimut_rse.settings")
from solimut_rse.wsgi import application
import sentry_sdk

print("sentry active:", sentry_sdk.get_client().is_active())
environ = {
    "PATH_INFO": "/healthz",
    "HTTP_HOST": "testserver",
    "HTTP_X_REQUEST_ID": "req-sentry",
    "HTTP_COOKIE": "csrftoken=the-secret-cookie",
    "HTTP_AUTHORIZATION": "Bearer the-secret-token",
    "REMOTE_ADDR": "192.0.2.44",
}
setup_testing_defaults(environ)
statuses = []
with mock.patch("solimut_rse.views.JsonResponse", side_effect=RuntimeError("healthz exploded")):
    response = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(response)
    response.close()
print("status:", statuses[0])
sentry_sdk.flush(timeout=10)
"""


def run_failing_request(tmp_path, **env) -> str:
    result = subprocess.run(
        [sys.executable, "-c", FAILING_REQUEST],
        cwd=ROOT,
        env=bare_environment(
            DEBUG="0",
            SECRET_KEY="tests-only-not-a-secret",
            ALLOWED_HOSTS="testserver",
            DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
            RSE_TASKS_IN_PROCESS="1",
            RSE_MANIFEST_STATIC="0",
            RSE_VAR_DIR=str(tmp_path),
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "status: 500 Internal Server Error" in result.stdout, result.stdout + result.stderr
    return result.stdout


def test_without_a_dsn_nothing_is_sent_to_sentry(tmp_path, fake_sentry):
    output = run_failing_request(tmp_path)
    assert "sentry active: False" in output
    assert FakeSentry.received == []


def test_with_a_dsn_errors_reach_sentry_with_the_request_id_and_nothing_personal(
    tmp_path, fake_sentry
):
    output = run_failing_request(tmp_path, SENTRY_DSN=fake_sentry)
    assert "sentry active: True" in output
    events = [
        json.loads(line)
        for body in FakeSentry.received
        for line in body.splitlines()
        if line.startswith(b"{") and b'"exception"' in line
    ]
    assert len(events) == 1, FakeSentry.received
    event = events[0]
    assert event["exception"]["values"][-1]["value"] == "healthz exploded"
    assert event["tags"]["request_id"] == "req-sentry"
    assert event["request"]["url"] == "http://testserver/healthz"  # what failed, but no more:
    sent = b"".join(FakeSentry.received)
    assert b"the-secret" not in sent and b"192.0.2.44" not in sent
