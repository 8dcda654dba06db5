"""Stored files: who may read each one is decided from the object it belongs to, never from the
spelling of a path.

Every model field that stores a file registers here, from its app's `AppConfig.ready`, the rows a
member may read (`readable(user)`, built on the same querysets the pages use: a draft's picture
follows its draft). A file is served only when such a row stores exactly the requested name
(once the URL is decoded), so `//`, `./`, `../`, another case or another folder simply name no
file (404), whether it exists or not. Every file leaves through `response()`: sandboxed, and
downloaded unless it is a picture.
"""

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404

# Pictures are shown in pages; anything else is downloaded, never rendered on our origin.
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp"}

# core cannot name the project's user model (it imports no other app): any user, signed in or not.
AnyUser = AbstractBaseUser | AnonymousUser
Readable = Callable[[Any], models.QuerySet[Any]]


@dataclass(frozen=True)
class StoredFileKind:
    model: type[models.Model]
    field: str
    readable: Readable


_kinds: dict[tuple[type[models.Model], str], StoredFileKind] = {}


def register(model: type[models.Model], *fields: str, readable: Readable) -> None:
    """Declare that `model.<field>` stores files, readable by `user` in `readable(user)`."""
    for field in fields:
        _kinds[(model, field)] = StoredFileKind(model, field, readable)


def registered() -> set[tuple[type[models.Model], str]]:
    return set(_kinds)


def find(user: AnyUser, name: str) -> FieldFile | None:
    """The stored file called exactly `name`, if `user` may read it; None otherwise (absent and
    forbidden look the same)."""
    if not name or "\x00" in name:
        return None  # no stored name holds a NUL (and PostgreSQL refuses one in a query)
    for kind in _kinds.values():
        row = kind.readable(user).filter(**{kind.field: name}).only("pk", kind.field).first()
        if row is not None:
            stored: FieldFile = getattr(row, kind.field)
            return stored
    return None


def may_read(user: AnyUser, instance: models.Model, field: str) -> bool:
    kind = _kinds[(type(instance), field)]
    return kind.readable(user).filter(pk=instance.pk).exists()


def response(file: FieldFile, *, filename: str | None = None, max_age: int = 3600) -> FileResponse:
    """The file as an HTTP response that cannot run anything on our origin: pictures shown,
    anything else (or anything given a download name) downloaded."""
    name = filename or (file.name or "").rsplit("/", 1)[-1]
    inline = filename is None and mimetypes.guess_type(name)[0] in INLINE_TYPES
    served = FileResponse(file.open("rb"), as_attachment=not inline, filename=name)
    served["Content-Security-Policy"] = "sandbox; default-src 'none'"
    served["Cache-Control"] = f"private, max-age={max_age}"
    return served


def download(user: AnyUser, instance: models.Model, field: str) -> FileResponse:
    """`instance.<field>` downloaded under its own name by `user`, or a 404 when they may not
    read it (the same answer as a file that does not exist)."""
    if not may_read(user, instance, field):
        raise Http404
    stored: FieldFile = getattr(instance, field)
    return response(stored, filename=(stored.name or "").rsplit("/", 1)[-1])
