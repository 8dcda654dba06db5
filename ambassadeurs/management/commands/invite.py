from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ambassadeurs import services
from ambassadeurs.models import Role
from mutuelles.models import Mutuelle


class Command(BaseCommand):
    help = "Invite un membre : il reçoit un e-mail avec un lien valable 7 jours."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, help=", ".join(Role.values))
        parser.add_argument("--mutuelle", help="identifiant d'URL (slug) de la mutuelle")

    def handle(self, email, role, mutuelle, **options):
        if role not in Role.values:
            raise CommandError(
                f"Rôle inconnu « {role} » : choisissez parmi {', '.join(Role.values)}."
            )
        found = None
        if mutuelle:
            found = Mutuelle.objects.filter(slug=mutuelle).first()
            if found is None:
                known = ", ".join(Mutuelle.objects.values_list("slug", flat=True))
                raise CommandError(f"Mutuelle inconnue « {mutuelle} ». Mutuelles : {known}.")
        try:
            with transaction.atomic():
                invitation = services.invitation_create(
                    email=email, role=role, mutuelle=found, invited_by=None
                )
        except ValidationError as error:
            messages = [m for field in error.message_dict.values() for m in field]
            raise CommandError(" ".join(messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Invitation envoyée à {invitation.email} (valable jusqu'au "
                f"{invitation.expires_at:%d/%m/%Y}) : "
            )
            + services.invitation_url(invitation)
        )
