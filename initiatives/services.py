"""Every change of initiatives, their images and files, replications and comments."""

import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.models import Action
from ambassadeurs.models import User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import check
from core import outbox, pending_uploads, pictures, revisions
from core.mail import notify
from core.models import Upload
from core.richtext import sanitize
from core.uploads import store
from mutuelles.models import FrameworkEntry, Mutuelle, Theme

from .models import Attachment, Audience, Comment, Image, Initiative, Replication

MAX_UPLOAD = 10 * 1024 * 1024
THUMBNAIL = (640, 400)
IMAGE_SIDE = 2400  # px: sharp on any screen, light enough for a page
RELATED = ("themes", "audiences", "actions", "frameworks")


def initiatives_changed() -> None:
    """Every write that shows in the lists: their cached pages are rendered again."""
    revisions.bump("initiatives")


class InitiativeFields(TypedDict, total=False):
    """What the initiative form sends (any subset of it)."""

    mutuelle: Mutuelle
    title: str
    summary: str
    body: str
    themes: Iterable[Theme]
    audiences: Iterable[Audience]
    status: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    place: str
    participants: int | None
    budget: Decimal | None
    partners: str
    results: str
    lessons: str
    transposability: str
    actions: Iterable[Action]
    frameworks: Iterable[FrameworkEntry]


# --- Initiatives ------------------------------------------------------------------------------


def initiative_save(
    *,
    by: User,
    initiative: Initiative | None = None,
    uploads: Sequence[tuple[Upload, str]] = (),
    **fields: Unpack[InitiativeFields],
) -> Initiative:
    """Create or change an initiative of a mutuelle the author may write for, with the
    pictures and files sent ahead of the form (`uploads`: each with its alt text or title)."""
    if initiative is not None:
        check(by, Can.EDIT_MUTUELLE, Initiative.objects.get(pk=initiative.pk))  # as stored
    initiative = initiative or Initiative(author=by)
    check(by, Can.EDIT_MUTUELLE, fields.get("mutuelle") or initiative)
    changes: dict[str, object] = dict(fields)
    related = {name: changes.pop(name) for name in RELATED if name in changes}
    for name, value in changes.items():
        setattr(initiative, name, value)
    initiative.body = sanitize(initiative.body)
    initiative.full_clean(exclude=["author"])
    with transaction.atomic():
        initiative.save()
        for name, values in related.items():
            getattr(initiative, name).set(values)
        for upload, text in uploads:
            if upload.owner_id != by.pk:
                raise ValidationError(_("Ce fichier a été envoyé par quelqu'un d'autre."))
            with pending_uploads.open_(upload) as file:
                if upload.is_picture:
                    image_add(by=by, initiative=initiative, upload=file, alt=text)
                else:
                    attachment_add(by=by, initiative=initiative, upload=file, title=text)
        pending_uploads.forget(upload for upload, _text in uploads)
        initiatives_changed()
    return initiative


def initiative_publish(*, by: User, initiative: Initiative, publish: bool = True) -> Initiative:
    check(by, Can.EDIT_MUTUELLE, initiative)
    initiative.is_published = publish
    if publish and initiative.published_at is None:
        initiative.published_at = timezone.now()
    initiative.save(update_fields=["is_published", "published_at", "updated_at"])
    initiatives_changed()
    return initiative


def initiative_delete(*, by: User, initiative: Initiative) -> None:
    check(by, Can.EDIT_MUTUELLE, initiative)
    initiative.delete()
    initiatives_changed()


# --- Images and files, checked by their content -----------------------------------------------


def image_add(*, by: User, initiative: Initiative, upload: UploadedFile, alt: str) -> Image:
    check(by, Can.EDIT_MUTUELLE, initiative)
    picture = pictures.read(upload, field="image", max_bytes=MAX_UPLOAD)
    image = Image(initiative=initiative, alt=alt.strip(), position=initiative.images.count())
    stored = picture.file(box=(IMAGE_SIDE, IMAGE_SIDE))
    thumbnail = picture.file(box=THUMBNAIL, suffix="-vignette")
    image.image.save(stored.name, stored, save=False)
    image.thumbnail.save(thumbnail.name, thumbnail, save=False)
    image.save()
    initiatives_changed()
    return image


