"""Demo initiatives: fifteen kinds of local action, each carried out by four mutuelles in their
own city and their own way (60 in all), with pictures, replications and comments."""

import datetime
import io
import random
import tomllib
from decimal import Decimal
from importlib import resources

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from actionplan.models import Action
from ambassadeurs.models import Role, User
from core import revisions
from core.richtext import sanitize
from mutuelles.demo import theme_frameworks
from mutuelles.models import Mutuelle, Theme

from .models import Audience, Comment, Image, Initiative, Replication, Status

DATA = tomllib.loads(
    (resources.files(__package__) / "demo" / "initiatives.toml").read_text("utf-8")
)
CITIES = DATA["cities"]

PICTURE_SIZE = (960, 600)


def _picture(colour: str, seed: int) -> bytes:
    """An illustration: soft shapes in the mutuelle's colour (demo data, not a photo)."""
    rng = random.Random(seed)  # noqa: S311 - demo picture
    picture = PILImage.new("RGB", PICTURE_SIZE, "#f4f6f5")
    draw = ImageDraw.Draw(picture)
    for _ in range(7):
        x, y = rng.randint(-100, 900), rng.randint(-100, 500)
        r = rng.randint(80, 260)
        tone = rng.choice([colour, "#f2b84b", "#7fc8a9", "#0b5c73"])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tone)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _body(kind, city) -> str:
    summary, how = kind["summary"], kind["how"]
    return sanitize(
        f"<h2>Le projet</h2><p>{summary} Lancé à {city} par l'équipe de l'agence, avec le "
        f"soutien de la direction.</p><h2>Comment nous avons fait</h2><ul>"
        + "".join(f"<li>{step.strip()}</li>" for step in how.split(",") if step.strip())
        + "</ul>"
    )


@transaction.atomic
def seed(*, extra: int = 0) -> int:
    """The 60 demo initiatives, and `extra` more (for benchmarks), published."""
    rng = random.Random(60)  # noqa: S311 - demo data
    mutuelles = {m.slug: m for m in Mutuelle.objects.filter(slug__in=CITIES)}
    themes = {t.slug: t for t in Theme.objects.all()}
    served = theme_frameworks()
    audiences = {a.slug: a for a in Audience.objects.all()}
    actions = {a.code: a for a in Action.objects.filter(plan__is_current=True)}
    ambassadors = {u.mutuelle_id: u for u in User.objects.filter(role=Role.AMBASSADOR)}
    readers = list(User.objects.filter(role=Role.READER, mutuelle__isnull=False)[:20])
    slugs = sorted(mutuelles)
    today = timezone.localdate()
    created = []
    for index, kind in enumerate(DATA["kinds"]):
        title = kind["title"]
        for turn in range(4):
            slug = slugs[(index + turn * 2) % len(slugs)]
            mutuelle = mutuelles.get(slug)
            if mutuelle is None:
                continue
            city = CITIES[slug][turn % 2]
            starts = today - datetime.timedelta(days=30 * rng.randint(1, 16))
            published = turn < 3 or index % 3  # a few drafts
            initiative, new = Initiative.objects.update_or_create(
                mutuelle=mutuelle,
                title=f"{title} à {city}",
                defaults={
                    "author": ambassadors.get(mutuelle.pk),
                    "summary": kind["summary"],
                    "body": _body(kind, city),
                    "status": rng.choice(
                        [Status.ONGOING, Status.DONE, Status.DONE, Status.PLANNED]
                    ),
                    "starts_on": starts,
                    "ends_on": starts + datetime.timedelta(days=rng.randint(1, 120)),
                    "place": city,
                    "participants": rng.randint(8, 400),
                    "budget": Decimal(rng.randint(0, 80) * 100),
                    "partners": kind["partners"],
                    "results": kind["results"],
                    "lessons": kind["lessons"],
                    "transposability": kind["transposability"],
                    "is_published": bool(published),
                    "published_at": timezone.now() - datetime.timedelta(days=index * 3 + turn)
                    if published
                    else None,
                },
            )
            initiative.themes.set([themes[t] for t in kind["themes"] if t in themes])
            initiative.frameworks.set(
                {entry for t in kind["themes"] for entry in served.get(t, [])}
            )
            initiative.audiences.set([audiences[a] for a in kind["audiences"] if a in audiences])
            code = kind.get("action")
            initiative.actions.set([actions[code]] if code in actions else [])
            if new or not initiative.images.exists():
                data = _picture(mutuelle.colour, index * 10 + turn)
                image = Image(initiative=initiative, alt=f"Illustration : {title.lower()}")
                image.image.save(f"demo-{index}-{turn}.jpg", ContentFile(data), save=False)
                image.thumbnail.save(
                    f"demo-{index}-{turn}-vignette.jpg", ContentFile(data), save=False
                )
                image.save()
            created.append(initiative)

    comments = DATA["comments"]
    # Each published initiative is taken up by one or two other mutuelles, and commented on.
    for number, initiative in enumerate(i for i in created if i.is_published):
        for step in range(1 + number % 2):
            other = mutuelles[
                slugs[(slugs.index(initiative.mutuelle.slug) + 3 + step) % len(slugs)]
            ]
            Replication.objects.update_or_create(
                initiative=initiative,
                mutuelle=other,
                defaults={
                    "notes": DATA["replication_notes"],
                    "status": rng.choice(["considering", "ongoing", "done"]),
                    "contact": ambassadors.get(other.pk),
                },
            )
        if readers and not initiative.comments.exists():
            Comment.objects.create(
                initiative=initiative,
                author=readers[number % len(readers)],
                text=comments[number % len(comments)],
            )

    if extra:
        _bulk(extra, list(mutuelles.values()) or list(Mutuelle.objects.all()), themes)
    revisions.bump("initiatives")
    return len(created) + extra


def _bulk(count, mutuelles, themes):
    """Many published initiatives at once, for the benchmarks; they share one picture."""
    existing = Initiative.objects.filter(title__startswith="Initiative d'essai").count()
    if existing >= count:
        return
    now = timezone.now()
    rows = [
        Initiative(
            mutuelle=mutuelles[n % len(mutuelles)],
            title=f"Initiative d'essai n° {n}",
            summary="Une initiative générée pour les bancs d'essai.",
            body="<p>Texte d'essai.</p>",
            is_published=True,
            published_at=now - datetime.timedelta(minutes=n),
        )
        for n in range(existing, count)
    ]
    Initiative.objects.bulk_create(rows, batch_size=2000)
    theme_list = list(themes.values())
    new = Initiative.objects.filter(title__startswith="Initiative d'essai").values_list(
        "pk", flat=True
    )
    through = Initiative.themes.through
    through.objects.bulk_create(
        (through(initiative_id=pk, theme_id=theme_list[pk % len(theme_list)].pk) for pk in new),
        batch_size=5000,
        ignore_conflicts=True,
    )
