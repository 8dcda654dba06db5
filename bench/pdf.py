"""The cost of the project around WeasyPrint: the demo's long guide rendered by the project's
pipeline (template, table of contents, our URL fetcher, tagged PDF/UA) and by bare WeasyPrint on
the same HTML (its stylesheet, fonts and images read from the same files by WeasyPrint's own
fetcher), alternately, in the same process. Prints one JSON line; `bench/run.py` calls it.

Also makes sure the version's PDF is stored, so that serving it can be measured next."""

import json
import statistics
import sys
import time
from pathlib import Path

import django

ROUNDS = 5
SLUG = "achats-responsables"


def main():
    django.setup()
    import weasyprint
    from django.conf import settings

    from guides import pdf, services
    from guides.models import Version

    version = Version.objects.select_related("guide").get(guide__slug=SLUG, number=1)
    root = Path(settings.BASE_DIR)
    html = pdf.html_for(version)
    bare_html = html.replace(
        f"{settings.SITE_URL}{settings.STATIC_URL}", (root / "static").as_uri() + "/"
    ).replace(f"{settings.SITE_URL}{settings.MEDIA_URL}", Path(settings.MEDIA_ROOT).as_uri() + "/")

    def project():
        return pdf.render(version)

    def bare():
        return weasyprint.HTML(string=bare_html, base_url=root.as_uri() + "/").write_pdf(
            pdf_variant="pdf/ua-1", pdf_tags=True, optimize_images=True
        )

    timings = {"project": [], "bare": []}
    sizes = {name: len(run()) for name, run in [("project", project), ("bare", bare)]}  # warm
    for _ in range(ROUNDS):
        for name, run in [("project", project), ("bare", bare)]:
            started = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - started)

    if version.pdf_state != Version.PDF.READY:
        Version.objects.filter(pk=version.pk).update(pdf_state=Version.PDF.PENDING)
        version.refresh_from_db()
        services.pdf_render(version)
    pages = pdf_pages(Path(Version.objects.get(pk=version.pk).pdf.path))
    project_s = statistics.median(timings["project"])
    bare_s = statistics.median(timings["bare"])
    print(
        json.dumps(
            {
                "slug": SLUG,
                "pages": pages,
                "rounds": ROUNDS,
                "project_s": round(project_s, 3),
                "bare_s": round(bare_s, 3),
                "overhead_pct": round((project_s / bare_s - 1) * 100, 1),
                "bytes": sizes,
            }
        )
    )


def pdf_pages(path: Path) -> int:
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages"))
    )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
