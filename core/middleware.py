"""Characters core.text forbids never reach a view through the address or the cookies."""

from collections.abc import Callable, Iterator

from django.http import Http404, HttpRequest, HttpResponse, QueryDict

from .text import has_forbidden, strip_forbidden


class ForbiddenCharactersMiddleware:
    """A query string loses them (a filter given `%00` is as if given without it: a filter is
    never refused for it), a path holding one names no page (404), and a cookie holding one
    is ignored (PostgreSQL refuses NUL, even in a session key looked up).

    Placed before the session middleware, which reads the cookies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_forbidden(request.path):
            raise Http404
        if any(has_forbidden(key) or has_forbidden(value) for key, value in _pairs(request.GET)):
            # Immutable as Django's own (django-stubs types it by a class only it can name).
            request.GET = _stripped(request.GET)  # type: ignore[assignment]
        request.COOKIES = {
            key: value
            for key, value in request.COOKIES.items()
            if not (has_forbidden(key) or has_forbidden(value))
        }
        return self.get_response(request)


def _pairs(query: QueryDict) -> Iterator[tuple[str, str]]:
    for key, values in query.lists():
        for value in values:
            yield key, value


def _stripped(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, value in _pairs(query):
        cleaned.appendlist(strip_forbidden(key), strip_forbidden(value))
    cleaned._mutable = False
    return cleaned
