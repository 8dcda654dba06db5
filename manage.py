#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solimut_rse.settings")
    from django.core.management import execute_from_command_line

    from core import history

    # What a command changes is on record as "commande <name>" (core.history).
    with history.command(sys.argv[1] if len(sys.argv) > 1 else "manage.py"):
        execute_from_command_line(sys.argv)
