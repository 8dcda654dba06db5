"""Error pages: French, in the site's layout, and never an error of their own.

Django calls the handlers named in `urls.py` (400, 403, 404, 500), `CSRF_FAILURE_VIEW` and
allauth calls `handler429` for its rate limits; `ErrorPageMiddleware` gives a page to the error
responses a view returns without one (`require_http_methods` answers an empty 405).
"""

import logging

from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)


def _page(request, template_name: str) -> str:
    """The page with the request (navigation, language switch) when that works; without it
    when the session, the database or the cache behind them is what failed."""
    try:
        return loader.render_to_string(template_name, request=request)
    except Exception:
        logger.exception("%s rendered without the request", template_name)
        return loader.render_to_string(template_name)


def bad_request(request, exception):
    return HttpResponse(_page(request, "400.html"), status=400)


def permission_denied(request, exception):
    return HttpResponse(_page(request, "403.html"), status=403)


def csrf_failure(request, reason=""):
    # CsrfViewMiddleware has already logged the reason (django.security.csrf); people get a
    # way out rather than Django's English explanation.
    return HttpResponse(_page(request, "403_csrf.html"), status=403)


def page_not_found(request, exception):
    return HttpResponse(_page(request, "404.html"), status=404)


def too_many_requests(request):
    return HttpResponse(_page(request, "429.html"), status=429)


def server_error(request):
    # Whatever failed (the database, the cache, a template) may fail again: the page is
    # rendered without the request, so no context processor, session or user is touched.
    return HttpResponse(loader.render_to_string("500.html"), status=500)


class ErrorPageMiddleware:
    """An error response without a body gets the French page of its status; its headers
    (`Allow` of a 405...) are kept."""

    PAGES = {400: "400.html", 403: "403.html", 404: "404.html", 405: "405.html", 429: "429.html"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        template_name = self.PAGES.get(response.status_code)
        if template_name and not response.streaming and not response.content:
            response.content = _page(request, template_name)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response
