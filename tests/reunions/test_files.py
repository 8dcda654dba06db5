"""Files of a working group: added by its members, with versions, read by the group and the
coordination only (pages, downloads, /media/), deleted by who added it, the lead or the
coordination; what is refused leaves nothing behind, not even a stored file."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from openpyxl import Workbook

from ambassadeurs.models import User
from core import search
from reunions import services
from reunions.models import FileVersion, GroupFile
from tests.factories import UserFactory, WorkingGroupFactory

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def pdf(name="ordre-du-jour.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def xlsx(name="budget.xlsx"):
    book = Workbook()
    book.active.append(["Poste", "Montant"])
    book.active.append(["Salle", 120])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "reunions"
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def url(name, document, *more):
    return reverse(f"reunions:{name}", args=[document.group.slug, document.pk, *more])


@pytest.fixture
def document(group, ambassador, meeting) -> GroupFile:
    """The group's agenda for next week's meeting, added by its lead."""
    return services.group_file_add(
        by=ambassador, group=group, upload=pdf(), title="Ordre du jour", meeting=meeting
    )


# --- Adding, listing, versions ------------------------------------------------------------------


def test_a_member_adds_a_file_for_a_meeting_and_the_group_finds_it_everywhere(
    client, reader, group, meeting
):
    client.force_login(reader)
    response = client.post(
        reverse("reunions:group_files", args=[group.slug]),
        {"file": xlsx(), "title": "Budget de l'atelier", "meeting": meeting.pk},
    )
    document = GroupFile.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert document.added_by == reader and document.meeting == meeting
    assert document.current.kind == "xlsx" and document.current.number == 1

    group_page = client.get(group.get_absolute_url()).text
    assert "Fichiers du groupe" in group_page and "Budget de l&#x27;atelier" in group_page
    assert "XLSX" in group_page and "\xa0Kio" in group_page  # the size, in French
    assert "Budget de l&#x27;atelier" in client.get(meeting.get_absolute_url()).text
    page = client.get(document.get_absolute_url()).text
    assert "Ajouté par" in page and str(reader) in page and "Version 1" in page


def test_the_title_defaults_to_the_file_name(group, ambassador):
    document = services.group_file_add(by=ambassador, group=group, upload=pdf("Bilan-2026.pdf"))
    assert document.title == "Bilan-2026"


def test_the_lists_show_the_last_changed_first(group, ambassador, document):
    other = services.group_file_add(by=ambassador, group=group, upload=xlsx())
    assert [f.title for f in GroupFile.objects.filter(group=group)] == [other.title, document.title]
    services.group_file_version_add(by=ambassador, document=document, upload=pdf())
    assert GroupFile.objects.filter(group=group).first() == document


def test_a_new_version_becomes_current_and_the_old_ones_stay_downloadable(
    client, reader, ambassador, document
):
    client.force_login(reader)
    v2 = PDF.replace(b"trailer", b"% deuxieme\ntrailer")
    response = client.post(url("group_file_version", document), {"version-file": pdf(content=v2)})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.current.number == 2 and document.current.added_by == reader
    current = client.get(url("group_file_download", document))
    assert b"".join(current.streaming_content) == v2
    assert "attachment" in current["Content-Disposition"]
    assert current["Content-Security-Policy"].startswith("sandbox")
    first = client.get(url("group_file_version_download", document, 1))
    assert b"".join(first.streaming_content) == PDF
    page = client.get(document.get_absolute_url()).text
    assert "2 versions" in page and "Version 1" in page and "Version 2" in page
    assert str(ambassador) in page and str(reader) in page  # who gave each version
    assert client.get(url("group_file_version_download", document, 3)).status_code == 404


# --- Who may do what ----------------------------------------------------------------------------

# Armor's reader is a member, Armor's ambassador the lead, Arverne's ambassador no member.
READ = {"reader": 200, "ambassador": 200, "other_ambassador": 404, "coordinator": 200}
READ["admin"] = 200


@pytest.mark.parametrize(
    "role", ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]
)
def test_each_role_reads_the_files_of_the_groups_it_may(client, members, document, role):
    client.force_login(members[role])
    expected = READ[role]
    assert client.get(url("group_file", document)).status_code == expected
    assert client.get(url("group_file_download", document)).status_code == expected
    assert client.get(url("group_file_version_download", document, 1)).status_code == expected
    assert client.get(f"/media/{document.current.file.name}").status_code == expected
    files = client.get(reverse("reunions:group_files", args=[document.group.slug]))
    assert files.status_code == (403 if expected == 404 else 200)  # the group is public
    group_page = client.get(document.group.get_absolute_url()).text
    assert ("Ordre du jour" in group_page) == (expected == 200)
    if expected == 404:
        assert "réservés à ses membres" in group_page


def test_a_visitor_is_sent_to_sign_in(client, document):
    for name in ("group_file", "group_file_download", "group_file_delete"):
        response = client.get(url(name, document))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [("reader", 302), ("coordinator", 302), ("admin", 302), ("other_ambassador", 403)],
)
def test_members_and_the_coordination_add_files_others_are_refused(
    client, members, group, role, expected
):
    client.force_login(members[role])
    response = client.post(reverse("reunions:group_files", args=[group.slug]), {"file": pdf()})
    assert response.status_code == expected
    assert GroupFile.objects.exists() == (expected == 302)


def test_an_outsider_cannot_add_a_version(client, other_ambassador, document, settings):
    client.force_login(other_ambassador)
    response = client.post(url("group_file_version", document), {"version-file": pdf()})
    assert response.status_code == 404
    assert document.versions.count() == 1 and len(stored_files(settings)) == 1


# --- Deletion -----------------------------------------------------------------------------------


def test_who_added_a_file_deletes_it_after_confirming_and_the_history_keeps_it(
    client, reader, group, settings, django_capture_on_commit_callbacks
):
    document = services.group_file_add(by=reader, group=group, upload=pdf(), title="Brouillon")
    services.group_file_version_add(by=reader, document=document, upload=pdf())
    assert len(stored_files(settings)) == 2
    client.force_login(reader)
    confirm = client.get(url("group_file_delete", document))
    assert confirm.status_code == 200 and "Supprimer définitivement" in confirm.text
    assert GroupFile.objects.filter(pk=document.pk).exists()  # asking deletes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("group_file_delete", document))
    assert response.status_code == 302
    assert response["Location"] == reverse("reunions:group_files", args=[group.slug])
    assert not GroupFile.objects.exists() and not FileVersion.objects.exists()
    assert stored_files(settings) == []
    deleted = GroupFile.history.filter(id=document.pk, history_type="-").get()
    assert deleted.title == "Brouillon" and deleted.history_user == reader


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("ambassador", 302),  # the lead
        ("coordinator", 302),
        ("admin", 302),
        ("other_ambassador", 404),  # not in the group: the file does not exist for them
    ],
)
def test_the_lead_and_the_coordination_delete_a_members_file(
    client, members, group, reader, role, expected
):
    document = services.group_file_add(by=reader, group=group, upload=pdf())
    client.force_login(members[role])
    assert client.post(url("group_file_delete", document)).status_code == expected
    assert GroupFile.objects.exists() == (expected != 302)


def test_another_member_may_not_delete_a_file_they_did_not_add(
    client, reader, ambassador, document
):
    client.force_login(reader)  # a member, but neither the author nor the lead
    assert client.get(url("group_file_delete", document)).status_code == 403
    assert client.post(url("group_file_delete", document)).status_code == 403
    assert GroupFile.objects.filter(pk=document.pk).exists()
    assert "Supprimer" not in client.get(document.get_absolute_url()).text


# --- Bad input: a clear French message, nothing saved, nothing stored ----------------------------


def _add(client, group, **data):
    return client.post(reverse("reunions:group_files", args=[group.slug]), data)


def test_a_program_named_like_a_pdf_is_refused_by_its_content(client, reader, group, settings):
    client.force_login(reader)
    response = _add(client, group, file=pdf("ordre-du-jour.pdf", b"MZ\x90\x00\x03\x00\xff\xfe"))
    assert response.status_code == 400
    assert "Type de fichier refusé" in response.text and "vérifié sur son contenu" in response.text
    assert not GroupFile.objects.exists() and not FileVersion.objects.exists()
    assert stored_files(settings) == []


def test_a_file_too_large_is_refused_with_its_size(client, reader, group, settings, monkeypatch):
    monkeypatch.setattr(services, "FILE_MAX_BYTES", 20)
    client.force_login(reader)
    response = _add(client, group, file=pdf())
    assert response.status_code == 400
    assert "le maximum est 20\xa0octets" in response.text
    assert not GroupFile.objects.exists() and stored_files(settings) == []


def test_an_empty_file_is_refused(client, reader, group, settings):
    client.force_login(reader)
    response = _add(client, group, file=pdf(content=b""))
    assert response.status_code == 400 and "vide" in response.text
    assert not GroupFile.objects.exists() and stored_files(settings) == []
    with pytest.raises(ValidationError, match="vide"):
        services.group_file_add(by=reader, group=group, upload=pdf(content=b""))


def test_a_meeting_of_another_group_is_refused(client, reader, ambassador, group, settings):
    elsewhere = WorkingGroupFactory(name="Sobriété", slug="sobriete", lead=ambassador)
    other_meeting = services.meeting_save(
        by=ambassador,
        group=elsewhere,
        title="Autre groupe",
        starts_at=group.created_at,
        ends_at=group.created_at.replace(year=group.created_at.year + 1),
        invitees=[],
    )
    client.force_login(reader)
    response = _add(client, group, file=pdf(), meeting=other_meeting.pk)
    assert response.status_code == 400 and "Sélectionnez un choix valide" in response.text
    with pytest.raises(ValidationError, match="pas une réunion du groupe"):
        services.group_file_add(by=reader, group=group, upload=pdf(), meeting=other_meeting)
    assert not GroupFile.objects.exists() and stored_files(settings) == []


def test_a_version_of_another_groups_file_is_refused(client, ambassador, document, settings):
    """The lead of both groups sends a version of group A's file under group B's address."""
    other = WorkingGroupFactory(name="Sobriété", slug="sobriete", lead=ambassador)
    client.force_login(ambassador)
    address = reverse("reunions:group_file_version", args=[other.slug, document.pk])
    response = client.post(address, {"version-file": pdf()}, follow=True)
    assert "Ce fichier appartient à un autre groupe de travail." in response.text
    assert document.versions.count() == 1 and len(stored_files(settings)) == 1
    # Read under the wrong group's address, the file does not exist.
    wrong = reverse("reunions:group_file", args=[other.slug, document.pk])
    assert client.get(wrong).status_code == 404


def test_a_refused_version_keeps_the_current_one_and_shows_why(client, reader, document, settings):
    client.force_login(reader)
    response = client.post(
        url("group_file_version", document), {"version-file": pdf(content=b"\x00\x01")}
    )
    assert response.status_code == 400 and "Type de fichier refusé" in response.text
    document.refresh_from_db()
    assert document.current.number == 1 and len(stored_files(settings)) == 1


def test_a_failure_after_storing_leaves_no_orphan_file(reader, group, settings, monkeypatch):
    def broken(document, version):
        raise IntegrityError("la base refuse")

    monkeypatch.setattr(services, "_version_saved", broken)
    with pytest.raises(IntegrityError):
        services.group_file_add(by=reader, group=group, upload=pdf())
    assert stored_files(settings) == []
    assert not GroupFile.objects.exists()


# --- Search, personal data ----------------------------------------------------------------------


def test_titles_are_found_by_those_who_may_read_them(
    reader, other_ambassador, coordinator, document
):
    found = [hit.title for hit in search.search(reader, "ordre du jour").hits]
    assert "Ordre du jour" in found
    assert "Ordre du jour" in [hit.title for hit in search.search(coordinator, "ordre").hits]
    assert "Ordre du jour" not in [
        hit.title for hit in search.search(other_ambassador, "ordre").hits
    ]
    # Once they join the group, they find it too (the cached results are the group's).
    document.group.members.add(other_ambassador)
    assert "Ordre du jour" in [hit.title for hit in search.search(other_ambassador, "ordre").hits]


def test_the_export_holds_the_files_a_member_added(client, reader, group):
    services.group_file_add(by=reader, group=group, upload=xlsx(), title="Budget")
    client.force_login(reader)
    response = client.get(reverse("ambassadeurs:my_data"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    import json

    added = json.loads(archive.read("reunions_fichiers/fichiers_de_groupe_ajoutés.json"))
    assert added[0]["title"] == "Budget" and added[0]["group__name"] == group.name
    assert any(name.startswith("fichiers/reunions") for name in archive.namelist())


@pytest.mark.django_db(transaction=True)
def test_erasure_keeps_the_file_under_ancien_membre(client, coordinator, group, mutuelle):
    departed = UserFactory(email="depart@armor.example", mutuelle=mutuelle)
    group.members.add(departed)
    document = services.group_file_add(by=departed, group=group, upload=pdf(), title="Relevé")
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:member_erase", args=[departed.pk]),
        {"content": "kept", "confirm": "on"},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=departed.pk).erased_at is not None
    page = client.get(document.get_absolute_url()).text
    assert "Ancien membre" in page and "depart@armor.example" not in page
    assert client.get(url("group_file_download", document)).status_code == 200


# --- Demo data ----------------------------------------------------------------------------------


def test_the_demo_puts_real_files_on_the_three_groups_once(db):
    from django.core.management import call_command
    from openpyxl import load_workbook

    call_command("seed_demo")
    files = GroupFile.objects.select_related("group", "current")
    assert {f.group.slug for f in files} == {
        "achats-responsables",
        "egalite-professionnelle",
        "sante-des-salaries",
    }
    assert {f.current.kind for f in files} == {"pdf", "xlsx", "odt"}
    assert any(f.current.number == 2 for f in files) and any(f.meeting for f in files)
    agenda = next(f for f in files if f.current.kind == "pdf")
    assert agenda.current.file.open("rb").read(5) == b"%PDF-"
    table = next(f for f in files if f.current.kind == "xlsx")
    assert load_workbook(table.current.file.open("rb")).active["A1"].value == "Mutuelle"
    count = FileVersion.objects.count()
    call_command("seed_demo")
    assert FileVersion.objects.count() == count


def test_sent_by_the_progress_script_the_answer_says_where_to_go(client, reader, group):
    client.force_login(reader)
    response = client.post(
        reverse("reunions:group_files", args=[group.slug]), {"file": pdf()}, HTTP_HX_REQUEST="true"
    )
    assert response["HX-Redirect"] == GroupFile.objects.get().get_absolute_url()


def test_the_journal_shows_a_deleted_file_and_who_deleted_it(client, coordinator, document):
    client.force_login(coordinator)
    client.post(url("group_file_delete", document))
    journal = client.get(reverse("ambassadeurs:journal"), {"type": "-"}).text
    assert "Fichier de groupe" in journal and "Ordre du jour" in journal
    assert str(coordinator) in journal


def test_the_group_page_costs_the_same_queries_with_2_or_12_files(
    client, reader, ambassador, group
):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(group.get_absolute_url()).status_code == 200
        return len(queries)

    client.force_login(reader)
    for _ in range(2):
        services.group_file_add(by=ambassador, group=group, upload=pdf())
    count()  # the first visit fills the caches
    few = count()
    for _ in range(10):
        services.group_file_add(by=ambassador, group=group, upload=xlsx())
    assert count() == few
