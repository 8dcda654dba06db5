from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadeursConfig(AppConfig):
    name = "ambassadeurs"
    verbose_name = _("Membres et ambassadeurs")
