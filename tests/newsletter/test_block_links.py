"""A block links to a page of the intranet or to an https:// address, nothing else: the block
editor says so in French and keeps what was typed; the service refuses the same."""

from html import unescape

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from newsletter.models import Block
from newsletter.services import editing

REFUSED = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "http://intranet.example/initiatives/3/",
    "//evil.example/initiatives/",
    "/\\evil.example",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "mailto:quelquun@exemple.fr",
    "https://",
    "initiatives/3/",
    "/initiatives/ 3/",
]
ACCEPTED = [
    "/initiatives/3/",
    "/guides/eco-gestes/?version=2#etapes",
    "https://www.ess-france.org/",
]
MESSAGE = "Lien refusé : indiquez une page de l'intranet commençant par « / »"


@pytest.mark.parametrize("link", REFUSED)
def test_the_block_editor_refuses_a_dangerous_link_and_keeps_the_block_typed(
    client, coordinator, edition, link
):
    client.force_login(coordinator)
    before = list(Block.objects.values_list("pk", "title", "link"))

    response = client.post(
        reverse("newsletter:block_add", args=[edition.number]),
        {"bloc-title": "Agenda d'hiver", "bloc-body": "<p>Séminaire</p>", "bloc-link": link},
    )

    assert response.status_code == 400
    page = unescape(response.text)
    assert MESSAGE in page
    assert 'value="Agenda d\'hiver"' in page
    assert list(Block.objects.values_list("pk", "title", "link")) == before


@pytest.mark.parametrize("link", REFUSED[:4])
def test_changing_a_block_to_a_dangerous_link_is_refused_with_the_text_kept(
    client, coordinator, edition, link
):
    block = edition.blocks.get(mutuelle=None)
    client.force_login(coordinator)

    response = client.post(
        reverse("newsletter:block_change", args=[edition.number, block.pk]),
        {
            "action": "modifier",
            f"bloc-{block.pk}-title": "Titre retouché",
            f"bloc-{block.pk}-body": "<p>Texte retouché</p>",
            f"bloc-{block.pk}-link": link,
        },
    )

    assert response.status_code == 400
    page = unescape(response.text)
    assert MESSAGE in page and 'value="Titre retouché"' in page
    block.refresh_from_db()
    assert (block.title, block.link) == ("Pour tout le réseau", "")


@pytest.mark.parametrize("link", REFUSED)
def test_the_service_refuses_a_dangerous_link_too(coordinator, edition, link):
    with pytest.raises(ValidationError) as refused:
        editing.block_save(by=coordinator, edition=edition, title="Agenda", link=link)

    assert MESSAGE in refused.value.message_dict["link"][0]


@pytest.mark.parametrize("link", ACCEPTED)
def test_intranet_pages_and_https_addresses_are_linked_in_the_email(
    client, coordinator, edition, link, settings
):
    client.force_login(coordinator)
    client.post(
        reverse("newsletter:block_add", args=[edition.number]),
        {"bloc-title": "À lire", "bloc-body": "<p>Lisez-le.</p>", "bloc-link": link},
    )
    assert Block.objects.get(title="À lire").link == link

    client.post(reverse("newsletter:test_send", args=[edition.number]))

    message = mail.outbox[-1]
    expected = settings.SITE_URL + link if link.startswith("/") else link
    assert f'href="{expected}"' in message.alternatives[0][0].replace("&amp;", "&")
    assert expected in message.body
