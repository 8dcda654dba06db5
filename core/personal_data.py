"""What the intranet holds about a member, gathered and erased app by app (GDPR).

Each app that stores something about a member says so from its `AppConfig.ready()`:

    personal_data.register(
        personal_data.Holder(
            name="initiatives",
            covers=[(Initiative, "author"), (Comment, "author"), ...],
            export=lambda member: {"initiatives": [...], "commentaires": [...]},
            erase=lambda member, remove_content: ...,
            files=lambda member: [("initiatives/1/photo.jpg", initiative_image.file), ...],
        )
    )

- `covers`: every relation of the app's models to the member's model, the (model, field)
  pairs this holder answers for. `tests/test_personal_data.py` lists every such relation in
  the project (the apps', allauth's, Django's) and fails for one that no holder covers: a new
  model pointing at members cannot be forgotten by the export or the erasure.
- `export(member)`: sections of JSON rows (dicts of plain values; dates are written in ISO
  8601), named in French for the member who reads them.
- `files(member)`: the stored files that are theirs or about them, with their name in the ZIP.
- `erase(member, remove_content)`: removes what is personal; content they wrote is either
  kept (it then shows "ancien membre": the member's row stays, emptied, so every link to it
  keeps working) or removed, as the coordinator chose. Runs inside the erasure's transaction.

The member's own app (ambassadeurs) gathers the ZIP and runs the erasure
(`ambassadeurs.services.member_export`, `member_erase`), holders in the order of
INSTALLED_APPS.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models.fields.files import FieldFile

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Holder:
    name: str
    covers: list[tuple[type[models.Model], str]]
    export: Callable[[Any], dict[str, Rows]]
    erase: Callable[[Any, bool], None]
    files: Callable[[Any], Iterable[tuple[str, FieldFile]]] = field(default=lambda member: [])


_holders: list[Holder] = []


def register(holder: Holder) -> None:
    if any(known.name == holder.name for known in _holders):
        raise ValueError(f"a personal data holder named {holder.name!r} is already registered")
    _holders.append(holder)


def holders() -> list[Holder]:
    return list(_holders)


def covered() -> set[tuple[type[models.Model], str]]:
    """Every (model, field) some holder answers for."""
    return {pair for holder in _holders for pair in holder.covers}


def rows(queryset: models.QuerySet, *fields: str) -> Rows:
    """The rows of `queryset` as plain dicts of `fields` (lookups like "mutuelle__name" too)."""
    return list(queryset.values(*fields))


def delete_files_on_commit(files: Iterable[FieldFile]) -> None:
    """Removes stored files once the erasure's transaction has committed (a rollback keeps
    them, with the rows that name them)."""
    names = [(file.storage, file.name) for file in files if file.name]

    def delete() -> None:
        for storage, name in names:
            storage.delete(str(name))

    transaction.on_commit(delete)
