"""Production configuration: `check --deploy` is clean with the shipped values, the settings
refuse what cannot work, the compose file validates and its health check is not fooled, the
locks are the runtime and the development ones, static files collect with the manifest."""

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parent.parent


def bare_environment(**values: str) -> dict[str, str]:
    """Only what a shell needs, then `values`: none of the test suite's own settings."""
    return {"PATH": os.environ["PATH"], "HOME": str(Path.home()), **values}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def env_file_values(path: Path) -> dict[str, str]:
    """KEY=VALUE lines as docker-compose reads a .env file (comments and blanks skipped)."""
    values = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def a_secret_key() -> str:
    return secrets.token_urlsafe(50)


def compose_config(tmp_path, **shell: str) -> dict:
    """docker-compose.yml as `docker-compose config` resolves it from `shell` alone (no .env)."""
    if not shutil.which("docker-compose"):
        require_service("docker-compose", "not installed (apt-get install docker-compose)")
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("")
    result = subprocess.run(
        ["docker-compose", "-f", "docker-compose.yml", "--env-file", str(empty_env_file), "config"],
        cwd=ROOT,
        env=bare_environment(**shell),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


# --- check --deploy --------------------------------------------------------------------------


def assert_check_deploy_is_clean(env: dict[str, str]) -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_is_clean_with_the_values_of_env_example():
    values = env_file_values(ROOT / ".env.example")
    assert values["DEBUG"] == "0" and values["REDIS_URL"]
    assert values["SECRET_KEY"] == ""  # no usable placeholder: each installation makes its own
    assert_check_deploy_is_clean(bare_environment(**{**values, "SECRET_KEY": a_secret_key()}))


def test_check_deploy_is_clean_with_the_compose_defaults(tmp_path):
    services = compose_config(tmp_path, SECRET_KEY=a_secret_key())["services"]
    environment = {k: str(v) for k, v in services["web"]["environment"].items()}
    assert environment["DEBUG"] == "0"
    for service in ("worker", "worker-pdf", "worker-newsletter", "beat"):  # one configuration
        assert {k: str(v) for k, v in services[service]["environment"].items()} == environment
    assert_check_deploy_is_clean(bare_environment(**environment))


def test_the_readme_says_how_to_run_check_deploy():
    assert "manage.py check --deploy" in (ROOT / "README.md").read_text()


# --- settings that refuse what cannot work ---------------------------------------------------


def test_settings_refuse_to_start_without_a_secret_key_in_production():
    result = manage("check", env=bare_environment(DEBUG="0", REDIS_URL="redis://redis:6379/0"))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_settings_reject_a_bad_boolean():
    result = manage("check", env={**os.environ, "DEBUG": "peut-être"})
    assert "DEBUG must be a boolean" in result.stderr


def test_production_refuses_to_start_without_redis_rather_than_run_tasks_in_requests():
    result = manage("check", env=bare_environment(DEBUG="0", SECRET_KEY=a_secret_key()))
    assert result.returncode != 0
    assert "ImproperlyConfigured: REDIS_URL must be set when DEBUG is off" in result.stderr


def test_make_run_works_without_redis_and_runs_tasks_in_process(tmp_path):
    env = bare_environment(DEBUG="1", RSE_VAR_DIR=str(tmp_path))  # what `make run` sets
    assert manage("check", env=env).returncode == 0
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from solimut_rse.celery import app; print(app.conf.task_always_eager)",
        env=env,
    )
    assert result.stdout.strip() == "True", result.stderr


# --- docker-compose --------------------------------------------------------------------------


def test_docker_compose_file_validates(tmp_path):
    config = compose_config(tmp_path)
    assert set(config["services"]) >= {"web", "worker", "beat", "db", "redis"}


class FakeWeb(BaseHTTPRequestHandler):
    """Answers what the test sets in `answer`, and records the headers it was asked with."""

    answer: tuple[int, dict, bytes] = (200, {}, b"")
    asked: list = []

    def do_GET(self):
        FakeWeb.asked.append(dict(self.headers))
        status, headers, body = FakeWeb.answer
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_web():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWeb)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeWeb.asked = []
    yield f"http://127.0.0.1:{server.server_address[1]}/healthz"
    server.shutdown()
    server.server_close()


