"""What the search finds of this app: meetings, by their title, purpose, agenda and approved
minutes (see `core.search`); each member finds those they may see."""

from django.utils.translation import gettext_lazy as _

from core import search

from .models import AgendaItem, GroupFile, Meeting


def meeting_document(meeting: Meeting) -> search.Document:
    minutes = meeting.minutes if meeting.minutes_frozen else ""
    return search.Document(
        title=meeting.title,
        headings="\n".join(item.title for item in meeting.agenda_items.all()),
        body="\n".join(filter(None, [meeting.description, search.plain(minutes)])),
        url=meeting.get_absolute_url(),
        theme_ids=[meeting.group.theme_id] if meeting.group else [],
        date=meeting.starts_at,
    )


def register() -> None:
    search.register(
        search.Kind(
            name="meeting",
            label=_("Réunion"),
            plural=_("Réunions"),
            model=Meeting,
            document=meeting_document,
            visible=Meeting.objects.visible_to,
            load=lambda: Meeting.objects.select_related("group").prefetch_related("agenda_items"),
            # Reminders and the SEQUENCE bookkeeping change nothing the search shows.
            ignored_fields=frozenset({"reminded_at", "updated_at"}),
            watch=[(AgendaItem, lambda item: [item.meeting_id])],
        )
    )


def group_file_document(document: GroupFile) -> search.Document:
    return search.Document(
        title=document.title,
        body=document.current.name if document.current else "",
        url=document.get_absolute_url(),
        theme_ids=[document.group.theme_id],
        date=document.updated_at,
    )


def register_files() -> None:
    """The groups' files, by their title (and file name), for those who may read them."""
    from .selectors import readable_files

    search.register(
        search.Kind(
            name="group_file",
            label=_("Fichier de groupe"),
            plural=_("Fichiers de groupe"),
            model=GroupFile,
            document=group_file_document,
            visible=readable_files,
            load=lambda: GroupFile.objects.select_related("group", "current"),
        )
    )
