"""Pages timed in one process (Django's test client), steadier than wrk on a busy machine.

Run after `bench/run.py`, which leaves its database (BENCH_DATABASE, `solimut_rse_bench` by
default: the 50 x 300 x 20,000 data set) behind: `DATABASE_URL=postgres://...
REDIS_URL=redis://... .venv/bin/python bench/per_request.py`. Prints the best of 5 rounds, in
milliseconds per request, signed in as the demo coordinator (the admin for the admin's page, the
reference of "Ma mutuelle"), and each page's ratio to the admin changelist of deployments.
`BENCH_PAGES=/plan/,/admin/actionplan/deployment/` times only those. Run it on two commits, one
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
}


def main():
    import django

    django.setup()
    from django.test import Client

    from ambassadeurs.models import User

    coordinator, admin = Client(), Client()
    coordinator.force_login(User.objects.get(email="coordination@solimut-demo.example"))
    admin.force_login(User.objects.get(email="admin@solimut-demo.example"))
    only = [url for url in os.environ.get("BENCH_PAGES", "").split(",") if url]
    pages = {name: page for name, page in PAGES.items() if not only or page[0] in only}
    for _name, (url, _count) in pages.items():
        client = admin if url.startswith("/admin/") else coordinator
        assert client.get(url).status_code == 200, url
    # Round after round of every page, so that what the machine's other work takes from one
    # round falls on every page alike.
    rounds: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(5):
        for name, (url, count) in pages.items():
            client = admin if url.startswith("/admin/") else coordinator
            started = time.perf_counter()
            for _ in range(count):
                client.get(url)
            rounds[name].append((time.perf_counter() - started) / count * 1000)
    reference = rounds.get("admin changelist of deployments")
    for name, times in rounds.items():
        ratio = f"  ({min(reference) / min(times):.2f}x the admin changelist)" if reference else ""
        print(f"  {name:<32} {min(times):8.2f} ms{ratio}")


if __name__ == "__main__":
    main()
