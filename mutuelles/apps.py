from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MutuellesConfig(AppConfig):
    name = "mutuelles"
    verbose_name = _("Mutuelles et thèmes")
