"""Every change of members, invitations and working groups goes through these functions."""

import datetime
import io
import json
import zipfile
from collections.abc import Mapping
from typing import Any, Literal, TypedDict, Unpack

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import history, mail, outbox, personal_data, pictures, revisions, search
from mutuelles.models import Mutuelle

from .models import Erasure, Invitation, Role, User, WorkingGroup
from .oidc import Refused
from .permissions import Action, can, check

_INVITATION_SALT = "ambassadeurs.invitation"
PHOTO_SIZE = 320


class InvitationError(Exception):
    """An invitation link that cannot be used; the message is for the visitor, in French."""


# --- Invitations ----------------------------------------------------------------------------


def invitation_create(
    *, email: str, role: str, mutuelle: Mutuelle | None, invited_by: User | None
) -> Invitation:
    """Invite someone; `invited_by` is None when an operator runs `manage.py invite`."""
    if invited_by is not None:
        check(invited_by, Action.COORDINATE)
    email = email.strip().lower()
    errors = {}
    if User.objects.filter(email__iexact=email).exists():
        errors["email"] = _("Un membre utilise déjà cette adresse e-mail.")
    elif Invitation.objects.pending().filter(email__iexact=email).exists():
        errors["email"] = _("Une invitation est déjà en attente pour cette adresse e-mail.")
    if role not in Role.values:
        errors["role"] = _(
            "Rôle inconnu : choisissez salarié·e, ambassadeur·rice ou coordinateur·rice."
        )
    elif role != Role.COORDINATOR and mutuelle is None:
        errors["mutuelle"] = _(
            "Un salarié ou un ambassadeur appartient à une mutuelle : choisissez-la."
        )
    if mutuelle is not None and not mutuelle.is_active:
        errors["mutuelle"] = _("Cette mutuelle n'est plus active.")
    if errors:
        raise ValidationError(errors)

    invitation = Invitation.objects.create(
        email=email, role=role, mutuelle=mutuelle, invited_by=invited_by
    )
    outbox.enqueue("ambassadeurs.tasks.send_invitation", invitation.pk)
    return invitation


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=_INVITATION_SALT, compress=True)


def invitation_url(invitation: Invitation) -> str:
    path = reverse("ambassadeurs:invitation_accept", args=[invitation_token(invitation)])
    return settings.SITE_URL + path


