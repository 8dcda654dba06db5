"""What guides hold about a member (core.personal_data): the guides they co-write, their name
in the published versions, the review steps they took."""

from django.db.models import Count
from django.utils.translation import gettext as _

from core import personal_data
from core.personal_data import rows

from . import services
from .models import Event, Guide, Version


def _export(member) -> dict[str, personal_data.Rows]:
    return {
        "guides_coécrits": rows(
            Guide.objects.filter(authors=member).order_by("created_at"),
            "title",
            "summary",
            "status",
            "created_at",
            "edited_at",
        ),
        "étapes_de_relecture": rows(
            Event.objects.filter(by=member).order_by("at"), "guide__title", "kind", "comment", "at"
        ),
    }


def _erase(member, remove_content: bool) -> None:
    if remove_content:
        # Drafts only they wrote, never published: theirs to take away. A guide written with
        # others, or published, is the group's.
        alone = Guide.objects.annotate(writers=Count("authors")).filter(
            authors=member, writers=1, current_version__isnull=True
        )
        Guide.objects.filter(pk__in=alone.values("pk")).delete()
    # Their name leaves the published versions, the PDFs included (rendered again).
    named = f"{member.get_full_name()} ("
    for version in Version.objects.filter(guide__authors=member, authors_names__contains=named):
        version.authors_names = version.authors_names.replace(named, f"{_('Ancien membre')} (")
        personal_data.delete_files_on_commit([version.pdf])
        version.pdf = ""
        version.pdf_state = Version.PDF.PENDING
        version.save(update_fields=["authors_names", "pdf", "pdf_state"])
        services.render_later(version)


def register() -> None:
    personal_data.register(
        personal_data.Holder(
            name="guides",
            covers=[
                (Guide, "authors"),
                (Guide, "edited_by"),
                (Version, "published_by"),
                (Event, "by"),
            ],
            export=_export,
            erase=_erase,
        )
    )
