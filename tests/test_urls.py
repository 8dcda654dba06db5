"""Every pattern is named: the access table (tests/test_access_table.py) lists every named URL
with the answer each role gets, so a new page cannot escape it."""

from django.urls import URLPattern, URLResolver, get_resolver
from django.views.generic import RedirectView


def walk(resolver, prefix="", namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield prefix + str(pattern.pattern), name, pattern.callback


def test_every_pattern_is_named():
    # Django's admin keeps unnamed redirects from its old change-page URLs: not pages.
    unnamed = [
        route
        for route, name, view in walk(get_resolver())
        if name is None and getattr(view, "view_class", None) is not RedirectView
    ]
    assert unnamed == []
