"""Every change of a guide: drafting together, review, publication, tools, and its PDF."""

import datetime
import logging
from collections.abc import Iterable
from typing import TypedDict, Unpack

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actionplan.models import Action
from ambassadeurs.models import Role, User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can, check
from core import history, outbox, pictures, search, uploads
from core.mail import notify
from core.richtext import plain_text, sanitize
from mutuelles.models import FrameworkEntry, Theme

from .models import Event, Guide, Picture, Status, Tool, Version
from .text import with_table_headers

logger = logging.getLogger(__name__)

MAX_TOOL = 20 * 1024 * 1024
MAX_PICTURE = 10 * 1024 * 1024
PICTURE_WIDTH = 1600  # px: sharp on paper at the width of the text


class DraftConflict(Exception):
    """Someone saved the draft since this author opened it: their text is not overwritten."""

    def __init__(self, guide: Guide) -> None:
        super().__init__(guide.pk)
        self.guide = guide


def _event(guide: Guide, kind: str, by: User | None, comment: str = "") -> Event:
    return Event.objects.create(guide=guide, kind=kind, by=by, comment=comment)


def _unique_slug(title: str) -> str:
    base = slugify(title)[:70] or "guide"
    slug, n = base, 2
    while Guide.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# --- Drafting together -----------------------------------------------------------------------


class GuideRelated(TypedDict, total=False):
    authors: Iterable[User]
    actions: Iterable[Action]
    frameworks: Iterable[FrameworkEntry]


class DraftFields(GuideRelated, total=False):
    """What the guide form sends (any subset of it)."""

    title: str
    summary: str
    theme: Theme
    body: str


def guide_create(
    *,
    by: User,
    title: str,
    summary: str,
    theme: Theme,
    body: str = "",
    **related: Unpack[GuideRelated],
) -> Guide:
    check(by, Can.DRAFT_GUIDES)
    guide = Guide(
        title=title.strip(),
        slug=_unique_slug(title),
        summary=summary.strip(),
        theme=theme,
        body=with_table_headers(sanitize(body)),
        edited_by=by,
    )
    guide.full_clean()
    with transaction.atomic():
        guide.save()
        guide.authors.set({by, *related.get("authors", [])})
        guide.actions.set(related.get("actions", []))
        guide.frameworks.set(related.get("frameworks", []))
        _event(guide, Event.Kind.CREATED, by)
    return guide


def draft_save(*, by: User, guide: Guide, revision: int, **fields: Unpack[DraftFields]) -> Guide:
    """Save the working copy, unless a co-author saved it since `revision`: then raise
    DraftConflict carrying their newer text, and write nothing."""
    check(by, Can.EDIT_GUIDE, guide)
    if guide.status == Status.ARCHIVED:
        raise ValidationError(_("Ce guide est archivé : rétablissez-le avant de le modifier."))
    chosen_authors, actions = fields.pop("authors", None), fields.pop("actions", None)
    frameworks = fields.pop("frameworks", None)
    if "body" in fields:
        fields["body"] = with_table_headers(sanitize(fields["body"]))
    for name, value in fields.items():
        setattr(guide, name, value)
    guide.full_clean(validate_unique=False)
    changes: dict[str, object] = {**fields, "edited_by": by, "edited_at": timezone.now()}
    if guide.status == Status.PUBLISHED:
        changes["status"] = Status.DRAFT  # a new version in the making; readers keep the last
    with transaction.atomic():
        saved = Guide.objects.filter(pk=guide.pk, revision=revision).update(
            revision=F("revision") + 1, **changes
        )
        if not saved:
            raise DraftConflict(Guide.objects.select_related("edited_by").get(pk=guide.pk))
        history.saved(Guide, guide.pk, by=by)
        if chosen_authors is not None:
            authors = set(chosen_authors)
            if not can(by, Can.COORDINATE):
                authors.add(by)  # an author does not take themselves off by mistake
            guide.authors.set(authors or {by})
        if actions is not None:
            guide.actions.set(actions)
        if frameworks is not None:
            guide.frameworks.set(frameworks)
    guide.refresh_from_db()
    guide.__dict__.pop("author_ids", None)
    return guide


