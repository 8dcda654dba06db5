from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportsConfig(AppConfig):
    name = "rapports"
    verbose_name = _("Rapports à l'assemblée générale")

    def ready(self):
        from core import files

        from . import personal_data, selectors
        from .models import ReportVersion

        personal_data.register()
        files.register(ReportVersion, "pdf", readable=selectors.readable_versions)
        files.register(ReportVersion, "workbook", readable=selectors.readable_versions)
