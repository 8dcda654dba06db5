"""Pages timed in one process (Django's test client), steadier than wrk on a busy machine.

Run after `bench/run.py`, which leaves its database (BENCH_DATABASE, `solimut_rse_bench` by
default: the 50 x 300 x 20,000 data set) behind: `DATABASE_URL=postgres://...
REDIS_URL=redis://... .venv/bin/python bench/per_request.py`. Prints the best of 5 rounds, in
milliseconds per request, signed in as the demo coordinator (the admin for the admin's page, the
reference of "Ma mutuelle"; the demo reader for the search page). Arguments keep only the pages
whose name holds one of them (`bench/per_request.py search hello`). Run it on two commits, one
after the other, to compare them.
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
    # Issue #13, as the demo reader of Armor (bench/run.py's SEARCHES): a word of the 20,000
    # generated initiatives, a rare word, a quoted phrase.
    "/search/ common word": ("/search/?q=essai", 20),
    "/search/ rare word": ("/search/?q=colorectal", 40),
    "/search/ phrase": ("/search/?q=%22sant%C3%A9+mentale%22", 40),
}


def main():
    import django

    django.setup()
    from django.test import Client

    from ambassadeurs.models import User

    coordinator, admin, reader = Client(), Client(), Client()
    coordinator.force_login(User.objects.get(email="coordination@solimut-demo.example"))
    admin.force_login(User.objects.get(email="admin@solimut-demo.example"))
    reader.force_login(User.objects.get(email="salarie@armor.solimut-demo.example"))
    for name, (url, count) in PAGES.items():
        if len(sys.argv) > 1 and not any(word in name for word in sys.argv[1:]):
            continue
        client = (
            admin
            if url.startswith("/admin/")
            else reader
            if url.startswith("/search/")
            else coordinator
        )
        assert client.get(url).status_code == 200, url
        rounds = []
        for _ in range(5):
            started = time.perf_counter()
            for _ in range(count):
                client.get(url)
            rounds.append((time.perf_counter() - started) / count * 1000)
        print(f"  {name:<28} {min(rounds):8.2f} ms")


if __name__ == "__main__":
    main()
