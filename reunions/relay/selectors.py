"""What a relay kit shows: the figures, the featured initiatives or the guide's chapters, the
pictures, the mutuelle's local part and its sessions, in a fixed number of queries."""

import datetime
import re
from dataclasses import dataclass, field
from html import unescape
from typing import cast

from django.conf import settings
from django.db.models import Avg, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from actionplan.models import Deployment, DeploymentChange, FeedbackState, FieldFeedback, Status
from actionplan.selectors import current_plan
from ambassadeurs.models import Role, User
from ambassadeurs.permissions import Action as Can
from ambassadeurs.permissions import can
from core.richtext import plain_text
from guides.models import Guide, Picture, Version
from guides.models import Status as GuideStatus
from initiatives.models import Initiative, Replication
from initiatives.selectors import first_pictures
from mutuelles.models import Mutuelle
from newsletter.models import Block, Edition
from newsletter.rendering import parts

from ..models import RelayLocalPart, RelaySession

FEATURED = 4  # initiatives of an edition shown in the kit
LOCAL_FEATURED = 1  # of which the mutuelle's own, from its local part of the letter
CHAPTERS = 8  # a guide's chapters shown as key points and slides
EXCERPT = 280  # characters of a chapter or a summary shown on a slide

Source = Edition | Guide


@dataclass
class Figure:
    value: str
    label: str


@dataclass
class Feature:
    """One idea of the kit: an initiative of the letter, or a chapter of the guide."""

    title: str
    text: str
    where: str = ""
    picture: str = ""  # the picture's URL for the PDF renderer (our own media)
    alt: str = ""


@dataclass
class Kit:
    kind: str  # "edition" or "guide"
    source: Source
    title: str
    eyebrow: str
    intro: str
    figures: list[Figure]
    features: list[Feature]
    tools: list[str]
    page_url: str
    mutuelle: Mutuelle | None
    local: RelayLocalPart | None
    sessions: list[RelaySession] = field(default_factory=list)
    media: frozenset[str] = frozenset()  # stored files the PDF renderer may read

    @property
    def has_local_part(self) -> bool:
        return self.local is not None and bool(plain_text(self.local.text).strip())

    @property
    def slug(self) -> str:
        key = self.source.number if isinstance(self.source, Edition) else self.source.slug
        return f"{self.kind}-{key}"


def sent_edition(number: int) -> Edition:
    """A sent edition (Edition.DoesNotExist otherwise: a draft has no kit)."""
    return Edition.objects.get(number=number, status=Edition.Status.SENT)


def published_guide(slug: str) -> Guide:
    """A readable guide with its version in force (Guide.DoesNotExist otherwise)."""
    return (
        Guide.objects.readable()
        .select_related("theme", "current_version")
        .prefetch_related("tools")
        .get(slug=slug)
    )


def _media_url(name: str) -> str:
    return f"{settings.SITE_URL}{settings.MEDIA_URL}{name}"


def _count(value: int) -> str:
    return number_format(value, force_grouping=True)


def _local(source: Source, mutuelle: Mutuelle | None) -> RelayLocalPart | None:
    if mutuelle is None:
        return None
    return RelayLocalPart.objects.of(source).filter(mutuelle=mutuelle).first()


def _sessions(source: Source, mutuelle: Mutuelle | None) -> list[RelaySession]:
    if mutuelle is None:
        return []
    return list(
        RelaySession.objects.of(source)
        .filter(mutuelle=mutuelle)
        .select_related("presenter", "feedback")[:20]
    )


def edition_figures(edition: Edition, mutuelle: Mutuelle | None) -> list[Figure]:
    """The network's figures of the edition's period, and the plan's progress today."""
    since = timezone.make_aware(datetime.datetime.combine(edition.period_start, datetime.time.min))
    until = timezone.make_aware(datetime.datetime.combine(edition.period_end, datetime.time.max))
    period = (since, until)
    published = Initiative.objects.published().filter(published_at__range=period).count()
    guides = (
        Version.objects.filter(published_at__range=period)
        .exclude(guide__status=GuideStatus.ARCHIVED)
        .count()
    )
    changes = DeploymentChange.objects.filter(changed_at__range=period, is_review=False)
    updates = changes.count()
    done = changes.filter(after__status=Status.DONE).count()
    replications = Replication.objects.filter(created_at__range=period).count()
    answered = (
        FieldFeedback.objects.in_state(FeedbackState.ANSWERED)
        .filter(handled_at__range=period)
        .count()
    )
    counted = [
        (published, _("initiatives publiées")),
        (updates, _("mises à jour du plan d'action")),
        (done, _("déploiements achevés")),
        (replications, _("reprises d'une mutuelle à l'autre")),
        (guides, _("guides publiés")),
        (answered, _("retours du terrain suivis d'une réponse")),
    ]
    # What did not happen in the period is not a figure to present (the first always is).
    figures = [
        Figure(_count(value), label) for i, (value, label) in enumerate(counted) if value or not i
    ]
    plan = current_plan()
    if plan is not None:
        deployments = Deployment.objects.of_plan(plan).exclude(status=Status.NOT_APPLICABLE)
        means = deployments.aggregate(
            network=Avg("progress"),
            mine=Avg("progress", filter=Q(mutuelle=mutuelle)) if mutuelle else Avg("progress"),
        )
        figures.append(
            Figure(f"{round(means['network'] or 0)} %", _("d'avancement moyen du plan (réseau)"))
        )
        if mutuelle is not None and means["mine"] is not None:
            figures.append(
                Figure(
                    f"{round(means['mine'])} %",
                    _("d'avancement chez %(mutuelle)s") % {"mutuelle": mutuelle.short_name},
                )
            )
    return figures


