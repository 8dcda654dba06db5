"""Pages timed in one process (Django's test client), steadier than wrk on a busy machine.

Run after `bench/run.py`, which leaves its database (BENCH_DATABASE, `solimut_rse_bench` by
default: the 50 x 300 x 20,000 data set) behind: `DATABASE_URL=postgres://...
REDIS_URL=redis://... .venv/bin/python bench/per_request.py [words...]`. Every page is timed
round after round (5 rounds), so that what the machine's other work takes from one round falls
on every page alike; it prints the best round, in milliseconds per request, and its ratio to the
admin changelist of deployments. Signed in as the demo coordinator (the admin for the admin's
pages; the demo reader for the search page). Words given keep only the pages whose name holds
one of them (`bench/per_request.py search hello`). Run it on two commits, one after the other,
to compare them.

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

REFERENCE = "admin changelist of deployments"
PAGES = {
    "hello-world": ("/bench/hello/", 40),
    "/ (home page)": ("/", 40),
    "/initiatives/": ("/initiatives/", 40),
    "/initiatives/ filtered": ("/initiatives/?themes=1&q=v%C3%A9lo", 40),
    "/plan/": ("/plan/", 40),
    "/plan/ma-mutuelle/": ("/plan/ma-mutuelle/?mutuelle=armor", 40),
    # Issue #13, as the demo reader of Armor (bench/run.py's SEARCHES): a word of the 20,000
    # generated initiatives, a rare word, a quoted phrase.
    "/search/ common word": ("/search/?q=essai", 20),
    "/search/ rare word": ("/search/?q=colorectal", 40),
    "/search/ phrase": ("/search/?q=%22sant%C3%A9+mentale%22", 40),
    # The reference "Ma mutuelle" and the dashboard are held to (bench/run.py), as the admin.
    REFERENCE: ("/admin/actionplan/deployment/", 40),
}

# (name, path, who, the reference), as bench/run.py measures them.
PAIRS = [
    ("/ (home, reader)", "/", "salarie@armor.solimut-demo.example", "initiatives"),
    ("/ (home, ambassador)", "/", "ambassadeur@armor.solimut-demo.example", "initiatives"),
    ("/ (home, coordinator)", "/", "coordination@solimut-demo.example", "initiatives"),
    (
        "/plan/ (dashboard, coordinator)",
        "/plan/",
        "coordination@solimut-demo.example",
        "deployments",
    ),
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


def _wanted(name: str, words: list[str]) -> bool:
    return not words or any(word in name for word in words)


def _timed(client, url, count, clock=time.perf_counter):
    started = clock()
    for _ in range(count):
        client.get(url)
    return (clock() - started) / count * 1000


def _client(email):
    from django.test import Client

    from ambassadeurs.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


def pairs(words, count=20, rounds=7):
    admin = _client("admin@solimut-demo.example")
    for name, url, email, versus in PAIRS:
        if not _wanted(name, words):
            continue
        client = _client(email)
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


def main(words):
    clients = {
        "admin": _client("admin@solimut-demo.example"),
        "reader": _client("salarie@armor.solimut-demo.example"),
        "coordinator": _client("coordination@solimut-demo.example"),
    }

    def client_for(url):
        if url.startswith("/admin/"):
            return clients["admin"]
        return clients["reader" if url.startswith("/search/") else "coordinator"]

    pages = {name: page for name, page in PAGES.items() if _wanted(name, words)}
    for url, _count in pages.values():
        assert client_for(url).get(url).status_code == 200, url
    rounds: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(5):
        for name, (url, count) in pages.items():
            rounds[name].append(_timed(client_for(url), url, count))
    reference = rounds.get(REFERENCE)
    for name, times in rounds.items():
        ratio = f"  ({min(reference) / min(times):.2f}x the admin changelist)" if reference else ""
        print(f"  {name:<32} {min(times):8.2f} ms{ratio}")


if __name__ == "__main__":
    import django

    django.setup()
    arguments = [argument for argument in sys.argv[1:] if argument != "--pairs"]
    if "--pairs" in sys.argv:
        pairs(arguments)
    else:
        main(arguments)
