"""What initiatives hold about a member (core.personal_data): the initiatives they wrote, with
their pictures and files, their comments, the take-ups they are the contact of."""

from core import personal_data
from core.personal_data import rows

from .models import Attachment, Comment, Image, Initiative, Replication


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "initiatives": rows(
            Initiative.objects.filter(author=member).order_by("created_at"),
            "id",
            "title",
            "summary",
            "body",
            "mutuelle__name",
            "status",
            "starts_on",
            "ends_on",
            "place",
            "participants",
            "budget",
            "partners",
            "results",
            "lessons",
            "is_published",
            "published_at",
            "created_at",
            "updated_at",
        ),
        "commentaires": rows(
            Comment.objects.filter(author=member).order_by("created_at"),
            "initiative__title",
            "text",
            "created_at",
            "hidden_at",
        ),
        "reprises_dont_vous_êtes_le_contact": rows(
            Replication.objects.filter(contact=member).order_by("created_at"),
            "initiative__title",
            "mutuelle__name",
            "notes",
            "status",
            "created_at",
        ),
    }


def _files(member):
    for image in Image.objects.filter(initiative__author=member):
        name = image.image.name.rsplit("/", 1)[-1]
        yield f"initiatives/{image.initiative_id}/{name}", image.image
    for attachment in Attachment.objects.filter(initiative__author=member):
        name = attachment.file.name.rsplit("/", 1)[-1]
        yield f"initiatives/{attachment.initiative_id}/{name}", attachment.file


def _erase(member, remove_content: bool) -> None:
    if remove_content:
        written = Initiative.objects.filter(author=member)
        images = Image.objects.filter(initiative__in=written)
        personal_data.delete_files_on_commit(
            [*(i.image for i in images), *(i.thumbnail for i in images)]
            + [a.file for a in Attachment.objects.filter(initiative__in=written)]
        )
        written.delete()
        Comment.objects.filter(author=member).delete()
    # A take-up keeps its mutuelle; its contact is someone else to ask now.
    Replication.objects.filter(contact=member).update(contact=None)


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="initiatives",
            covers=[
                (Initiative, "author"),
                (Comment, "author"),
                (Comment, "hidden_by"),  # the moderation stays, by "ancien membre"
                (Replication, "contact"),
            ],
            export=_export,
            files=_files,
            erase=_erase,
        )
    )