def invitation_from_token(token: str) -> Invitation:
    """The invitation a link stands for, or InvitationError saying why it cannot be used."""
    try:
        data = signing.loads(token, salt=_INVITATION_SALT, max_age=settings.INVITATION_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise InvitationError(
            _(
                "Ce lien d'invitation a expiré (il est valable 7 jours). Demandez une nouvelle "
                "invitation à l'équipe de coordination."
            )
        ) from exc
    except signing.BadSignature as exc:
        raise InvitationError(
            _("Ce lien d'invitation n'est pas valide. Vérifiez qu'il a été copié en entier.")
        ) from exc
    invitation = Invitation.objects.filter(pk=data.get("invitation")).first()
    if invitation is None:
        raise InvitationError(_("Cette invitation a été retirée."))
    if invitation.accepted_at is not None:
        raise InvitationError(
            _(
                "Cette invitation a déjà été utilisée. Connectez-vous avec votre adresse e-mail, "
                "ou utilisez « Mot de passe oublié »."
            )
        )
    return invitation


def invitation_send(*, invitation: Invitation) -> None:
    """Send the invitation e-mail (in French: the invitee has not chosen a language yet)."""
    if invitation.accepted_at is not None:
        return
    mail.notify(
        gettext_lazy("[Solimut RSE] Votre invitation à l'intranet du réseau ESS/RSE"),
        "ambassadeurs/email/invitation",
        {
            "invitation": invitation,
            "url": invitation_url(invitation),
            "expires_at": invitation.expires_at,
        },
        [invitation.email],
    )


def invitation_accept(*, token: str, first_name: str, last_name: str, password: str) -> User:
    """Create the account of an invitation; a link works once, even when clicked twice."""
    with transaction.atomic():
        invitation = invitation_from_token(token)
        # Lock the row, then look again: two tabs submitting at once create one account.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise InvitationError(_("Cette invitation a déjà été utilisée."))
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvitationError(_("Un compte existe déjà pour cette adresse e-mail."))
        return _invitation_fulfil(
            invitation, first_name=first_name, last_name=last_name, password=password
        )


def _invitation_fulfil(
    invitation: Invitation, *, first_name: str, last_name: str, password: str | None
) -> User:
    """The account of a locked, pending invitation (no password: an unusable one)."""
    user = _account_create(
        reason="invitation acceptée",
        email=invitation.email,
        first_name=first_name,
        last_name=last_name,
        password=password,
        role=invitation.role,
        mutuelle=invitation.mutuelle,
    )
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def _account_create(
    *,
    reason: str,
    email: str,
    first_name: str,
    last_name: str,
    password: str | None,
    role: str,
    mutuelle: Mutuelle | None,
) -> User:
    # Nobody is signed in yet: the record names how the account came (core.history).
    with history.reason(reason):
        user = User.objects.create_user(
            email=email,
            password=password,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            role=role,
            mutuelle=mutuelle,
        )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    revisions.bump("ambassadeurs")
    return user


# --- Single sign-on -------------------------------------------------------------------------


def member_for_sign_in(*, claims: Mapping[str, Any], linked: User | None) -> User:
    """The member a sign-in through the group's directory stands for: the one already linked
    to that directory account, else the member with that verified address, else the account of
    their pending invitation (accepted now), else, when RSE_OIDC_CREATE_ACCOUNTS allows it, a
    new reader of the mutuelle the claim RSE_OIDC_MUTUELLE_CLAIM names. Anyone else, and a
    deactivated member, is refused (`Refused`, in French) and nothing is written."""
    if linked is not None:
        return _active(linked)
    email = str(claims.get("email") or "").strip().lower()
    if not email:
        raise Refused(
            _(
                "Le fournisseur d'identité n'a pas transmis votre adresse e-mail : l'intranet ne "
                "peut pas vous reconnaître. Prévenez le service informatique."
            )
        )
    if not _email_verified(claims, email):
        raise Refused(
            _(
                "Le fournisseur d'identité indique que l'adresse %(email)s n'est pas vérifiée : "
                "l'intranet ne peut pas vous connecter avec elle. Faites-la vérifier par le "
                "service informatique, puis recommencez."
            )
            % {"email": email}
        )
    member = User.objects.filter(email__iexact=email).first()
    if member is not None:
        return _active(member)
    first_name, last_name = _names(claims)
    with transaction.atomic():
        invitation = (
            Invitation.objects.pending()
            .select_for_update()
            .filter(email__iexact=email)
            .order_by("-created_at")
            .first()
        )
        if invitation is not None:
            return _invitation_fulfil(
                invitation, first_name=first_name, last_name=last_name, password=None
            )
        if not settings.RSE_OIDC_CREATE_ACCOUNTS:
            raise Refused(
                _(
                    "Aucun membre de l'intranet n'a l'adresse %(email)s. L'intranet est ouvert "
                    "sur invitation : demandez-en une à l'équipe de coordination."
                )
                % {"email": email}
            )
        return _account_create(
            reason="connexion par le compte Solimut",
            email=email,
            first_name=first_name,
            last_name=last_name,
            password=None,
            role=Role.READER,
            mutuelle=_mutuelle_from_claims(claims),
        )


def _active(member: User) -> User:
    if not member.is_active:
        raise Refused(
            _(
                "Votre compte de l'intranet a été désactivé. Adressez-vous à l'équipe de "
                "coordination si vous pensez que c'est une erreur."
            )
        )
    return member


def _email_verified(claims: Mapping[str, Any], email: str) -> bool:
    verified = claims.get("email_verified")
    if verified is True or (isinstance(verified, str) and verified.lower() == "true"):
        return True
    # Entra ID sends no `email_verified`: its tenant's own domains are its to vouch for.
    return verified is None and email.rpartition("@")[2] in settings.RSE_OIDC_TRUSTED_DOMAINS


def _names(claims: Mapping[str, Any]) -> tuple[str, str]:
    first, last = str(claims.get("given_name") or ""), str(claims.get("family_name") or "")
    if not (first or last):
        first, _sep, last = str(claims.get("name") or "").partition(" ")
    return first[:150], last[:150]


def _mutuelle_from_claims(claims: Mapping[str, Any]) -> Mutuelle:
    value = str(claims.get(settings.RSE_OIDC_MUTUELLE_CLAIM) or "").strip()
    mutuelle = (
        Mutuelle.objects.active()
        .filter(Q(slug__iexact=value) | Q(short_name__iexact=value) | Q(name__iexact=value))
        .first()
        if value
        else None
    )
    if mutuelle is None:
        raise Refused(
            _(
                "Votre compte du groupe ne dit pas à quelle mutuelle vous appartenez "
                "(« %(value)s ») : l'intranet ne peut pas vous créer de compte. Demandez une "
                "invitation à l'équipe de coordination."
            )
            % {"value": value}
        )
    return mutuelle


# --- Members --------------------------------------------------------------------------------


class ProfileFields(TypedDict, total=False):
    first_name: str
    last_name: str
    job_title: str
    phone: str
    # A new upload; False to remove the photo; the current one (or None) to keep it.
    photo: UploadedFile | FieldFile | Literal[False] | None


def member_update_profile(*, member: User, by: User, **fields: Unpack[ProfileFields]) -> User:
    """Fields a member fills in about themselves: names, job title, phone, photo (a small
    square: directory pages stay light whatever size was uploaded)."""
    check(by, Action.EDIT_PROFILE, member)
    photo = fields.pop("photo", None)
    square = None
    if isinstance(photo, UploadedFile):
        # Checked before anything changes: a refused photo leaves the member as they were.
        picture = pictures.read(photo, field="photo", max_bytes=settings.PHOTO_MAX_BYTES)
        square = picture.file(box=(PHOTO_SIZE, PHOTO_SIZE), crop=True)
    for name, value in fields.items():
        setattr(member, name, value)
    member.full_clean(exclude=["photo"])
    if photo is False:
        member.photo.delete(save=False)
    elif square is not None:
        member.photo.save(square.name, square, save=False)
    member.save()
    revisions.bump("ambassadeurs")
    return member


def member_set_access(
    *, member: User, by: User, role: str, mutuelle: Mutuelle | None, is_active: bool
) -> User:
    """A coordinator changes a member's role, mutuelle or deactivates the account."""
    check(by, Action.COORDINATE)
    if member.is_superuser and not by.is_superuser:
        raise ValidationError(
            _("Seul un administrateur peut modifier les accès d'un administrateur.")
        )
    if member.pk == by.pk and (not is_active or role != member.role):
        raise ValidationError(
            _("Vous ne pouvez pas changer votre propre rôle ni désactiver votre propre compte.")
        )
    if role != Role.COORDINATOR and mutuelle is None:
        raise ValidationError(
            {
                "mutuelle": _(
                    "Un salarié ou un ambassadeur appartient à une mutuelle : choisissez-la."
                )
            }
        )
    member.role, member.mutuelle, member.is_active = role, mutuelle, is_active
    member.save(update_fields=["role", "mutuelle", "is_active"])
    if not is_active:
        sessions_end(member=member)
    revisions.bump("ambassadeurs")
    return member


def sessions_end(*, member: User) -> None:
    """Signs `member` out everywhere at once: every session they have open ends now (a
    deactivated account could not use them anyway; they are not left lying around)."""
    for session in UserSession.objects.filter(user_id=member.pk):
        session.end()


# --- Working groups -------------------------------------------------------------------------


def working_group_join(*, group: WorkingGroup, user: User) -> None:
    check(user, Action.READ)
    group.members.add(user)


def working_group_leave(*, group: WorkingGroup, user: User) -> None:
    check(user, Action.READ)
    group.members.remove(user)


# --- The home page ------------------------------------------------------------------------------

# Home pages shown less than this apart make one visit: what is new stays listed while the
# member opens it item by item and comes back.
VISIT_GAP = datetime.timedelta(hours=1)
# A first visit lists what is new this long before it.
FIRST_VISIT_LOOKBACK = datetime.timedelta(days=30)
# A visit going on is written down at most this often (a home page read is not a write each
# time): the visit ends between VISIT_GAP - VISIT_WRITE_EVERY and VISIT_GAP after the last page.
VISIT_WRITE_EVERY = datetime.timedelta(minutes=5)


def home_visit_record(*, user: User, now: datetime.datetime | None = None) -> datetime.datetime:
    """Record that `user` opened the home page; returns since when things count as new for
    them: their previous visit (a month back on a first one)."""
    now = now or timezone.now()
    since, last = user.new_since, user.last_home_visit
    if since is None or last is None or now - last > VISIT_GAP:  # a new visit begins
        since = last or now - FIRST_VISIT_LOOKBACK
    elif now - last < VISIT_WRITE_EVERY:  # the same visit, written down moments ago
        return since
    User.objects.filter(pk=user.pk).update(last_home_visit=now, new_since=since)
    user.last_home_visit, user.new_since = now, since
    return since


# --- Personal data (GDPR): a member's copy, a departed member's erasure ---------------------


class ExportBusy(Exception):
    """An export of the same member's data is already being made."""


def member_export(*, member: User) -> bytes:
    """Everything the intranet holds about `member`, as a ZIP: one JSON file per kind of data
    (each app says what it holds: core.personal_data) and their files. One at a time."""
    lock = f"personal-data-export:{member.pk}"
    if not cache.add(lock, 1, timeout=300):
        raise ExportBusy(
            _("Un export de vos données est déjà en cours : réessayez dans un instant.")
        )
    try:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            today = f"{timezone.localdate():%Y-%m-%d}"
            archive.writestr("LISEZMOI.txt", str(_EXPORT_README) % {"date": today})
            for holder in personal_data.holders():
                for section, data in holder.export(member).items():
                    archive.writestr(
                        f"{holder.name}/{section}.json",
                        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                    )
                for name, stored in holder.files(member):
                    with stored.open("rb") as content:
                        archive.writestr(f"fichiers/{name}", content.read())
        return buffer.getvalue()
    finally:
        cache.delete(lock)


_EXPORT_README = gettext_lazy(
    "Vos données dans l'intranet Solimut RSE, exportées le %(date)s.\n\n"
    "Chaque dossier correspond à une partie de l'intranet ; chaque fichier .json contient une "
    "liste de lignes (dates au format ISO 8601, heure UTC). Le dossier « fichiers » contient "
    "votre photo et les fichiers que vous avez déposés.\n"
)


def member_holdings(member: User) -> list[tuple[str, int]]:
    """How many rows of each kind the intranet holds about `member` (named as in the ZIP of
    their data), the kinds that hold none left out: what an erasure will go through."""
    return [
        (section.replace("_", " "), len(data))
        for holder in personal_data.holders()
        for section, data in holder.export(member).items()
        if data
    ]


def member_erase(*, member: User, by: User, remove_content: bool) -> Erasure:
    """A coordinator erases a departed member: their personal data and files go everywhere
    (each app erases its own: core.personal_data); what they wrote stays, by "Ancien membre",
    or goes, as chosen. The erasure is recorded, with nothing personal."""
    check(by, Action.COORDINATE)
    if member.pk == by.pk:
        raise ValidationError(_("Vous ne pouvez pas effacer votre propre compte."))
    if member.erased_at:
        raise ValidationError(_("Les données de ce membre ont déjà été effacées."))
    if member.is_superuser and not by.is_superuser:
        raise ValidationError(_("Seul un administrateur peut effacer un administrateur."))
    with transaction.atomic():
        member = User.objects.select_for_update().get(pk=member.pk)
        coordinators = User.objects.active().filter(Q(role=Role.COORDINATOR) | Q(is_superuser=True))
        if can(member, Action.COORDINATE) and not coordinators.exclude(pk=member.pk).exists():
            raise ValidationError(
                _("C'est le dernier membre de la coordination : nommez-en un autre d'abord.")
            )
        for holder in personal_data.holders():
            holder.erase(member, remove_content)
        # An update, not save(): nothing else follows the emptied account (no subscriber is
        # made again for its new address).
        now = timezone.now()
        User.objects.filter(pk=member.pk).update(
            email=f"ancien-membre-{member.pk}@membres-effaces.invalid",
            first_name="",
            last_name="",
            job_title="",
            phone="",
            photo="",
            password=make_password(None),
            is_active=False,
            is_staff=False,
            is_superuser=False,
            role=Role.READER,
            last_login=None,
            last_home_visit=None,
            new_since=None,
            erased_at=now,
        )
        history.saved(User, member.pk, by=by)  # their access, withdrawn
        erasure = Erasure.objects.create(
            member=member,
            erased_by=by,
            erased_at=now,
            content=Erasure.Content.REMOVED if remove_content else Erasure.Content.KEPT,
        )
        member.user_permissions.clear()
        member.groups.clear()
        # The update() sent no signal: the search forgets their name and address now.
        search.refresh(User, [member.pk])
    for app in ("ambassadeurs", "actionplan", "initiatives"):
        revisions.bump(app)
    return erasure
