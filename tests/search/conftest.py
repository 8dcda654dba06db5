"""A small French corpus written for the search tests: each object has its own date (so the
order of equal ranks is known), and the words the queries look for in known places (title,
summary or headings, body)."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from ambassadeurs.models import Role
from guides.models import Tool
from newsletter.models import Edition
from tests.factories import (
    ActionFactory,
    AxisFactory,
    EditionFactory,
    FieldFeedbackFactory,
    GuideFactory,
    InitiativeFactory,
    MutuelleFactory,
    PlanFactory,
    ThemeFactory,
    UserFactory,
    WorkingGroupFactory,
)


def _day(year: int, month: int, day: int = 15) -> datetime.datetime:
    return datetime.datetime(year, month, day, 10, tzinfo=datetime.UTC)


# (title, summary, body, published on, mutuelle, theme)
INITIATIVES = [
    (
        "Défi vélo entre agences",
        "Un mois pour venir au travail autrement.",
        "<p>Chaque agence compte ses kilomètres : 1 200 km parcourus à bicyclette.</p>",
        _day(2026, 5),
        "armor",
        "mobilite",
    ),
    (
        "Atelier de réparation de vélos",
        "Un mécanicien bénévole dans la cour.",
        "<p>Réparer son vélo soi-même, changer une chambre à air.</p>",
        _day(2025, 3),
        "arverne",
        "mobilite",
    ),
    (
        "Dépistage du cancer du sein en agence",
        "Octobre rose avec la Ligue.",
        "<p>Un camion de mammographie devant le siège.</p>",
        _day(2026, 2),
        "armor",
        "prevention",
    ),
    (
        "Journée prévention santé",
        "Des stands pour les salariés.",
        "<h2>Les stands</h2><p>Un stand de dépistage du diabète et un stand d'audition.</p>",
        _day(2025, 10),
        "arverne",
        "prevention",
    ),
    (
        "Recyclage des cartouches d'imprimante",
        "Une collecte dans chaque agence.",
        "<p>Collecter puis recycler les cartouches vides avec une entreprise adaptée.</p>",
        _day(2026, 1),
        "armor",
        "environnement",
    ),
    (
        "Tri des déchets au bureau",
        "Des poubelles de tri à chaque étage.",
        "<p>Nous voulons recycler le papier et le carton.</p>",
        _day(2024, 6),
        "arverne",
        "environnement",
    ),
    (
        "Index de l'égalité femmes-hommes",
        "Publier l'index et réduire les écarts.",
        "<p>Les écarts de rémunération entre les femmes et les hommes ont baissé.</p>",
        _day(2026, 3),
        "armor",
        "egalite",
    ),
    (
        "Mentorat des cadres",
        "Un programme pour chaque femme cadre qui le souhaite.",
        "<p>Douze binômes en un an.</p>",
        _day(2025, 9),
        "arverne",
        "egalite",
    ),
    (
        "Œuvre collective : la fresque du climat",
        "Comprendre le climat en trois heures.",
        "<p>Une fresque mise en œuvre par des salariés formés.</p>",
        _day(2026, 4),
        "armor",
        "environnement",
    ),
    (
        "Covoiturage domicile-travail",
        "Une application pour partager ses trajets.",
        "<p>Trois cents trajets partagés par mois.</p>",
        _day(2025, 5),
        "arverne",
        "mobilite",
    ),
    (
        "Semaine de la qualité de vie au travail",
        "Ateliers et conférences.",
        "<h2>Programme</h2><p>Sophrologie, yoga sur chaise et conférence sur le sommeil.</p>",
        _day(2025, 11),
        "armor",
        "qvt",
    ),
    (
        "Sophrologie en agence",
        "Des séances de sophrologie pour les équipes.",
        "<p>Une séance par semaine.</p>",
        _day(2024, 11),
        "arverne",
        "qvt",
    ),
    (
        "Don du sang au siège",
        "Avec l'Établissement français du sang.",
        "<p>Quarante donneurs, dont vingt pour la première fois.</p>",
        _day(2026, 6),
        "armor",
        "solidarite",
    ),
    (
        "Handicap : sensibiliser les équipes",
        "La semaine européenne pour l'emploi des personnes handicapées.",
        "<p>Un quiz et un déjeuner à l'aveugle.</p>",
        _day(2025, 1),
        "arverne",
        "solidarite",
    ),
    (
        "L'économie circulaire au quotidien",
        "Réemploi du mobilier de bureau.",
        "<p>Les bureaux ont trouvé une deuxième vie dans une ressourcerie.</p>",
        _day(2024, 3),
        "armor",
        "environnement",
    ),
]

THEMES = {
    "mobilite": "Mobilité",
    "prevention": "Prévention santé",
    "environnement": "Environnement",
    "egalite": "Égalité femmes-hommes",
    "qvt": "Qualité de vie au travail",
    "solidarite": "Solidarité et partenariats",
}

MEMBERS = [
    ("Élodie", "Fabre", "Chargée de prévention", "armor"),
    ("Gaëlle", "Le Goff", "Responsable RSE", "armor"),
    ("Jérôme", "Lefèvre", "Directeur des ressources humaines", "arverne"),
    ("François", "Nguyen", "Gestionnaire de flotte", "arverne"),
    ("Loïc", "Cœurderoy", "Contrôleur de gestion", "armor"),
]


@pytest.fixture
def corpus(db):
    mutuelles = {
        "armor": MutuelleFactory(name="Mutuelle Armor Santé", short_name="Armor", slug="armor"),
        "arverne": MutuelleFactory(name="Mutuelle Arverne", short_name="Arverne", slug="arverne"),
    }
    themes = {
        slug: ThemeFactory(name=name, slug=slug, position=n)
        for n, (slug, name) in enumerate(THEMES.items())
    }
    people = {
        "reader": UserFactory(
            first_name="Paul",
            last_name="Martin",
            email="lecteur@armor.example",
            role=Role.READER,
            mutuelle=mutuelles["armor"],
        ),
        "ambassador": UserFactory(
            first_name="Anne",
            last_name="Bernard",
            email="ambassadrice@arverne.example",
            role=Role.AMBASSADOR,
            mutuelle=mutuelles["arverne"],
        ),
        "coordinator": UserFactory(
            first_name="Claire",
            last_name="Petit",
            email="coordination@groupe.example",
            role=Role.COORDINATOR,
            mutuelle=None,
            totp=True,  # staff sign in with a second factor
        ),
    }
    for first, last, job, slug in MEMBERS:
        UserFactory(
            first_name=first,
            last_name=last,
            job_title=job,
            mutuelle=mutuelles[slug],
            email=f"{last.lower().replace(' ', '')}@{slug}.example",
        )
    initiatives = {}
    for title, summary, body, day, slug, theme in INITIATIVES:
        initiative = InitiativeFactory(
            title=title,
            summary=summary,
            body=body,
            author=None,
            mutuelle=mutuelles[slug],
            published_at=day,
            created_at=day,
        )
        initiative.themes.set([themes[theme]])
        initiatives[title] = initiative
    draft = InitiativeFactory(
        title="Projet de covoiturage en préparation",
        summary="Pas encore publié.",
        author=None,
        mutuelle=mutuelles["arverne"],
        is_published=False,
        created_at=_day(2026, 6, 20),
    )
    draft.themes.set([themes["mobilite"]])
    guides = {
        "ecogestes": GuideFactory(
            title="Guide des éco-gestes au bureau",
            summary="Économiser l'énergie et les ressources.",
            theme=themes["environnement"],
            body=(
                "<h2>Éteindre les écrans</h2><p>Un écran en veille consomme encore.</p>"
                "<h2>Le recyclage du papier</h2><p>Imprimer moins, trier mieux.</p>"
            ),
            published=True,
        ),
        "egalite": GuideFactory(
            title="Guide de l'égalité professionnelle",
            summary="Les obligations et les bonnes pratiques.",
            theme=themes["egalite"],
            body="<h2>Parentalité</h2><p>Le congé du second parent, les entretiens de retour.</p>",
            published=True,
        ),
        "draft": GuideFactory(
            title="Guide du télétravail",
            summary="En cours d'écriture.",
            theme=themes["qvt"],
            body="<p>Le télétravail, deux jours par semaine.</p>",
        ),
    }
    Tool.objects.create(
        guide=guides["ecogestes"],
        file="guides/outils/affiche.pdf",
        title="Affiche des interrupteurs",
        kind="pdf",
        size=1000,
    )
    groups = [
        WorkingGroupFactory(
            name="Mobilité durable", slug="mobilite-durable", theme=themes["mobilite"]
        ),
        WorkingGroupFactory(
            name="Égalité professionnelle", slug="egalite-pro", theme=themes["egalite"]
        ),
    ]
    plan = PlanFactory()
    axis = AxisFactory(plan=plan, number=2, title="Environnement et mobilité")
    actions = [
        ActionFactory(
            axis=axis,
            code="2.4",
            title="Mettre en place un plan de mobilité employeur",
            description="Encourager les trajets à vélo et le covoiturage.",
            theme=themes["mobilite"],
        ),
        ActionFactory(
            axis=AxisFactory(plan=plan, number=1, title="Santé"),
            code="1.2",
            title="Prévenir les risques psychosociaux",
            theme=themes["qvt"],
        ),
    ]
    indicator = plan.indicators.create(
        name="Part des trajets domicile-travail à pied", unit="%", target=20, action=actions[0]
    )
    feedback = FieldFeedbackFactory(
        mutuelle=mutuelles["armor"],
        subject="Le garage à bicyclettes est plein",
        text="Les collègues demandent des arceaux supplémentaires.",
        theme=themes["mobilite"],
        created_at=_day(2026, 6, 1),
    )
    editions = [
        EditionFactory(
            title="Spéciale mobilité",
            editorial="<p>Ce mois-ci, la bicyclette et le covoiturage à l'honneur.</p>",
            sent_at=_day(2026, 7, 1),
        ),
        EditionFactory(
            title="Édition en préparation sur la sobriété",
            status=Edition.Status.DRAFT,
            sent_at=None,
        ),
    ]
    return SimpleNamespace(
        mutuelles=mutuelles,
        themes=themes,
        people=people,
        initiatives=initiatives,
        draft=draft,
        guides=guides,
        groups=groups,
        actions=actions,
        indicator=indicator,
        feedback=feedback,
        editions=editions,
        now=timezone.now(),
    )
