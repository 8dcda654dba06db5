"""The AG report at the data set's size: the latest AG's report rendered as the worker renders
it (rapports.services.version_render: content gathered as of the cut-off, frozen, laid out,
written), in a process of its own, so that its peak memory is the render's. Prints one JSON
line (seconds, peak RSS from resource.getrusage, pages, size); `bench/run.py` calls it.

Issue #14's goals: the demo plan's report in under 15 s; at 50 mutuelles x 300 actions, in a
worker, under 3 minutes and 1 GB."""

import json
import resource
import sys
import time
from pathlib import Path

import django


def main():
    django.setup()
    from django.utils import timezone

    from actionplan.models import Assembly, DeploymentChange
    from mutuelles.models import Mutuelle
    from rapports import demo, services
    from rapports.models import Report, ReportVersion

    today = timezone.localdate()
    assembly = Assembly.objects.filter(held_on__lte=today).order_by("-held_on").first()
    report, _created = Report.objects.get_or_create(assembly=assembly)
    number = (report.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = ReportVersion.objects.create(
        report=report, number=number, cut_off=demo.cut_off_for(assembly, today)
    )
    started = time.perf_counter()
    services.version_render(version)
    seconds = time.perf_counter() - started
    version.refresh_from_db()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "state": version.state,
                "seconds": round(seconds, 1),
                "peak_rss_mb": round(peak / 1024),
                "pages": version.pages,
                "bytes": version.pdf.size if version.pdf else 0,
                "mutuelles": Mutuelle.objects.active().count(),
                "actions": len(version.content["actions"]) if version.content else 0,
                "changes": DeploymentChange.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
