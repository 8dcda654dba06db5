"""Every role on every page of the members app."""

import io

import pytest
from django.urls import reverse
from PIL import Image

from ambassadeurs.models import Invitation, Role

from ..factories import UserFactory, WorkingGroupFactory

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]
COORDINATORS = {"coordinator", "admin"}


@pytest.fixture
def group(ambassador, other_ambassador):
    group = WorkingGroupFactory(name="Achats responsables", slug="achats", lead=ambassador)
    group.members.set([ambassador, other_ambassador])
    return group


# --- Directory -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_member_reads_the_directory(client, members, role):
    client.force_login(members[role])
    response = client.get(reverse("ambassadeurs:directory"))
    assert response.status_code == 200
    for member in members.values():
        assert member.email in response.text or str(member) in response.text


def test_directory_filters_by_mutuelle_role_and_group(client, members, group, mutuelle):
    client.force_login(members["reader"])
    url = reverse("ambassadeurs:directory")

    by_mutuelle = client.get(url, {"mutuelle": mutuelle.slug}).text
    assert str(members["ambassador"]) in by_mutuelle
    assert str(members["other_ambassador"]) not in by_mutuelle

    by_role = client.get(url, {"role": Role.COORDINATOR}).text
    assert str(members["coordinator"]) in by_role
    assert str(members["reader"]) not in by_role

    by_group = client.get(url, {"groupe": group.slug}).text
    assert str(members["other_ambassador"]) in by_group
    assert str(members["coordinator"]) not in by_group


def test_directory_search_finds_by_name_words(client, reader):
    UserFactory(first_name="Gaëlle", last_name="Le Goff", mutuelle=reader.mutuelle)
    client.force_login(reader)
    response = client.get(reverse("ambassadeurs:directory"), {"q": "gaëlle goff"})
    assert "Gaëlle Le Goff" in response.text
    assert "1 membre trouvé" in response.text


def test_directory_hides_deactivated_members(client, reader, ambassador):
    ambassador.is_active = False
    ambassador.save()
    client.force_login(reader)
    assert str(ambassador) not in client.get(reverse("ambassadeurs:directory")).text


def test_directory_htmx_request_gets_only_the_results(client, reader):
    client.force_login(reader)
    response = client.get(reverse("ambassadeurs:directory"), headers={"HX-Request": "true"})
    assert "membre" in response.text
    assert "<html" not in response.text


@pytest.mark.parametrize("count", [5, 60])
def test_directory_query_count_does_not_grow(client, reader, django_assert_max_num_queries, count):
    UserFactory.create_batch(count, mutuelle=reader.mutuelle)
    client.force_login(reader)
    with django_assert_max_num_queries(8):
        client.get(reverse("ambassadeurs:directory"))


# --- Member page and access ------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_member_page_shows_access_form_only_to_coordinators(client, members, role):
    client.force_login(members[role])
    response = client.get(reverse("ambassadeurs:member", args=[members["ambassador"].pk]))
    assert response.status_code == 200
    assert members["ambassador"].email in response.text
    assert ("Rôle et accès" in response.text) is (role in COORDINATORS)


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_change_roles_and_deactivate(client, members, role):
    target = members["reader"]
    client.force_login(members[role])
    response = client.post(
        reverse("ambassadeurs:member_access", args=[target.pk]),
        {"role": Role.AMBASSADOR, "mutuelle": target.mutuelle_id, "is_active": ""},
    )
    target.refresh_from_db()
    if role in COORDINATORS:
        assert response.status_code == 302
        assert (target.role, target.is_active) == (Role.AMBASSADOR, False)
    else:
        assert response.status_code == 403
        assert (target.role, target.is_active) == (Role.READER, True)


def test_coordinator_cannot_deactivate_themselves(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:member_access", args=[coordinator.pk]),
        {"role": Role.COORDINATOR, "mutuelle": "", "is_active": ""},
    )
    assert response.status_code == 400
    assert "propre compte" in response.text
    coordinator.refresh_from_db()
    assert coordinator.is_active


