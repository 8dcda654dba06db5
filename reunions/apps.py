from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReunionsConfig(AppConfig):
    name = "reunions"
    verbose_name = _("Réunions des groupes de travail")

    def ready(self):
        from core import contributions

        from . import personal_data, search, selectors

        personal_data.register()
        search.register()
        contributions.register(
            "ambassadeurs:working_group",
            template="reunions/_group_section.html",
            context=lambda request, group: {
                "group": group,
                "meetings": selectors.group_meetings(group, request.user),
            },
        )
