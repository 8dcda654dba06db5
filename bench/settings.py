"""The project's settings, plus a hello-world page to compare against (benchmarks only)."""

from solimut_rse.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