def _edition_features(
    edition: Edition, mutuelle: Mutuelle | None
) -> tuple[list[Feature], set[str]]:
    """The initiatives the edition features: the common part's first ones, then the
    mutuelle's own (LOCAL_FEATURED at most), FEATURED in all (a 2 x 2 grid on the page)."""
    common, local = parts(edition)

    def initiative_ids(blocks: list[Block]) -> list[int]:
        return [
            b.initiative_id for b in blocks if b.kind == Block.Kind.INITIATIVE and b.initiative_id
        ]

    own = initiative_ids(local.get(mutuelle.pk, []) if mutuelle else [])[:LOCAL_FEATURED]
    shared = [pk for pk in initiative_ids(common) if pk not in own]
    ids = [*shared[: FEATURED - len(own)], *own]
    initiatives = Initiative.objects.published().filter(pk__in=ids).select_related("mutuelle")
    found = {i.pk: i for i in initiatives}
    pictures = first_pictures(found)
    features, media = [], set()
    for pk in ids:
        initiative = found.get(pk)
        if initiative is None:
            continue
        picture = pictures.get(pk)
        if picture is not None:
            media.add(picture.thumbnail.name)
        features.append(
            Feature(
                title=initiative.title,
                text=initiative.summary,
                where=initiative.mutuelle.name,
                picture=_media_url(picture.thumbnail.name) if picture else "",
                alt=picture.alt if picture else "",
            )
        )
    return features, media


def _day(day: datetime.date, fmt: str) -> str:
    """A date as French writes it: the first of the month is « 1er »."""
    text = date_format(day, fmt)
    return text.replace("1 ", "1er ", 1) if day.day == 1 else text


def edition_kit(edition: Edition, mutuelle: Mutuelle | None) -> Kit:
    features, media = _edition_features(edition, mutuelle)
    period = _("du %(start)s au %(end)s") % {
        "start": _day(edition.period_start, "j F"),
        "end": _day(edition.period_end, "j F Y"),
    }
    return Kit(
        kind="edition",
        source=edition,
        title=edition.title,
        eyebrow=_("Lettre ESS/RSE n° %(number)s · %(period)s")
        % {"number": edition.number, "period": period},
        intro=_excerpt(edition.editorial, 2 * EXCERPT),
        figures=edition_figures(edition, mutuelle),
        features=features,
        tools=[],
        page_url=settings.SITE_URL + edition.get_absolute_url(),
        mutuelle=mutuelle,
        local=_local(edition, mutuelle),
        sessions=_sessions(edition, mutuelle),
        media=frozenset(media),
    )


_SECTION = re.compile(r"<h2>(.*?)</h2>(.*?)(?=<h2>|\Z)", re.DOTALL)
_IMAGE = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\bsrc="([^"]+)"')
_ALT = re.compile(r'\balt="([^"]*)"')
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def _excerpt(html: str, limit: int = EXCERPT) -> str:
    text = " ".join(plain_text(p) for p in _PARAGRAPH.findall(html or "")) or plain_text(html)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _chapters(version: Version, pictures: set[str]) -> tuple[list[Feature], set[str]]:
    """Each chapter (h2) of the version: its title, its first paragraphs, its first picture
    among the guide's own."""
    features, media = [], set()
    for title, body in _SECTION.findall(version.body)[:CHAPTERS]:
        picture, alt = "", ""
        for tag in _IMAGE.findall(body):
            src, text = _SRC.search(tag), _ALT.search(tag)
            name = src[1] if src else ""
            name = unescape(name).removeprefix(settings.SITE_URL).removeprefix(settings.MEDIA_URL)
            if name in pictures:
                picture, alt = _media_url(name), unescape(text[1]) if text else ""
                media.add(name)
                break
        features.append(
            Feature(title=plain_text(title), text=_excerpt(body), picture=picture, alt=alt)
        )
    return features, media


def guide_kit(guide: Guide, mutuelle: Mutuelle | None) -> Kit:
    version = cast(Version, guide.current_version)  # published_guide(): readable guides only
    pictures = set(Picture.objects.filter(guide=guide).values_list("image", flat=True))
    features, media = _chapters(version, pictures)
    tools = [tool.title for tool in guide.tools.all()]
    figures = [
        Figure(_count(len(features)), _("chapitres")),
        Figure(_count(len(tools)), _("outils à télécharger")),
        Figure(
            str(version.number),
            _("version en vigueur, publiée le %(date)s")
            % {"date": _day(timezone.localdate(version.published_at), "j F Y")},
        ),
    ]
    return Kit(
        kind="guide",
        source=guide,
        title=version.title,
        eyebrow=_("Guide · %(theme)s") % {"theme": version.theme_name},
        intro=version.summary,
        figures=figures,
        features=features,
        tools=tools,
        page_url=settings.SITE_URL + guide.get_absolute_url(),
        mutuelle=mutuelle,
        local=_local(guide, mutuelle),
        sessions=_sessions(guide, mutuelle),
        media=frozenset(media),
    )


def kit_mutuelle(user: User, slug: str | None) -> Mutuelle | None:
    """Whose kit a member sees: an ambassador their own mutuelle's; the coordination the one
    they pick (none: the network's kit, without a local part)."""
    if user.role != Role.COORDINATOR and not user.is_superuser:
        return user.mutuelle
    if slug:
        found = Mutuelle.objects.active().filter(slug=slug[:80]).first()
        if found is not None:
            return found
    return user.mutuelle


def link(request: HttpRequest, name: str, key: int | str) -> dict[str, str]:
    """The link to a kit from its edition's or guide's page, for those who present one
    (nothing otherwise: the page leaves the section out)."""
    if not can(request.user, Can.RELAY):
        return {}
    return {"url": reverse(name, args=[key])}
