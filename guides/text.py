"""Reading a guide's (already sanitised) HTML: its outline for the table of contents, and what
changed between two versions."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from core.richtext import plain_text

# The sanitiser writes headings without attributes: `<h2>…</h2>`, `<h3>…</h3>`.
_HEADING = re.compile(r"<h([23])>(.*?)</h\1>", re.DOTALL)
_BLOCK = re.compile(r"<(p|h[234]|li|blockquote|pre|tr)\b[^>]*>(.*?)</\1>", re.DOTALL)


_HEADLESS_TABLE = re.compile(r"<table>\s*<tbody>\s*<tr>(.*?)</tr>", re.DOTALL)


def with_table_headers(html: str) -> str:
    """A table without a header row gets its first row as one: the editor cannot make header
    cells, and the PDF repeats the header on each page a table spans."""

    def promote(match: re.Match) -> str:
        cells = re.sub(r"<td([^>]*)>", r'<th scope="col"\1>', match[1]).replace("</td>", "</th>")
        return f"<table><thead><tr>{cells}</tr></thead><tbody>"

    return _HEADLESS_TABLE.sub(promote, html or "")


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


def outline(html: str) -> tuple[SafeString, list[Heading]]:
    """The body with an `id` on each h2 and h3, and the list of those headings."""
    headings: list[Heading] = []
    taken: set[str] = set()

    def anchor(match: re.Match) -> str:
        level, inner = int(match[1]), match[2]
        text = plain_text(inner)
        base = slugify(text)[:60] or "section"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        headings.append(Heading(level, name, text))
        return f'<h{level} id="{name}">{inner}</h{level}>'

    return mark_safe(_HEADING.sub(anchor, html or "")), headings  # noqa: S308 (sanitised)


def blocks(html: str) -> list[str]:
    """The text of each paragraph, heading, list item and table row, in order."""
    found = [plain_text(match[2]) for match in _BLOCK.finditer(html or "")]
    return [text for text in found if text]


def _words(old: str, new: str) -> str:
    """One changed paragraph, word by word."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
        if op == "equal":
            out.append(escape(" ".join(a[i1:i2])))
    return " ".join(out)


@dataclass(frozen=True)
class Change:
    kind: str  # "same", "added", "removed" or "changed"
    html: SafeString


def compare(old_html: str, new_html: str) -> list[Change]:
    """What changed from one version to the next, paragraph by paragraph."""
    old, new = blocks(old_html), blocks(new_html)
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [Change("same", escape(text)) for text in old[i1:i2]]
            continue
        removed, added = old[i1:i2], new[j1:j2]
        # Paragraphs rewritten in place are shown word by word; the rest whole.
        for before, after in zip(removed, added, strict=False):
            ratio = difflib.SequenceMatcher(a=before, b=after, autojunk=False).quick_ratio()
            if ratio > 0.5:
                changes.append(Change("changed", mark_safe(_words(before, after))))  # noqa: S308
            else:
                changes.append(Change("removed", escape(before)))
                changes.append(Change("added", escape(after)))
        pairs = min(len(removed), len(added))
        changes += [Change("removed", escape(text)) for text in removed[pairs:]]
        changes += [Change("added", escape(text)) for text in added[pairs:]]
    return changes
