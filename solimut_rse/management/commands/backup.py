from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from solimut_rse import backups


class Command(BaseCommand):
    help = "Écrit une sauvegarde datée de la base de données et des fichiers (make backup)."

    def add_arguments(self, parser):
        parser.add_argument("--to", type=Path, help="dossier de destination (RSE_BACKUP_DIR)")

    def handle(self, *args, to=None, **options):
        try:
            summary = backups.backup(to)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Sauvegarde écrite : {summary.path} ({summary.engine}, {summary.files} fichiers)"
        )
