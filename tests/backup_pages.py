"""Prints, as JSON, what a member sees on the main pages of the database this process is given
(DATABASE_URL, MEDIA_ROOT): the <main> of each page, without what changes per request (the
CSRF token, the CSP nonce), and the stored files with their checksum. tests/test_backups.py
runs it on a database and on its restored backup, and compares.

Usage: python tests/backup_pages.py <email> <path> [<path> ...]
"""

import hashlib
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solimut_rse.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from ambassadeurs.models import User  # noqa: E402

VARYING = [
    re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(r'nonce="[^"]*"'),
    re.compile(r'"X-CSRFToken": "[^"]*"'),
]


def main_of(html: str) -> str:
    found = re.search(r"<main\b.*?</main>", html, re.S)
    text = found.group(0) if found else html
    for pattern in VARYING:
        text = pattern.sub("", text)
    return text


def run(email: str, paths: list[str]) -> dict:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=email))
    pages = {}
    for path in paths:
        response = client.get(path)
        pages[path] = [response.status_code, main_of(response.content.decode())]
    root = Path(settings.MEDIA_ROOT)
    files = {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
    return {"pages": pages, "files": files}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], sys.argv[2:])))