def _require_body(guide: Guide, message: str) -> None:
    if not plain_text(guide.body) and "<img" not in guide.body:
        raise ValidationError({"body": message})


def submit(*, by: User, guide: Guide) -> Guide:
    """The authors ask the coordinators to review the draft."""
    check(by, Can.EDIT_GUIDE, guide)
    if guide.status != Status.DRAFT:
        raise ValidationError(_("Seul un brouillon peut être soumis à relecture."))
    _require_body(guide, _("Le guide est vide : écrivez-le avant de le soumettre à relecture."))
    with transaction.atomic():
        _move(
            guide,
            Status.DRAFT,
            Status.IN_REVIEW,
            _("Seul un brouillon peut être soumis à relecture."),
            by,
        )
        event = _event(guide, Event.Kind.SUBMITTED, by)
    outbox.enqueue("guides.tasks.notify_event", event.pk)
    return guide


def send_back(*, by: User, guide: Guide, comment: str) -> Guide:
    """A coordinator returns the draft to its authors, saying what to change."""
    check(by, Can.COORDINATE)
    if guide.status != Status.IN_REVIEW:
        raise ValidationError(_("Seul un guide en relecture peut être renvoyé à ses auteurs."))
    if not comment.strip():
        raise ValidationError(
            {"comment": _("Dites aux auteurs ce qu'il faut reprendre avant publication.")}
        )
    with transaction.atomic():
        _move(
            guide,
            Status.IN_REVIEW,
            Status.DRAFT,
            _("Seul un guide en relecture peut être renvoyé à ses auteurs."),
            by,
        )
        event = _event(guide, Event.Kind.SENT_BACK, by, comment.strip())
    outbox.enqueue("guides.tasks.notify_event", event.pk)
    return guide


def _move(guide: Guide, before: str, after: str, refused: str, by: User) -> None:
    """Change the status only if it still is `before` (someone may have acted meanwhile)."""
    if not Guide.objects.filter(pk=guide.pk, status=before).update(status=after):
        raise ValidationError(refused)
    guide.status = after
    search.refresh(Guide, [guide.pk])  # an update() sends no signal
    history.saved(Guide, guide.pk, by=by)


def _authors_names(guide: Guide) -> str:
    names = []
    for author in guide.authors.select_related("mutuelle").order_by("last_name", "first_name"):
        where = author.mutuelle.short_name if author.mutuelle else _("Groupe Solimut")
        names.append(f"{author.get_full_name()} ({where})")
    return ", ".join(names)


