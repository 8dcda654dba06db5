"""Every picture upload (profile photo, initiative image, guide picture through the editor's JSON
endpoint) goes through core.pictures: bombs, huge dimensions, damaged and disguised files are
refused in French with nothing saved; accepted pictures are stored re-encoded, upright, without
metadata, under the extension of their real format."""

import io
import struct
import zlib
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ambassadeurs.models import User
from core import pictures
from guides import services as guide_services
from guides.models import Picture
from initiatives.models import Image as InitiativeImage
from initiatives.models import Initiative
from tests.factories import ThemeFactory, attach


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A few dozen bytes whose header announces `width` x `height` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def encoded(fmt: str, size=(120, 80), mode="RGB", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "#2e7d32").save(buffer, format=fmt, **options)
    return buffer.getvalue()


def noisy_jpeg() -> bytes:
    """A JPEG with real content, so that half of it is missing pixels, not padding."""
    image = Image.effect_noise((400, 300), 64).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


BAD_FILES = {
    "bomb": ("bombe.png", png_declaring(30000, 30000), "trop de pixels"),
    "over_budget": ("budget.png", png_declaring(7000, 7000), "7000 × 7000 pixels"),
    "too_wide": ("bandeau.png", encoded("PNG", size=(12000, 2)), "12000 × 2 pixels"),
    "truncated": ("coupee.jpg", noisy_jpeg()[:3000], "abîmée ou incomplète"),
    "not_a_picture": (
        "photo.jpg",
        b"%PDF-1.7\n1 0 obj<<>>endobj\n",
        "n'est pas une image JPEG, PNG ou WebP",
    ),
    "svg_as_jpeg": (
        "photo.jpg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "n'est pas une image JPEG, PNG ou WebP",
    ),
    "gif": ("anim.gif", encoded("GIF"), "n'est pas une image JPEG, PNG ou WebP"),
}


def media_files(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


# --- The three endpoints ------------------------------------------------------------------


@pytest.fixture
def draft_initiative(ambassador, mutuelle):
    return Initiative.objects.create(
        mutuelle=mutuelle, author=ambassador, title="Potager partagé", summary="Sur le toit."
    )


@pytest.fixture
def guide(ambassador):
    theme = ThemeFactory(name="Environnement", slug="environnement")
    return guide_services.guide_create(
        by=ambassador, title="Guide des achats", summary="Acheter mieux.", theme=theme
    )


def post_photo(client, user, upload):
    client.force_login(user)
    data = {"first_name": "Nouveau", "last_name": "Nom", "job_title": "", "phone": ""}
    return client.post(reverse("ambassadeurs:profile"), {**data, "photo": upload})


def post_guide_picture(client, user, upload, guide):
    client.force_login(user)
    return client.post(reverse("guides:picture_add", args=[guide.slug]), {"image": upload})


def _stored(endpoint, ambassador, initiative, guide) -> list[str]:
    """The picture files the endpoint's rows point to."""
    if endpoint == "photo":
        photo = User.objects.get(pk=ambassador.pk).photo
        return [photo.name] if photo else []
    if endpoint == "initiative":
        return [
            name
            for image in InitiativeImage.objects.filter(initiative=initiative)
            for name in (image.image.name, image.thumbnail.name)
        ]
    return [picture.image.name for picture in Picture.objects.filter(guide=guide)]


ENDPOINTS = ["photo", "initiative", "guide"]


def _post(endpoint, client, ambassador, upload, initiative, guide):
    if endpoint == "photo":
        return post_photo(client, ambassador, upload)
    if endpoint == "initiative":
        return attach(client, ambassador, initiative, upload)
    return post_guide_picture(client, ambassador, upload, guide)


def _message(endpoint, response) -> str:
    if endpoint == "guide":
        return response.json()["error"]
    return unescape(response.text)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("bad", sorted(BAD_FILES))
def test_bad_pictures_are_refused_in_french_and_nothing_is_saved(
    client, settings, ambassador, draft_initiative, guide, endpoint, bad
):
    name, data, message = BAD_FILES[bad]
    before = media_files(settings)

    response = _post(
        endpoint,
        client,
        ambassador,
        SimpleUploadedFile(name, data),
        draft_initiative,
        guide,
    )

    assert response.status_code == 400
    assert message in _message(endpoint, response)
    assert _stored(endpoint, ambassador, draft_initiative, guide) == []
    assert media_files(settings) == before
    if endpoint == "photo":  # nothing half-saved: the names typed with it are not stored
        ambassador.refresh_from_db()
        assert ambassador.first_name != "Nouveau"
        assert 'value="Nouveau"' in response.text  # and they are still in the form


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("fmt", "extension", "mode"),
    [("PNG", "png", "RGBA"), ("JPEG", "jpg", "RGB"), ("WEBP", "webp", "RGB")],
)
def test_a_picture_is_stored_under_the_extension_of_its_real_format(
    client, settings, ambassador, draft_initiative, guide, endpoint, fmt, extension, mode
):
    upload = SimpleUploadedFile("photo.jpg", encoded(fmt, size=(900, 700), mode=mode))

    response = _post(endpoint, client, ambassador, upload, draft_initiative, guide)

    assert response.status_code in (200, 302)
    stored = _stored(endpoint, ambassador, draft_initiative, guide)
    assert stored
    for name in stored:
        assert name.endswith(f".{extension}")
        with Image.open(settings.MEDIA_ROOT / name) as image:
            assert image.format == fmt


