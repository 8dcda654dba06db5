"""Single sign-on through the group's directory, against a real OpenID Connect provider
(tests/oidc.py): who comes in, and every ID token the intranet must refuse, with nothing
changed (no account created or linked, nobody signed in)."""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ambassadeurs.models import Invitation, Role, User

from ..factories import PASSWORD, UserFactory
from ..oidc import path

LOGIN = reverse("openid_connect_login", args=["solimut"])


def start(client: Client) -> str:
    """Click "Se connecter avec le compte Solimut": where the intranet sends the browser."""
    response = client.post(LOGIN)
    assert response.status_code == 302
    return response["Location"]


def sign_in(client, provider, email):
    """The whole journey; the intranet's answer to the provider's redirect back."""
    return client.get(path(provider.sign_in(start(client), email)))


def signed_in(client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.filter(pk=user_id).first() if user_id else None


def snapshot():
    return (
        list(User.objects.values_list("pk", "email", "is_active", "last_login").order_by("pk")),
        list(SocialAccount.objects.values_list("pk", "user_id", "uid").order_by("pk")),
        list(EmailAddress.objects.values_list("pk", "email").order_by("pk")),
        list(Invitation.objects.values_list("pk", "accepted_at", "user_id").order_by("pk")),
    )


@pytest.fixture
def anne(oidc_provider, reader):
    """The reader's account in the directory, e-mail verified."""
    oidc_provider.account(
        "anne",
        email=reader.email,
        email_verified=True,
        given_name="Anne",
        family_name="Le Goff",
    )
    return reader


# --- Who comes in ----------------------------------------------------------------------------


def test_a_member_signs_in_with_the_directory_and_is_linked_to_it(client, oidc_provider, anne):
    response = sign_in(client, oidc_provider, anne.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert signed_in(client) == anne
    assert "Bonjour" in client.get(reverse("home")).text
    link = SocialAccount.objects.get(user=anne)
    assert (link.provider, link.uid) == ("solimut", "anne")

    # The link holds by the directory's identifier, even once the address there changes.
    oidc_provider.account("anne", email="anne.legoff@armor.example", email_verified=True)
    other = Client()
    sign_in(other, oidc_provider, "anne.legoff@armor.example")
    assert signed_in(other) == anne


def test_the_sign_in_page_shows_the_button_only_when_configured(client, db, settings):
    assert "compte Solimut" not in client.get(reverse("account_login")).text
    assert client.post(LOGIN).status_code == 404


def test_the_sign_in_page_offers_the_directory_and_the_password(client, oidc_provider):
    page = client.get(reverse("account_login")).text
    assert "Se connecter avec le compte Solimut" in page
    assert 'name="password"' in page


def test_an_invitation_is_accepted_by_signing_in_with_the_directory(
    client, oidc_provider, mutuelle, coordinator
):
    invitation = Invitation.objects.create(
        email="nouvelle@armor.example",
        role=Role.AMBASSADOR,
        mutuelle=mutuelle,
        invited_by=coordinator,
    )
    oidc_provider.account(
        "nouvelle",
        email="Nouvelle@Armor.example",
        email_verified=True,
        given_name="Léa",
        family_name="Morvan",
    )
    sign_in(client, oidc_provider, "nouvelle@armor.example")
    member = signed_in(client)
    assert member is not None
    assert (member.email, member.role, member.mutuelle) == (
        "nouvelle@armor.example",
        Role.AMBASSADOR,
        mutuelle,
    )
    assert member.get_full_name() == "Léa Morvan"
    assert not member.has_usable_password()
    invitation.refresh_from_db()
    assert invitation.user == member and invitation.accepted_at is not None


def test_an_unknown_person_is_refused_and_nothing_is_created(client, oidc_provider, db):
    oidc_provider.account("inconnu", email="inconnu@armor.example", email_verified=True)
    before = snapshot()
    response = sign_in(client, oidc_provider, "inconnu@armor.example")
    assert response.status_code == 403
    assert "Aucun membre de l&#x27;intranet n&#x27;a l&#x27;adresse" in response.text
    assert "demandez-en une à l&#x27;équipe de coordination" in response.text
    assert snapshot() == before
    assert signed_in(client) is None


def test_an_expired_invitation_does_not_let_anyone_in(client, oidc_provider, mutuelle):
    Invitation.objects.create(
        email="tard@armor.example",
        role=Role.READER,
        mutuelle=mutuelle,
        created_at=timezone.now() - timezone.timedelta(days=8),
    )
    oidc_provider.account("tard", email="tard@armor.example", email_verified=True)
    before = snapshot()
    assert sign_in(client, oidc_provider, "tard@armor.example").status_code == 403
    assert snapshot() == before


def test_when_allowed_an_unknown_person_becomes_a_reader_of_the_mutuelle_of_the_claim(
    client, oidc_provider, settings, mutuelle
):
    settings.RSE_OIDC_CREATE_ACCOUNTS = True
    oidc_provider.account(
        "yann",
        email="yann@armor.example",
        email_verified=True,
        name="Yann Kervella",
        mutuelle="Armor",
    )
    sign_in(client, oidc_provider, "yann@armor.example")
    member = signed_in(client)
    assert member is not None
    assert (member.role, member.mutuelle, member.first_name, member.last_name) == (
        Role.READER,
        mutuelle,
        "Yann",
        "Kervella",
    )


def test_when_allowed_a_person_of_no_known_mutuelle_is_still_refused(
    client, oidc_provider, settings, mutuelle
):
    settings.RSE_OIDC_CREATE_ACCOUNTS = True
    oidc_provider.account(
        "zoe", email="zoe@ailleurs.example", email_verified=True, mutuelle="Mutuelle Inconnue"
    )
    before = snapshot()
    response = sign_in(client, oidc_provider, "zoe@ailleurs.example")
    assert response.status_code == 403
    assert "ne dit pas à quelle mutuelle vous appartenez" in response.text
    assert snapshot() == before


def test_a_deactivated_member_is_refused(client, oidc_provider, anne):
    sign_in(Client(), oidc_provider, anne.email)  # linked once
    User.objects.filter(pk=anne.pk).update(is_active=False)
    response = sign_in(client, oidc_provider, anne.email)
    assert response.status_code == 403
    assert "a été désactivé" in response.text
    assert signed_in(client) is None


def test_an_unverified_address_is_refused(client, oidc_provider, reader):
    oidc_provider.account("anne", email=reader.email, email_verified=False)
    before = snapshot()
    response = sign_in(client, oidc_provider, reader.email)
    assert response.status_code == 403
    assert "n&#x27;est pas vérifiée" in response.text
    assert snapshot() == before
    assert signed_in(client) is None


def test_an_address_without_email_verified_counts_in_a_domain_of_the_directory(
    client, oidc_provider, settings, reader
):
    """Entra ID sends no `email_verified`: its tenant's domains are trusted when listed."""
    oidc_provider.account("anne", email=reader.email)
    assert sign_in(client, oidc_provider, reader.email).status_code == 403
    settings.RSE_OIDC_TRUSTED_DOMAINS = ["armor.example"]
    sign_in(client, oidc_provider, reader.email)
    assert signed_in(client) == reader


# --- What the intranet checks of the ID token ---------------------------------------------------

REFUSED = "La réponse du fournisseur d&#x27;identité n&#x27;a pas pu être vérifiée"


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param({"claims": {"aud": "une-autre-application"}}, id="wrong-audience"),
        pytest.param({"claims": {"iss": "http://127.0.0.1:9/"}}, id="wrong-issuer"),
        pytest.param(
            {"claims": {"exp": int(time.time()) - 60, "iat": int(time.time()) - 3660}},
            id="expired",
        ),
        pytest.param({"key": "other"}, id="wrong-signature"),
        pytest.param({"claims": {"nonce": "celui-d-une-autre-connexion"}}, id="wrong-nonce"),
    ],
)
def test_an_id_token_that_fails_a_check_is_refused_and_nothing_changes(
    client, oidc_provider, anne, fault
):
    oidc_provider.fault(**fault)
    before = snapshot()
    response = sign_in(client, oidc_provider, anne.email)
    assert response.status_code in (400, 403)
    assert REFUSED in response.text
    assert "Retour à la page de connexion" in response.text
    assert snapshot() == before
    assert signed_in(client) is None


