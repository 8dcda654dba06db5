"""The record of who changed what (core.history, django-simple-history): every change of members'
access, initiatives, actions, indicators, guides, editions, subscribers and imports is on record,
from the intranet, the admin and the commands, with who, when, before and after; the
coordination reads it as a filterable list, per object, and exports it."""

import csv
import io
import runpy
import sys

import django
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from actionplan import services as plan_services
from actionplan.models import Action, Axis, Status
from ambassadeurs.models import Role, User
from core import history
from core.models import ImportRun
from guides import services as guide_services
from initiatives.models import Initiative
from newsletter.models import Subscriber

from .factories import InitiativeFactory, PlanFactory, ThemeFactory

JOURNAL = reverse("ambassadeurs:journal")


def _journal(client, **query):
    response = client.get(JOURNAL, query)
    assert response.status_code == 200
    return response.text


def _object_history(client, kind, pk):
    response = client.get(reverse("ambassadeurs:journal_object", args=[kind, pk]))
    assert response.status_code == 200
    return response.text


def test_a_change_made_in_the_intranet_shows_who_before_and_after(
    client, coordinator, ambassador, mutuelle
):
    theme = ThemeFactory()
    initiative = InitiativeFactory(mutuelle=mutuelle, author=ambassador, title="Défi vélo")
    client.force_login(ambassador)
    response = client.post(
        reverse("initiatives:edit", args=[initiative.pk]),
        {
            "title": "Défi vélo inter-agences",
            "summary": initiative.summary,
            "body": "<p>Le récit</p>",
            "themes": [theme.pk],
            "status": "ongoing",
            "transposability": "ready",
        },
    )
    assert response.status_code == 302

    client.force_login(coordinator)
    page = _object_history(client, "initiative", initiative.pk)
    assert ambassador.get_full_name() in page
    assert "<del>Défi vélo</del>" in page and "<ins>Défi vélo inter-agences</ins>" in page
    # The same change in the whole journal, linked to the initiative's page.
    page = _journal(client, kind="initiative", type="~")
    assert "Défi vélo inter-agences" in page and initiative.get_absolute_url() in page


def test_a_change_of_themes_is_on_record_with_the_themes_before_and_after(
    client, coordinator, ambassador, mutuelle
):
    mobility, health = ThemeFactory(name="Mobilité"), ThemeFactory(name="Santé")
    initiative = InitiativeFactory(mutuelle=mutuelle, author=ambassador, title="Défi vélo")
    initiative.themes.set([mobility])
    client.force_login(ambassador)
    response = client.post(
        reverse("initiatives:edit", args=[initiative.pk]),
        {
            "title": "Défi vélo",
            "summary": initiative.summary,
            "body": "<p>Le récit</p>",
            "themes": [health.pk],
            "status": "ongoing",
            "transposability": "ready",
        },
    )
    assert response.status_code == 302

    client.force_login(coordinator)
    page = _object_history(client, "initiative", initiative.pk)
    assert "<del>Mobilité</del>" in page and "<ins>Santé</ins>" in page
    assert ambassador.get_full_name() in page


