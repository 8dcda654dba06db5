"""Rich text is sanitised on its way into the database (core.fields.RichTextField), whatever
writes it: the forms, the services, the demo data and the admin alike."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.utils import timezone

from ambassadeurs.models import Role
from core.fields import RichTextField, sanitize_stored
from core.richtext import sanitize
from guides.models import Guide, Version
from initiatives.models import Initiative
from newsletter.models import Block, Edition
from reunions.models import Meeting, RelayLocalPart
from tests.factories import ThemeFactory, UserFactory, admin_post

from ..initiatives.test_sanitizer import DANGEROUS, VECTORS

ATTACK = (
    "<p>Le récit</p><script>alert(1)</script><img src=x onerror=alert(1)>"
    '<a href="javascript:alert(1)">clic</a>'
)


def _assert_clean(html: str) -> None:
    lowered = html.lower()
    assert "Le récit" in html
    for fragment in DANGEROUS:
        assert fragment not in lowered, fragment


def _rich_fields():
    return [
        (model, field.name)
        for model in apps.get_models()
        # A history row (core.history) copies its object's text, sanitised when it was saved.
        if not hasattr(model, "instance_type")
        for field in model._meta.get_fields()
        if isinstance(field, RichTextField)
    ]


def test_every_rich_text_of_the_project_is_a_rich_text_field():
    assert {(model.__name__, name) for model, name in _rich_fields()} == {
        ("Initiative", "body"),
        ("Guide", "body"),
        ("Version", "body"),
        ("Edition", "editorial"),
        ("Block", "body"),
        ("Meeting", "minutes"),
        ("RelayLocalPart", "text"),
    }


def _instance(model, mutuelle, ambassador):
    theme = ThemeFactory()
    if model is Meeting:
        start = timezone.now()
        return Meeting(
            title="Réunion", starts_at=start, ends_at=start + datetime.timedelta(hours=1)
        )
    if model is Initiative:
        return Initiative(mutuelle=mutuelle, title="Titre", summary="Résumé")
    guide = Guide.objects.create(title="Guide", slug="guide", summary="Résumé", theme=theme)
    if model is Guide:
        return guide
    if model is Version:
        return Version(guide=guide, number=1, title="Guide", summary="Résumé", theme_name="T")
    edition = Edition.objects.create(
        number=1,
        title="Lettre",
        period_start=datetime.date(2026, 10, 1),
        period_end=datetime.date(2026, 10, 31),
    )
    if model is Edition:
        return edition
    if model is RelayLocalPart:
        return RelayLocalPart(edition=edition, mutuelle=mutuelle)
    return Block(edition=edition, kind=Block.Kind.TEXT, title="Bloc")


@pytest.mark.parametrize(
    ("model", "name"),
    [pytest.param(m, n, id=f"{m.__name__}.{n}") for m, n in _rich_fields()],
)
def test_a_plain_save_stores_clean_html(model, name, mutuelle, ambassador):
    instance = _instance(model, mutuelle, ambassador)
    setattr(instance, name, ATTACK)

    instance.save()

    instance.refresh_from_db()
    _assert_clean(getattr(instance, name))


def test_a_coordinator_saving_through_the_admin_stores_clean_html(client, mutuelle, ambassador):
    coordinator = UserFactory(role=Role.COORDINATOR, mutuelle=None, is_staff=True, totp=True)
    coordinator.user_permissions.set(
        Permission.objects.filter(codename__in=["view_initiative", "change_initiative"])
    )
    initiative = Initiative.objects.create(
        mutuelle=mutuelle, author=ambassador, title="Titre", summary="Résumé"
    )
    theme = ThemeFactory()
    initiative.themes.set([theme])
    client.force_login(coordinator)
    response = admin_post(client, initiative, body=ATTACK)

    assert response.status_code == 302, response.context["adminform"].form.errors
    initiative.refresh_from_db()
    _assert_clean(initiative.body)


def test_sanitising_twice_changes_nothing():
    """Text saved again (a version copied from its draft, a row saved twice) stays as it was:
    no double escaping."""
    for html in [*VECTORS, "a &amp; b", "<div>a &amp; b</div>", "1 < 2", "Ligne\n\nAutre"]:
        once = sanitize(html)
        assert sanitize(once) == once, html


def test_rows_stored_before_the_field_sanitised_them_are_sanitised_by_the_migration(mutuelle):
    initiative = Initiative.objects.create(mutuelle=mutuelle, title="Titre", summary="Résumé")
    Initiative.objects.filter(pk=initiative.pk).update(body=ATTACK)  # as the admin stored it

    sanitize_stored("initiatives", "Initiative", "body").code(apps, None)

    initiative.refresh_from_db()
    _assert_clean(initiative.body)
