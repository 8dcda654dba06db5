"""Fictional reference data for the demo: eight mutuelles and the group's shared themes."""

from core import revisions

from .models import Mutuelle, Theme

MUTUELLES = [
    # slug, name, short name, region, headcount, colour
    ("armor", "Mutuelle Armor Santé", "Armor Santé", "Bretagne", 310, "#1f6f8b"),
    ("arverne", "Mutuelle Arverne", "Arverne", "Auvergne-Rhône-Alpes", 420, "#8a4f7d"),
    ("azur", "Mutuelle Azur Méditerranée", "Azur", "Provence-Alpes-Côte d'Azur", 560, "#c0392b"),
    (
        "francilienne",
        "Mutuelle Francilienne Solidaire",
        "Francilienne",
        "Île-de-France",
        890,
        "#2e7d32",
    ),
    (
        "ligerienne",
        "Mutuelle Ligérienne de Prévoyance",
        "Ligérienne",
        "Pays de la Loire",
        240,
        "#b26a00",
    ),
    ("occitane", "Mutuelle Occitane d'Entraide", "Occitane", "Occitanie", 380, "#6a1b9a"),
    ("oceane", "Mutuelle Océane Solidarité", "Océane", "Nouvelle-Aquitaine", 470, "#00796b"),
    (
        "rhin-moselle",
        "Mutuelle du Rhin et de la Moselle",
        "Rhin-Moselle",
        "Grand Est",
        330,
        "#455a64",
    ),
]

THEMES = [
    (
        "prevention-sante",
        "Prévention santé",
        "Dépistages, vaccination, addictions, santé mentale : pour les salariés et les adhérents.",
    ),
    (
        "environnement",
        "Environnement",
        "Réduire l'empreinte des mutuelles : énergie, déchets, mobilité, achats, numérique.",
    ),
    (
        "sport",
        "Sport et activité physique",
        "Faciliter l'accès au sport des salariés et des adhérents.",
    ),
    ("bien-etre", "Bien-être", "Équilibre de vie, gestion du stress, accompagnement."),
    (
        "egalite",
        "Égalité femmes-hommes",
        "Égalité professionnelle, index, lutte contre les violences sexistes et sexuelles.",
    ),
    (
        "qvt",
        "Qualité de vie au travail",
        "Organisation du travail, télétravail, droit à la déconnexion, dialogue social.",
    ),
    (
        "solidarite",
        "Solidarité et partenariats",
        "Partenaires locaux et nationaux, associations, économie sociale et solidaire.",
    ),
    (
        "plaidoyer",
        "Plaidoyer et gouvernance",
        "Porter la voix des élus sur le système de santé et la protection sociale.",
    ),
]


def seed(*, extra: int = 0) -> dict[str, Mutuelle]:
    """The themes and the eight demo mutuelles, plus `extra` numbered ones for benchmarks."""
    for position, (slug, name, description) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    generated = [
        (
            f"mutuelle-{n:03d}",
            f"Mutuelle d'essai n° {n}",
            f"Essai {n}",
            "France",
            200 + n,
            MUTUELLES[n % len(MUTUELLES)][5],
        )
        for n in range(1, extra + 1)
    ]
    mutuelles = {}
    for slug, name, short_name, region, headcount, colour in MUTUELLES + generated:
        mutuelles[slug], _ = Mutuelle.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short_name,
                "region": region,
                "headcount": headcount,
                "colour": colour,
                "is_active": True,
            },
        )
    revisions.bump("mutuelles")
    return mutuelles
