from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = _("Guides et outils")

    def ready(self):
        from actionplan import story
        from core import contributions, files

        from . import journal, personal_data, search, selectors
        from .models import Guide, Picture, Tool, Version

        personal_data.register()
        journal.register()

        # Pictures, tools and PDFs follow their guide: a draft's are for its authors and the
        # coordinators only.
        def of_visible(model):
            return lambda user: model.objects.filter(guide__in=Guide.objects.visible_to(user))

        files.register(Picture, "image", readable=of_visible(Picture))
        files.register(Tool, "file", readable=of_visible(Tool))
        files.register(Version, "pdf", readable=of_visible(Version))

        contributions.register(
            "actionplan:action",
            template="guides/_action_section.html",
            context=lambda request, action: {"guides": selectors.action_guides(action)},
        )
        story.register(selectors.story_events)  # a guide's versions in an action's story
        search.register()
