"""Every member sees each mutuelle and its ambassadors: "un représentant de chaque mutuelle"."""

import pytest
from django.urls import reverse

from ambassadeurs.models import Role
from tests.factories import MutuelleFactory, UserFactory

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_every_member_sees_a_mutuelle_and_its_ambassadors(client, members, mutuelle, role):
    client.force_login(members[role])
    response = client.get(reverse("mutuelles:detail", args=[mutuelle.slug]))
    assert response.status_code == 200
    assert mutuelle.name in response.text
    assert str(members["ambassador"]) in response.text
    assert members["ambassador"].email in response.text
    assert str(members["other_ambassador"]) not in response.text  # of another mutuelle


@pytest.mark.parametrize("role", ROLES)
def test_every_member_sees_the_list_of_mutuelles(client, members, mutuelle, other_mutuelle, role):
    client.force_login(members[role])
    page = client.get(reverse("mutuelles:list")).text
    assert mutuelle.name in page and other_mutuelle.name in page


def test_a_mutuelle_without_ambassador_says_so(client, reader):
    lonely = MutuelleFactory(name="Mutuelle Sans Relais")
    client.force_login(reader)
    page = client.get(reverse("mutuelles:detail", args=[lonely.slug])).text
    assert "pas encore d" in page  # "n'a pas encore d'ambassadeur"


def test_deactivated_ambassadors_and_inactive_mutuelles_are_not_shown(
    client, reader, ambassador, other_mutuelle
):
    ambassador.is_active = False
    ambassador.save()
    other_mutuelle.is_active = False
    other_mutuelle.save()
    client.force_login(reader)
    detail = client.get(reverse("mutuelles:detail", args=[reader.mutuelle.slug])).text
    assert ambassador.email not in detail
    assert other_mutuelle.name not in client.get(reverse("mutuelles:list")).text
    assert client.get(reverse("mutuelles:detail", args=[other_mutuelle.slug])).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_list_and_detail_query_counts_do_not_grow(
    client, reader, django_assert_max_num_queries, count
):
    for mutuelle in MutuelleFactory.create_batch(count):
        UserFactory.create_batch(2, mutuelle=mutuelle, role=Role.AMBASSADOR)
    client.force_login(reader)
    with django_assert_max_num_queries(7):
        client.get(reverse("mutuelles:list"))
    with django_assert_max_num_queries(7):
        client.get(reverse("mutuelles:detail", args=[mutuelle.slug]))
