from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadeursConfig(AppConfig):
    name = "ambassadeurs"
    verbose_name = _("Membres et ambassadeurs")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from core import files

        from . import journal, personal_data, search
        from .models import User
        from .permissions import Action, can
        from .sessions import SessionActivityMiddleware

        personal_data.register()
        journal.register()

        # Signing in records the session (allauth.usersessions): nothing to write again until
        # it has been used for a while.
        user_logged_in.connect(SessionActivityMiddleware.signed_in, weak=False)

        # Photos are for members, like the directory they appear in.
        files.register(
            User,
            "photo",
            readable=lambda user: (
                User.objects.all() if can(user, Action.READ) else User.objects.none()
            ),
        )
        search.register()
