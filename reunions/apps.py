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
        from .relay import journal as relay_journal
        from .relay import personal_data as relay_personal_data
        from .relay import selectors as relay

        journal.register()
        personal_data.register()
        search.register()
        # The decisions of working groups are part of the story of the actions they touched.
        story.register(selectors.story_events)
        files.register(Meeting, "minutes_pdf", readable=Meeting.objects.visible_to)
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
        self.ready_files()

    def ready_files(self):
        """The groups' files: who reads the stored files, the group page's panel, the members'
        data, the search (their record of changes is in journal.py, registered above)."""
        from core import contributions, files

        from . import personal_data, search, selectors
        from .models import FileVersion

        files.register(
            FileVersion,
            "file",
            readable=lambda user: FileVersion.objects.filter(
                document__in=selectors.readable_files(user)
            ),
        )
        contributions.register(
            "ambassadeurs:working_group",
            template="reunions/_group_files.html",
            context=lambda request, group: selectors.group_files_panel(group, request.user),
        )
        personal_data.register_files()
        search.register_files()
