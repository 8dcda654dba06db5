"""Members' personal data (GDPR): every relation to a member is covered by the export and the
erasure; a member downloads everything held about them; the coordination erases a departed
member, keeping or removing what they wrote; the erasure is recorded without personal data."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import reverse

from actionplan.models import FieldFeedback
from ambassadeurs.models import Erasure, Invitation, Role, User
from ambassadeurs.services import member_export
from core import personal_data
from core.models import SearchEntry
from guides.models import Version
from initiatives.models import Comment, Image, Initiative
from newsletter.models import Delivery, Subscriber

from .factories import (
    CommentFactory,
    DeliveryFactory,
    FieldFeedbackFactory,
    GuideFactory,
    InitiativeFactory,
    WorkingGroupFactory,
)


def _relations_to_members() -> set[tuple[type, str]]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return {
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and not field.auto_created and field.related_model is user_model
    }


def test_every_relation_to_a_member_is_covered_by_the_export_and_the_erasure():
    """A new model pointing at members must say what its export and its erasure do."""
    missing = {
        f"{model._meta.label}.{name}"
        for model, name in _relations_to_members() - personal_data.covered()
    }
    assert missing == set()


@pytest.fixture
def departed(ambassador, mutuelle, db):
    """An ambassador with something in every part of the intranet."""
    ambassador.job_title, ambassador.phone = "Chargée RSE", "02 99 00 00 00"
    ambassador.photo.save("gaelle.jpg", ContentFile(b"\xff\xd8\xff photo"), save=True)
    EmailAddress.objects.get_or_create(user=ambassador, email=ambassador.email)
    Invitation.objects.create(email=ambassador.email, role=Role.AMBASSADOR, user=ambassador)
    WorkingGroupFactory(name="Sobriété numérique", lead=ambassador).members.add(ambassador)
    initiative = InitiativeFactory(mutuelle=mutuelle, author=ambassador, title="Défi vélo")
    image = Image(initiative=initiative, alt="Le départ du défi")
    image.image.save("velo.jpg", ContentFile(b"\xff\xd8\xff velo"), save=False)
    image.thumbnail.save("velo-vignette.jpg", ContentFile(b"\xff\xd8\xff v"), save=False)
    image.save()
    CommentFactory(author=ambassador, text="Merci pour ce retour !")
    FieldFeedbackFactory(author=ambassador, mutuelle=mutuelle, text="Les agences suivent.")
    guide = GuideFactory(authors=[ambassador], published=True)
    Version.objects.filter(guide=guide).update(
        authors_names=f"{ambassador.get_full_name()} (Armor)"
    )
    subscriber = Subscriber.objects.get(user=ambassador)
    DeliveryFactory(subscriber=subscriber, email=subscriber.email)
    return ambassador


def _zip(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_a_member_downloads_everything_held_about_them(client, departed):
    client.force_login(departed)
    archive = _zip(client.get(reverse("ambassadeurs:my_data")))
    names = set(archive.namelist())
    assert "LISEZMOI.txt" in names
    profile = json.loads(archive.read("compte/profil.json"))
    assert profile[0]["email"] == departed.email
    assert profile[0]["phone"] == "02 99 00 00 00"
    assert json.loads(archive.read("initiatives/initiatives.json"))[0]["title"] == "Défi vélo"
    assert json.loads(archive.read("initiatives/commentaires.json"))[0]["text"] == (
        "Merci pour ce retour !"
    )
    assert json.loads(archive.read("actionplan/retours_du_terrain.json"))[0]["text"] == (
        "Les agences suivent."
    )
    assert json.loads(archive.read("newsletter/abonnement.json"))[0]["email"] == departed.email
    assert len(json.loads(archive.read("newsletter/lettres_reçues.json"))) == 1
    assert json.loads(archive.read("compte/groupes_de_travail.json"))[0]["name"] == (
        "Sobriété numérique"
    )
    # Their files: the photo and their initiative's picture.
    photo = next(name for name in names if name.startswith("fichiers/photo/"))
    assert archive.read(photo) == b"\xff\xd8\xff photo"
    assert any(name.startswith("fichiers/initiatives/") for name in names)


def test_the_export_holds_nothing_of_other_members(client, departed, reader):
    client.force_login(reader)
    archive = _zip(client.get(reverse("ambassadeurs:my_data")))
    text = " ".join(archive.read(name).decode(errors="ignore") for name in archive.namelist())
    assert departed.email not in text
    assert "Défi vélo" not in text


def test_an_export_asked_twice_at_once_is_refused_with_a_french_message(client, departed):
    client.force_login(departed)
    cache.add(f"personal-data-export:{departed.pk}", 1)  # the first one, still being made
    response = client.get(reverse("ambassadeurs:my_data"), follow=True)
    assert "Un export de vos données est déjà en cours" in response.text
    cache.delete(f"personal-data-export:{departed.pk}")
    # Once the first is done, the next one is made.
    assert zipfile.ZipFile(io.BytesIO(member_export(member=departed))).namelist()


def _erase(client, member, content="kept", confirm="on"):
    return client.post(
        reverse("ambassadeurs:member_erase", args=[member.pk]),
        {"content": content, "confirm": confirm},
    )


@pytest.mark.django_db(transaction=True)
def test_erasing_keeps_what_they_wrote_under_ancien_membre(client, coordinator, departed):
    photo = Path(departed.photo.path)
    email, first_name = departed.email, departed.first_name
    assert SearchEntry.objects.filter(title__contains=first_name).exists()
    client.force_login(coordinator)
    page = client.get(reverse("ambassadeurs:member_erase", args=[departed.pk]))
    assert "initiatives : 1" in page.text
    response = _erase(client, departed)
    assert response.status_code == 302

    departed.refresh_from_db()
    assert str(departed) == "Ancien membre"
    assert (departed.first_name, departed.last_name, departed.phone, departed.job_title) == (
        ("",) * 4
    )
    assert email not in departed.email
    assert not departed.is_active and not departed.has_usable_password()
    assert not photo.exists()
    # Everything personal, gone everywhere.
    assert not EmailAddress.objects.filter(email__iexact=email).exists()
    assert not Invitation.objects.filter(email__iexact=email).exists()
    assert not Subscriber.objects.filter(email__iexact=email).exists()
    assert not Delivery.objects.filter(email__iexact=email).exists()
    assert Delivery.objects.count() == 1  # the report keeps its count
    assert not UserSession.objects.filter(user=departed).exists()
    assert not departed.working_groups.exists()
    assert not departed.led_working_groups.exists()
    version = Version.objects.get(guide__authors=departed)
    assert version.authors_names == "Ancien membre (Armor)"
    # What they wrote stays, signed "Ancien membre".
    initiative = Initiative.objects.get(title="Défi vélo")
    assert str(initiative.author) == "Ancien membre"
    assert Comment.objects.filter(author=departed).count() == 1
    assert FieldFeedback.objects.filter(author=departed).count() == 1
    detail = client.get(initiative.get_absolute_url()).text
    assert "Ancien membre" in detail
    # The erasure is on record, without anything personal.
    erasure = Erasure.objects.get()
    assert (erasure.erased_by, erasure.content) == (coordinator, Erasure.Content.KEPT)
    assert email not in str(erasure.__dict__)
    # The search forgot their name and address too.
    assert not SearchEntry.objects.filter(title__contains=first_name).exists()
    assert not SearchEntry.objects.filter(body__contains=email).exists()
    # Their address is nowhere, and the directory forgot them.
    assert not User.objects.filter(email__iexact=email).exists()
    assert "Ancien membre" not in client.get(reverse("ambassadeurs:directory")).text


@pytest.mark.django_db(transaction=True)
def test_erasing_can_remove_what_they_wrote(client, coordinator, departed):
    picture = Path(Image.objects.get().image.path)
    client.force_login(coordinator)
    assert _erase(client, departed, content="removed").status_code == 302
    assert not Initiative.objects.filter(title="Défi vélo").exists()
    assert not picture.exists()
    assert not Comment.objects.filter(author=departed).exists()
    assert not FieldFeedback.objects.filter(author=departed).exists()
    # A published guide is the group's: it stays.
    assert Version.objects.filter(guide__authors=departed).exists()
    assert Erasure.objects.get().content == Erasure.Content.REMOVED


def test_erasing_needs_a_confirmation(client, coordinator, departed):
    client.force_login(coordinator)
    response = _erase(client, departed, confirm="")
    assert response.status_code == 400
    assert "Cochez la case pour confirmer" in response.text
    departed.refresh_from_db()
    assert departed.erased_at is None and departed.first_name


@pytest.mark.parametrize("role", ["reader", "ambassador", "other_ambassador"])
def test_only_the_coordination_erases(client, members, departed, role):
    if members[role].pk == departed.pk:
        departed = members["reader"]
    client.force_login(members[role])
    assert _erase(client, departed).status_code == 403
    departed.refresh_from_db()
    assert departed.erased_at is None


def test_the_last_coordinator_cannot_erase_themselves(client, coordinator):
    client.force_login(coordinator)
    response = _erase(client, coordinator)
    assert response.status_code == 400
    assert "Vous ne pouvez pas effacer votre propre compte." in response.text
    coordinator.refresh_from_db()
    assert coordinator.erased_at is None and coordinator.is_active


def test_a_member_erased_once_cannot_be_erased_again(client, coordinator, departed):
    client.force_login(coordinator)
    _erase(client, departed)
    assert _erase(client, departed).status_code == 404


def test_the_admin_does_not_delete_members(client, admin_user, reader):
    """Deleting the row would leave the photo, invitation and subscriber behind: erase instead."""
    client.force_login(admin_user)
    url = reverse("admin:ambassadeurs_user_delete", args=[reader.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=reader.pk).exists()
