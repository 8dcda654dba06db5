"""Fill English translations from the command line, for a few new strings at a time.

Usage: python scripts/translate.py "msgid" "translation" ["msgid" "translation" ...]
Clears the fuzzy flag of the entries it fills. polib comes with the dev dependencies.
"""

import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main(pairs):
    po = polib.pofile(str(CATALOGUE), wrapwidth=79)
    wanted = dict(zip(pairs[::2], pairs[1::2], strict=True))
    for entry in po:
        if entry.msgid in wanted:
            entry.msgstr = wanted.pop(entry.msgid)
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            entry.previous_msgid = entry.previous_msgid_plural = None
    po.save()
    if wanted:
        sys.exit(f"not in the catalogue: {', '.join(wanted)}")


if __name__ == "__main__":
    main(sys.argv[1:])
