from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Plan d'action")

    def ready(self):
        from ambassadeurs.permissions import Action as Can
        from ambassadeurs.permissions import can
        from core import files
        from mutuelles.models import Mutuelle

        from . import journal, personal_data, search, services
        from .models import Action, Evidence, PlanImport, Scope

        personal_data.register()
        journal.register()
        # The evidence of the measures is read like the plan: by every member.
        files.register(
            Evidence,
            "file",
            readable=lambda user: (
                Evidence.objects.all() if can(user, Can.READ) else Evidence.objects.none()
            ),
        )

        # The files of the plan's imports are the coordination's working papers.
        files.register(
            PlanImport,
            "file",
            readable=lambda user: (
                PlanImport.objects.all() if can(user, Can.COORDINATE) else PlanImport.objects.none()
            ),
        )

        # `mutuelles` may not import this app (dependencies point one way), so a mutuelle
        # created or reactivated anywhere (admin included) gets its deployments here.
        def _deploy_for_new_mutuelle(sender, instance, **kwargs):
            if instance.is_active:
                services.deployments_ensure(
                    actions=Action.objects.filter(plan__is_current=True, scope=Scope.MUTUELLE),
                    mutuelles=[instance],
                )

        post_save.connect(_deploy_for_new_mutuelle, sender=Mutuelle, weak=False)
        search.register()
