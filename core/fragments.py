"""Cached fragments: parts of pages (or the values they are drawn from) computed once and kept
until the data they show changes.

A fragment names the revisions (`core.revisions`) of every kind of data it shows, and what else
it varies with (who sees what, the query string, the day...); the language is always part of
the key. Any write of that data bumps its revision, so the next request renders the fragment
again: no key to delete, no expiry to wait for (`timeout` only bounds what the cache keeps, and
what follows the clock).

    html = fragments.cached(
        "initiatives:list",
        revisions=["initiatives", "mutuelles"],
        vary=[who_sees_what, request.GET.urlencode()],
        render=lambda: render_to_string("initiatives/list.html#results", context, request),
    )

`RSE_FRAGMENT_CACHE=0` turns this off (every call renders; the cache is not even asked): what
the pages cost without their cached fragments, for `make bench` and the query-count tests.
"""

import hashlib
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from . import revisions as revision

T = TypeVar("T")

TIMEOUT = 600


def cached(
    name: str,
    *,
    revisions: Iterable[str],
    vary: Iterable[object] = (),
    render: Callable[[], T],
    timeout: int = TIMEOUT,
) -> T:
    """`render()`'s result, computed once per revision of `revisions`, language and `vary`."""
    if not settings.RSE_FRAGMENT_CACHE:
        return render()
    parts = [f"{kind}={revision.current(kind)}" for kind in revisions]
    parts += [get_language(), *map(str, vary)]
    key = f"fragment:{name}:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    value: T | None = cache.get(key)
    if value is None:
        value = render()
        cache.set(key, value, timeout)
    return value