def image_delete(*, by: User, image: Image) -> None:
    check(by, Can.EDIT_MUTUELLE, image.initiative)
    image.image.delete(save=False)
    image.thumbnail.delete(save=False)
    image.delete()
    initiatives_changed()


def attachment_add(
    *, by: User, initiative: Initiative, upload: UploadedFile, title: str
) -> Attachment:
    check(by, Can.EDIT_MUTUELLE, initiative)
    attachment = Attachment(initiative=initiative)
    store(attachment, upload, limit=MAX_UPLOAD, title=title)
    return attachment


def attachment_delete(*, by: User, attachment: Attachment) -> None:
    check(by, Can.EDIT_MUTUELLE, attachment.initiative)
    attachment.file.delete(save=False)
    attachment.delete()


# --- Replications and comments ----------------------------------------------------------------


def replication_save(
    *, by: User, initiative: Initiative, notes: str, status: str, contact: User | None = None
) -> Replication:
    """ "Nous la reprenons": the ambassador's own mutuelle takes up the initiative."""
    check(by, Can.REPLICATE)
    mutuelle = by.mutuelle
    if mutuelle is None:
        raise ValidationError(_("Seul un membre d'une mutuelle peut reprendre une initiative."))
    if mutuelle.pk == initiative.mutuelle_id:
        raise ValidationError(_("C'est déjà une initiative de votre mutuelle."))
    if not initiative.is_published:
        raise ValidationError(_("Cette initiative n'est pas publiée."))
    replication, created = Replication.objects.update_or_create(
        initiative=initiative,
        mutuelle=mutuelle,
        defaults={"notes": notes.strip(), "status": status, "contact": contact or by},
    )
    initiatives_changed()
    if created:
        outbox.enqueue("initiatives.tasks.notify_replication", replication.pk)
    return replication


def comment_add(*, by: User, initiative: Initiative, text: str) -> Comment:
    check(by, Can.COMMENT)
    if not initiative.is_published:
        raise ValidationError(_("On ne commente que les initiatives publiées."))
    if not text.strip():
        raise ValidationError({"text": _("Le commentaire est vide.")})
    comment = Comment(initiative=initiative, author=by, text=text.strip())
    comment.full_clean()  # its length, whoever calls
    comment.save()
    outbox.enqueue("initiatives.tasks.notify_comment", comment.pk)
    return comment


def comment_hide(*, by: User, comment: Comment, hide: bool = True) -> Comment:
    """The initiative's ambassadors (and coordinators) hide an abusive comment."""
    check(by, Can.EDIT_MUTUELLE, comment.initiative)
    comment.hidden_by, comment.hidden_at = (by, timezone.now()) if hide else (None, None)
    comment.save(update_fields=["hidden_by", "hidden_at"])
    return comment


# --- Notifications (run by the worker) --------------------------------------------------------


def replication_notify(*, replication: Replication) -> None:
    """Tell the initiative's author (or its mutuelle's ambassadors) that it is taken up."""
    initiative = replication.initiative
    if initiative.author and initiative.author.is_active:
        recipients = [initiative.author.email]
    else:
        recipients = list(
            User.objects.active()
            .ambassadors()
            .filter(mutuelle=initiative.mutuelle_id)
            .values_list("email", flat=True)
        )
    notify(
        _("[Solimut RSE] %(mutuelle)s reprend votre initiative « %(title)s »")
        % {"mutuelle": replication.mutuelle.short_name, "title": initiative.title},
        "initiatives/email/replication",
        {"replication": replication, "initiative": initiative},
        recipients,
    )


def comment_notify(*, comment: Comment) -> None:
    """Tell the ambassadors of the initiative's mutuelle, except the comment's own author."""
    initiative = comment.initiative
    ambassadors = User.objects.active().ambassadors().filter(mutuelle=initiative.mutuelle_id)
    if comment.author_id is not None:  # None: the author's account was deleted since
        ambassadors = ambassadors.exclude(pk=comment.author_id)
    recipients = list(ambassadors.values_list("email", flat=True))
    notify(
        _("[Solimut RSE] Nouveau commentaire sur « %(title)s »") % {"title": initiative.title},
        "initiatives/email/comment",
        {"comment": comment, "initiative": initiative},
        recipients,
    )
