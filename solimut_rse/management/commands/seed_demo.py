from django.core.management.base import BaseCommand
from django.db import transaction

from actionplan import demo as plan
from ambassadeurs import demo as people
from core import search
from guides import demo as guides
from initiatives import demo as initiatives
from mutuelles import demo as reference
from newsletter import demo as newsletter
from rapports import demo as reports
from reunions import demo as meetings


class Command(BaseCommand):
    help = "Crée ou met à jour les données de démonstration (idempotent) et affiche les comptes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="bancs d'essai : N mutuelles, 6×N actions, 400×N initiatives (50 : 300, 20 000)",
        )

    @transaction.atomic
    def handle(self, *args, scale=0, **options):
        # The index is written once at the end, rather than object by object as it is saved.
        with search.paused():
            mutuelles = reference.seed(extra=max(scale - len(reference.MUTUELLES), 0))
            accounts = people.seed(mutuelles)
            plan.seed(actions_per_axis=(6 * scale) // 4 if scale else None)
            initiatives.seed(extra=400 * scale)
            guides.seed()
            newsletter.seed()
            meetings.seed()
            if not scale:  # at scale, bench/report.py renders it (and times it)
                reports.seed()
        search.rebuild()
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
        self.stdout.write(f"Comptes de démonstration (mot de passe : {people.PASSWORD}) :")
        for email, description in accounts:
            self.stdout.write(f"  {email:<48} {description}")
