"""Invitations: a signed link, valid 7 days, usable once; clear French errors otherwise."""

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from ambassadeurs import services
from ambassadeurs.models import Invitation, Role, User

from ..factories import UserFactory


def _link_from(message) -> str:
    return re.search(r"https?://\S+/invitation/\S+/", message.body).group(0)


def _path(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def _accept(client, path, **overrides):
    data = {
        "first_name": "Inès",
        "last_name": "Mercier",
        "password1": "Prevention-2026!",
        "password2": "Prevention-2026!",
        **overrides,
    }
    return client.post(path, data)


@pytest.fixture
def invitation(coordinator, mutuelle, mailoutbox):
    return services.invitation_create(
        email="ines.mercier@armor.example",
        role=Role.AMBASSADOR,
        mutuelle=mutuelle,
        invited_by=coordinator,
    )


def test_coordinator_invites_from_the_ui_and_the_invitee_creates_their_account(
    client, coordinator, mutuelle, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("ambassadeurs:invitations"),
            {
                "email": "Ines.Mercier@armor.example",
                "role": Role.AMBASSADOR,
                "mutuelle": mutuelle.pk,
            },
        )
    client.logout()
    message = mailoutbox[-1]
    assert message.to == ["ines.mercier@armor.example"]
    assert "invitation" in message.subject.lower()
    assert "Vous êtes invité·e" in message.body
    assert "Ambassadeur·rice" in message.body

    path = _path(_link_from(message))
    page = client.get(path)
    assert page.status_code == 200
    assert "ines.mercier@armor.example" in page.text

    response = _accept(client, path)
    assert response.status_code == 302
    user = User.objects.get(email="ines.mercier@armor.example")
    assert (user.role, user.mutuelle, user.first_name) == (Role.AMBASSADOR, mutuelle, "Inès")
    # Signed in at once, and the password works for the next time.
    assert client.get(reverse("home")).status_code == 200
    client.logout()
    assert client.login(email=user.email, password="Prevention-2026!")


def test_the_invitation_is_in_french_whatever_the_language_of_who_sends_it(invitation, mailoutbox):
    mailoutbox.clear()
    with translation.override("en"):
        services.invitation_send(invitation=invitation)
    message = mailoutbox[-1]
    assert message.subject == "[Solimut RSE] Votre invitation à l'intranet du réseau ESS/RSE"
    assert "Vous êtes invité·e" in message.body
    assert "Vous êtes invité·e" in message.alternatives[0][0]


def test_a_link_works_only_once(client, invitation):
    path = reverse("ambassadeurs:invitation_accept", args=[services.invitation_token(invitation)])
    _accept(client, path)
    client.logout()
    again = client.get(path)
    assert again.status_code == 410
    assert "déjà été utilisée" in again.text
    second = _accept(client, path, first_name="Intrus")
    assert second.status_code == 410
    assert User.objects.filter(email=invitation.email).count() == 1
    assert User.objects.get(email=invitation.email).first_name == "Inès"


def test_an_expired_link_is_refused(client, invitation):
    eight_days_ago = timezone.now() - timedelta(days=7, minutes=1)
    with mock.patch("time.time", return_value=eight_days_ago.timestamp()):
        token = services.invitation_token(invitation)
    response = _accept(client, reverse("ambassadeurs:invitation_accept", args=[token]))
    assert response.status_code == 410
    assert "expiré" in response.text
    assert not User.objects.filter(email=invitation.email).exists()


def test_a_tampered_link_is_refused(client, invitation):
    token = services.invitation_token(invitation)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    response = client.get(reverse("ambassadeurs:invitation_accept", args=[tampered]))
    assert response.status_code == 410
    assert "pas valide" in response.text


def test_a_weak_password_is_refused_and_names_are_kept(client, invitation):
    path = reverse("ambassadeurs:invitation_accept", args=[services.invitation_token(invitation)])
    response = _accept(client, path, password1="12345678", password2="12345678")
    assert response.status_code == 400
    assert "trop courant" in response.text or "entièrement numérique" in response.text
    assert 'value="Inès"' in response.text
    assert not User.objects.filter(email=invitation.email).exists()


def test_mismatched_passwords_are_refused(client, invitation):
    path = reverse("ambassadeurs:invitation_accept", args=[services.invitation_token(invitation)])
    response = _accept(client, path, password2="Autre-chose-2026!")
    assert "ne sont pas identiques" in response.text


def test_duplicate_email_is_refused_in_french(client, coordinator, reader, mutuelle):
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:invitations"),
        {"email": reader.email.upper(), "role": Role.READER, "mutuelle": mutuelle.pk},
    )
    assert response.status_code == 400
    assert "Un membre utilise déjà cette adresse e-mail." in response.text
    assert Invitation.objects.count() == 0


def test_a_second_pending_invitation_is_refused(client, coordinator, invitation, mutuelle):
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:invitations"),
        {"email": invitation.email, "role": Role.READER, "mutuelle": mutuelle.pk},
    )
    assert "déjà en attente" in response.text
    assert Invitation.objects.count() == 1


def test_ambassador_invitation_needs_a_mutuelle(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:invitations"), {"email": "x@y.example", "role": Role.AMBASSADOR}
    )
    assert response.status_code == 400
    assert "choisissez-la" in response.text
    assert 'value="x@y.example"' in response.text


def test_invitation_page_lists_recent_invitations(client, coordinator, invitation):
    client.force_login(coordinator)
    response = client.get(reverse("ambassadeurs:invitations"))
    assert invitation.email in response.text
    assert "En attente" in response.text


# --- manage.py invite ------------------------------------------------------------------------


def test_invite_command_sends_the_invitation(
    mutuelle, mailoutbox, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "invite", "Nouveau@Armor.example", "--role", "ambassador", "--mutuelle", "armor"
        )
    assert [m.to for m in mailoutbox] == [["nouveau@armor.example"]]
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.mutuelle) == (
        "nouveau@armor.example",
        Role.AMBASSADOR,
        mutuelle,
    )
    assert "Invitation envoyée" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "chef"], "Rôle inconnu « chef »"),
        (["--role", "reader", "--mutuelle", "inconnue"], "Mutuelle inconnue « inconnue »"),
        (["--role", "reader"], "appartient à une mutuelle"),
    ],
)
def test_invite_command_explains_bad_input_and_changes_nothing(mutuelle, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("invite", "quelqu.un@armor.example", *args)
    assert Invitation.objects.count() == 0


def test_invite_command_refuses_a_member_email(reader):
    with pytest.raises(CommandError, match="Un membre utilise déjà cette adresse"):
        call_command("invite", reader.email, "--role", "reader", "--mutuelle", "armor")


# --- Through the real worker and a real SMTP server ------------------------------------------


@pytest.mark.services
def test_invitation_goes_through_the_celery_worker_and_smtp(
    client, celery_worker, smtp_server, mutuelle
):
    coordinator = UserFactory(role=Role.COORDINATOR, mutuelle=None, totp=True)
    client.force_login(coordinator)
    response = client.post(
        reverse("ambassadeurs:invitations"),
        {"email": "par.le.worker@armor.example", "role": Role.READER, "mutuelle": mutuelle.pk},
    )
    assert response.status_code == 302
    celery_worker.wait_idle()
    received = smtp_server.messages
    assert len(received) == 1
    assert received[0].rcpt_tos == ["par.le.worker@armor.example"]
    body = received[0].content.decode()
    assert "/invitation/" in body
    assert len(mail.outbox) == 0  # it went through SMTP, not Django's test outbox
