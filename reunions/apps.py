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
        self.ready_files()

    def ready_files(self):
        """The groups' files: who reads the stored files, the group page's panel, the record
        of changes, the members' data, the search."""
        from core import contributions, files

        from . import journal, personal_data, search, selectors
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
        journal.register()
        personal_data.register_files()
        search.register_files()
