from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Lettre ESS/RSE")

    def ready(self):
        from core import contributions

        from . import (
            journal,
            personal_data,
            search,
            signals,  # noqa: F401  (members are subscribers, kept in sync)
        )

        personal_data.register()
        journal.register()

        contributions.register("ambassadeurs:profile", template="newsletter/_profile_link.html")
        search.register()
