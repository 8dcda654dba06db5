"""`make bench`: requests per second and latency of the pages that matter, against references.

For each data set (the group's real size, then `seed_demo --scale 50`: 50 mutuelles x 300
actions and 20,000 initiatives) it serves the app with gunicorn (sync workers, persistent
database connections) on loopback and loads it with wrk, in the same run as the references: a
hello-world view through the same middleware, and the Django admin changelists of deployments
and of initiatives; and a guide's stored PDF. Before that, bench/pdf.py times the rendering of
the long demo guide against bare WeasyPrint. It prints a table and writes it to
var/bench/results.md.

Uses DATABASE_URL when set (PostgreSQL, as in production), else a SQLite file of its own.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PORT = int(os.environ.get("BENCH_PORT", "8799"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
WORKERS = os.environ.get("BENCH_WORKERS", "2")
PDF_SLUG = "achats-responsables"

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_COOKIES": "0",
    "RSE_MANIFEST_STATIC": "0",
    "RSE_TASKS_IN_PROCESS": "1",  # as before REDIS_URL became required with DEBUG off
    "RSE_REQUIRE_STAFF_MFA": "0",  # the bench signs in without an authenticator app
    "LOG_LEVEL": "WARNING",
}
if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    # Same server, a database of the bench's own, made anew each run.
    ENV["DATABASE_URL"] = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/solimut_rse_bench"
else:
    ENV["DATABASE_URL"] = f"sqlite:///{OUT / 'bench.sqlite3'}"


def fresh_database():
    url = ENV["DATABASE_URL"]
    if url.startswith("sqlite"):
        (OUT / "bench.sqlite3").unlink(missing_ok=True)
        return
    import psycopg

    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS solimut_rse_bench")
        conn.execute("CREATE DATABASE solimut_rse_bench")


SESSION_SNIPPET = """
import django; django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from ambassadeurs.models import User
for email in ["coordination@solimut-demo.example", "admin@solimut-demo.example"]:
    user = User.objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(session.session_key)
"""


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def sessions() -> tuple[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", SESSION_SNIPPET],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    coordinator, admin = result.stdout.split()
    return coordinator, admin


def serve():
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            WORKERS,
            "--worker-class",
            "sync",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**ENV, "CONN_MAX_AGE": "60"},
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def _seconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def load(path: str, session: str) -> dict:
    url = f"http://127.0.0.1:{PORT}{path}"
    check = urllib.request.Request(url, headers={"Cookie": f"sessionid={session}"})
    with urllib.request.urlopen(check, timeout=60) as response:
        if response.status != 200 or "/accounts/login/" in response.url:
            raise RuntimeError(f"{path} answered {response.status} at {response.url}")
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}",
            "--latency",
            "--timeout",
            "30s",
            "-H",
            f"Cookie: sessionid={session}",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    try:
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        p50 = _seconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
        p99 = _seconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    except AttributeError as error:
        raise RuntimeError(f"unexpected wrk output for {path}:\n{output}") from error
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": int(errors.group(1)) if errors else 0}


def measure(label: str) -> list[dict]:
    coordinator, admin = sessions()
    server = serve()
    try:
        rows = []
        for name, path, session in [
            ("hello-world", "/bench/hello/", coordinator),
            ("admin changelist of deployments", "/admin/actionplan/deployment/", admin),
            ("/plan/ (coordinator dashboard)", "/plan/", coordinator),
            (
                "/plan/ma-mutuelle/ (ambassador page)",
                "/plan/ma-mutuelle/?mutuelle=armor",
                coordinator,
            ),
            ("admin changelist of initiatives", "/admin/initiatives/initiative/", admin),
            ("/initiatives/", "/initiatives/", coordinator),
            (
                "/initiatives/ filtered (theme, text)",
                "/initiatives/?theme=sport&q=essai",
                coordinator,
            ),
            ("/ (home page)", "/", coordinator),
            ("/guides/<slug>/pdf/ (stored PDF, 24 pages)", f"/guides/{PDF_SLUG}/pdf/", coordinator),
        ]:
            result = load(path, session)
            rows.append({"data": label, "page": name, **result})
            print(
                f"  {name:<40} {result['rps']:>8.1f} req/s  p50 {result['p50'] * 1000:7.1f} ms"
                f"  p99 {result['p99'] * 1000:7.1f} ms",
                flush=True,
            )
        return rows
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def pdf_render() -> dict:
    """bench/pdf.py: the project's render against bare WeasyPrint; stores the PDF."""
    result = subprocess.run(
        [sys.executable, "bench/pdf.py"],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def table(rows: list[dict]) -> str:
    lines = [
        "| data set | page | req/s | p50 (ms) | p99 (ms) | vs hello-world | vs admin changelist |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        same = [r for r in rows if r["data"] == row["data"]]
        hello = next(r for r in same if r["page"] == "hello-world")["rps"]
        kind = (
            "initiatives"
            if "initiative" in row["page"] or row["page"].startswith("/ (")
            else "deployments"
        )
        admin = next(r for r in same if r["page"] == f"admin changelist of {kind}")["rps"]
        versus_admin = "–" if "/guides/" in row["page"] else f"{row['rps'] / admin:.2f}"
        lines.append(
            f"| {row['data']} | {row['page']} | {row['rps']:.1f} | {row['p50'] * 1000:.1f} | "
            f"{row['p99'] * 1000:.1f} | {row['rps'] / hello:.2f} | {versus_admin} |"
        )
    return "\n".join(lines)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    fresh_database()
    manage("migrate", "--noinput", "-v0")
    rows, render = [], None
    for label, args in [
        ("group size (8 mutuelles, 24 actions, 60 initiatives)", []),
        ("50 mutuelles x 300 actions, 20,000 initiatives", ["--scale", "50"]),
    ]:
        print(f"\n== {label}: seeding", flush=True)
        manage("seed_demo", *args)
        if render is None:
            print("  rendering the long guide: project vs bare WeasyPrint…", flush=True)
            render = pdf_render()
            print(f"  {render}", flush=True)
        rows += measure(label)
    report = (
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} with wrk -t2 -c{CONNECTIONS} -d{DURATION}, "
        f"gunicorn {WORKERS} sync workers, database {ENV['DATABASE_URL'].split(':')[0]}, "
        f"{os.cpu_count()} cores.\n\n{table(rows)}\n\n"
        f"PDF of the {render['pages']}-page demo guide ({render['slug']}), median of "
        f"{render['rounds']} renders in one process: the project's pipeline "
        f"{render['project_s']:.2f} s, bare WeasyPrint on the same HTML {render['bare_s']:.2f} s "
        f"(overhead {render['overhead_pct']:+.1f} %).\n"
    )
    (OUT / "results.md").write_text(report)
    print("\n" + report)
    print(f"Written to {OUT / 'results.md'}")


if __name__ == "__main__":
    main()
