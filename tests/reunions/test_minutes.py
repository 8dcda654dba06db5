"""The minutes: written by the lead or the member they chose, proposed for remarks during a
set number of days, approved once after that, then frozen; printed as a PDF."""

import datetime
import subprocess

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core import search
from reunions import services
from reunions.models import Meeting, Remark


def _pass_the_remarks_period(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(
        remarks_until=timezone.localdate() - datetime.timedelta(days=1)
    )


def test_remark_then_approve(client, ambassador, reader, past, django_capture_on_commit_callbacks):
    client.force_login(ambassador)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reunions:minutes", args=[past.pk]),
            {
                "minutes": "<h2>Tour de table</h2><p>Texte revu.</p>",
                "days": "5",
                "action": "proposer",
            },
        )
    past.refresh_from_db()
    assert past.minutes_state == Meeting.Minutes.PROPOSED
    assert past.remarks_until == timezone.localdate() + datetime.timedelta(days=5)
    assert {m.to[0] for m in mail.outbox} == {reader.email, ambassador.email}
    assert "Compte rendu à relire" in mail.outbox[0].subject

    # The reader's home says the minutes wait for their remarks; they remark.
    client.force_login(reader)
    assert "1 compte rendu attend vos remarques" in client.get(reverse("home")).content.decode()
    client.post(
        reverse("reunions:remark", args=[past.pk]), {"remarque-text": "Ajouter les chiffres."}
    )
    assert Remark.objects.get().text == "Ajouter les chiffres."
    assert "attend vos remarques" not in client.get(reverse("home")).content.decode()

    # The lead cannot approve before the period is over.
    client.force_login(ambassador)
    assert search.search(reader, "revu", kind="meeting").total == 0
    url = reverse("reunions:minutes_approve", args=[past.pk])
    response = client.post(url, follow=True)
    assert "ont jusqu&#x27;au" in response.content.decode()
    past.refresh_from_db()
    assert past.minutes_state == Meeting.Minutes.PROPOSED

    _pass_the_remarks_period(past)
    client.post(url)
    past.refresh_from_db()
    assert past.minutes_state == Meeting.Minutes.APPROVED
    assert past.approved_by == ambassador
    # Approved minutes are searched (a draft's are not).
    assert search.search(reader, "revu", kind="meeting").total == 1

    # Approved twice: said, nothing changes; the text is frozen.
    approved_at = past.approved_at
    response = client.post(url, follow=True)
    assert "Ce compte rendu est déjà approuvé." in response.content.decode()
    past.refresh_from_db()
    assert past.approved_at == approved_at
    response = client.post(
        reverse("reunions:minutes", args=[past.pk]),
        {"minutes": "<p>Réécrit</p>", "action": "enregistrer"},
        follow=True,
    )
    assert "il ne change plus" in response.content.decode()
    past.refresh_from_db()
    assert "Texte revu." in past.minutes and "Réécrit" not in past.minutes


def test_the_lead_chooses_who_writes_the_minutes(client, ambassador, reader, group, past):
    client.force_login(reader)
    assert client.get(reverse("reunions:minutes", args=[past.pk])).status_code == 403
    Meeting.objects.filter(pk=past.pk).update(minutes_writer=reader)
    response = client.post(
        reverse("reunions:minutes", args=[past.pk]),
        {"minutes": "<p>Par la lectrice</p><script>alert(1)</script>", "action": "enregistrer"},
    )
    assert response.status_code == 302
    past.refresh_from_db()
    assert "Par la lectrice" in past.minutes and "<script" not in past.minutes
    # Writing is not approving.
    services.minutes_propose(by=reader, meeting=past, text=past.minutes, days=1)
    _pass_the_remarks_period(past)
    client.post(reverse("reunions:minutes_approve", args=[past.pk]))
    past.refresh_from_db()
    assert past.minutes_state == Meeting.Minutes.PROPOSED


def test_empty_minutes_are_not_proposed_and_nothing_is_half_saved(client, ambassador, past):
    client.force_login(ambassador)
    response = client.post(
        reverse("reunions:minutes", args=[past.pk]),
        {"minutes": "", "days": "5", "action": "proposer"},
    )
    assert "Écrivez le compte rendu avant de le proposer." in response.content.decode()
    past.refresh_from_db()
    assert past.minutes_state == Meeting.Minutes.DRAFT and "Tout va bien" in past.minutes


def test_decisions_are_recorded_with_the_minutes(client, ambassador, reader, past):
    client.force_login(ambassador)
    client.post(
        reverse("reunions:decision_add", args=[past.pk]),
        {
            "decision-kind": "task",
            "decision-text": "Recenser les clauses",
            "decision-assignee": reader.pk,
            "decision-due_on": "2026-12-31",
        },
    )
    response = client.post(
        reverse("reunions:decision_add", args=[past.pk]),
        {"decision-kind": "task", "decision-text": "Sans personne"},
        follow=True,
    )
    assert "confiée à un membre, avec une échéance" in response.content.decode()
    page = client.get(past.get_absolute_url()).content.decode()
    assert "Recenser les clauses" in page and "Sans personne" not in page


def test_the_minutes_print_as_a_pdf(client, reader, past, poppler, tmp_path):
    client.force_login(reader)
    response = client.get(reverse("reunions:minutes_pdf", args=[past.pk]))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "cr.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Lancement du guide" in text and "Tour de table" in text
    assert "Projet, non approuvé" in text