def publish(*, by: User, guide: Guide, note: str = "", revision: int | None = None) -> Version:
    """Freeze the working copy as the next version; its PDF is rendered by the worker.
    `revision`: the one the coordinator read; a newer save is not published unread."""
    check(by, Can.COORDINATE)
    with transaction.atomic():
        guide = Guide.objects.select_for_update().select_related("theme").get(pk=guide.pk)
        if guide.status not in (Status.DRAFT, Status.IN_REVIEW):
            raise ValidationError(_("Ce guide n'a pas de nouveau texte à publier."))
        if revision is not None and revision != guide.revision:
            raise ValidationError(
                _(
                    "Le brouillon a été modifié depuis que vous l'avez ouvert : relisez-le, "
                    "puis publiez."
                )
            )
        _require_body(guide, _("Impossible de publier un guide vide : il n'a pas de texte."))
        number = (guide.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        version = Version.objects.create(
            guide=guide,
            number=number,
            title=guide.title,
            summary=guide.summary,
            theme_name=guide.theme.name,
            authors_names=_authors_names(guide),
            body=guide.body,
            note=note.strip(),
            published_by=by,
        )
        # A save made from before the publication is refused (its author is told).
        Guide.objects.filter(pk=guide.pk).update(
            status=Status.PUBLISHED, current_version=version, revision=F("revision") + 1
        )
        search.refresh(Guide, [guide.pk])  # an update() sends no signal
        history.saved(Guide, guide.pk, by=by)
        event = _event(guide, Event.Kind.PUBLISHED, by, note.strip())
    render_later(version)
    outbox.enqueue("guides.tasks.notify_event", event.pk)
    return version


def archive(*, by: User, guide: Guide, restore: bool = False) -> Guide:
    """Take a guide out of the list (its versions stay for the record), or bring it back."""
    check(by, Can.COORDINATE)
    if restore:
        status = Status.PUBLISHED if guide.current_version_id else Status.DRAFT
        kind = Event.Kind.RESTORED
    else:
        status, kind = Status.ARCHIVED, Event.Kind.ARCHIVED
    with transaction.atomic():
        if restore:
            _move(guide, Status.ARCHIVED, status, _("Ce guide n'est pas archivé."), by)
        else:
            updated = Guide.objects.filter(pk=guide.pk).exclude(status=Status.ARCHIVED)
            if not updated.update(status=status):
                raise ValidationError(_("Ce guide est déjà archivé."))
            guide.status = status
            search.refresh(Guide, [guide.pk])  # an update() sends no signal
            history.saved(Guide, guide.pk, by=by)
        _event(guide, kind, by)
    return guide


# --- Tools and pictures ----------------------------------------------------------------------


def tool_add(*, by: User, guide: Guide, upload: UploadedFile, title: str) -> Tool:
    check(by, Can.EDIT_GUIDE, guide)
    tool = Tool(guide=guide)
    uploads.store(tool, upload, limit=MAX_TOOL, title=title)
    return tool


def tool_delete(*, by: User, tool: Tool) -> None:
    check(by, Can.EDIT_GUIDE, tool.guide)
    tool.file.delete(save=False)
    tool.delete()


def picture_add(*, by: User, guide: Guide, upload: UploadedFile) -> Picture:
    """An image for the guide's text, re-encoded (nothing of the upload but its pixels)."""
    check(by, Can.EDIT_GUIDE, guide)
    picture = pictures.read(upload, field="image", max_bytes=MAX_PICTURE)
    stored = picture.file(box=(PICTURE_WIDTH, PICTURE_WIDTH * 2))
    result = Picture(guide=guide)
    result.image.save(stored.name, stored, save=True)
    return result


# --- The PDF, once per version ----------------------------------------------------------------


def _stale_before() -> datetime.datetime:
    """A render older than its time limit (plus a margin) was lost with its worker."""
    return timezone.now() - datetime.timedelta(seconds=settings.RSE_PDF_TIME_LIMIT + 60)


def pdf_claim(version: Version, *, resume: datetime.datetime | None = None) -> bool:
    """Take the render of `version`: true for exactly one caller, whatever the concurrency.
    `resume` is the moment of a claim this caller already holds (its render was cut from the
    database in the middle): it takes its own claim back."""
    now = timezone.now()
    claimable = Q(pdf_state=Version.PDF.PENDING) | Q(
        pdf_state=Version.PDF.RENDERING, pdf_started_at__lt=_stale_before()
    )
    if resume is not None:
        claimable |= Q(pdf_state=Version.PDF.RENDERING, pdf_started_at=resume)
    claimed = (
        Version.objects.filter(pk=version.pk)
        .filter(claimable)
        .update(pdf_state=Version.PDF.RENDERING, pdf_started_at=now, pdf_error="")
    )
    if claimed:
        version.pdf_state, version.pdf_started_at = Version.PDF.RENDERING, now
    return claimed == 1


def pdf_request(version: Version) -> None:
    """Make sure a render of `version` is on its way (asked once, however many readers ask)."""
    if version.pdf_state == Version.PDF.READY:
        return
    stale = version.pdf_state == Version.PDF.RENDERING and (
        version.pdf_started_at is None or version.pdf_started_at < _stale_before()
    )
    waiting = version.pdf_state == Version.PDF.PENDING or stale
    if waiting and cache.add(f"guides:pdf-asked:{version.pk}", 1, timeout=60):
        render_later(version)


def render_later(version: Version) -> None:
    """Queue a render with the time limits read from the settings now: a task caches the
    options it is first sent with, and the limits travel in the message to the worker."""
    outbox.enqueue(
        "guides.tasks.render_pdf",
        version.pk,
        soft_time_limit=settings.RSE_PDF_TIME_LIMIT,
        time_limit=settings.RSE_PDF_TIME_LIMIT + 30,
    )


def pdf_render(version: Version, *, resume: datetime.datetime | None = None) -> bool:
    """Render and store the PDF if this caller wins the claim; False when someone else has it."""
    from . import pdf

    if not pdf_claim(version, resume=resume):
        return False
    data = pdf.render(version)
    version.pdf.save(version.pdf_filename(), ContentFile(data), save=False)
    Version.objects.filter(pk=version.pk).update(
        pdf=version.pdf.name, pdf_state=Version.PDF.READY, pdf_error=""
    )
    version.pdf_state = Version.PDF.READY
    return True


def pdf_failed(version: Version, reason: str) -> bool:
    """Record why the render failed and tell the authors (who can ask again once fixed). Only
    a render still on its way fails, and once: a render stopped at its soft time limit may be
    reported again by its hard limit, if recording the first took that long."""
    with transaction.atomic():
        failed = Version.objects.filter(
            pk=version.pk, pdf_state__in=[Version.PDF.PENDING, Version.PDF.RENDERING]
        ).update(pdf_state=Version.PDF.FAILED, pdf_error=reason)
        if not failed:
            return False
        event = _event(version.guide, Event.Kind.PDF_FAILED, None, reason)
        outbox.enqueue("guides.tasks.notify_event", event.pk)
    return True


def pdf_retry(*, by: User, version: Version) -> None:
    check(by, Can.EDIT_GUIDE, version.guide)
    updated = Version.objects.filter(pk=version.pk, pdf_state=Version.PDF.FAILED).update(
        pdf_state=Version.PDF.PENDING, pdf_error=""
    )
    if updated:
        cache.delete(f"guides:pdf-asked:{version.pk}")
        version.pdf_state = Version.PDF.PENDING
        pdf_request(version)


# --- Notifications (run by the worker) --------------------------------------------------------


def event_notify(*, event: Event) -> None:
    """Coordinators hear of submissions; authors of publication, send-backs and failed PDFs."""
    guide = event.guide
    active = User.objects.active()
    if event.kind == Event.Kind.SUBMITTED:
        recipients = active.filter(Q(role=Role.COORDINATOR) | Q(is_superuser=True))
        subject = _("[Solimut RSE] Guide à relire : « %(title)s »")
    elif event.kind == Event.Kind.PUBLISHED:
        recipients = active.filter(guides=guide)
        subject = _("[Solimut RSE] Votre guide « %(title)s » est publié")
    elif event.kind == Event.Kind.SENT_BACK:
        recipients = active.filter(guides=guide)
        subject = _("[Solimut RSE] Votre guide « %(title)s » vous est renvoyé")
    elif event.kind == Event.Kind.PDF_FAILED:
        recipients = active.filter(guides=guide)
        subject = _("[Solimut RSE] Le PDF de « %(title)s » n'a pas pu être produit")
    else:
        return
    if event.by_id:
        recipients = recipients.exclude(pk=event.by_id)
    notify(
        subject % {"title": guide.title},
        "guides/email/event",
        {"event": event, "guide": guide},
        list(recipients.values_list("email", flat=True).distinct()),
    )
