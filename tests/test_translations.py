"""French in the source, English kept complete: every message has its translation."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _untranslated(po: Path) -> str:
    return (
        subprocess.run(
            ["msgattrib", "--untranslated", "--no-obsolete", str(po)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        + subprocess.run(
            ["msgattrib", "--only-fuzzy", "--no-obsolete", str(po)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_english_catalogue_is_complete():
    assert _untranslated(CATALOGUE).strip() == ""


def test_english_catalogue_holds_every_message_of_the_code(tmp_path):
    """makemessages on the current code finds nothing the catalogue lacks."""
    import shutil

    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "var", "node_modules", ".git", "*.sqlite3", "__pycache__"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "en",
            "--no-obsolete",
            "--ignore=.venv/*",
            "--ignore=tests/*",
            "--ignore=scripts/*",
            "--ignore=bench/*",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        check=True,
    )
    assert _untranslated(copy / "locale" / "en" / "LC_MESSAGES" / "django.po").strip() == ""
