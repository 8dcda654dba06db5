"""HTML as served, checked by the W3C Nu checker (vnu, from tests/tools): markup, attributes
(htmx's must be written `data-hx-*`), ids, heading levels.

Documents are checked in one batch: the checker is a Java program, and starting the JVM costs
seconds, checking a page milliseconds.
"""

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require_service

VNU = Path(__file__).resolve().parent / "tools" / "node_modules" / "vnu-jar" / "build" / "dist"
VNU_JAR = VNU / "vnu.jar"

# htmx swaps a fragment into the page: it is checked inside the element it goes into.
_PARENTS = {"li": "ul", "tr": "table", "option": "select"}
_FIRST_TAG = re.compile(rb"\s*<([a-z0-9]+)")


@dataclass
class Document:
    url: str
    body: bytes
    fragment: bool = False  # swapped into a page (htmx, a script): no <html> of its own

    def as_page(self) -> bytes:
        """A fragment inside a minimal page (on its first line: the lines keep their numbers)."""
        if not self.fragment:
            return self.body
        first = _FIRST_TAG.match(self.body)
        parent = _PARENTS.get(first.group(1).decode()) if first else None
        start, end = (f"<{parent}>", f"</{parent}>") if parent else ("", "")
        head = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>-</title></head>'
        return f"{head}<body>{start}".encode() + self.body + f"{end}</body></html>".encode()


def require_checker() -> None:
    """Skip without java or vnu (fail in CI, where RSE_REQUIRE_SERVICES=1)."""
    if not shutil.which("java"):
        require_service("The HTML checker", "no java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        require_service("The HTML checker", f"{VNU_JAR} is missing (make tools installs it)")


def assert_valid(documents: list[Document]) -> None:
    """Fails listing each error of the documents (URL, line, message)."""
    if problems := errors(documents):
        pytest.fail(
            f"{len(problems)} HTML error(s) in the {len(documents)} pages checked:\n"
            + "\n".join(problems),
            pytrace=False,
        )


def errors(documents: list[Document]) -> list[str]:
    """The documents' errors, one line each: URL, line, message."""
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        by_file = {}
        for number, document in enumerate(documents):
            path = Path(folder) / f"{number:04}.html"
            path.write_bytes(document.as_page())
            by_file[str(path)] = document
        run = subprocess.run(
            ["java", "-jar", VNU_JAR, "--errors-only", "--format", "json", "--stdout", *by_file],
            capture_output=True,
            text=True,
            timeout=600,
        )
        try:
            messages = json.loads(run.stdout)["messages"]
        except (json.JSONDecodeError, KeyError):
            raise AssertionError(f"vnu said nothing readable:\n{run.stdout}{run.stderr}") from None
    found = []
    for message in messages:
        url = message.get("url", "?")
        document = by_file.get(url.removeprefix("file:"))  # vnu names a file file:/tmp/...
        where = document.url if document else url
        found.append(f"{where} line {message.get('lastLine', '?')}: {message['message']}")
    return list(dict.fromkeys(found))  # a page visited twice has its errors twice