def test_members_access_changed_in_the_admin_is_on_record_and_their_profile_is_not(
    client, admin_user, reader, other_mutuelle
):
    client.force_login(reader)
    client.post(
        reverse("ambassadeurs:profile"),
        {"first_name": "Camille", "last_name": "Martin", "job_title": "RSE"},
    )
    client.force_login(admin_user)
    change = reverse("admin:ambassadeurs_user_change", args=[reader.pk])
    joined = timezone.localtime(reader.date_joined)
    response = client.post(
        change,
        {
            "email": reader.email,
            "first_name": "Camille",
            "last_name": "Martin",
            "job_title": "RSE",
            "role": Role.AMBASSADOR,
            "mutuelle": other_mutuelle.pk,
            "is_active": "on",
            "date_joined_0": joined.strftime("%d/%m/%Y"),
            "date_joined_1": joined.strftime("%H:%M:%S"),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    page = _object_history(client, "membre", reader.pk)
    assert str(admin_user) in page
    assert "<del>Salarié·e</del>" in page and "<ins>Ambassadeur·rice</ins>" in page
    assert f"<ins>{other_mutuelle}</ins>" in page
    # The profile (name, job) is not what the record keeps.
    assert "Prénom" not in page and "Fonction" not in page and "RSE</ins>" not in page


def test_a_command_is_named_as_the_source_of_its_changes(db, monkeypatch, capsys):
    """`python manage.py createsuperuser`: the record says which command, not "inconnu"."""
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "un-mot-de-passe-solide-42")
    monkeypatch.setattr(
        sys,
        "argv",
        ["manage.py", "createsuperuser", "--noinput", "--email", "chef@solimut.example"],
    )
    # A command closes the connections when it ends: the test's own must stay open.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    # Django is set up already: setting it up again would bind the logging handlers to this
    # test's captured output, closed once it ends (the next test's log lines would fail).
    monkeypatch.setattr(django, "setup", lambda *args, **kwargs: None)
    runpy.run_path("manage.py", run_name="__main__")
    chief = User.objects.get(email="chef@solimut.example")
    entry = history.hydrate(history.entries(history.Filters(kind="membre", object_id=chief.pk)))
    assert [(e.type, e.by, e.who) for e in entry] == [("+", None, "commande createsuperuser")]


def test_a_task_is_named_as_the_source_of_its_changes(db, ambassador):
    from newsletter import tasks

    tasks.assemble_monthly.apply()
    entries = history.hydrate(history.entries(history.Filters(kind="edition")))
    assert entries and entries[0].who == "tâche newsletter.tasks.assemble_monthly"


def test_conditional_updates_are_on_record_too(client, coordinator, ambassador):
    """Guides save with a conditional UPDATE (optimistic locking), which simple-history cannot
    see: the service records them all the same."""
    guide = guide_services.guide_create(
        by=ambassador,
        title="Guide des achats",
        summary="Acheter mieux.",
        theme=ThemeFactory(),
        body="<p>Un texte.</p>",
    )
    client.force_login(ambassador)
    response = client.post(
        reverse("guides:edit", args=[guide.slug]),
        {
            "title": "Guide des achats responsables",
            "summary": guide.summary,
            "theme": guide.theme_id,
            "body": guide.body,
            "authors": [ambassador.pk],
            "revision": guide.revision,
        },
    )
    assert response.status_code == 302
    client.post(reverse("guides:submit", args=[guide.slug]))

    client.force_login(coordinator)
    page = _object_history(client, "guide", guide.pk)
    assert "<ins>Guide des achats responsables</ins>" in page
    assert "<del>Brouillon</del>" in page and "<ins>En relecture</ins>" in page
    assert page.count(ambassador.get_full_name()) >= 2


def test_a_save_that_changes_nothing_recorded_leaves_no_entry(db, reader):
    before = reader.history.count()
    reader.last_login = timezone.now()
    reader.save(update_fields=["last_login"])
    reader.phone = "01 02 03 04 05"
    reader.save()
    assert reader.history.count() == before


def test_a_plan_import_is_one_entry_and_its_actions_carry_its_name(client, coordinator):
    plan = PlanFactory()
    Axis.objects.create(plan=plan, number=1, title="Santé")
    client.force_login(coordinator)
    upload = SimpleUploadedFile(
        "plan-ag-2026.csv",
        "axe;code;titre;portée\n1;1.1;Dépistage;mutuelle\n1;1.2;Sport;groupe\n".encode(),
    )
    response = client.post(reverse("actionplan:import"), {"file": upload})
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert (run.kind, run.file_name, run.created_by) == (
        "plan d'action",
        "plan-ag-2026.csv",
        coordinator,
    )
    page = _journal(client, kind="import")
    assert "plan-ag-2026.csv" in page and "<dt>Actions</dt><dd>2</dd>" in page
    action = Action.objects.get(code="1.1")
    rows = list(action.history.all())
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in rows] == [
        ("+", coordinator, "import plan-ag-2026.csv")
    ]


