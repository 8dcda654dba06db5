"""Every role on every page of the guides: readers see published versions only, authors their
drafts, coordinators everything."""

import pytest
from django.urls import reverse

from ambassadeurs.permissions import Action, can
from guides import services

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("role", ROLES)
def test_only_authors_and_coordinators_edit_a_guide(members, draft, role):
    # `ambassador` wrote the draft; `other_ambassador` did not.
    assert can(members[role], Action.EDIT_GUIDE, draft) is (
        role in {"ambassador", "coordinator", "admin"}
    )


# A draft never published: it exists for its authors and the coordinators only.
DRAFT_PAGES = {
    "guides:detail": {"ambassador": 302, "coordinator": 302, "admin": 302},
    "guides:draft": {"ambassador": 200, "coordinator": 200, "admin": 200},
    "guides:edit": {"ambassador": 200, "coordinator": 200, "admin": 200},
    "guides:pdf": {},
    "guides:compare": {},
}


@pytest.mark.parametrize("name", list(DRAFT_PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_draft_is_private(client, members, draft, role, name):
    response = _get(client, members[role], reverse(name, args=[draft.slug]))
    assert response.status_code == DRAFT_PAGES[name].get(role, 404)


# Once published: everyone reads it; only its editors open the working copy.
PUBLISHED_PAGES = {
    "guides:detail": dict.fromkeys(ROLES, 200),
    "guides:draft": {"reader": 403, "other_ambassador": 403},
    "guides:edit": {"reader": 403, "other_ambassador": 403},
    "guides:compare": dict.fromkeys(ROLES, 200),
}


@pytest.mark.parametrize("name", list(PUBLISHED_PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_a_published_guide_is_read_by_all(client, members, published, role, name):
    response = _get(client, members[role], reverse(name, args=[published.slug]))
    assert response.status_code == PUBLISHED_PAGES[name].get(role, 200)


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_drafts_to_their_authors_only(client, members, draft, theme, role):
    other = services.guide_create(
        by=members["coordinator"], title="Éco-gestes au bureau", summary="…", theme=theme
    )
    page = _get(client, members[role], reverse("guides:list")).content.decode()
    assert (draft.title in page) is (role in {"ambassador", "coordinator", "admin"})
    assert (other.title in page) is (role in {"coordinator", "admin"})


@pytest.mark.parametrize("role", ROLES)
def test_writing_a_guide_is_for_ambassadors_and_coordinators(client, members, theme, role):
    response = _get(client, members[role], reverse("guides:create"))
    assert response.status_code == (403 if role == "reader" else 200)


@pytest.mark.parametrize("role", ROLES)
def test_only_coordinators_publish_and_send_back(client, members, draft, role):
    services.submit(by=members["ambassador"], guide=draft)
    client.force_login(members[role])
    send_back = client.post(
        reverse("guides:send_back", args=[draft.slug]), {"comment": "Ajoutez un glossaire."}
    )
    publish = client.post(reverse("guides:publish", args=[draft.slug]), {"note": ""})
    coordinator = role in {"coordinator", "admin"}
    assert send_back.status_code == (302 if coordinator else 403)
    assert publish.status_code == (302 if coordinator else 403)
    draft.refresh_from_db()
    assert (draft.current_version is None) is not coordinator


@pytest.mark.parametrize("role", ROLES)
def test_an_archived_guide_leaves_the_readers(client, members, published, coordinator, role):
    services.archive(by=coordinator, guide=published)
    detail = _get(client, members[role], published.get_absolute_url())
    version = client.get(reverse("guides:version", args=[published.slug, 1]))
    expected = 200 if role in {"ambassador", "coordinator", "admin"} else 404
    assert detail.status_code == expected
    assert version.status_code == expected
    listed = published.title in client.get(reverse("guides:list")).content.decode()
    assert listed is (role in {"ambassador", "coordinator", "admin"})


def _png():
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "#f2b84b").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_write_into_a_published_guide(client, members, published, role):
    """Submit, tools, pictures, a new render: the authors and the coordinators; others 403."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from guides.models import Version

    editor = role in {"ambassador", "coordinator", "admin"}
    slug = published.slug
    services.draft_save(
        by=members["ambassador"], guide=published, revision=published.revision, title="V2"
    )
    Version.objects.filter(guide=published).update(pdf_state=Version.PDF.FAILED)
    client.force_login(members[role])
    answers = [
        client.post(reverse("guides:submit", args=[slug])),
        client.post(
            reverse("guides:tool_add", args=[slug]),
            {
                "tool-file": SimpleUploadedFile("liste.txt", b"Liste de controle\n"),
                "tool-title": "Liste",
            },
        ),
        client.post(
            reverse("guides:picture_add", args=[slug]),
            {"image": SimpleUploadedFile("a.png", _png())},
        ),
        client.post(reverse("guides:pdf_retry", args=[slug, 1]), {}),
    ]
    assert [a.status_code for a in answers] == ([302, 302, 200, 302] if editor else [403] * 4)
    published.refresh_from_db()
    assert published.tools.exists() is editor
    tool = published.tools.first()
    if tool:
        client.force_login(members["other_ambassador"])
        delete = client.post(reverse("guides:tool_delete", args=[slug, tool.pk]))
        assert delete.status_code == 403
