"""Stored files: whoever may read the object a file belongs to may read the file, nobody else,
however the URL is spelled."""

import io
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse
from PIL import Image as PILImage

from actionplan.models import PlanImport
from core import files
from guides import services as guide_services
from guides.models import Picture, Tool, Version
from initiatives.models import Attachment, Image, Initiative
from reunions import services as meeting_services
from tests.factories import PlanFactory, ThemeFactory, WorkingGroupFactory

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]
EVERYONE = set(ROLES)
ARMOR_WRITERS = {
    "ambassador",
    "coordinator",
    "admin",
}  # drafts of Armor, guide drafts of its author


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#1f6f8b").save(buffer, "PNG")
    return buffer.getvalue()


def _store(instance, field: str, name: str, content: bytes) -> str:
    getattr(instance, field).save(name, ContentFile(content), save=True)
    return getattr(instance, field).name


@pytest.fixture
def stored(members, mutuelle):
    """One stored file of every kind, each with the roles that may read it."""
    ambassador = members["ambassador"]
    theme = ThemeFactory()
    kinds = {}

    def initiative(published: bool) -> Initiative:
        return Initiative.objects.create(
            mutuelle=mutuelle,
            author=ambassador,
            title="Publiée" if published else "Brouillon",
            summary="…",
            is_published=published,
        )

    for published, readers in ((True, EVERYONE), (False, ARMOR_WRITERS)):
        state = "published" if published else "draft"
        owner = initiative(published)
        image = Image(initiative=owner, alt="Une image", position=0)
        image.image.save("photo.png", ContentFile(_png()), save=False)
        image.thumbnail.save("vignette.png", ContentFile(_png()), save=False)
        image.save()
        kinds[f"initiative image ({state})"] = (image.image.name, readers)
        kinds[f"initiative thumbnail ({state})"] = (image.thumbnail.name, readers)
        attachment = Attachment(initiative=owner, title="Bilan", kind="pdf", size=9)
        name = _store(attachment, "file", "bilan.pdf", b"%PDF-1.4\n")
        kinds[f"initiative attachment ({state})"] = (name, readers)

    for published, readers in ((True, EVERYONE), (False, ARMOR_WRITERS)):
        state = "published" if published else "draft"
        guide = guide_services.guide_create(
            by=ambassador,
            title=f"Guide {state}",
            summary="…",
            theme=theme,
            body="<p>Texte</p>",
        )
        picture = Picture(guide=guide)
        kinds[f"guide picture ({state})"] = (
            _store(picture, "image", "schema.png", _png()),
            readers,
        )
        tool = Tool(guide=guide, title="Grille", kind="csv", size=4)
        kinds[f"guide tool ({state})"] = (_store(tool, "file", "grille.csv", b"a;b\n"), readers)
        if published:
            guide_services.publish(by=members["coordinator"], guide=guide)
            version = Version.objects.get(guide=guide)
            kinds["guide PDF"] = (_store(version, "pdf", "guide.pdf", b"%PDF-1.4\n"), readers)

    kinds["member photo"] = (_store(ambassador, "photo", "portrait.png", _png()), EVERYONE)
    job = PlanImport(plan=PlanFactory(), file_name="plan.csv")
    kinds["plan import"] = (
        _store(job, "file", "plan.csv", b"axe;code;titre\n"),
        {"coordinator", "admin"},
    )

    # A working group's file: its members (Armor's reader, its lead) and the coordination.
    group = WorkingGroupFactory(lead=ambassador)
    group.members.add(members["reader"])
    document = meeting_services.group_file_add(
        by=ambassador, group=group, upload=SimpleUploadedFile("odj.pdf", b"%PDF-1.4\n")
    )
    kinds["working group file"] = (
        document.current.file.name,
        {"reader", "ambassador", "coordinator", "admin"},
    )
    return kinds


def spellings(name: str) -> list[str]:
    """Other ways of writing the URL of `name`: none may bypass the check."""
    folder, _, base = name.rpartition("/")
    return [
        f"/media//{name}",
        f"/media/{name.replace('/', '//')}",
        f"/media/./{name}",
        f"/media/{folder}/./{base}",
        f"/media/x/../{name}",
        f"/media/{folder}/../{name}",
        f"/media/{name.upper()}",
        f"/media/{folder.upper()}/{base}",
        f"/media/{name}/",
        f"/media/{name}%00",
        f"/media/{name};",
    ]


def test_every_stored_file_field_has_a_reading_rule():
    fields = {
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    }
    assert fields and fields <= files.registered()


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reads_exactly_the_files_of_what_it_may_see(client, members, stored, role):
    client.force_login(members[role])
    for kind, (name, readers) in stored.items():
        response = client.get(f"/media/{name}")
        expected = 200 if role in readers else 404
        assert response.status_code == expected, (kind, role)
        if expected == 200:
            assert response["Content-Security-Policy"].startswith("sandbox")
            assert response["Cache-Control"].startswith("private")
        for url in spellings(name):
            response = client.get(url)
            # Another spelling names another file, which does not exist: never a way round.
            assert response.status_code == 404, (kind, role, url)


def test_a_percent_encoded_url_names_the_same_file_under_the_same_rule(client, members, stored):
    name, _readers = stored["initiative attachment (draft)"]
    encoded = [
        "/media/" + quote(name, safe=""),  # slashes too
        "/media/" + name.replace(".", "%2e"),
        "/media/" + "".join(f"%{ord(c):02X}" if c.isalpha() else c for c in name),
    ]
    for url in encoded:
        client.force_login(members["ambassador"])
        assert client.get(url).status_code == 200, url
        client.force_login(members["other_ambassador"])
        assert client.get(url).status_code == 404, url


def test_signed_out_visitors_get_no_stored_file(client, stored):
    for name, _readers in stored.values():
        response = client.get(f"/media/{name}")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_only_pictures_are_shown_everything_else_is_downloaded(client, members, stored):
    client.force_login(members["coordinator"])
    picture = client.get(f"/media/{stored['guide picture (published)'][0]}")
    assert picture["Content-Type"] == "image/png"
    assert not picture.get("Content-Disposition", "").startswith("attachment")
    for kind in ("guide tool (published)", "initiative attachment (published)", "guide PDF"):
        response = client.get(f"/media/{stored[kind][0]}")
        assert response["Content-Disposition"].startswith("attachment"), kind


def test_a_file_that_belongs_to_nothing_is_not_served(client, members, settings):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    (settings.MEDIA_ROOT / "orphan.png").write_bytes(_png())
    (settings.MEDIA_ROOT / "page.html").write_text("<script>alert(1)</script>")
    client.force_login(members["admin"])
    assert client.get("/media/orphan.png").status_code == 404
    assert client.get("/media/page.html").status_code == 404


def test_download_views_follow_the_same_rule(client, members, stored):
    draft_tool = Tool.objects.get(guide__title="Guide draft")
    draft_attachment = Attachment.objects.get(initiative__is_published=False)
    urls = [
        reverse("guides:tool", args=[draft_tool.guide.slug, draft_tool.pk]),
        reverse(
            "initiatives:attachment_download",
            args=[draft_attachment.initiative_id, draft_attachment.pk],
        ),
    ]
    for role in ROLES:
        client.force_login(members[role])
        for url in urls:
            expected = 200 if role in ARMOR_WRITERS else 404
            assert client.get(url).status_code == expected, (role, url)