def test_a_subscribers_import_records_each_address_and_the_run(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile(
        "abonnes.csv", b"email;nom\nlea@exemple.fr;L\xc3\xa9a\nmax@exemple.fr;Max\n"
    )
    response = client.post(reverse("newsletter:subscribers"), {"file": upload})
    assert response.status_code == 302
    assert ImportRun.objects.get().counts == {"ajoutés": 2, "déjà connus": 0, "doublons": 0}
    page = _journal(client, kind="abonne", type="+")
    assert "lea@exemple.fr" in page and "max@exemple.fr" in page
    assert "import abonnes.csv" in page


def test_deployment_changes_are_in_the_journal(client, coordinator, ambassador, mutuelle):
    plan = PlanFactory(is_current=True)
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    action = Action.objects.create(plan=plan, axis=axis, code="1.1", title="Dépistage")
    plan_services.deployments_ensure(actions=[action])
    deployment = action.deployments.get(mutuelle=mutuelle)
    plan_services.deployment_update(
        by=ambassador, deployment=deployment, status=Status.IN_PROGRESS, progress=40
    )
    client.force_login(coordinator)
    page = _journal(client, kind="deploiement", mutuelle=mutuelle.pk)
    assert "1.1 · " + mutuelle.short_name in page
    assert "<ins>En cours</ins>" in page and "<ins>40</ins>" in page
    # The action's page keeps its own history of deployments.
    assert "40" in client.get(action.get_absolute_url()).text


def test_the_journal_filters_by_member_mutuelle_date_and_kind_of_change(
    client, coordinator, ambassador, other_ambassador, mutuelle
):
    InitiativeFactory(mutuelle=mutuelle, author=ambassador, title="Potager d'Armor")
    client.force_login(coordinator)
    assert "Potager d&#x27;Armor" in _journal(client, mutuelle=mutuelle.pk)
    assert "Potager" not in _journal(client, mutuelle=other_ambassador.mutuelle_id)
    assert "Potager" not in _journal(client, by=coordinator.pk)
    assert "Potager" not in _journal(client, type="-")
    today = timezone.localdate()
    assert "Potager" in _journal(client, since=today.isoformat(), until=today.isoformat())
    assert "Potager" not in _journal(client, until=today.replace(year=today.year - 1).isoformat())
    response = client.get(JOURNAL, {"since": "2026-12-31", "until": "2026-01-01"})
    assert "Cette date précède la date de début." in response.text


def test_a_deletion_keeps_what_was_deleted(client, coordinator, mutuelle, ambassador):
    initiative = InitiativeFactory(mutuelle=mutuelle, author=ambassador, title="Éphémère")
    client.force_login(coordinator)
    response = client.post(reverse("initiatives:delete", args=[initiative.pk]))
    assert response.status_code == 302
    assert not Initiative.objects.filter(title="Éphémère").exists()
    page = _journal(client, type="-")
    assert "Éphémère" in page and str(coordinator) in page


def test_the_export_holds_the_filtered_entries_formula_safe(client, coordinator, mutuelle):
    InitiativeFactory(mutuelle=mutuelle, title="=HYPERLINK(1)")
    client.force_login(coordinator)
    export = reverse("ambassadeurs:journal_export", args=["csv"])
    response = client.get(export, {"kind": "initiative"})
    assert response["Content-Disposition"].startswith('attachment; filename="journal-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Date", "Par", "Source", "Objet"]
    assert rows[1][3] == "'=HYPERLINK(1)" and rows[1][5] == "création"
    assert len(rows) == 2  # the filter holds: nothing but initiatives
    book = load_workbook(
        io.BytesIO(
            client.get(
                reverse("ambassadeurs:journal_export", args=["xlsx"]), {"kind": "initiative"}
            ).content
        )
    )
    sheet = book.active
    assert sheet.cell(row=2, column=4).value == "=HYPERLINK(1)"
    assert sheet.cell(row=2, column=4).data_type == "s"


def test_the_journal_reads_a_page_in_the_same_number_of_queries_whatever_its_size(
    client, coordinator, mutuelle, django_assert_max_num_queries
):
    client.force_login(coordinator)
    InitiativeFactory(mutuelle=mutuelle)
    with django_assert_max_num_queries(30) as few:
        _journal(client)
    for _n in range(40):
        InitiativeFactory(mutuelle=mutuelle)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _journal(client)


@pytest.mark.parametrize("role", ["reader", "ambassador"])
def test_the_history_link_is_for_the_coordination(client, members, mutuelle, role):
    initiative = InitiativeFactory(mutuelle=mutuelle, author=members["ambassador"])
    link = reverse("ambassadeurs:journal_object", args=["initiative", initiative.pk])
    client.force_login(members[role])
    assert link not in client.get(initiative.get_absolute_url()).text
    client.force_login(members["coordinator"])
    assert link in client.get(initiative.get_absolute_url()).text


def test_erasure_blanks_the_address_in_the_subscribers_history(client, coordinator, reader):
    email = reader.email
    Subscriber.objects.filter(user=reader).update(status=Subscriber.Status.UNSUBSCRIBED)
    history.saved(Subscriber, Subscriber.objects.get(user=reader).pk)
    table = Subscriber.history.model
    assert table.objects.filter(email=email).exists()
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:member_erase", args=[reader.pk]),
        {"content": "kept", "confirm": "on"},
    )
    assert response.status_code == 302
    assert not table.objects.filter(email__iexact=email).exists()
    assert email not in str(list(table.objects.values_list("history_changes", flat=True)))
    # The erasure itself is on record: access withdrawn, by whom.
    page = _object_history(client, "membre", reader.pk)
    assert "Ancien membre" in page and "<ins>non</ins>" in page and str(coordinator) in page


def test_unsubscribing_from_the_link_of_an_e_mail_names_the_link(client, coordinator, reader):
    subscriber = Subscriber.objects.get(user=reader)
    client.post(reverse("newsletter:unsubscribe", args=[subscriber.token]))
    client.force_login(coordinator)
    page = _journal(client, kind="abonne", type="~")
    assert "lien de désabonnement" in page and "<ins>Désabonné" in page


def test_deleting_a_guide_with_its_versions_is_on_record(client, admin_user, ambassador):
    """The guide's current version goes in the same cascade: the record keeps its id."""
    guide = guide_services.guide_create(
        by=ambassador,
        title="Guide éphémère",
        summary="Court.",
        theme=ThemeFactory(),
        body="<p>x</p>",
    )
    guide_services.publish(by=admin_user, guide=guide)
    client.force_login(admin_user)
    response = client.post(reverse("admin:guides_guide_delete", args=[guide.pk]), {"post": "yes"})
    assert response.status_code == 302
    page = _journal(client, kind="guide", type="-")
    assert "Guide éphémère" in page and str(admin_user) in page


def test_an_account_made_by_accepting_an_invitation_names_the_invitation(db, mutuelle):
    from ambassadeurs import services as people_services
    from ambassadeurs.models import Invitation

    invitation = Invitation.objects.create(
        email="nouvelle@armor.example", role=Role.AMBASSADOR, mutuelle=mutuelle
    )
    member = people_services.invitation_accept(
        token=people_services.invitation_token(invitation),
        first_name="Nora",
        last_name="Le Bihan",
        password="un-mot-de-passe-solide-42",
    )
    (entry,) = history.hydrate(history.entries(history.Filters(kind="membre", object_id=member.pk)))
    assert (entry.type_label, entry.who) == ("création", "invitation acceptée")
    assert ("rôle", "—", "Ambassadeur·rice") in entry.changes


def _subscriber_queries(queries):
    return [q["sql"] for q in queries.captured_queries if "newsletter_subscriber" in q["sql"]]


def test_signing_in_leaves_the_subscriber_row_alone(client, reader):
    """A sign-in saves the member's `last_login`: their subscriber row follows the address,
    name and mutuelle only, so it is not even read then; a save that changes none of those
    writes nothing; a new name is followed, and on record."""
    reader.set_password("un-mot-de-passe-solide")
    reader.save()
    with CaptureQueriesContext(connection) as queries:
        client.post(
            reverse("account_login"),
            {"login": reader.email, "password": "un-mot-de-passe-solide"},
        )
    reader.refresh_from_db()
    assert reader.last_login is not None  # signed in
    assert _subscriber_queries(queries) == []
    with CaptureQueriesContext(connection) as queries:
        reader.save()
    assert all(sql.startswith("SELECT") for sql in _subscriber_queries(queries))
    before = Subscriber.history.model.objects.count()
    reader.last_name = "Nouveau-Nom"
    reader.save()
    assert Subscriber.history.model.objects.count() == before + 1
    assert Subscriber.objects.get(user=reader).name.endswith("Nouveau-Nom")