def test_deactivated_member_page_is_hidden_from_members(client, reader, ambassador, coordinator):
    ambassador.is_active = False
    ambassador.save()
    url = reverse("ambassadeurs:member", args=[ambassador.pk])
    client.force_login(reader)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    assert "Compte désactivé" in client.get(url).text


# --- Profile ---------------------------------------------------------------------------------


def _jpeg(size=(900, 600)) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b5c73").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = "portrait.jpg"
    return buffer


@pytest.mark.parametrize("role", ROLES)
def test_every_member_edits_their_own_profile_with_a_photo(client, members, role):
    user = members[role]
    client.force_login(user)
    response = client.post(
        reverse("ambassadeurs:profile"),
        {
            "first_name": "Anne",
            "last_name": "Durand",
            "job_title": "Juriste",
            "phone": "",
            "photo": _jpeg(),
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.job_title) == ("Anne", "Juriste")
    with Image.open(user.photo.path) as photo:
        assert photo.size == (320, 320)
    # The photo appears in the directory.
    assert user.photo.url in client.get(reverse("ambassadeurs:directory")).text


def test_profile_rejects_a_file_that_is_not_an_image_and_keeps_the_input(client, reader):
    client.force_login(reader)
    fake = io.BytesIO(b"<script>alert(1)</script>")
    fake.name = "photo.jpg"
    response = client.post(
        reverse("ambassadeurs:profile"),
        {"first_name": "Paul", "last_name": "Neuf", "job_title": "Comptable", "photo": fake},
    )
    assert response.status_code == 400
    assert "image" in response.text.lower()
    assert 'value="Comptable"' in response.text
    reader.refresh_from_db()
    assert reader.job_title != "Comptable"


def test_profile_cannot_change_role_or_mutuelle(client, reader, other_mutuelle):
    client.force_login(reader)
    client.post(
        reverse("ambassadeurs:profile"),
        {
            "first_name": "A",
            "last_name": "B",
            "role": Role.COORDINATOR,
            "mutuelle": other_mutuelle.pk,
        },
    )
    reader.refresh_from_db()
    assert reader.role == Role.READER
    assert reader.mutuelle != other_mutuelle


# --- Working groups --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_member_reads_working_groups(client, members, group, role):
    client.force_login(members[role])
    listing = client.get(reverse("ambassadeurs:working_groups"))
    assert "Achats responsables" in listing.text
    detail = client.get(group.get_absolute_url())
    assert str(members["ambassador"]) in detail.text
    assert "Pilote" in detail.text


@pytest.mark.parametrize("role", ROLES)
def test_every_member_joins_and_leaves_a_group(client, members, group, role):
    user = members[role]
    client.force_login(user)
    url = reverse("ambassadeurs:working_group_membership", args=[group.slug])
    client.post(url, {"action": "join"})
    assert group.members.filter(pk=user.pk).exists()
    client.post(url, {"action": "leave"})
    assert not group.members.filter(pk=user.pk).exists()


def test_membership_refuses_get(client, reader, group):
    client.force_login(reader)
    url = reverse("ambassadeurs:working_group_membership", args=[group.slug])
    assert client.get(url).status_code == 405


# --- Invitations page ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_open_and_use_the_invitation_page(client, members, mutuelle, role):
    client.force_login(members[role])
    url = reverse("ambassadeurs:invitations")
    assert client.get(url).status_code == (200 if role in COORDINATORS else 403)
    response = client.post(
        url, {"email": "nouvelle@armor.example", "role": Role.READER, "mutuelle": mutuelle.pk}
    )
    assert response.status_code == (302 if role in COORDINATORS else 403)
    assert Invitation.objects.filter(email="nouvelle@armor.example").exists() is (
        role in COORDINATORS
    )


def test_forbidden_page_is_french(client, reader):
    client.force_login(reader)
    response = client.get(reverse("ambassadeurs:invitations"))
    assert response.status_code == 403
    assert "Accès refusé" in response.text


def test_a_coordinator_cannot_demote_an_administrator(client, coordinator, admin_user):
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:member_access", args=[admin_user.pk]),
        {"role": Role.READER, "mutuelle": "", "is_active": ""},
    )
    assert response.status_code == 400
    admin_user.refresh_from_db()
    assert admin_user.is_active and admin_user.role == Role.COORDINATOR
