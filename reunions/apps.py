from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReunionsConfig(AppConfig):
    name = "reunions"
    verbose_name = _("Réunions des groupes de travail")

    def ready(self):
        from core import contributions

        from . import personal_data, search, selectors
        from .relay import journal as relay_journal
        from .relay import personal_data as relay_personal_data
        from .relay import selectors as relay

        personal_data.register()
        search.register()
        relay_personal_data.register()
        relay_journal.register()
        # The relay kit, linked from a sent edition's page and a readable guide's.
        contributions.register(
            "newsletter:edition",
            template="reunions/relay/_link.html",
            context=lambda request, edition: relay.link(
                request, "reunions:relay_edition", edition.number
            ),
        )
        contributions.register(
            "guides:guide",
            template="reunions/relay/_link.html",
            context=lambda request, guide: relay.link(request, "reunions:relay_guide", guide.slug),
        )
        contributions.register(
            "ambassadeurs:working_group",
            template="reunions/_group_section.html",
            context=lambda request, group: {
                "group": group,
                "meetings": selectors.group_meetings(group, request.user),
            },
        )
