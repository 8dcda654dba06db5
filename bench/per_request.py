"""Pages timed in one process (Django's test client), steadier than wrk on a busy machine.

Run after `bench/run.py`, which leaves its database (BENCH_DATABASE, `solimut_rse_bench` by
default: the 50 x 300 x 20,000 data set) behind: `DATABASE_URL=postgres://...
REDIS_URL=redis://... .venv/bin/python bench/per_request.py`. Prints the best of 5 rounds, in
milliseconds per request, signed in as the demo coordinator (the admin for the admin's page, the
reference of "Ma mutuelle"). Run it on two commits, one after the other, to compare them.

`--pairs`: the pages of issue #12's goals as `bench/run.py` signs in for them (the home per
role, "Ma mutuelle" as Armor's ambassador), each alternating with the admin changelist it is
compared with, round after round in the same process, and the ratio (changelist ÷ page): what
the goals ask, steadier on a shared machine than two separate timings.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x")
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_COOKIES": "0",
        "RSE_MANIFEST_STATIC": "0",
        "RSE_TASKS_IN_PROCESS": "1",
        "RSE_REQUIRE_STAFF_MFA": "0",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": DATABASE.rsplit("/", 1)[0]
        + "/"
        + os.environ.get("BENCH_DATABASE", "solimut_rse_bench"),
    }
)
sys.path.insert(0, str(ROOT))

PAGES = {
    "hello-world": ("/bench/hello/", 40),
    "/ (home page)": ("/", 40),
    "/initiatives/": ("/initiatives/", 40),
    "/initiatives/ filtered": ("/initiatives/?themes=1&q=v%C3%A9lo", 40),
    "/plan/": ("/plan/", 40),
    "/plan/ma-mutuelle/": ("/plan/ma-mutuelle/?mutuelle=armor", 40),
    # The reference "Ma mutuelle" is held to (bench/run.py), signed in as the demo admin.
    "admin changelist of deployments": ("/admin/actionplan/deployment/", 40),
}


# (name, path, who, the reference), as bench/run.py measures them.
PAIRS = [
    ("/ (home, reader)", "/", "salarie@armor.solimut-demo.example", "initiatives"),
    ("/ (home, ambassador)", "/", "ambassadeur@armor.solimut-demo.example", "initiatives"),
    ("/ (home, coordinator)", "/", "coordination@solimut-demo.example", "initiatives"),
    (
        "/plan/ma-mutuelle/ (ambassador)",
        "/plan/ma-mutuelle/",
        "ambassadeur@armor.solimut-demo.example",
        "deployments",
    ),
]
REFERENCES = {
    "deployments": "/admin/actionplan/deployment/",
    "initiatives": "/admin/initiatives/initiative/",
}


def _timed(client, url, count, clock=time.perf_counter):
    started = clock()
    for _ in range(count):
        client.get(url)
    return (clock() - started) / count * 1000


def pairs(count=20, rounds=7):
    from django.test import Client

    from ambassadeurs.models import User

    admin = Client()
    admin.force_login(User.objects.get(email="admin@solimut-demo.example"))
    only = os.environ.get("BENCH_ONLY", "")
    for name, url, email, versus in PAIRS:
        if only and only not in name:
            continue
        client = Client()
        client.force_login(User.objects.get(email=email))
        reference = REFERENCES[versus]
        assert client.get(url).status_code == 200, url
        assert admin.get(reference).status_code == 200, reference
        # Wall time (what a visitor waits, the database's share included), and this process's
        # CPU time alone (steadier when other work shares the machine).
        for clock in (time.perf_counter, time.process_time):
            page_ms, admin_ms = [], []
            for _ in range(rounds):
                page_ms.append(_timed(client, url, count, clock))
                admin_ms.append(_timed(admin, reference, count, clock))
            ratios = sorted(a / p for a, p in zip(admin_ms, page_ms, strict=True))
            print(
                f"  {name:<34} {'wall' if clock is time.perf_counter else 'cpu ':<4}"
                f" {min(page_ms):7.2f} ms  admin {versus:<11} {min(admin_ms):7.2f} ms"
                f"  ratio of bests {min(admin_ms) / min(page_ms):5.2f}"
                f"  median of rounds {ratios[len(ratios) // 2]:5.2f}"
            )


def main():
    import django

    django.setup()
    from django.test import Client

    from ambassadeurs.models import User

    coordinator, admin = Client(), Client()
    coordinator.force_login(User.objects.get(email="coordination@solimut-demo.example"))
    admin.force_login(User.objects.get(email="admin@solimut-demo.example"))
    for name, (url, count) in PAGES.items():
        client = admin if url.startswith("/admin/") else coordinator
        assert client.get(url).status_code == 200, url
        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(count):
                client.get(url)
            rounds.append((time.perf_counter() - started) / count * 1000)
        print(f"  {name:<28} {min(rounds):8.2f} ms")


if __name__ == "__main__":
    if "--pairs" in sys.argv:
        import django

        django.setup()
        pairs()
    else:
        main()
