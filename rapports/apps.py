from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportsConfig(AppConfig):
    name = "rapports"
    verbose_name = _("Rapports à l'assemblée générale")

    def ready(self):
        from ambassadeurs.permissions import Action as Can
        from ambassadeurs.permissions import can
        from core import contributions, files

        from . import personal_data, selectors
        from .models import ReportVersion

        personal_data.register()
        files.register(ReportVersion, "pdf", readable=selectors.readable_versions)
        files.register(ReportVersion, "workbook", readable=selectors.readable_versions)
        # The reports, beside the plan's title for those who read them.
        contributions.register(
            "actionplan:plan",
            template="rapports/_plan_link.html",
            context=lambda request, plan: {"shown": can(request.user, Can.READ_REPORTS)},
        )
