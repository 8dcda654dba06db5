"""The letter finished: one edition per period, the delivery report, what the e-mail says
(an initiative once, with its picture; what moved in the plan; the answers to the field)."""

import datetime

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actionplan import services as plan_services
from actionplan.models import Action, Axis
from initiatives import services as initiative_services
from initiatives.models import Initiative
from newsletter import tasks
from newsletter.models import Block, Delivery, Edition, Subscriber
from newsletter.services import assembly, sending, subscribers
from tests.factories import PlanFactory, UserFactory
from tests.initiatives.conftest import jpeg

from .conftest import make_edition, make_subscribers, parse

OCTOBER = (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))
IN_OCTOBER = datetime.datetime(2026, 10, 15, 10, tzinfo=datetime.UTC)


# --- One edition per period -------------------------------------------------------------------


def test_prepare_proposes_the_first_period_without_an_edition(client, coordinator, network):
    make_edition(network, number=1)  # October 2026, from the 1st to the 28th
    client.force_login(coordinator)
    page = client.get(reverse("newsletter:archive")).text
    assert 'name="period_start" value="2026-10-29"' in page
    assert 'name="period_end" value="2026-10-31"' in page


def test_without_any_edition_the_month_that_ended_is_proposed(coordinator):
    start, end = assembly.next_period()
    assert end == timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    assert start == end.replace(day=1)


def test_a_period_overlapping_an_edition_is_refused_in_french(client, coordinator, network):
    make_edition(network, number=1)
    client.force_login(coordinator)
    response = client.post(
        reverse("newsletter:assemble"),
        {"period_start": "2026-10-15", "period_end": "2026-11-14"},
    )
    assert response.status_code == 400
    assert "L&#x27;édition n° 1 couvre déjà cette période" in response.text
    assert 'value="2026-10-15"' in response.text  # what was typed stays
    assert Edition.objects.count() == 1


def test_the_beat_task_leaves_a_month_prepared_by_hand_alone(coordinator, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2026, 11, 1))
    assembly.edition_assemble(by=coordinator, period_start=OCTOBER[0], period_end=OCTOBER[1])
    assert tasks.assemble_monthly() is None
    assert Edition.objects.count() == 1
    with pytest.raises(ValidationError, match="couvre déjà cette période"):
        assembly.edition_assemble(period_start=OCTOBER[0], period_end=OCTOBER[1])


