"""The main navigation marks the link of the section the page belongs to, and only that one."""

import re

import pytest
from django.urls import reverse

from solimut_rse.context_processors import section_of


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/", "home"),
        ("/annuaire/", "directory"),
        ("/annuaire/?q=elodie", "directory"),
        ("/plan/", "plan"),
        ("/plan/actions/3/", "plan"),
        ("/plan/indicateurs/", "plan"),
        ("/rapports/", "plan"),
        ("/plan/ma-mutuelle/", "my_mutuelle"),
        ("/initiatives/velo/", "initiatives"),
        ("/guides/achats-responsables/", "guides"),
        ("/agenda/relais/guide/achats-responsables/", "guides"),
        ("/newsletter/", "newsletter"),
        ("/agenda/relais/lettre/3/", "newsletter"),
        ("/groupes/achats/", "groups"),
        ("/agenda/groupes/achats/fichiers/", "groups"),
        ("/agenda/", "agenda"),
        ("/agenda/reunions/4/", "agenda"),
        ("/profil/", ""),
        ("/search/", ""),
    ],
)
def test_each_page_belongs_to_one_section(path, section):
    assert section_of(path.split("?")[0]) == section


def _current(page: str) -> list[str]:
    nav = page.split('id="site-nav"')[1].split("</nav>")[0]
    return re.findall(r'aria-current="page">([^<]+)<', nav)


def test_the_page_marks_its_section_link_only(client, ambassador, db):
    client.force_login(ambassador)
    assert _current(client.get(reverse("ambassadeurs:directory")).text) == ["Annuaire"]
    assert _current(client.get(reverse("actionplan:my_mutuelle")).text) == ["Ma mutuelle"]
    assert _current(client.get(reverse("search") + "?q=velo").text) == []
