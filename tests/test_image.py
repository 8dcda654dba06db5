"""The image as shipped, without a Docker engine.

The project is copied as `COPY . .` copies it (`.dockerignore`), the Dockerfile's build steps
that follow that copy run as written with its ENV, then its CMD (gunicorn) serves in the
production configuration of `.env.example`: DEBUG off, the manifest storage, PostgreSQL and
Redis, behind a TLS proxy (requests carry `X-Forwarded-Proto: https` and the public host).
The steps before the copy install the operating system's packages, the user and the runtime
lock, whose versions the development lock pins identically (tests/test_deploy.py).
"""

import fnmatch
import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from tests.conftest import require_service
from tests.test_deploy import bare_environment, compose_config, env_file_values

ROOT = Path(__file__).resolve().parent.parent
HOST = "rse.solimut.example"  # ALLOWED_HOSTS of .env.example
MEMBER = {"email": "salarie@armor.example", "password": "un-mot-de-passe-de-test-42"}


# --- The Dockerfile, read and run ------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    instructions = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, arguments = line.partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def dockerignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert not [p for p in patterns if p.startswith("!")], "exceptions are not simulated here"
    return patterns


def ignored(relative: str, patterns: list[str]) -> bool:
    parts = relative.split("/")
    for pattern in patterns:
        if pattern.startswith("**/"):
            if any(fnmatch.fnmatchcase(part, pattern[3:]) for part in parts):
                return True
        elif fnmatch.fnmatchcase(relative, pattern.rstrip("/")):
            return True
    return False


def copy_build_context(destination: Path) -> None:
    """`COPY . .`: the project minus what .dockerignore leaves out."""
    patterns = dockerignore_patterns()

    def leave_out(directory, names):
        relative = Path(directory).relative_to(ROOT)
        return {name for name in names if ignored((relative / name).as_posix(), patterns)}

    shutil.copytree(ROOT, destination, ignore=leave_out, symlinks=True, dirs_exist_ok=True)