def test_the_database_refuses_two_editions_starting_the_same_day(network):
    from django.db import IntegrityError, transaction

    edition = make_edition(network, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Edition.objects.create(
            number=9, title="Doublon", period_start=edition.period_start, period_end=OCTOBER[1]
        )


# --- Assembling: each initiative once, what moved, what the field was answered ---------------


@pytest.fixture
def october(network, coordinator):
    """In October: Armor (m0) publishes two initiatives (one with a picture), three
    deployments of action 1.1 are done and two started, and a field feedback is answered."""
    author = UserFactory(mutuelle=network[0], role="ambassador")
    initiatives = [
        Initiative.objects.create(
            mutuelle=network[0],
            author=author,
            title=f"Initiative {n}",
            summary=f"Résumé {n}",
            is_published=True,
            published_at=IN_OCTOBER,
        )
        for n in range(2)
    ]
    image = initiative_services.image_add(
        by=author,
        initiative=initiatives[0],
        upload=SimpleUploadedFile("velo.jpg", jpeg(size=(80, 50)).getvalue(), "image/jpeg"),
        alt="Des vélos devant l'agence",
    )
    plan = PlanFactory()
    axis = Axis.objects.create(plan=plan, number=1, title="Santé")
    action = Action.objects.create(plan=plan, axis=axis, code="1.1", title="Dépistage")
    plan_services.deployments_ensure(actions=[action])
    deployments = list(action.deployments.order_by("mutuelle__slug"))
    for deployment in deployments[:3]:
        plan_services.deployment_update(
            deployment=deployment, by=coordinator, status="done", progress=100
        )
    for deployment in deployments[3:5]:
        plan_services.deployment_update(
            deployment=deployment, by=coordinator, status="in_progress", progress=10
        )
    deployments[5].next_step = "Une réunion"  # a change of text alone: no move
    plan_services.deployment_update(deployment=deployments[5], by=coordinator, next_step="Réunion")
    feedback = plan_services.feedback_create(
        by=author,
        mutuelle=network[0],
        subject="Les affiches manquent",
        sentiment="negative",
        text="Personne ne sait.",
    )
    plan_services.feedback_answer(
        by=coordinator, feedback=feedback, answer="Cent affiches envoyées en agence."
    )
    from actionplan.models import DeploymentChange, FieldFeedback

    DeploymentChange.objects.update(changed_at=IN_OCTOBER)
    FieldFeedback.objects.update(handled_at=IN_OCTOBER)
    return {"initiatives": initiatives, "image": image}


def test_assembly_tells_each_initiative_once_what_moved_and_the_answers(october, coordinator):
    edition = assembly.edition_assemble(
        by=coordinator, period_start=OCTOBER[0], period_end=OCTOBER[1]
    )
    told = list(edition.blocks.exclude(initiative=None).values_list("initiative", flat=True))
    assert sorted(told) == sorted(i.pk for i in october["initiatives"])  # once each
    progress = edition.blocks.get(mutuelle=None, kind=Block.Kind.PROGRESS)
    assert "1.1" in progress.body
    assert "3 déploiements réalisés, 2 passés en cours" in progress.body
    assert "0 %" not in progress.body
    local = edition.blocks.get(mutuelle__slug="m0", kind=Block.Kind.PROGRESS)
    assert "réalisée" in local.body
    answers = edition.blocks.get(kind=Block.Kind.FEEDBACK)
    assert answers.mutuelle is None and answers.title == "Vous nous avez dit, nous avons fait"
    assert "Les affiches manquent" in answers.body
    assert "Cent affiches envoyées en agence." in answers.body


def test_the_email_shows_the_first_picture_and_the_answers(
    smtp_server, celery_worker, october, coordinator, network, settings
):
    Subscriber.objects.exclude(email=coordinator.email).delete()
    make_subscribers(1, network)  # salarie0@m0.example, of Armor (m0)
    edition = assembly.edition_assemble(
        by=coordinator, period_start=OCTOBER[0], period_end=OCTOBER[1]
    )
    sending.start(edition)
    received = {parse(m)["To"]: parse(m) for m in smtp_server.wait_for(2)}
    html = received["salarie0@m0.example"].get_body(("html",)).get_content()
    text = received["salarie0@m0.example"].get_body(("plain",)).get_content()
    assert 'alt="Des vélos devant l&#x27;agence"' in html
    marker = '<img src="' + settings.SITE_URL + "/newsletter/vignette/"
    src = html[html.index(marker) + len('<img src="') :]
    src = src[: src.index('"')]
    assert html.count("Initiative 0</a>") == 1  # in one part only
    assert "Vous nous avez dit, nous avons fait" in html
    assert "Cent affiches envoyées en agence." in text
    assert "3 déploiements réalisés, 2 passés en cours" in text
    # The picture loads in a mail client, without a session.
    picture = Client().get(src.removeprefix(settings.SITE_URL))
    assert picture.status_code == 200 and picture["Content-Type"] == "image/jpeg"
    Initiative.objects.filter(pk=october["initiatives"][0].pk).update(is_published=False)
    assert Client().get(src.removeprefix(settings.SITE_URL)).status_code == 404
    assert Client().get(src.removeprefix(settings.SITE_URL)[:-3] + "xyz/").status_code == 404


# --- The delivery report ----------------------------------------------------------------------


@pytest.fixture
def sent(network):
    """Edition 1 sent to seven (six and the coordinator): three received it, one failed, one
    bounced, two still pending; one who received it has unsubscribed since."""
    make_subscribers(6, network)
    edition = make_edition(network)
    started = timezone.now() - datetime.timedelta(hours=1)
    Edition.objects.filter(pk=edition.pk).update(
        status=Edition.Status.SENT, started_at=started, sent_at=started
    )
    edition.refresh_from_db()
    sending.deliveries_create(edition)
    deliveries = list(edition.deliveries.order_by("email"))
    for delivery in deliveries[:3]:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT, sent_at=started)
    Delivery.objects.filter(pk=deliveries[3].pk).update(
        status=Delivery.Status.FAILED, error="=554 5.7.1 Refusé comme spam"
    )
    Delivery.objects.filter(pk=deliveries[4].pk).update(
        status=Delivery.Status.FAILED, bounced=True, error="550 5.1.1 Inconnu"
    )
    subscribers.subscription_set(subscriber=deliveries[0].subscriber, subscribed=False)
    return edition, deliveries


