"""Characters no text of ours holds: NUL (PostgreSQL refuses it), the other control characters
but tab and line breaks (XML, hence XLSX and the PDF, cannot carry them), lone surrogates (they
cannot be encoded in UTF-8) and the two non-characters U+FFFE and U+FFFF. One rule, applied
where text comes in (forms, query strings, imports) and where it goes out (exports)."""

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def has_forbidden(text: str) -> bool:
    return FORBIDDEN.search(text) is not None


def strip_forbidden(text: str) -> str:
    return FORBIDDEN.sub("", text)
