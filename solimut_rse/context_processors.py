"""The main navigation's link of the page being shown (`nav_section`), found here once rather
than by each link comparing the start of the address in the template."""

import functools

from django.urls import get_script_prefix, reverse

# (section, URL name, the part of the address after it): the pages below an address belong to
# its section, the longest address that starts the page's wins (a group's files, under the
# agenda's address, belong to the working groups; a relay kit to the letter or the guides).
SECTIONS = (
    ("mutuelles", "mutuelles:list", ""),
    ("directory", "ambassadeurs:directory", ""),
    ("plan", "actionplan:plan", ""),
    ("plan", "rapports:list", ""),
    ("my_mutuelle", "actionplan:my_mutuelle", ""),
    ("initiatives", "initiatives:list", ""),
    ("guides", "guides:list", ""),
    ("guides", "reunions:agenda", "relais/guide/"),
    ("newsletter", "newsletter:archive", ""),
    ("newsletter", "reunions:agenda", "relais/lettre/"),
    ("groups", "ambassadeurs:working_groups", ""),
    ("groups", "reunions:agenda", "groupes/"),
    ("agenda", "reunions:agenda", ""),
    ("invitations", "ambassadeurs:invitations", ""),
)


@functools.cache
def _prefixes(script_prefix: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    addresses = ((reverse(name) + rest, section) for section, name, rest in SECTIONS)
    return reverse("home"), tuple(sorted(addresses, key=lambda pair: -len(pair[0])))


def section_of(path: str) -> str:
    """The navigation's section of the page at `path` ("" when none of them)."""
    home, prefixes = _prefixes(get_script_prefix())
    if path == home:
        return "home"
    return next((section for prefix, section in prefixes if path.startswith(prefix)), "")


def navigation_section(request) -> dict[str, str]:
    return {"nav_section": section_of(request.path)}
