"""Logging an initiative on one page: its pictures (with their alt text) and files are sent
ahead of the form, kept for their sender, attached when the form is saved (and published in
the same submit), and never lost to an error elsewhere in the form."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core import pending_uploads
from core.models import Upload
from initiatives.models import Initiative

from .conftest import jpeg
from .test_views import _form

pytestmark = pytest.mark.django_db


def _picture(name="velos.jpg"):
    return SimpleUploadedFile(name, jpeg(size=(800, 500)).getvalue(), "image/jpeg")


def _send(client, upload, kind="picture"):
    return client.post(reverse("initiatives:upload"), {"file": upload, "kind": kind})


def test_a_picture_sent_ahead_comes_back_with_its_alt_text_to_type(client, ambassador):
    client.force_login(ambassador)
    response = _send(client, _picture())
    assert response.status_code == 200
    upload = Upload.objects.get()
    page = response.content.decode()
    assert f'name="uploads" value="{upload.pk}" checked' in page
    assert f'name="upload-{upload.pk}-text"' in page
    assert "Ce que montre l'image" in page
    assert "velos.jpg" in page and upload.owner == ambassador


def test_a_file_that_is_not_what_it_says_is_refused_in_french(client, ambassador):
    client.force_login(ambassador)
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not a picture at all", "image/jpeg")
    response = _send(client, fake)
    assert response.status_code == 400
    assert "JPEG, PNG ou WebP" in response.content.decode()
    binary = SimpleUploadedFile("outil.pdf", b"\x7fELF\x02\x01\x01" + bytes(200), "application/pdf")
    response = _send(client, binary, kind="file")
    assert response.status_code == 400
    assert "Type de fichier refusé" in response.content.decode()
    assert not Upload.objects.exists()


def test_one_submit_saves_publishes_and_attaches_what_was_sent(
    client, ambassador, theme, django_capture_on_commit_callbacks
):
    client.force_login(ambassador)
    _send(client, _picture())
    _send(client, SimpleUploadedFile("bilan.pdf", b"%PDF-1.7\n%bilan\n"), kind="file")
    picture, document = Upload.objects.order_by("pk")
    stored = [picture.file.name, document.file.name]
    data = _form(
        theme,
        publish="1",
        uploads=[picture.pk, document.pk],
        **{f"upload-{picture.pk}-text": "Des vélos devant l'agence"},
        **{f"upload-{document.pk}-text": "Le bilan"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("initiatives:create"), data)
    initiative = Initiative.objects.get()
    assert response.status_code == 302 and response.url == initiative.get_absolute_url()
    assert initiative.is_published
    image = initiative.images.get()
    assert image.alt == "Des vélos devant l'agence" and image.thumbnail
    assert initiative.attachments.get().title == "Le bilan"
    # What was kept ahead is gone once attached, rows and files.
    assert not Upload.objects.exists()
    storage = Upload._meta.get_field("file").storage
    assert not any(storage.exists(name) for name in stored)
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Des vélos devant l&#x27;agence" in page and "Le bilan" in page


def test_a_picture_without_its_alt_text_keeps_everything_and_says_why(client, ambassador, theme):
    client.force_login(ambassador)
    _send(client, _picture())
    picture = Upload.objects.get()
    data = _form(theme, uploads=[picture.pk], **{f"upload-{picture.pk}-text": " "})
    response = client.post(reverse("initiatives:create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Décrivez l&#x27;image « velos.jpg »" in page
    assert f'name="uploads" value="{picture.pk}" checked' in page
    assert "Atelier vélo" in page  # the text typed comes back too
    assert not Initiative.objects.exists() and Upload.objects.count() == 1


def test_without_javascript_files_go_with_the_form_and_survive_an_error(client, ambassador, theme):
    client.force_login(ambassador)
    data = _form(theme, title="", new_pictures=[_picture()])
    data["new_files"] = [SimpleUploadedFile("plan.exe", b"MZ\x90\x00" + bytes(100))]
    response = client.post(reverse("initiatives:create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "plan.exe : Type de fichier refusé" in page
    picture = Upload.objects.get()  # kept although the title was missing
    assert f'name="uploads" value="{picture.pk}" checked' in page
    data = _form(theme, uploads=[picture.pk], **{f"upload-{picture.pk}-text": "Un atelier"})
    assert client.post(reverse("initiatives:create"), data).status_code == 302
    assert Initiative.objects.get().images.get().alt == "Un atelier"


def test_a_member_attaches_only_what_they_sent(client, ambassador, other_ambassador, theme):
    client.force_login(other_ambassador)
    _send(client, _picture())
    theirs = Upload.objects.get()
    client.force_login(ambassador)
    page = client.get(reverse("initiatives:create")).content.decode()
    assert f'name="uploads" value="{theirs.pk}"' not in page
    data = _form(theme, uploads=[theirs.pk], **{f"upload-{theirs.pk}-text": "Pris ailleurs"})
    assert client.post(reverse("initiatives:create"), data).status_code == 302
    assert not Initiative.objects.get().images.exists()
    assert Upload.objects.filter(pk=theirs.pk).exists()
    # Nor reads it: the preview is for its sender's eyes only.
    assert client.get(theirs.file.url).status_code == 404


def test_what_was_sent_and_never_saved_shows_in_the_next_form_then_is_swept(
    client, ambassador, django_capture_on_commit_callbacks
):
    client.force_login(ambassador)
    _send(client, _picture())
    upload = Upload.objects.get()
    page = client.get(reverse("initiatives:create")).content.decode()
    assert f'name="uploads" value="{upload.pk}" checked' in page
    assert client.get(upload.file.url).status_code == 200  # its preview

    Upload.objects.update(created_at=timezone.now() - datetime.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert pending_uploads.sweep() == 1
    assert not Upload.objects.exists()
    assert not Upload._meta.get_field("file").storage.exists(upload.file.name)
    assert 'name="uploads"' not in client.get(reverse("initiatives:create")).content.decode()