def test_a_replayed_state_is_refused(client, oidc_provider, anne):
    back = path(oidc_provider.sign_in(start(client), anne.email))
    assert client.get(back).status_code == 302
    assert signed_in(client) == anne

    # The same answer again: in the same browser, and in another one (an attacker's).
    for browser in (client, Client()):
        before = snapshot()
        response = browser.get(back)
        assert response.status_code == 400
        assert "Cette demande de connexion a expiré ou a déjà servi" in response.text
        assert snapshot() == before
    assert signed_in(Client()) is None


# --- Coordinators' second factor ------------------------------------------------------------


@pytest.fixture
def coordinator_without_totp(db):
    return UserFactory(email="pilote@groupe.example", role=Role.COORDINATOR, mutuelle=None)


def test_the_directory_s_second_factor_satisfies_the_coordinators_requirement(
    client, oidc_provider, coordinator_without_totp
):
    oidc_provider.account(
        "pilote", email="pilote@groupe.example", email_verified=True, amr=["pwd", "mfa"]
    )
    sign_in(client, oidc_provider, "pilote@groupe.example")
    assert client.get(reverse("home")).status_code == 200


def test_a_coordinator_without_the_directory_s_second_factor_is_asked_for_totp(
    client, oidc_provider, coordinator_without_totp
):
    oidc_provider.account("pilote", email="pilote@groupe.example", email_verified=True, amr=["pwd"])
    sign_in(client, oidc_provider, "pilote@groupe.example")
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_password_sign_in_forgets_the_directory_s_second_factor(
    client, oidc_provider, coordinator_without_totp
):
    oidc_provider.account(
        "pilote", email="pilote@groupe.example", email_verified=True, amr=["pwd", "mfa"]
    )
    sign_in(client, oidc_provider, "pilote@groupe.example")
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": "pilote@groupe.example", "password": PASSWORD})
    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")


