"""The apps depend one way (core.contributions): the templates of an app (`templates/<app>/`)
link to no URL of a later app and include or extend no template of a later one. What a later
app shows on an earlier app's page, it contributes; only the composition root (the templates
at the root of `templates/`) gathers every app."""

import re
import tomllib

import pytest
from django.apps import apps as django_apps

from .conftest import ROOT

# The order import-linter enforces on the Python side, earliest first.
_layers = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
APPS = [app for app in reversed(_layers["contracts"][0]["layers"]) if app != "solimut_rse"]

# {% url 'app:name' %} names an app by its namespace; {% include/extends "app/..." %} by folder.
REFERENCE = re.compile(r"""{%\s*(url|include|extends)\s+(["'])([^"']+)\2""")


def later_references(app: str, text: str) -> list[str]:
    later = APPS[APPS.index(app) + 1 :]
    found = []
    for tag, _quote, target in REFERENCE.findall(text):
        other = target.split(":")[0] if tag == "url" else target.split("/")[0]
        if other in later:
            found.append(f"{{% {tag} '{target}' %}}")
    return found


def test_the_apps_are_read_in_their_order():
    assert APPS == [
        "core",
        "mutuelles",
        "ambassadeurs",
        "actionplan",
        "initiatives",
        "guides",
        "newsletter",
        "reunions",
        "rapports",
    ]


def test_a_reference_to_a_later_app_is_found():
    text = """{% url 'newsletter:subscription' %} {% include "guides/_aside.html" with x=1 %}
    {% url "ambassadeurs:profile" %} {% url 'home' %} {% include 'includes/avatar.html' %}"""
    assert later_references("actionplan", text) == [
        "{% url 'newsletter:subscription' %}",
        "{% include 'guides/_aside.html' %}",
    ]


@pytest.mark.parametrize("app", APPS)
def test_an_apps_templates_reach_no_later_app(app):
    folder = ROOT / "templates" / app
    found = {
        str(path.relative_to(folder)): later_references(app, path.read_text())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    assert {name: refs for name, refs in found.items() if refs} == {}


def _reverse_names(app: str) -> set[str]:
    """The reverse accessors (and query names) that later apps' relations add to `app`'s models."""
    later = APPS[APPS.index(app) + 1 :]
    names = set()
    for model in django_apps.get_models():
        if model._meta.app_label not in later:
            continue
        for field in model._meta.get_fields():
            target = field.related_model if field.is_relation and field.concrete else None
            if target is None or target._meta.app_label not in APPS[: APPS.index(app) + 1]:
                continue
            if not field.remote_field.hidden:
                names |= {field.remote_field.get_accessor_name(), field.related_query_name()}
    return names


@pytest.mark.parametrize("app", APPS[1:-1])  # core and reunions: no later app relates to them
def test_an_apps_code_follows_no_relation_into_a_later_app(app):
    names = _reverse_names(app)
    assert names  # what to look for
    either = "|".join(sorted(names))
    pattern = re.compile(rf"\.({either})\b|\b({either})__")
    found = {
        str(path.relative_to(ROOT)): [m.group(0) for m in pattern.finditer(path.read_text())]
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    }
    assert {name: refs for name, refs in found.items() if refs} == {}
