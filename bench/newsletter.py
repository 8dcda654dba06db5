"""`make bench`, the newsletter: e-mails per second delivered to a local SMTP sink by the
Celery pipeline (2 worker processes, every delivery written and marked) for 10,000
subscribers, against a bare Python loop that builds the same messages with the project's
mailer and sends them over one SMTP connection to the same sink (no database, no Celery),
in the same run. Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL); uses a database of
its own. Writes var/bench/newsletter.md."""

import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
SINK_PORT = int(os.environ.get("BENCH_SMTP_PORT", "8825"))
DATABASE = os.environ.get("BENCH_DATABASE", "solimut_rse_bench") + "_mail"


def environment() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")) or not os.environ.get("REDIS_URL"):
        sys.exit("The newsletter bench needs DATABASE_URL (PostgreSQL) and REDIS_URL.")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "solimut_rse.settings",
        "DATABASE_URL": url.rsplit("/", 1)[0] + f"/{DATABASE}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SINK_PORT),
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "DEBUG": "0",
        "RSE_MANIFEST_STATIC": "0",  # no collectstatic for a bench
        "LOG_LEVEL": "WARNING",
        "RSE_VAR_DIR": str(OUT / "var-mail"),
    }


def fresh_database(env):
    import psycopg

    admin = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )


def sink():
    process = subprocess.Popen(
        [sys.executable, "bench/smtp_sink.py", str(SINK_PORT)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def sink_count(process) -> int:
    process.terminate()
    return int(process.stdout.read().split()[-1])


def main():
    env = environment()
    os.environ.update(env)
    OUT.mkdir(parents=True, exist_ok=True)
    fresh_database(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.mail import get_connection

    from core import mail
    from mutuelles.models import Mutuelle
    from newsletter import rendering
    from newsletter.models import Block, Edition, Subscriber
    from newsletter.services import sending
    from solimut_rse.celery import app, queues

    mutuelles = [
        Mutuelle.objects.create(name=f"Mutuelle {n}", short_name=f"M{n}", slug=f"m{n}")
        for n in range(8)
    ]
    Subscriber.objects.bulk_create(
        (
            Subscriber(email=f"salarie{n}@m{n % 8}.example", mutuelle=mutuelles[n % 8])
            for n in range(SUBSCRIBERS)
        ),
        batch_size=5000,
    )
    edition = Edition.objects.create(
        number=1,
        title="Lettre ESS/RSE n° 1",
        editorial="<p>" + "Le mot de la coordination. " * 20 + "</p>",
        period_start=datetime.date(2026, 10, 1),
        period_end=datetime.date(2026, 10, 31),
    )
    for n in range(6):
        Block.objects.create(edition=edition, kind="text", title=f"Bloc {n}", body="<p>x</p>" * 5)
    for mutuelle in mutuelles:
        Block.objects.create(edition=edition, mutuelle=mutuelle, kind="text", title="Local")

    # The bare loop: the same messages (the mutuelles' versions rendered once, as the pipeline
    # does), built by the project's mailer, sent over one connection. No database.
    messages = rendering.Messages(edition)
    recipients = list(Subscriber.objects.values_list("email", "mutuelle_id", "token"))
    rendered = {m.pk: messages.render(m.pk) for m in mutuelles}
    server = sink()
    started = time.perf_counter()
    with get_connection() as connection:
        for n, (address, mutuelle_id, token) in enumerate(recipients):
            link = rendering.unsubscribe_url(token)
            text, html = rendered[mutuelle_id]
            message = mail.compose(
                subject=edition.title,
                text=text.replace(rendering.UNSUBSCRIBE, link),
                html=html.replace(rendering.UNSUBSCRIBE, link),
                to=[address],
                headers={
                    "Message-ID": f"<bare-{n}@bench>",
                    "List-Unsubscribe": f"<{link}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            mail.send([message], connection=connection)
    bare_s = time.perf_counter() - started
    bare_count = sink_count(server)

    # The pipeline: two worker processes on Redis, deliveries written, leased and marked.
    server = sink()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "solimut_rse",
            "worker",
            "--pool=prefork",
            "--concurrency=2",
            f"--queues={','.join(queues())}",
            "--without-mingle",
            "--without-gossip",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
    )
    app.control.purge()
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        assert time.monotonic() < deadline, "the worker did not start"
    started = time.perf_counter()
    sending.start(edition)
    while Edition.objects.get(pk=edition.pk).status != Edition.Status.SENT:
        time.sleep(0.05)
    pipeline_s = time.perf_counter() - started
    worker.terminate()
    worker.wait(timeout=60)
    pipeline_count = sink_count(server)
    progress = sending.progress(edition)

    result = {
        "subscribers": SUBSCRIBERS,
        "bare_per_s": round(bare_count / bare_s, 1),
        "pipeline_per_s": round(pipeline_count / pipeline_s, 1),
        "ratio": round((pipeline_count / pipeline_s) / (bare_count / bare_s), 2),
        "bare_received": bare_count,
        "pipeline_received": pipeline_count,
        "deliveries_sent": progress["sent"],
    }
    report = (
        f"Measured {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, PostgreSQL and "
        f"Redis on loopback, an aiosmtpd sink in its own process.\n\n"
        f"| sender | e-mails | e-mails/s |\n|---|---:|---:|\n"
        f"| bare loop (Django e-mail classes, one SMTP connection, no database) | "
        f"{bare_count} | {result['bare_per_s']} |\n"
        f"| Celery pipeline (2 worker processes, every delivery written and marked) | "
        f"{pipeline_count} | {result['pipeline_per_s']} |\n\n"
        f"The pipeline reaches {result['ratio']:.0%} of the bare rate; "
        f"{progress['sent']} deliveries marked sent.\n"
    )
    (OUT / "newsletter.md").write_text(report)
    print(json.dumps(result))
    print(report)


if __name__ == "__main__":
    main()