# --- The sign-in page -----------------------------------------------------------------------


def test_with_password_sign_in_off_the_form_is_gone_and_a_post_is_refused(
    client, oidc_provider, settings, reader
):
    settings.RSE_PASSWORD_LOGIN = False
    page = client.get(reverse("account_login")).text
    assert "Se connecter avec le compte Solimut" in page
    assert 'name="password"' not in page
    response = client.post(reverse("account_login"), {"login": reader.email, "password": PASSWORD})
    assert "La connexion par mot de passe est désactivée" in response.text
    assert signed_in(client) is None
    # Nor is a password reset sent: the password could not be used.
    reset = client.post(reverse("account_reset_password"), {"email": reader.email})
    assert "La connexion par mot de passe est désactivée" in reset.text
    assert mail.outbox == []


def test_auto_redirect_goes_straight_to_the_provider_with_a_way_out(
    client, oidc_provider, settings, anne
):
    settings.RSE_OIDC_AUTO_REDIRECT = True
    response = client.get(reverse("account_login"), {"next": "/annuaire/"})
    assert response.status_code == 302
    assert response["Location"].startswith(oidc_provider.url + "/auth?")
    # The journey started there ends where the member was going.
    back = client.get(path(oidc_provider.sign_in(response["Location"], anne.email)))
    assert back["Location"] == "/annuaire/"

    local = Client().get(reverse("account_login"), {"local": "1"})
    assert local.status_code == 200
    assert 'name="password"' in local.text

    settings.RSE_PASSWORD_LOGIN = False
    assert Client().get(reverse("account_login"), {"local": "1"}).status_code == 302


# --- Every role on the single sign-on pages, with a provider configured ----------------------


@pytest.mark.parametrize(
    "role", ["anonymous", "reader", "ambassador", "other_ambassador", "coordinator", "admin"]
)
def test_every_role_gets_the_same_single_sign_on_pages(client, oidc_provider, members, role):
    if role != "anonymous":
        client.force_login(members[role])
    # A GET asks before leaving for the provider (allauth: no sign-in started by a link).
    confirm = client.get(LOGIN)
    assert confirm.status_code == 200
    assert f'action="{LOGIN}"' in confirm.text or 'method="post"' in confirm.text
    # The button's POST leaves for the provider, with this sign-in's nonce and PKCE challenge.
    leaving = client.post(LOGIN)
    assert leaving.status_code == 302
    assert leaving["Location"].startswith(oidc_provider.url + "/auth?")
    assert "nonce=" in leaving["Location"] and "code_challenge=" in leaving["Location"]
    # The way back without a sign-in under way is refused, nothing changed.
    before = snapshot()
    back = client.get(reverse("openid_connect_callback", args=["solimut"]), {"code": "x"})
    assert back.status_code == 400
    assert "Cette demande de connexion a expiré ou a déjà servi" in back.text
    assert snapshot() == before
