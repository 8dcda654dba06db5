import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Playwright's assertions give up after 5 s by default: a page that publishes a guide (and
# renders its PDF in the request) or a loaded 2-core machine takes longer than that. They
# return as soon as the condition holds, so a generous limit costs nothing when all is well.
expect.set_options(timeout=30_000)