def run_health_check(config: dict, url: str) -> subprocess.CompletedProcess:
    """The web service's health check, as compose runs it inside the container, against `url`."""
    web = config["services"]["web"]
    command = web["healthcheck"]["test"]
    assert command[:2] == ["CMD", "python"], command
    environment = {k: str(v) for k, v in web["environment"].items()}
    return subprocess.run(
        [sys.executable, *command[2:], url],
        cwd=ROOT,
        env=bare_environment(**environment),
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )


HEALTHY = json.dumps({"status": "ok", "checks": {"database": "ok"}}).encode()
CACHE_DOWN = json.dumps({"status": "error", "checks": {"cache": "error: ConnectionError"}})


@pytest.mark.parametrize(
    ("answer", "healthy"),
    [
        ((200, {"Content-Type": "application/json"}, HEALTHY), True),
        ((503, {"Content-Type": "application/json"}, CACHE_DOWN.encode()), False),
        ((301, {"Location": "https://rse.solimut.example/healthz"}, b""), False),  # SSL redirect
        ((400, {"Content-Type": "text/html"}, b"<h1>Bad Request (400)</h1>"), False),  # host check
        ((200, {"Content-Type": "text/html"}, b"<html>a proxy's page</html>"), False),
    ],
    ids=["200 ok", "503", "redirect", "host check", "200 not healthz"],
)
def test_the_compose_health_check_is_healthy_only_when_healthz_says_ok(
    tmp_path, fake_web, answer, healthy
):
    config = compose_config(tmp_path, SECRET_KEY=a_secret_key(), ALLOWED_HOSTS="rse.example")
    FakeWeb.answer = answer
    result = run_health_check(config, fake_web)
    assert (result.returncode == 0) is healthy, result.stdout + result.stderr
    # It asks as the TLS proxy does, with a host the site accepts.
    assert FakeWeb.asked[0]["Host"] == "rse.example"
    assert FakeWeb.asked[0]["X-Forwarded-Proto"] == "https"
    if answer[0] == 503:
        assert "cache" in result.stdout  # what is down shows in `docker inspect`


# --- dependencies: one lock for the image, one for development --------------------------------


def pins(lock: Path) -> dict[str, str]:
    return dict(re.findall(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)", lock.read_text(), re.MULTILINE))


def test_the_image_installs_the_runtime_lock_and_development_the_dev_lock():
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    instructions = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    assert "RUN pip install --require-hashes -r requirements.lock" in instructions
    assert "requirements-dev.lock" not in instructions
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements-dev.lock" in makefile


def test_the_locks_are_hashed_without_addresses_and_agree_on_versions():
    runtime, development = ROOT / "requirements.lock", ROOT / "requirements-dev.lock"
    for lock in (runtime, development):
        text = lock.read_text()
        assert "://" not in text and "--index-url" not in text and "--find-links" not in text
        for block in re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2]):
            assert "--hash=sha256:" in block, block
    runtime_pins, development_pins = pins(runtime), pins(development)
    assert {"django", "gunicorn", "whitenoise", "celery"} <= set(runtime_pins)
    assert not {"pytest", "ruff", "playwright", "factory-boy"} & set(runtime_pins)
    assert {"pytest", "ruff", "playwright"} <= set(development_pins)
    # The suite runs against exactly what the image runs.
    assert {name: development_pins.get(name) for name in runtime_pins} == runtime_pins


# --- static files ----------------------------------------------------------------------------


def test_static_files_collect_with_the_manifest_and_pages_use_hashed_names(
    reader, collected_static
):
    """collectstatic with the production storage resolves every reference of every file (CSS
    url(), source maps...) or fails; afterwards pages name the hashed copies."""
    assert "vendor/quill-2.0.3/quill.snow.css" in collected_static
    client = Client()
    client.force_login(reader)
    page = client.get(reverse("home")).text
    assert f'href="/static/{collected_static["css/solimut.css"]}"' in page
    assert client.get("/healthz").json()["checks"]["static"] == "ok"


def test_healthz_reports_static_files_collected_without_their_manifest(
    client, db, settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "core.staticfiles.ManifestStaticFilesStorage"},
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["static"].startswith("error")
