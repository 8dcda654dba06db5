"""NUL bytes, control characters and lone surrogates (core.text): never a 500. A form says so
on the field and shows the text again without them; a query string or a cookie loses them; a
path holding one names no page. PostgreSQL refuses NUL, so these tests matter there."""

import importlib
import inspect
from html import unescape
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.urls import reverse

from core.forms import FORBIDDEN_MESSAGE, CleanTextMixin
from guides import services as guide_services
from initiatives.forms import CommentForm
from initiatives.models import Initiative
from tests.factories import ThemeFactory, admin_post

ROOT = Path(__file__).resolve().parents[2]


def test_every_form_of_the_project_applies_the_rule():
    missing = []
    for config in apps.get_app_configs():
        # The project's own apps sit at its root (a .venv inside the project holds the others).
        if Path(config.path).parent != ROOT or config.name == "core":
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for name, cls in inspect.getmembers(module, inspect.isclass):
            defined_here = cls.__module__ == module.__name__
            is_form = issubclass(cls, forms.BaseForm)
            if defined_here and is_form and not issubclass(cls, CleanTextMixin):
                missing.append(f"{module.__name__}.{name}")
    assert missing == []


def test_a_form_refuses_forbidden_characters_and_shows_the_text_without_them():
    form = CommentForm({"text": "Bra\x00vo\ud800 pour\x1b cette initiative"})

    assert not form.is_valid()
    assert form.errors["text"] == [str(FORBIDDEN_MESSAGE)]
    assert "Bravo pour cette initiative</textarea>" in str(form["text"])


def test_a_form_without_them_is_not_bothered():
    form = CommentForm({"text": "Bravo\tpour cette\r\ninitiative 🚲"})

    assert form.is_valid()
    assert form.cleaned_data["text"] == "Bravo\tpour cette\r\ninitiative 🚲"


def test_forbidden_characters_in_an_initiative_are_refused_with_the_text_kept(client, ambassador):
    theme = ThemeFactory()
    client.force_login(ambassador)
    response = client.post(
        reverse("initiatives:create"),
        {
            "title": "Atelier\x00 vélo",
            "summary": "Réparer son vélo\x07 au travail.",
            "body": "<p>Le récit</p>",
            "themes": [theme.pk],
            "status": "ongoing",
            "transposability": "ready",
        },
    )

    assert response.status_code == 400
    text = unescape(response.text)
    assert text.count(str(FORBIDDEN_MESSAGE)) == 2
    assert 'value="Atelier vélo"' in text
    assert "Réparer son vélo au travail." in text
    assert not Initiative.objects.exists()


def test_forbidden_characters_in_a_guide_draft_keep_the_draft_unchanged(client, ambassador):
    guide = guide_services.guide_create(
        by=ambassador,
        title="Guide des achats",
        summary="Acheter mieux.",
        theme=ThemeFactory(),
        body="<p>Texte d'origine</p>",
    )
    client.force_login(ambassador)

    response = client.post(
        reverse("guides:edit", args=[guide.slug]),
        {
            "title": guide.title,
            "summary": guide.summary,
            "theme": guide.theme_id,
            "body": "<p>Nouveau\x00 texte</p>",
            "revision": guide.revision,
        },
    )

    assert response.status_code == 400
    assert str(FORBIDDEN_MESSAGE) in unescape(response.text)
    assert "Nouveau texte" in response.text
    guide.refresh_from_db()
    assert guide.body == "<p>Texte d'origine</p>"


def test_forbidden_characters_through_the_admin_are_refused(
    client, admin_user, mutuelle, ambassador
):
    initiative = Initiative.objects.create(
        mutuelle=mutuelle, author=ambassador, title="Titre", summary="Résumé"
    )
    theme = ThemeFactory()
    initiative.themes.set([theme])
    client.force_login(admin_user)
    response = admin_post(client, initiative, title="Titre\x00 piégé")

    assert response.status_code == 200  # the admin shows its form again
    assert list(response.context["adminform"].form.errors) == ["title"]
    assert "Le caractère nul n’est pas autorisé." in unescape(response.text)
    initiative.refresh_from_db()
    assert initiative.title == "Titre"


QUERY_STRINGS = [
    ("initiatives:list", "q=v%C3%A9lo%00&action=%00&mutuelle=%00&theme=%01"),
    ("guides:list", "q=%00&theme=%00"),
    ("ambassadeurs:directory", "q=%00&mutuelle=%00&groupe=%00&role=%00"),
    ("actionplan:my_mutuelle", "mutuelle=arm%00or&axe=%00"),
    ("actionplan:plan", "mutuelle=%00&theme=%00&etat=%00"),
    ("newsletter:archive", "mutuelle=%00"),
    ("admin:initiatives_initiative_changelist", "q=%00"),
    # Encoded surrogates are decoded as U+FFFD by Django: with a NUL beside them.
    ("admin:ambassadeurs_user_changelist", "q=%00%ED%A0%80"),
]


@pytest.mark.parametrize(("name", "query"), QUERY_STRINGS)
def test_query_strings_lose_forbidden_characters(client, admin_user, mutuelle, name, query):
    client.force_login(admin_user)

    response = client.get(f"{reverse(name)}?{query}")

    assert response.status_code == 200


def test_a_path_holding_a_forbidden_character_names_no_page(client, db):
    assert client.get("/newsletter/unsubscribe/%00abc/").status_code == 404


def test_a_cookie_holding_a_forbidden_character_is_ignored(client, db):
    client.cookies["sessionid"] = "\x00" * 32

    assert client.get(reverse("account_login")).status_code == 200
