"""What the search finds of this app: the sent editions of the newsletter, as every member
reads them (the title, the editorial and the common part; see `core.search`)."""

from django.utils.translation import gettext_lazy as _

from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core import search

from .models import Block, Edition


def document(edition: Edition) -> search.Document | None:
    if edition.status != Edition.Status.SENT:
        return None
    common = [block for block in edition.blocks.all() if block.mutuelle_id is None]
    return search.Document(
        title=edition.title,
        headings="\n".join(block.title for block in common),
        body="\n".join(
            [search.plain(edition.editorial), *(search.plain(block.body) for block in common)]
        ),
        url=edition.get_absolute_url(),
        date=edition.sent_at or edition.period_end,
    )


def visible(user):
    if not can(user, Can.READ):
        return Edition.objects.none()
    return Edition.objects.filter(status=Edition.Status.SENT)


def register() -> None:
    search.register(
        search.Kind(
            name="edition",
            label=_("Lettre ESS/RSE"),
            plural=_("Lettres ESS/RSE"),
            model=Edition,
            document=document,
            visible=visible,
            load=lambda: Edition.objects.prefetch_related("blocks"),
            watch=[(Block, lambda block: [block.edition_id])],
        )
    )
