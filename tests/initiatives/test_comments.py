"""A comment refused (too long, forbidden characters, empty) keeps its text and says why, posted
with htmx or without JavaScript; nothing is saved."""

from html import unescape

import pytest
from django.urls import reverse

from core.forms import FORBIDDEN_MESSAGE
from initiatives.models import Comment

HTMX = {"HTTP_HX_REQUEST": "true"}
LONG = "Bravo ! " * 376  # 3008 characters: the limit is 3000


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["without JavaScript", "htmx"])
@pytest.mark.parametrize(
    ("text", "kept", "reason"),
    [
        (LONG, LONG, "au plus 3000 caractères (actuellement 3007)"),
        ("Bra\x00vo\x07 !", "Bravo !", str(FORBIDDEN_MESSAGE)),
        ("   ", "   ", "Le commentaire est vide."),
    ],
    ids=["too long", "forbidden characters", "empty"],
)
def test_a_refused_comment_keeps_its_text_and_says_why(
    client, reader, published, headers, text, kept, reason
):
    client.force_login(reader)

    response = client.post(
        reverse("initiatives:comment", args=[published.pk]), {"text": text}, **headers
    )

    assert response.status_code == 400
    page = unescape(response.text)
    assert reason in page
    assert f">\n{kept}</textarea>" in page
    assert ("<html" in page) is (headers == {})  # htmx gets the comments section alone
    assert not Comment.objects.exists()


def test_a_comment_posted_with_htmx_comes_back_in_the_list_with_an_empty_form(
    client, reader, published
):
    client.force_login(reader)

    response = client.post(
        reverse("initiatives:comment", args=[published.pk]), {"text": "Bravo !"}, **HTMX
    )

    assert response.status_code == 200
    assert "<p>Bravo !</p>" in response.text
    assert "Merci pour votre commentaire." in unescape(response.text)
    assert ">\n</textarea>" in response.text
    assert Comment.objects.get().text == "Bravo !"