def test_the_report_counts_sent_failed_bounced_and_unsubscribed(client, coordinator, sent):
    edition, _ = sent
    client.force_login(coordinator)
    page = client.get(reverse("newsletter:report", args=[edition.number])).text
    facts = page[page.index('<dl class="facts">') : page.index("</dl>")]
    assert "<dt>Envoyés</dt><dd>3</dd>" in facts
    assert "<dt>En échec</dt><dd>1</dd>" in facts
    assert "<dt>Adresses refusées (désormais exclues)</dt><dd>1</dd>" in facts
    assert "<dt>En attente</dt><dd>2</dd>" in facts
    assert "<dt>Désabonnés depuis cet envoi</dt><dd>1</dd>" in facts
    assert "=554 5.7.1 Refusé comme spam" in page


def test_the_report_is_kept_when_subscribers_leave(client, coordinator, sent):
    edition, deliveries = sent
    deliveries[1].subscriber.delete()
    assert Delivery.objects.filter(edition=edition).count() == 7
    client.force_login(coordinator)
    page = client.get(reverse("newsletter:report", args=[edition.number])).text
    assert "<dt>Envoyés</dt><dd>3</dd>" in page


def test_the_report_exports_every_delivery_formula_safe(client, coordinator, sent):
    edition, deliveries = sent
    client.force_login(coordinator)
    csv = client.get(reverse("newsletter:report_export", args=[edition.number, "csv"]))
    assert csv["Content-Disposition"].startswith('attachment; filename="lettre-1-envois-')
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Adresse;Mutuelle;État;Motif")
    assert len(lines) == 8
    failed = next(line for line in lines if deliveries[3].email in line)
    assert "Échec;'=554 5.7.1 Refusé comme spam" in failed  # never taken for a formula
    assert "Adresse refusée" in next(line for line in lines if deliveries[4].email in line)
    xlsx = client.get(reverse("newsletter:report_export", args=[edition.number, "xlsx"]))
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 8 and sheet["A1"].value == "Adresse"


@pytest.mark.parametrize("name", ["report", "report_export"])
def test_an_unsent_edition_has_no_report_to_show_or_export(client, coordinator, network, name):
    edition = make_edition(network)
    client.force_login(coordinator)
    args = [edition.number] if name == "report" else [edition.number, "csv"]
    response = client.get(reverse(f"newsletter:{name}", args=args), follow=True)
    assert "Cette édition n&#x27;est pas encore partie" in response.text
    assert response.redirect_chain[-1][0] == edition.get_absolute_url()


def test_a_refused_address_is_marked_bounced_in_its_delivery(network, settings, monkeypatch):
    import smtplib

    from tests.newsletter.test_sending_rules import SERVER, Server

    settings.EMAIL_BACKEND = SERVER

    def refuse(message):
        raise smtplib.SMTPRecipientsRefused({"x": (550, b"5.1.1 no such user")})

    monkeypatch.setattr(Server, "before", staticmethod(refuse))
    make_subscribers(1, network)
    edition = make_edition(network)
    Edition.objects.filter(pk=edition.pk).update(
        status=Edition.Status.SENDING, started_at=timezone.now()
    )
    sending.deliveries_create(edition)
    sending.batch_send(edition.pk, list(edition.deliveries.values_list("pk", flat=True)))
    delivery = edition.deliveries.get()
    assert delivery.status == Delivery.Status.FAILED and delivery.bounced
    assert delivery.email == "salarie0@m0.example"
