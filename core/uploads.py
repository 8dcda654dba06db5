"""Uploaded files are judged by their content and their size, never by their name."""

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import PurePath
from typing import IO, Any, Protocol

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def too_big(upload: UploadedFile, limit: int) -> str | None:
    """A French error when the file weighs more than `limit` bytes."""
    size = upload.size or 0
    if size > limit:
        return _("Le fichier pèse %(size)s : le maximum est %(max)s.") % {
            "size": filesizeformat(size),
            "max": filesizeformat(limit),
        }
    return None


OFFICE = {
    "word/": "docx",
    "xl/": "xlsx",
    "ppt/": "pptx",
}


def file_kind(head: bytes, data: IO[bytes]) -> str | None:
    """What a file really is, from its first bytes: the name says nothing."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(data) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        if "mimetype" in names:
            with zipfile.ZipFile(data) as archive:
                mimetype = archive.read("mimetype").decode("ascii", "ignore")
            return {
                "application/vnd.oasis.opendocument.text": "odt",
                "application/vnd.oasis.opendocument.spreadsheet": "ods",
                "application/vnd.oasis.opendocument.presentation": "odp",
            }.get(mimetype)
        if "[Content_Types].xml" in names:
            for prefix, kind in OFFICE.items():
                if any(name.startswith(prefix) for name in names):
                    return kind
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "txt" if b"\x00" not in head else None


def checked_kind(upload: UploadedFile, limit: int, *, field: str) -> str:
    """The kind of an uploaded document (pdf, docx, xlsx…), or a French ValidationError on
    `field` when it weighs too much or is of a type nobody should download from us."""
    if error := too_big(upload, limit):
        raise ValidationError({field: error})
    head = upload.read(4096)
    upload.seek(0)
    kind = file_kind(head, upload)
    upload.seek(0)
    if kind is None:
        raise ValidationError(
            {
                field: _(
                    "Type de fichier refusé : PDF, Word, Excel, PowerPoint, OpenDocument, "
                    "texte ou image seulement (vérifié sur son contenu)."
                )
            }
        )
    if kind == "txt" and (upload.name or "").lower().endswith(".csv"):
        kind = "csv"  # text, read as a spreadsheet
    return kind


class Document(Protocol):
    """A row that holds one checked document: a tool of a guide, a file of an initiative."""

    file: FieldFile
    kind: str
    size: int
    title: str

    def save(self, *args: Any, **kwargs: Any) -> None: ...


def store(document: Document, upload: UploadedFile, *, limit: int, title: str) -> None:
    """Check `upload` by its content (a French ValidationError on "file" otherwise), then save
    `document` with it, its kind, its size and `title` (its file name when empty)."""
    document.kind = checked_kind(upload, limit, field="file")
    name = PurePath(upload.name or "fichier").name
    document.title, document.size = title.strip() or name, upload.size or 0
    document.file.save(name, upload, save=False)
    document.save()


@contextmanager
def removed_on_failure(file: FieldFile) -> Iterator[None]:
    """Delete the stored `file` when what follows fails (a row refused, a constraint, a
    crash): a stored file never outlives the row that was to name it."""
    try:
        yield
    except BaseException:
        if file.name:
            file.storage.delete(file.name)
        raise
