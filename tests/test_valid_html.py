"""Every kind of page each role reaches by following links from home, on the demo data, and the
error pages: valid HTML for the W3C Nu checker. The browser journeys check what they visit
(htmx responses included); this covers the pages no journey opens, without a browser."""

import io
import re
from html import unescape
from urllib.parse import urldefrag, urlsplit

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from ambassadeurs.models import User
from tests import valid_html

DEMO = "solimut-demo.example"
ROLES = {
    "reader": f"salarie@armor.{DEMO}",
    "ambassador": f"ambassadeur@armor.{DEMO}",
    "coordinator": f"coordination@{DEMO}",
}
HREF = re.compile(r'href="([^"]+)"')


def crawl(client: Client, start: str, who: str) -> list[valid_html.Document]:
    """One page of each URL name reachable from `start` by links (the admin is Django's own)."""
    documents, seen, queue = [], set(), [start]
    while queue:
        path = queue.pop(0)
        try:
            name = resolve(urlsplit(path).path).view_name
        except Resolver404:
            continue
        if name in seen or name.startswith("admin:"):
            continue
        seen.add(name)
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        documents.append(valid_html.Document(url=f"{who}: GET {path}", body=response.content))
        for href in HREF.findall(response.content.decode()):
            link = urldefrag(unescape(href)).url
            if link.startswith("/") and not link.startswith(("//", "/static/", "/media/")):
                queue.append(link)
    return documents


def test_every_page_each_role_reaches_is_valid_html(db):
    valid_html.require_checker()
    call_command("seed_demo", stdout=io.StringIO())
    coordinator = User.objects.get(email=ROLES["coordinator"])
    TOTP.activate(coordinator, generate_totp_secret())
    documents = crawl(Client(), "/accounts/login/", "logged out")
    for who, email in ROLES.items():
        client = Client()
        client.force_login(User.objects.get(email=email))
        documents += crawl(client, "/", who)
        if who == "reader":
            reader_client = client
    assert len(documents) > 30  # the crawl went everywhere, not just home
    # The search page is reached by a form, not a link: each of its states, as a reader, and
    # the part htmx swaps in.
    for query in [
        "",
        "?q=vélo",
        "?q=sante&kind=initiative&mutuelle=armor&year=2026",
        "?q=%22santé+mentale%22",
        "?q=sante&page=2",
        "?q=xyzzyquux",
        "?q=vélo&kind=guide&mutuelle=azur",
    ]:
        path = f"{reverse('search')}{query}"
        response = reader_client.get(path)
        assert response.status_code == 200
        documents.append(valid_html.Document(url=f"reader: GET {path}", body=response.content))
    fragment = reader_client.get(
        reverse("search"), {"q": "vélo"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="search-results"
    )
    documents.append(
        valid_html.Document(url="reader: htmx search", body=fragment.content, fragment=True)
    )
    # The error pages, a member's (with the navigation) and a visitor's.
    reader = Client()
    reader.force_login(User.objects.get(email=ROLES["reader"]))
    login = reverse("account_login")
    for what, response, status in [
        ("404", reader.get("/nexiste-pas/"), 404),
        ("403", reader.get(reverse("ambassadeurs:invitations")), 403),
        ("405", reader.post(reverse("home")), 405),
        ("400", Client().get(login, HTTP_HOST="intrus.example"), 400),
        ("CSRF", Client(enforce_csrf_checks=True).post(login, {"login": "a@b.example"}), 403),
    ]:
        assert response.status_code == status
        documents.append(valid_html.Document(url=f"the {what} page", body=response.content))
    valid_html.assert_valid(documents)
