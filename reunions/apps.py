from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReunionsConfig(AppConfig):
    name = "reunions"
    verbose_name = _("Réunions des groupes de travail")

    def ready(self):
        from actionplan import story
        from core import contributions, files

        from . import journal, personal_data, search, selectors
        from .models import Meeting

        journal.register()
        personal_data.register()
        search.register()
        # The decisions of working groups are part of the story of the actions they touched.
        story.register(selectors.story_events)
        files.register(Meeting, "minutes_pdf", readable=Meeting.objects.visible_to)
        contributions.register(
            "ambassadeurs:working_group",
            template="reunions/_group_section.html",
            context=lambda request, group: {
                "group": group,
                "meetings": selectors.group_meetings(group, request.user),
            },
        )
