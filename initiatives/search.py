"""What the search finds of this app: initiatives (see `core.search`)."""

from django.utils.translation import gettext_lazy as _

from core import search

from .models import Initiative


def document(initiative: Initiative) -> search.Document:
    body = initiative.body or ""
    return search.Document(
        title=initiative.title,
        headings="\n".join(filter(None, [initiative.summary, search.headings_of(body)])),
        body="\n".join(
            filter(
                None,
                [
                    search.plain(body),
                    initiative.place,
                    initiative.partners,
                    initiative.results,
                    initiative.lessons,
                ],
            )
        ),
        url=initiative.get_absolute_url(),
        mutuelle_id=initiative.mutuelle_id,
        theme_ids=[theme.pk for theme in initiative.themes.all()],
        date=initiative.published_at or initiative.created_at,
    )


def register() -> None:
    search.register(
        search.Kind(
            name="initiative",
            label=_("Initiative"),
            plural=_("Initiatives"),
            model=Initiative,
            document=document,
            visible=lambda user: Initiative.objects.visible_to(user),
            load=lambda: Initiative.objects.prefetch_related("themes"),
        )
    )
