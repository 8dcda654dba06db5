from django.core.management.base import BaseCommand
from django.db import transaction

from ambassadeurs import demo as people
from mutuelles import demo as reference


class Command(BaseCommand):
    help = "Crée ou met à jour les données de démonstration (idempotent) et affiche les comptes."

    @transaction.atomic
    def handle(self, *args, **options):
        mutuelles = reference.seed()
        accounts = people.seed(mutuelles)
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(f"Comptes de démonstration (mot de passe : {people.PASSWORD}) :")
        for email, description in accounts:
            self.stdout.write(f"  {email:<48} {description}")
