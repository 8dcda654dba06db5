"""Planning a meeting, answering it, its agenda and attendance, and what is refused."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core import search
from reunions import services
from reunions.models import AgendaItem, Invitee, Meeting

from .conftest import at


def _form(group, **changes):
    return {
        "group": group.pk,
        "title": "Atelier clauses",
        "starts_at": at(5, 14).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": at(5, 16).strftime("%Y-%m-%dT%H:%M"),
        "place": "Salle Loire",
        "video_url": "",
        "description": "",
        "invite_group": "on",
        **changes,
    }


def test_the_lead_plans_a_meeting_and_the_group_is_invited_by_mail(
    client, ambassador, reader, group, django_capture_on_commit_callbacks
):
    client.force_login(ambassador)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reunions:meeting_create"), _form(group))
    meeting = Meeting.objects.get(title="Atelier clauses")
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert timezone.localtime(meeting.starts_at).hour == 14  # typed in Paris time
    assert set(meeting.invitees.values_list("user", flat=True)) == {ambassador.pk, reader.pk}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ambassador.email, reader.email])
    message = mail.outbox[0]
    assert "Atelier clauses" in message.subject
    assert meeting.get_absolute_url() in message.body
    assert message.attachments[0][0] == "invitation.ics"


def test_a_meeting_that_ends_before_it_starts_is_refused_and_nothing_saved(
    client, ambassador, group
):
    client.force_login(ambassador)
    data = _form(group, ends_at=at(5, 13).strftime("%Y-%m-%dT%H:%M"))
    response = client.post(reverse("reunions:meeting_create"), data)
    assert response.status_code == 200
    assert "La réunion doit finir après son début." in response.content.decode()
    assert not Meeting.objects.exists() and not Invitee.objects.exists()


def test_an_invitee_outside_the_group_is_refused_by_name(client, ambassador, group, outsider):
    client.force_login(ambassador)
    data = _form(group, invitees=[outsider.pk])
    response = client.post(reverse("reunions:meeting_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"{outsider.get_full_name()} ne fait pas partie du groupe" in page
    assert not Meeting.objects.exists() and not Invitee.objects.exists()


def test_a_video_link_must_be_https(client, ambassador, group):
    client.force_login(ambassador)
    response = client.post(
        reverse("reunions:meeting_create"), _form(group, video_url="http://visio.example/x")
    )
    assert "commence par https://" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_member_of_another_group_cannot_plan_for_this_one(client, other_ambassador, group):
    client.force_login(other_ambassador)
    assert client.get(reverse("reunions:meeting_create")).status_code == 403
    assert client.post(reverse("reunions:meeting_create"), _form(group)).status_code == 403
    assert not Meeting.objects.exists()


def test_members_answer_and_the_page_counts_the_answers(client, reader, meeting):
    client.force_login(reader)
    response = client.post(reverse("reunions:answer", args=[meeting.pk]), {"answer": "maybe"})
    assert response.status_code == 302
    assert meeting.invitees.get(user=reader).answer == Invitee.Answer.MAYBE
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Peut-être (1)" in page


def test_a_network_meeting_is_open_to_everyone_who_answers_it(
    client, coordinator, other_ambassador
):
    meeting = services.meeting_save(
        by=coordinator,
        group=None,
        title="Bilan du semestre",
        starts_at=at(10, 9),
        ends_at=at(10, 11),
        invitees=[],
    )
    client.force_login(other_ambassador)
    assert "Bilan du semestre" in client.get(reverse("reunions:agenda")).content.decode()
    client.post(reverse("reunions:answer", args=[meeting.pk]), {"answer": "yes"})
    assert meeting.invitees.get(user=other_ambassador).answer == Invitee.Answer.YES


def test_a_meeting_of_a_group_is_hidden_from_others(client, other_ambassador, meeting):
    client.force_login(other_ambassador)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert "Relecture des clauses" not in client.get(reverse("reunions:agenda")).content.decode()


def test_agenda_items_are_proposed_before_the_meeting_only(client, reader, meeting, past):
    client.force_login(reader)
    url = reverse("reunions:agenda_item_add", args=[meeting.pk])
    client.post(url, {"point-title": "Les clauses transport"})
    assert [i.title for i in meeting.agenda_items.all()] == ["Les clauses transport"]
    response = client.post(
        reverse("reunions:agenda_item_add", args=[past.pk]),
        {"point-title": "Trop tard"},
        follow=True,
    )
    assert "se complète avant la réunion" in response.content.decode()
    assert not AgendaItem.objects.filter(title="Trop tard").exists()


def test_the_lead_records_attendance_after_the_meeting(client, ambassador, reader, past, meeting):
    client.force_login(ambassador)
    client.post(reverse("reunions:attendance", args=[past.pk]), {"present": [reader.pk]})
    assert dict(past.invitees.values_list("user", "attended")) == {
        reader.pk: True,
        ambassador.pk: False,
    }
    response = client.post(
        reverse("reunions:attendance", args=[meeting.pk]), {"present": [reader.pk]}, follow=True
    )
    assert "une fois la réunion commencée" in response.content.decode()
    assert set(meeting.invitees.values_list("attended", flat=True)) == {None}


def test_a_cancelled_meeting_is_struck_out_and_cannot_be_answered(
    client, ambassador, reader, meeting
):
    services.meeting_cancel(by=ambassador, meeting=meeting)
    client.force_login(reader)
    response = client.post(
        reverse("reunions:answer", args=[meeting.pk]), {"answer": "yes"}, follow=True
    )
    assert "Cette réunion est annulée." in response.content.decode()
    assert meeting.invitees.get(user=reader).answer == Invitee.Answer.PENDING
    with pytest.raises(Exception, match="déjà annulée"):
        services.meeting_cancel(by=ambassador, meeting=meeting)


def test_the_home_page_lists_an_unanswered_invitation(client, reader, meeting):
    client.force_login(reader)
    page = client.get(reverse("home")).content.decode()
    assert "1 invitation à une réunion attend votre réponse" in page
    assert meeting.get_absolute_url() in page
    client.post(reverse("reunions:answer", args=[meeting.pk]), {"answer": "yes"})
    assert "attend votre réponse" not in client.get(reverse("home")).content.decode()


def test_the_group_page_lists_its_meetings(client, reader, group, meeting):
    client.force_login(reader)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "Relecture des clauses" in page


def test_the_search_finds_a_meeting_by_its_agenda_for_those_who_may_see_it(
    reader, other_ambassador, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_add(by=reader, meeting=meeting, title="Clauses de réemploi")
    found = search.search(reader, "réemploi", kind="meeting")
    assert [hit.url for hit in found.hits] == [meeting.get_absolute_url()]
    assert search.search(other_ambassador, "réemploi", kind="meeting").total == 0
