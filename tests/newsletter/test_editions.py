"""Assembling, editing and reading editions; every role; bad input."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ambassadeurs.models import User
from initiatives.models import Initiative
from newsletter.models import Block, Edition, Subscriber
from newsletter.services import assembly, subscribers

from .conftest import make_edition

ROLES = ["reader", "ambassador", "other_ambassador", "coordinator", "admin"]


# --- Subscribers follow the members ---------------------------------------------------------


def test_a_deleted_member_leaves_the_list(reader):
    email = reader.email
    reader.delete()
    assert not Subscriber.objects.filter(email=email).exists()


def test_every_active_member_is_a_subscriber_and_keeps_their_choice(reader, mutuelle):
    subscriber = Subscriber.objects.get(user=reader)
    assert subscriber.email == reader.email and subscriber.mutuelle == mutuelle
    subscribers.subscription_set(subscriber=subscriber, subscribed=False)
    reader.email = "nouvelle.adresse@armor.example"
    reader.save()
    subscriber.refresh_from_db()
    assert subscriber.email == "nouvelle.adresse@armor.example"
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED  # not reset by the sync
    reader.is_active = False
    reader.save()
    assert reader.subscriber not in subscribers.recipients()


def test_a_member_subscribes_again_from_their_profile(client, reader):
    subscribers.subscription_set(subscriber=reader.subscriber, subscribed=False)
    client.force_login(reader)
    url = reverse("newsletter:subscription")
    assert "Recevoir la lettre ESS/RSE" in client.get(url).content.decode()
    client.post(url, {"subscribed": "1"})
    assert Subscriber.objects.get(user=reader).status == Subscriber.Status.SUBSCRIBED


# --- Who sees what -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_readers_get_the_archive_coordinators_the_drafts(client, members, mutuelle, role):
    sent = make_edition([mutuelle], number=1)
    Edition.objects.filter(pk=sent.pk).update(status=Edition.Status.SENT, sent_at=timezone.now())
    draft = make_edition([mutuelle], number=2)
    client.force_login(members[role])
    coordinator = role in {"coordinator", "admin"}
    archive = client.get(reverse("newsletter:archive")).content.decode()
    assert sent.title in archive
    assert (draft.title in archive) is coordinator
    assert client.get(sent.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == (200 if coordinator else 404)
    for name in ["preview", "progress"]:
        response = client.get(reverse(f"newsletter:{name}", args=[draft.number]))
        assert response.status_code == (200 if coordinator else 403)
    for name in ["update", "block_add", "send", "test_send", "resume", "unschedule"]:
        response = client.post(reverse(f"newsletter:{name}", args=[draft.number]), {})
        assert response.status_code in ((200, 302, 400) if coordinator else (403,)), name
    assert client.get(reverse("newsletter:subscribers")).status_code == (
        200 if coordinator else 403
    )


def test_a_member_reads_their_own_mutuelle_local_part(client, reader, network):
    edition = make_edition([*network, reader.mutuelle])
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT)
    client.force_login(reader)
    page = client.get(edition.get_absolute_url()).content.decode()
    assert "PARTIE-COMMUNE" in page
    assert f"LOCAL-{reader.mutuelle.slug}-FIN" in page
    assert not any(f"LOCAL-{m.slug}-FIN" in page for m in network)


# --- Assembling -------------------------------------------------------------------------------


def _activity(mutuelles, count, when):
    from initiatives.models import Initiative, Replication
    from tests.factories import UserFactory

    author = UserFactory(mutuelle=mutuelles[0])
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            mutuelle=mutuelles[n % len(mutuelles)],
            author=author,
            title=f"Initiative {n}",
            summary=f"Résumé {n}",
            is_published=True,
            published_at=when,
        )
        for n in range(count)
    )
    Replication.objects.bulk_create(
        Replication(
            initiative=initiatives[n],
            mutuelle=mutuelles[(n + 1) % len(mutuelles)],
            notes="On la reprend",
            created_at=when,
        )
        for n in range(min(count, 5))
    )


@pytest.mark.parametrize("count", [3, 120])
def test_assembly_runs_a_bounded_number_of_queries(
    network, coordinator, count, django_assert_max_num_queries
):
    when = datetime.datetime(2026, 10, 15, 10, tzinfo=datetime.UTC)
    _activity(network, count, when)
    # 14: the edition's creation is on record too (core.history), one INSERT.
    with django_assert_max_num_queries(14):
        edition = assembly.edition_assemble(
            by=coordinator,
            period_start=datetime.date(2026, 10, 1),
            period_end=datetime.date(2026, 10, 31),
        )
    common = edition.blocks.filter(mutuelle=None)
    assert common.filter(kind=Block.Kind.INITIATIVE).count() == min(count, 4)
    assert common.filter(kind=Block.Kind.TEXT, title__contains="reprennent").exists()
    in_common = set(common.values_list("initiative", flat=True)) - {None}
    # Each mutuelle's part holds its own initiatives of the month, but not those told to all.
    for mutuelle in network:
        local = edition.blocks.filter(mutuelle=mutuelle, kind=Block.Kind.INITIATIVE)
        assert all(b.initiative.mutuelle_id == mutuelle.pk for b in local)
        own = Initiative.objects.filter(mutuelle=mutuelle).exclude(pk__in=in_common)
        assert local.count() == min(3, own.count())
    told = list(edition.blocks.exclude(initiative=None).values_list("initiative", flat=True))
    assert len(told) == len(set(told))  # an initiative appears in one part only
    assert f"Ce mois-ci dans le réseau : {count} initiatives publiées" in edition.editorial


def test_coordinators_edit_reorder_and_remove_blocks(client, coordinator, edition):
    client.force_login(coordinator)
    url = reverse("newsletter:block_add", args=[edition.number])
    client.post(
        url, {"bloc-title": "Agenda", "bloc-body": "<p>Séminaire le 12</p><script>x</script>"}
    )
    added = edition.blocks.get(title="Agenda")
    assert "<script" not in added.body and added.mutuelle is None

    def common():
        blocks = edition.blocks.filter(mutuelle=None).order_by("position")
        return list(blocks.values_list("title", flat=True))

    assert common() == ["Pour tout le réseau", "Agenda"]
    change = reverse("newsletter:block_change", args=[edition.number, added.pk])
    client.post(change, {"action": "monter"})
    assert common() == ["Agenda", "Pour tout le réseau"]
    client.post(
        change,
        {
            "action": "modifier",
            f"bloc-{added.pk}-title": "Agenda de décembre",
            f"bloc-{added.pk}-body": "<p>Séminaire le 12 décembre</p>",
        },
    )
    assert common() == ["Agenda de décembre", "Pour tout le réseau"]
    client.post(change, {"action": "supprimer"})
    assert common() == ["Pour tout le réseau"]
    client.post(
        reverse("newsletter:update", args=[edition.number]),
        {"title": "Lettre d'octobre", "editorial": "<p>Bonne lecture</p>"},
    )
    edition.refresh_from_db()
    assert edition.title == "Lettre d'octobre"


def test_preview_and_test_send_as_a_subscriber_of_a_mutuelle(client, coordinator, edition, network):
    client.force_login(coordinator)
    preview = client.get(
        reverse("newsletter:preview", args=[edition.number]), {"mutuelle": network[2].slug}
    )
    html = preview.content.decode()
    assert "LOCAL-m2-FIN" in html and "LOCAL-m3-FIN" not in html
    assert "sandbox" in preview["Content-Security-Policy"]
    client.post(reverse("newsletter:test_send", args=[edition.number]), {"mutuelle": "m3"})
    assert mail.outbox[-1].to == [coordinator.email]
    assert mail.outbox[-1].subject.startswith("[TEST]")
    assert "LOCAL-m3-FIN" in mail.outbox[-1].alternatives[0][0]
    assert not edition.deliveries.exists()  # a test is not a sending


# --- Bad input ----------------------------------------------------------------------------------


def test_an_edition_without_blocks_is_not_sent(client, coordinator, network):
    edition = make_edition([], number=3)
    edition.blocks.all().delete()
    client.force_login(coordinator)
    page = client.post(reverse("newsletter:send", args=[edition.number]), follow=True)
    assert "sans aucun bloc" in page.content.decode()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT and not edition.deliveries.exists()


def test_a_schedule_in_the_past_is_refused(client, coordinator, edition):
    client.force_login(coordinator)
    past = (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("newsletter:send", args=[edition.number]), {"at": past})
    assert response.status_code == 400
    assert "Cette date est passée" in response.content.decode()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT


def test_a_scheduled_edition_leaves_at_its_time(client, coordinator, edition, monkeypatch):
    from newsletter import tasks

    client.force_login(coordinator)
    soon = (timezone.localtime() + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    client.post(reverse("newsletter:send", args=[edition.number]), {"at": soon})
    edition.refresh_from_db()
    assert edition.status == Edition.Status.SCHEDULED
    assert tasks.send_due() == 0  # not yet
    Edition.objects.filter(pk=edition.pk).update(scheduled_at=timezone.now())
    assert tasks.send_due() == 1
    edition.refresh_from_db()
    assert edition.status in (Edition.Status.SENDING, Edition.Status.SENT)


def test_an_unknown_unsubscribe_token_says_so_in_french(client, db):
    response = client.get(reverse("newsletter:unsubscribe", args=["nimportequoi"]))
    assert response.status_code == 404
    assert "Ce lien de désabonnement n'existe pas" in response.content.decode()
    assert client.post(reverse("newsletter:unsubscribe", args=["nimportequoi"])).status_code == 404


def _import(client, content: bytes, name="abonnes.csv"):
    return client.post(
        reverse("newsletter:subscribers"), {"file": SimpleUploadedFile(name, content)}
    )


def test_csv_import_checks_every_line_and_imports_all_or_nothing(client, coordinator, network):
    client.force_login(coordinator)
    before = Subscriber.objects.count()
    bad = (
        "email;nom;mutuelle\nalice@m0.example;Alice;m0\npas-une-adresse;Bob;m1\n"
        "carl@x.example;Carl;inconnue\n"
    )
    response = _import(client, bad.encode())
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ligne 3 : « pas-une-adresse » n&#x27;est pas une adresse e-mail valide." in page
    assert "Ligne 4 : la mutuelle « inconnue » n&#x27;existe pas." in page
    assert Subscriber.objects.count() == before  # nothing half-imported

    missing = _import(client, b"nom,mutuelle\nAlice,m0\n")
    assert "il manque la colonne « email »" in missing.content.decode()

    good = "Email;Nom;Mutuelle\nhélène@m0.example;Hélène Lefèvre;m0\nHELENE@m0.example;Hélène;m0\n"
    # Windows-1252, as Excel saves a CSV in France; a duplicate in another case.
    response = _import(client, good.replace("hélène@", "helene@").encode("cp1252"))
    assert response.status_code == 302
    imported = Subscriber.objects.get(email="helene@m0.example")
    assert imported.name == "Hélène Lefèvre" and imported.mutuelle.slug == "m0"
    assert Subscriber.objects.count() == before + 1


def test_csv_import_keeps_the_choice_of_known_addresses(client, coordinator, reader):
    subscribers.subscription_set(subscriber=reader.subscriber, subscribed=False)
    client.force_login(coordinator)
    _import(client, f"email\n{reader.email}\n".encode())
    assert User.objects.get(pk=reader.pk).subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_home_s_news_show_the_latest_letter_and_guides(client, reader, mutuelle, coordinator):
    from guides import services as guides
    from tests.factories import ThemeFactory

    client.force_login(reader)
    page = client.get(reverse("showcase")).content.decode()  # the home's folded news
    assert "Aucune lettre n'est encore parue." in page
    edition = make_edition([mutuelle])
    Edition.objects.filter(pk=edition.pk).update(status=Edition.Status.SENT, sent_at=timezone.now())
    guide = guides.guide_create(
        by=coordinator,
        title="Guide des éco-gestes",
        summary="…",
        theme=ThemeFactory(),
        body="<p>Éteindre les écrans.</p>",
    )
    guides.publish(by=coordinator, guide=guide)
    page = client.get(reverse("showcase")).content.decode()
    assert edition.title in page and "Guide des éco-gestes" in page
