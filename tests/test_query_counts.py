"""The number of SQL queries of each main page does not depend on the size of the network: the
same with 8 mutuelles as with 50 (and their members, actions, deployments, initiatives, guides,
editions growing with them), with the cached fragments turned off (`RSE_FRAGMENT_CACHE=0`), so
that what is counted is what a page costs when its data has just changed."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from actionplan import services as plan_services
from actionplan.models import (
    Action,
    ActionPlan,
    Axis,
    Deployment,
    FieldFeedback,
    Indicator,
    Measurement,
    Sentiment,
    Status,
)
from ambassadeurs.models import Invitation, Role, User, WorkingGroup
from guides import services as guide_services
from guides.models import Guide
from initiatives.models import Comment, Initiative, Replication
from mutuelles.models import Mutuelle
from newsletter.models import Block, Edition

from .factories import MutuelleFactory, PlanFactory, ThemeFactory, UserFactory, WorkingGroupFactory

# (page, who looks at it). Home, "Ma mutuelle" and the dashboard are being rewritten by others
# (issue #12): flat today, this test keeps them so.
PAGES = [
    ("/", "reader"),
    ("/", "ambassador"),
    ("/", "coordinator"),
    ("/plan/", "reader"),
    ("/plan/", "coordinator"),
    ("/plan/ma-mutuelle/", "ambassador"),
    ("/initiatives/", "reader"),
    ("/initiatives/?theme=theme-0&q=Initiative", "reader"),
    ("/guides/", "reader"),
    ("/newsletter/", "reader"),
    ("/mutuelles/", "reader"),
    ("/mutuelles/armor/", "reader"),
    ("/annuaire/", "reader"),
    # Issue #13: every initiative holds the word, so the hits, pages and facets grow.
    ("/search/?q=initiative", "reader"),
    ("/search/?q=initiative", "coordinator"),
    ("/search/?q=initiative&kind=initiative&theme=theme-0", "ambassador"),
    # Issue #14: the registry, the resolutions, the frameworks' coverage.
    ("/plan/indicateurs/", "reader"),
    ("/plan/resolutions/", "coordinator"),
    ("/referentiels/", "reader"),
]
# At 8 mutuelles the lists of initiatives and members fit on their first page, the plan's
# actions too: a query per row would show as a difference.
ACTIONS_PER_MUTUELLE = 3
INITIATIVES_PER_MUTUELLE = 2


def _populate(mutuelle, people, themes, plan, groups) -> None:
    """A mutuelle's share: people in the working groups, published initiatives (themes,
    comments, a replication), a pending invitation, feedback and measurements."""
    ambassador, reader = people[0], people[-1]
    for group in groups:
        group.members.add(ambassador, reader)
    Invitation.objects.create(
        email=f"nouveau@{mutuelle.slug}.example", role=Role.READER, mutuelle=mutuelle
    )
    for n in range(INITIATIVES_PER_MUTUELLE):
        initiative = Initiative.objects.create(
            mutuelle=mutuelle,
            author=people[n % len(people)],
            title=f"Initiative {mutuelle.slug} {n}",
            summary="Une initiative à reprendre.",
            body="<p>Le récit</p>",
            is_published=True,
            published_at=timezone.now(),
        )
        initiative.themes.set([themes[0], themes[n % len(themes)]])
        Comment.objects.create(initiative=initiative, author=reader, text="Bravo")
    Replication.objects.create(
        initiative=Initiative.objects.exclude(mutuelle=mutuelle).first() or initiative,
        mutuelle=mutuelle,
        notes="On la reprend",
    )
    FieldFeedback.objects.create(
        mutuelle=mutuelle,
        author=ambassador,
        subject="Retour des agences",
        sentiment=Sentiment.POSITIVE,
        text="Les collègues aiment.",
    )
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            mutuelle=mutuelle,
            period=datetime.date(2026, 7, 1),
            value=12,
            entered_by=ambassador,
        )
        for indicator in plan.indicators.all()
    )


def _grow(size: int, *, coordinator, armor_people) -> None:
    """Bring the network to `size` mutuelles (Armor, of the fixtures, included), each with its
    people and their data; the plan to 3 actions per mutuelle (deployed in each, the first
    ones moved on, with their history), a published guide per 4 mutuelles, a sent edition per
    8."""
    themes = [ThemeFactory(slug=f"theme-{n}") for n in range(4)]
    plan = ActionPlan.objects.first()
    if plan is None:
        plan = PlanFactory()
        for number in (1, 2, 3):
            Axis.objects.create(plan=plan, number=number, title=f"Axe {number}")
        Indicator.objects.create(plan=plan, name="Index égalité", unit="points", target=85)
        Indicator.objects.create(plan=plan, name="Déchets", unit="kg", target=10)
        WorkingGroupFactory.create_batch(2, theme=themes[0], lead=coordinator)
        _populate(armor_people[0].mutuelle, armor_people, themes, plan, WorkingGroup.objects.all())
    axes, groups = list(plan.axes.all()), list(WorkingGroup.objects.all())
    for mutuelle in MutuelleFactory.create_batch(size - Mutuelle.objects.count()):
        people = [
            UserFactory(mutuelle=mutuelle, role=Role.AMBASSADOR),
            UserFactory(mutuelle=mutuelle, role=Role.READER),
        ]
        _populate(mutuelle, people, themes, plan, groups)
    for n in range(plan.actions.count(), ACTIONS_PER_MUTUELLE * size):
        axis = axes[n % len(axes)]
        Action.objects.create(
            plan=plan,
            axis=axis,
            code=f"{axis.number}.{n}",
            title=f"Action {n}",
            theme=themes[n % len(themes)],
            due_on=datetime.date(2027, 3, 31),
        )
    plan.indicators.update(action=plan.actions.first())
    plan_services.deployments_ensure()
    for deployment in Deployment.objects.filter(mutuelle__isnull=False, changes=None).filter(
        action__code__in=["1.0", "2.1", "3.2"]
    ):
        plan_services.deployment_update(
            deployment=deployment, by=coordinator, status=Status.IN_PROGRESS, progress=40
        )
    for n in range(Edition.objects.count(), size // 8 + 1):
        year, month = divmod(2026 * 12 + 9 - n, 12)  # a month each (one edition per period)
        start = datetime.date(year, month + 1, 1)
        edition = Edition.objects.create(
            number=n + 1,
            title=f"Lettre n° {n + 1}",
            period_start=start,
            period_end=(start + datetime.timedelta(days=31)).replace(day=1)
            - datetime.timedelta(days=1),
            status=Edition.Status.SENT,
            sent_at=timezone.now(),
        )
        Block.objects.bulk_create(
            Block(edition=edition, mutuelle=mutuelle, kind=Block.Kind.TEXT, title="Chez nous")
            for mutuelle in Mutuelle.objects.all()
        )
    for n in range(Guide.objects.count(), size // 4 + 1):
        guide = guide_services.guide_create(
            by=coordinator,
            title=f"Guide {n}",
            summary="Pour agir.",
            theme=themes[n % len(themes)],
            body="<h2>Pourquoi</h2><p>Parce que.</p>",
        )
        guide_services.publish(by=coordinator, guide=guide)


def _counts(client, members, pages) -> dict[str, int]:
    counts = {}
    for url, role in pages:
        client.force_login(members[role])
        client.get(url)  # the process's own caches (content types, templates) filled first
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, role)
        counts[f"{url} ({role})"] = len(queries)
    return counts


def test_queries_per_page_are_the_same_with_8_and_50_mutuelles(
    client, reader, ambassador, coordinator, settings
):
    settings.RSE_FRAGMENT_CACHE = False
    members = {"reader": reader, "ambassador": ambassador, "coordinator": coordinator}
    grow = {"coordinator": coordinator, "armor_people": [ambassador, reader]}
    _grow(8, **grow)
    small = _counts(client, members, PAGES)
    _grow(50, **grow)
    assert Deployment.objects.filter(mutuelle__isnull=False).count() == 50 * 150
    assert _counts(client, members, PAGES) == small
    # ...while the pages show what grew.
    grown = {
        # The matrix's last column (the plan's actions are listed axis by axis, folded).
        "/plan/": f'<abbr title="{escape(Mutuelle.objects.active().last().name)}">',
        "/initiatives/": Initiative.objects.latest("pk").title,
        "/guides/": "Guide 12",
        "/newsletter/": "Lettre n° 7",
        "/mutuelles/": f"/mutuelles/{Mutuelle.objects.latest('pk').slug}/",
        "/annuaire/": f"{User.objects.filter(is_active=True).count()} membres trouvés",
        "/search/?q=initiative&kind=initiative": (
            f"{Initiative.objects.count()} résultats pour « initiative »"
        ),
    }
    client.force_login(reader)
    for url, shown in grown.items():
        assert shown in client.get(url).text, url