# --- What the re-encoder keeps and drops ------------------------------------------------------


def _rotated_jpeg_with_metadata() -> bytes:
    """A 200 x 100 JPEG whose EXIF says "turn me 90°", with a camera name and GPS position."""
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif[0x010F] = "Appareil de Paul"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}
    return encoded("JPEG", size=(200, 100), exif=exif.tobytes(), icc_profile=b"\0" * 128)


def test_pictures_are_turned_upright_and_lose_their_metadata():
    upload = SimpleUploadedFile("vacances.jpg", _rotated_jpeg_with_metadata())

    stored = pictures.read(upload, field="image", max_bytes=10**7).file()

    with Image.open(stored) as image:
        assert image.size == (100, 200)  # upright: the orientation was applied
        assert not image.getexif()
        assert "icc_profile" not in image.info
        assert "exif" not in image.info
    assert stored.name == "vacances.jpg"


def test_transparency_survives_in_formats_that_have_it():
    upload = SimpleUploadedFile("logo.png", encoded("PNG", mode="RGBA"))

    with Image.open(pictures.read(upload, field="image", max_bytes=10**7).file()) as image:
        assert image.mode == "RGBA"


def test_pillows_own_bomb_warning_is_a_refusal_too(monkeypatch):
    """Between Pillow's warning threshold and its error, Pillow only warns: that warning must
    refuse the picture even when our own budget would let it through."""
    monkeypatch.setattr(pictures, "MAX_PIXELS", 10**9)
    monkeypatch.setattr(pictures, "MAX_SIDE", 10**6)
    width = height = int((Image.MAX_IMAGE_PIXELS * 1.2) ** 0.5)
    upload = SimpleUploadedFile("grande.png", png_declaring(width, height))

    with pytest.raises(ValidationError) as refused:
        pictures.read(upload, field="image", max_bytes=10**7)

    assert refused.value.message_dict == {"image": [pictures._too_large().message]}


def test_too_heavy_a_file_is_refused_before_it_is_opened():
    upload = SimpleUploadedFile("lourde.jpg", encoded("JPEG"))

    with pytest.raises(ValidationError) as refused:
        pictures.read(upload, field="photo", max_bytes=100)

    assert "Le fichier pèse" in refused.value.message_dict["photo"][0]


def test_a_truncated_picture_is_refused_even_once_weasyprint_is_loaded():
    """WeasyPrint turns Pillow's LOAD_TRUNCATED_IMAGES on for the whole process when imported
    (a worker that renders PDFs, a page that asks for one)."""
    import weasyprint  # noqa: F401 - imported for its side effect on Pillow
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    upload = SimpleUploadedFile("coupee.jpg", noisy_jpeg()[:3000])

    with pytest.raises(ValidationError) as refused:
        pictures.read(upload, field="image", max_bytes=10**7)

    assert refused.value.message_dict == {"image": [pictures._damaged().message]}
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint gets its setting back
