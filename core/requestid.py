"""A request id in every log record of a request (and of the tasks it queues), and one access
line per request.

The id comes from the proxy's `X-Request-ID` when it is a plausible one, else it is made here;
it is echoed in the response's `X-Request-ID` and set as a tag of Sentry's events, so that a
line of the proxy's log, of ours and an error report can be put side by side.
"""

import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

import sentry_sdk
from django.http import HttpRequest, HttpResponse
from django.utils.encoding import escape_uri_path
from django.utils.log import log_response

NONE = "-"
HEADER = "X-Request-ID"
# What a proxy sends (a UUID, nginx's $request_id, a trace id); anything else could forge log
# lines (new lines, escapes) or flood them.
_VALID = re.compile(r"[A-Za-z0-9._:@-]{1,128}")

_current: ContextVar[str] = ContextVar("request_id", default=NONE)
access_log = logging.getLogger("core.access")


def current() -> str:
    """The id of the request (or task) being served; "-" outside of one."""
    return _current.get()


def bind(request_id: str) -> Token[str]:
    return _current.set(request_id)


def unbind(token: Token[str]) -> None:
    _current.reset(token)


@contextmanager
def bound(request_id: str) -> Iterator[None]:
    token = bind(request_id)
    try:
        yield
    finally:
        unbind(token)


def from_header(value: str | None) -> str:
    return value if value and _VALID.fullmatch(value) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Gives every record the id of the request it was logged in (the formatter shows it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _current.get()
        return True


class RequestIdMiddleware:
    """First of the middleware: every request, static files included, gets an id and exactly
    one access line (gunicorn's access log stays off, or each request would be logged twice)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = from_header(request.headers.get(HEADER))
        sentry_sdk.set_tag("request_id", request_id)
        started = time.perf_counter()
        with bound(request_id):
            response = self.get_response(request)
            response[HEADER] = request_id
            if response.status_code >= 400:
                # Django logs an error response ("Not Found: /x") after the middleware, hence
                # without the id, unless it was already logged, which this does.
                log_response(
                    "%s: %s",
                    response.reason_phrase,
                    request.path,
                    response=response,
                    request=request,
                )
            access_log.info(
                "%s %s %s %.0fms",
                request.method,
                escape_uri_path(request.path),  # a decoded new line cannot forge a line
                response.status_code,
                (time.perf_counter() - started) * 1000,
            )
        return response
