from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadeursConfig(AppConfig):
    name = "ambassadeurs"
    verbose_name = _("Membres et ambassadeurs")

    def ready(self):
        from core import files

        from . import search
        from .models import User
        from .permissions import Action, can

        # Photos are for members, like the directory they appear in.
        files.register(
            User,
            "photo",
            readable=lambda user: (
                User.objects.all() if can(user, Action.READ) else User.objects.none()
            ),
        )
        search.register()