def build(app: Path) -> tuple[dict[str, str], list[str]]:
    """Runs the build as the Dockerfile says; returns the image's environment and CMD."""
    # `python`, `pip` and `gunicorn` are the suite's virtual environment's.
    env = bare_environment(PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    copied, command = False, None
    for keyword, arguments in dockerfile_instructions():
        if keyword == "ENV":
            env.update(item.split("=", 1) for item in shlex.split(arguments))
        elif keyword == "COPY" and arguments.split() == [".", "."]:
            copy_build_context(app)
            copied = True
        elif keyword == "RUN" and copied:
            result = subprocess.run(
                ["sh", "-c", arguments], cwd=app, env=env, capture_output=True, text=True
            )
            assert result.returncode == 0, f"RUN {arguments}\n{result.stdout}{result.stderr}"
        elif keyword == "CMD":
            command = json.loads(arguments)
    assert copied and command, "the Dockerfile no longer has `COPY . .` and a CMD"
    return env, command


@pytest.fixture(scope="module")
def image(tmp_path_factory):
    app = tmp_path_factory.mktemp("image") / "app"
    env, command = build(app)
    return app, env, command


# --- Served as in production -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def production_redis() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        require_service("Redis", "REDIS_URL is not set (production requires it)")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        require_service("Redis", f"{url} does not answer ({error})")
    return url


@pytest.fixture(scope="module")
def database(image):
    """A database of its own on the suite's PostgreSQL server (SQLite without one)."""
    app, _, _ = image
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{app / 'var' / 'db.sqlite3'}"
        return
    import psycopg

    server, name = url.rsplit("/", 1)
    name = f"{name}_image"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def production_env(production_redis, image, database):
    _, env, _ = image
    return {
        **env,
        **env_file_values(ROOT / ".env.example"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database,
        "REDIS_URL": production_redis,
    }


class Server:
    """The image's CMD on a loopback port, and an HTTP client that talks like the TLS proxy."""

    def __init__(self, app: Path, command: list[str], env: dict, log: Path):
        self.port = free_port()
        command = list(command)
        command[command.index("--bind") + 1] = f"127.0.0.1:{self.port}"
        self.log = log
        self.process = subprocess.Popen(
            command,
            cwd=app,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_listening(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn stopped:\n{self.log.read_text()[-3000:]}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        pytest.fail(f"gunicorn did not listen within {timeout} s")

    def request(self, method, path, body=None, headers=None, *, proxied=True, cookies=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": HOST, **(headers or {})}
        if proxied:
            headers["X-Forwarded-Proto"] = "https"
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        connection.close()
        if cookies is not None:
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.update((k, m.value) for k, m in SimpleCookie(header).items())
        return response

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="module")
def production(image, production_env, tmp_path_factory):
    """Migrated as the compose `web` service does, with one member, then served."""
    app, _, command = image

    def manage(*args):
        result = subprocess.run(
            ["python", "manage.py", *args], cwd=app, env=production_env, capture_output=True
        )
        assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()

    manage("migrate", "--noinput", "-v0")
    manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from allauth.account.models import EmailAddress\n"
        "from ambassadeurs.models import User\n"
        f"user = User.objects.create_user({MEMBER['email']!r}, {MEMBER['password']!r},"
        " first_name='Camille', last_name='Martin')\n"
        "EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)",
    )
    server = Server(app, command, production_env, tmp_path_factory.mktemp("logs") / "web.log")
    server.wait_until_listening()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def session(production) -> dict[str, str]:
    """The cookies of a member who signed in through the form, as a browser would."""
    cookies: dict[str, str] = {}
    page = production.request("GET", "/accounts/login/", cookies=cookies)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = production.request(
        "POST",
        "/accounts/login/",
        body=urlencode({"login": MEMBER["email"], "password": MEMBER["password"]}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/accounts/login/",
            "X-CSRFToken": token,
        },
        cookies=cookies,
    )
    assert response.status == 302, response.text[:2000]
    assert urlsplit(response.headers["Location"]).path == "/"
    assert "sessionid" in cookies
    return cookies


def log_lines_of(server: Server, request_id: str) -> list[str]:
    """The lines the server logged for a request, once its access line is written."""
    deadline = time.monotonic() + 10
    while True:
        lines = [line for line in server.log.read_text().splitlines() if f"[{request_id}]" in line]
        if any(" core.access " in line for line in lines) or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def stylesheet(page: str) -> str:
    return re.search(r'href="(/static/css/solimut\.[0-9a-f]{12}\.css)"', page).group(1)


def test_the_build_writes_the_static_manifest_and_the_translations(image):
    app, _, _ = image
    manifest = json.loads((app / "var" / "static" / "staticfiles.json").read_text())
    assert manifest["paths"]["css/solimut.css"] != "css/solimut.css"
    assert (app / "locale" / "en" / "LC_MESSAGES" / "django.mo").exists()
    assert not (app / ".venv").exists() and not (app / "tests").exists()


def test_the_sign_in_page_answers_in_french_with_hashed_static_files(production):
    response = production.request("GET", "/accounts/login/")
    assert response.status == 200
    assert "Connexion à l'intranet" in response.text
    assert stylesheet(response.text)


def test_a_member_signs_in_and_sees_their_home_page(production, session):
    response = production.request("GET", "/", cookies=session)
    assert response.status == 200
    assert "Bonjour Camille" in response.text
    assert "Se déconnecter" in response.text


def test_static_files_are_served_hashed_compressed_and_cached_for_ever(production):
    path = stylesheet(production.request("GET", "/accounts/login/").text)
    response = production.request("GET", path, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/css")
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]


def test_an_unknown_page_answers_the_french_404_page(production, session):
    response = production.request("GET", "/nexiste-pas/", cookies=session)
    assert response.status == 404
    assert "Page introuvable" in response.text and stylesheet(response.text)


def test_each_request_is_one_log_line_with_its_request_id(production):
    response = production.request("GET", "/accounts/login/", headers={"X-Request-ID": "image-1"})
    assert response.headers["X-Request-ID"] == "image-1"
    [line] = log_lines_of(production, "image-1")
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO core\.access \[image-1\] "
        r"GET /accounts/login/ 200 \d+ms",
        line,
    )
    assert 'HTTP/1.1"' not in production.log.read_text()  # gunicorn's access log stays off


def test_plain_http_is_redirected_to_https(production):
    response = production.request("GET", "/accounts/login/", proxied=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/accounts/login/"


def test_the_compose_health_check_passes_the_redirect_and_the_host_check(
    production, production_env, tmp_path
):
    from tests.test_deploy import run_health_check

    config = compose_config(tmp_path, SECRET_KEY="x", ALLOWED_HOSTS=HOST)
    result = run_health_check(config, f"http://127.0.0.1:{production.port}/healthz")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def database_and_cache_down(image, production_env, tmp_path_factory):
    """The same image with PostgreSQL and Redis unreachable: every page needing them fails."""
    app, _, command = image
    env = {
        **production_env,
        "DATABASE_URL": "postgres://rse:password@127.0.0.1:1/rse",
        "REDIS_URL": "redis://127.0.0.1:1/0",
    }
    server = Server(app, command, env, tmp_path_factory.mktemp("logs") / "down.log")
    server.wait_until_listening()
    yield server
    server.stop()


def test_with_the_database_and_the_cache_down_a_member_gets_the_french_500_page(
    database_and_cache_down, session
):
    # A member who signed in before the outage: their session is in the database.
    response = database_and_cache_down.request("GET", "/", cookies=dict(session))
    assert response.status == 500
    assert "Une erreur est survenue" in response.text
    assert 'class="site-header"' in response.text and stylesheet(response.text)
    assert "Internal Server Error" not in response.text  # not gunicorn's bare page
    # The error and its traceback are logged under the request's id, the one the member sees.
    lines = log_lines_of(database_and_cache_down, response.headers["X-Request-ID"])
    assert " ERROR django.request " in lines[0] and "Internal Server Error: /" in lines[0]
    assert re.search(r" INFO core\.access \[\w+\] GET / 500 \d+ms$", lines[-1])


def test_with_the_database_down_the_health_check_fails(database_and_cache_down, tmp_path):
    from tests.test_deploy import run_health_check

    response = database_and_cache_down.request("GET", "/healthz")
    assert response.status == 503
    assert json.loads(response.text)["checks"]["database"].startswith("error")
    config = compose_config(tmp_path, SECRET_KEY="x", ALLOWED_HOSTS=HOST)
    url = f"http://127.0.0.1:{database_and_cache_down.port}/healthz"
    assert run_health_check(config, url).returncode == 1
