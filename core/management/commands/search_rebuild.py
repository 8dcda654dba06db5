from django.core.management.base import BaseCommand, CommandError

from core import search


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche (tout, ou les natures nommées)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="natures à réindexer (par défaut : toutes)")

    def handle(self, *args, kinds=(), **options):
        unknown = set(kinds) - set(search.kinds())
        if unknown:
            raise CommandError(
                f"Nature inconnue : {', '.join(sorted(unknown))}. "
                f"Natures : {', '.join(search.kinds())}."
            )
        counts = search.rebuild(kinds or None)
        for name, count in counts.items():
            self.stdout.write(f"  {name:<16} {count}")
        self.stdout.write(
            self.style.SUCCESS(f"Index reconstruit : {sum(counts.values())} entrées.")
        )
