import pytest
from django.core.handlers.base import BaseHandler
from playwright.sync_api import expect

from tests import valid_html

pytestmark = pytest.mark.browser

# Playwright's assertions give up after 5 s by default: a page that publishes a guide (and
# renders its PDF in the request) or a loaded 2-core machine takes longer than that. They
# return as soon as the condition holds, so a generous limit costs nothing when all is well.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="module")
def served_html():
    """Every HTML response the module's journeys received, checked in one batch at its end:
    the W3C Nu checker finds no error and headings go in order, or the module's last test
    fails listing each error."""
    documents: list[valid_html.Document] = []
    yield documents
    if not documents:
        return
    valid_html.require_checker()
    valid_html.assert_valid(documents)


@pytest.fixture(autouse=True)
def _record_html(served_html, monkeypatch):
    """Records HTML responses as the server sends them, whichever browser context asked: the
    journeys open many, and a body read in the browser may already be gone once it navigates
    on. The live server runs in this process, so its handler is the one patched here."""
    get_response = BaseHandler.get_response

    def recording(handler, request):
        response = get_response(handler, request)
        if (
            response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
            and not 300 <= response.status_code < 400
        ):
            served_html.append(
                valid_html.Document(
                    url=f"{request.method} {request.get_full_path()} ({response.status_code})",
                    body=response.content,
                    # htmx's answers, and the lines static/js/uploads.js adds to a form.
                    fragment=not response.content.lstrip()[:9].lower().startswith(b"<!doctype"),
                )
            )
        return response

    monkeypatch.setattr(BaseHandler, "get_response", recording)
