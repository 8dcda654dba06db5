from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from solimut_rse import backups


class Command(BaseCommand):
    help = "Restaure une sauvegarde dans une installation vide (make restore FILE=...)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="l'archive écrite par « make backup »")

    def handle(self, *args, file, **options):
        try:
            summary = backups.restore(file)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Sauvegarde restaurée : {summary.path} ({summary.engine}, {summary.files} fichiers)"
        )
