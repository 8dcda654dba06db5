"""Files sent ahead of their form: a picture or a document is sent as soon as it is chosen
(with its progress shown), checked by its content at once, and kept for its sender alone
(`models.Upload`) until the form that uses it is saved, which turns it into the app's own row
(`open_` gives the service the file to store) and `forget`s it. What nobody saved is swept
after `KEPT_FOR` by celery beat (`core.tasks.uploads_sweep`)."""

import datetime
from collections.abc import Iterable
from pathlib import PurePath

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from . import pictures
from .models import PICTURE, Upload
from .uploads import checked_kind

KEPT_FOR = datetime.timedelta(days=2)


def keep(*, owner: AbstractBaseUser, upload: UploadedFile, picture: bool, max_bytes: int) -> Upload:
    """Check `upload` as its final place will (a picture by decoding it, a document by its
    first bytes) and keep it for `owner`; a French ValidationError on "file" otherwise."""
    if picture:
        pictures.read(upload, field="file", max_bytes=max_bytes)
        upload.seek(0)
        kind = PICTURE
    else:
        kind = checked_kind(upload, max_bytes, field="file")
    name = PurePath(upload.name or "fichier").name[:255]
    row = Upload(owner_id=owner.pk, name=name, kind=kind, size=upload.size or 0)
    row.file.save(name, upload, save=False)
    row.save()
    return row


def pending(owner: AbstractBaseUser) -> QuerySet[Upload]:
    """What `owner` sent and has not saved yet, oldest first."""
    return Upload.objects.filter(owner_id=owner.pk, created_at__gte=timezone.now() - KEPT_FOR)


def open_(upload: Upload) -> UploadedFile:
    """The kept file, opened, under the name it was sent with: as if it came with the form."""
    return UploadedFile(upload.file.open("rb"), name=upload.name, size=upload.size)


def forget(uploads: Iterable[Upload]) -> None:
    """Once what used them is saved: the rows now, the files after the commit."""
    uploads = list(uploads)
    names = [upload.file.name for upload in uploads]
    Upload.objects.filter(pk__in=[upload.pk for upload in uploads]).delete()
    storage = Upload._meta.get_field("file").storage

    def delete_files() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete_files)


def sweep() -> int:
    """Files kept longer than `KEPT_FOR`: nobody saved the form that sent them."""
    old = list(Upload.objects.filter(created_at__lt=timezone.now() - KEPT_FOR))
    forget(old)
    return len(old)
