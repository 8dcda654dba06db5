"""Behind the one TLS proxy, the sign-in rate limits count each member's own address."""

import pytest
from django.urls import reverse

from ..factories import PASSWORD, UserFactory

PROXY = "10.0.0.2"


@pytest.fixture
def behind_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def _login(client, email, forwarded_for, password=PASSWORD):
    """A sign-in as the proxy passes it on: it appends the address the request came from."""
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def _refused(response) -> bool:
    """Too many attempts: the form says so (failed sign-ins) or the page is a 429."""
    return response.status_code == 429 or "trop de tentatives" in response.text.lower()


def _exhaust_the_address(client, address):
    """Typos of several addresses from one computer, until its address is refused."""
    for attempt in range(40):
        if _refused(_login(client, f"faute{attempt}@armor.example", address, "mauvais")):
            return
    pytest.fail("the failed sign-ins of one address were never limited")


def test_one_members_failures_never_lock_out_another_behind_the_same_proxy(
    client, behind_proxy, db
):
    alice = UserFactory(email="alice@armor.example")
    bruno = UserFactory(email="bruno@arverne.example")
    _exhaust_the_address(client, "192.0.2.10")
    assert _refused(_login(client, alice.email, "192.0.2.10"))  # her computer waits
    assert _login(client, bruno.email, "192.0.2.20").status_code == 302  # his does not


def test_a_forged_forwarded_header_changes_nothing(client, behind_proxy, db):
    bruno = UserFactory(email="bruno@arverne.example")
    _exhaust_the_address(client, "192.0.2.10")
    # The client writes Bruno's address itself; the proxy appends the real one, which counts.
    forged = "192.0.2.20, 192.0.2.10"
    assert _refused(_login(client, "alice@armor.example", forged))
    assert _login(client, bruno.email, "192.0.2.20").status_code == 302


def test_without_a_declared_proxy_the_header_is_not_trusted(client, db, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    bruno = UserFactory(email="bruno@arverne.example")
    _exhaust_the_address(client, "192.0.2.10")
    # Everyone seems to come from the proxy: then they share its one address.
    assert _refused(_login(client, bruno.email, "192.0.2.20"))
