"""Four demo guides, written through the same services as the real ones: two published (one in
two versions), one published and back in review with changes, one still a draft."""

import datetime
import tomllib
from importlib import resources

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from actionplan.models import Action
from ambassadeurs.models import Role, User
from core import tabular
from mutuelles.demo import theme_frameworks
from mutuelles.models import Theme

from . import services
from .models import Guide, Version

DEMO = resources.files(__package__) / "demo"
GUIDES = tomllib.loads((DEMO / "guides.toml").read_text("utf-8"))["guides"]


def _text(name: str) -> str:
    return (DEMO / name).read_text("utf-8")


def _tool_file(tool: dict) -> bytes:
    name = tool["filename"]
    if name.endswith(".xlsx"):
        return tabular.xlsx_bytes(tool["rows"], tool["title"])
    if name.endswith(".csv"):
        return tabular.csv_bytes(tool["rows"])
    return (DEMO / "tools" / name).read_bytes()


def _publish(coordinator, guide, note, days_ago) -> Version:
    version = services.publish(by=coordinator, guide=guide, note=note)
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Version.objects.filter(pk=version.pk).update(published_at=when)
    return version


def seed() -> int:
    """Create the demo guides that do not exist yet; returns how many were created."""
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_superuser=False).first()
    if coordinator is None:
        return 0
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    actions = {action.code: action for action in Action.objects.filter(plan__is_current=True)}
    created = 0
    for content in GUIDES:
        if Guide.objects.filter(slug=content["slug"]).exists():
            continue
        body = _text(content["body"])
        earlier_body = _text(content["earlier_body"]) if "earlier_body" in content else None
        authors = list(
            User.objects.filter(role=Role.AMBASSADOR, mutuelle__slug__in=content["authors"])
        ) or [coordinator]
        lead = authors[0]
        guide = services.guide_create(
            by=lead,
            title=content["title"],
            summary=content["summary"],
            theme=themes[content["theme"]],
            body=earlier_body or body,
            authors=authors,
            actions=[actions[code] for code in content["actions"] if code in actions],
        )
        Guide.objects.filter(pk=guide.pk).update(slug=content["slug"])
        guide.slug = content["slug"]
        for tool in content["tools"]:
            upload = SimpleUploadedFile(tool["filename"], _tool_file(tool))
            services.tool_add(by=lead, guide=guide, upload=upload, title=tool["title"])
        created += 1
        if content.get("draft"):
            continue
        services.submit(by=lead, guide=guide)
        guide.refresh_from_db()
        if earlier_body:
            _publish(coordinator, guide, "", days_ago=240)
            guide.refresh_from_db()
            services.draft_save(by=lead, guide=guide, revision=guide.revision, body=body)
            guide.refresh_from_db()
            _publish(coordinator, guide, content["revision_note"], days_ago=30)
        elif "in_review_addition" in content:
            _publish(coordinator, guide, "", days_ago=120)
            guide.refresh_from_db()
            services.draft_save(
                by=lead,
                guide=guide,
                revision=guide.revision,
                body=body + content["in_review_addition"],
            )
            guide.refresh_from_db()
            services.submit(by=lead, guide=guide)
        else:
            _publish(coordinator, guide, "", days_ago=60)
    # The CSR frameworks each guide serves, those of its theme.
    served = theme_frameworks()
    slugs = [content["slug"] for content in GUIDES]
    for guide in Guide.objects.filter(slug__in=slugs).select_related("theme"):
        guide.frameworks.set(served.get(guide.theme.slug, []) if guide.theme else [])
    return created
