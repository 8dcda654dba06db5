"""What the search finds of this app: guides, as their current published version reads, with
the titles of their tools (see `core.search`). A guide never published, or archived, is not
in the index."""

from django.utils.translation import gettext_lazy as _

from core import search

from .models import Guide, Tool, Version


def document(guide: Guide) -> search.Document | None:
    version = guide.current_version
    if version is None or not guide.is_readable:
        return None
    return search.Document(
        title=version.title,
        headings="\n".join(
            filter(
                None,
                [
                    version.summary,
                    search.headings_of(version.body),
                    *(tool.title for tool in guide.tools.all()),
                ],
            )
        ),
        body=search.plain(version.body),
        url=guide.get_absolute_url(),
        theme_ids=[guide.theme_id],
        date=version.published_at,
    )


def register() -> None:
    search.register(
        search.Kind(
            name="guide",
            label=_("Guide"),
            plural=_("Guides"),
            model=Guide,
            document=document,
            visible=lambda user: Guide.objects.visible_to(user),
            load=lambda: Guide.objects.select_related("current_version").prefetch_related("tools"),
            watch=[
                (Version, lambda version: [version.guide_id]),
                (Tool, lambda tool: [tool.guide_id]),
            ],
        )
    )
