from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from actionplan import story, workbook
        from core import contributions, files

        from . import journal, personal_data, search, selectors
        from .models import Attachment, Image, Initiative

        personal_data.register()
        journal.register()

        # Pictures and files follow their initiative: a draft's stay within its mutuelle.
        def of_visible(model):
            return lambda user: model.objects.filter(
                initiative__in=Initiative.objects.visible_to(user)
            )

        files.register(Image, "image", "thumbnail", readable=of_visible(Image))
        files.register(Attachment, "file", readable=of_visible(Attachment))

        contributions.register(
            "actionplan:action",
            template="initiatives/partials/action_section.html",
            context=lambda request, action: {
                "action": action,
                "initiatives": selectors.action_initiatives(action),
            },
        )
        # What the initiatives did for an action is part of its story (actionplan.story).
        story.register(selectors.story_events)
        # Their framework tags are a part of the plan's workbook (its "Référentiels" sheet).
        workbook.register_tags(selectors.framework_tags)
        search.register()
