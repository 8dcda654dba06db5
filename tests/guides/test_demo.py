"""The demo's guides: realistic, with their tools, in every state of the workflow; the long one
prints to about twenty pages."""

import re
import subprocess

from django.core.management import call_command

from guides import pdf
from guides.models import Guide, Status, Version


def test_seed_demo_writes_four_guides_once(db):
    call_command("seed_demo")
    call_command("seed_demo")
    guides = {guide.slug: guide for guide in Guide.objects.all()}
    assert set(guides) == {
        "achats-responsables",
        "eco-gestes",
        "egalite-professionnelle",
        "semaine-qvt",
    }
    assert guides["semaine-qvt"].current_version is None  # still being written
    assert guides["egalite-professionnelle"].status == Status.IN_REVIEW
    assert guides["eco-gestes"].versions.count() == 2
    for guide in guides.values():
        assert guide.tools.count() == 3
        assert guide.authors.exists()
    kinds = set(Guide.objects.values_list("tools__kind", flat=True))
    assert kinds == {"xlsx", "csv", "txt"}


def test_the_long_demo_guide_prints_to_about_twenty_pages(db, tmp_path, poppler):
    call_command("seed_demo")
    version = Version.objects.select_related("guide").get(guide__slug="achats-responsables")
    path = tmp_path / "achats.pdf"
    path.write_bytes(pdf.render(version))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert 18 <= int(re.search(r"Pages:\s+(\d+)", info)[1]) <= 26
