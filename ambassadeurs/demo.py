"""Demo members and working groups; every account has the password `solimut-demo`."""

import functools

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from core import revisions
from mutuelles.models import Mutuelle, Theme

from .models import Role, User, WorkingGroup

PASSWORD = "solimut-demo"  # noqa: S105 - the documented password of the demo accounts
DOMAIN = "solimut-demo.example"

COORDINATORS = [
    ("coordination", "Claire", "Martin", "Coordinatrice RSE du groupe"),
    ("k.benali", "Karim", "Benali", "Chargé de mission ESS"),
]
# One ambassador and a few colleagues per mutuelle, in the order of mutuelles.demo.MUTUELLES.
AMBASSADORS = [
    ("Gaëlle", "Le Goff", "Chargée de communication"),
    ("Mathieu", "Chassagne", "Responsable des services généraux"),
    ("Sophie", "Giraud", "Responsable RH"),
    ("Nadia", "Haddad", "Chargée de prévention"),
    ("Julien", "Moreau", "Contrôleur de gestion"),
    ("Élodie", "Fabre", "Juriste"),
    ("Thomas", "Lacoste", "Responsable qualité"),
    ("Anne", "Schmitt", "Assistante de direction"),
]
FIRST_NAMES = [
    "Lucas",
    "Camille",
    "Hugo",
    "Léa",
    "Inès",
    "Nicolas",
    "Chloé",
    "Yanis",
    "Manon",
    "Antoine",
    "Sarah",
    "Paul",
    "Emma",
    "Louis",
    "Jade",
    "Gabriel",
    "Zoé",
    "Arthur",
    "Lina",
    "Raphaël",
    "Alice",
    "Adam",
    "Louise",
    "Malik",
]
LAST_NAMES = [
    "Bernard",
    "Petit",
    "Roux",
    "Fournier",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Girard",
    "André",
    "Lefèvre",
    "Garnier",
    "Chevalier",
    "Robin",
    "Masson",
    "Nicolas",
    "Perrin",
    "Morel",
    "Guérin",
    "Boyer",
    "Blanc",
    "Gauthier",
    "Brunet",
]
JOB_TITLES = [
    "Conseiller·ère adhérents",
    "Gestionnaire prestations",
    "Développeur·se",
    "Chargé·e de recrutement",
    "Conseiller·ère en agence",
    "Responsable informatique",
    "Gestionnaire cotisations",
    "Chargé·e de relation partenaires",
    "Comptable",
    "Actuaire",
    "Chargé·e de formation",
    "Technicien·ne support",
]
WORKING_GROUPS = [
    # slug, name, theme slug, description
    (
        "achats-responsables",
        "Achats responsables",
        "environnement",
        "Écrire le guide des achats responsables et partager les clauses qui marchent.",
    ),
    (
        "egalite-professionnelle",
        "Égalité professionnelle",
        "egalite",
        "Comparer les index, partager les plans d'action et les bonnes pratiques.",
    ),
    (
        "sante-des-salaries",
        "Santé des salariés",
        "prevention-sante",
        "Campagnes de prévention internes : dépistages, troubles musculo-squelettiques, stress.",
    ),
    (
        "sobriete-numerique",
        "Sobriété numérique",
        "environnement",
        "Allonger la vie du matériel, alléger les e-mails et les pièces jointes.",
    ),
    (
        "sport-en-entreprise",
        "Sport en entreprise",
        "sport",
        "Défis sportifs inter-mutuelles et accès aux équipements.",
    ),
]


@functools.cache
def _hashed_password() -> str:
    return make_password(PASSWORD)  # hashed once: hashing is slow on purpose


def _member(email, first_name, last_name, job_title, role, mutuelle, **extra) -> User:
    user, created = User.objects.update_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "job_title": job_title,
            "role": role,
            "mutuelle": mutuelle,
            "is_active": True,
            **extra,
        },
    )
    if created:
        user.password = _hashed_password()
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(mutuelles: dict[str, Mutuelle]) -> list[tuple[str, str]]:
    """Create the demo people; return the demo accounts as (e-mail, what it shows)."""
    accounts = []
    coordinators = [
        _member(f"{local}@{DOMAIN}", first, last, title, Role.COORDINATOR, None)
        for local, first, last, title in COORDINATORS
    ]
    accounts.append((coordinators[0].email, "coordinatrice du groupe"))
    admin = _member(
        f"admin@{DOMAIN}",
        "Alex",
        "Admin",
        "Administrateur de l'intranet",
        Role.COORDINATOR,
        None,
        is_staff=True,
        is_superuser=True,
    )
    accounts.append((admin.email, "administrateur (accès à /admin/)"))

    ambassadors, colleagues = [], []
    for index, (slug, mutuelle) in enumerate(sorted(mutuelles.items())):
        first, last, title = AMBASSADORS[index % len(AMBASSADORS)]
        ambassadors.append(
            _member(
                f"ambassadeur@{slug}.{DOMAIN}",
                first,
                last,
                f"{title}, ambassadeur·rice ESS/RSE",
                Role.AMBASSADOR,
                mutuelle,
            )
        )
        for offset in range(3):
            n = index * 3 + offset
            first, last = FIRST_NAMES[n % 24], LAST_NAMES[(n * 7) % 24]
            title = JOB_TITLES[n % len(JOB_TITLES)]
            local = "salarie" if offset == 0 else f"{slugify(first)}.{slugify(last)}"
            colleagues.append(
                _member(f"{local}@{slug}.{DOMAIN}", first, last, title, Role.READER, mutuelle)
            )
        accounts.append((ambassadors[-1].email, f"ambassadeur·rice, {mutuelle.short_name}"))
        accounts.append((f"salarie@{slug}.{DOMAIN}", f"salarié·e, {mutuelle.short_name}"))

    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for index, (slug, name, theme, description) in enumerate(WORKING_GROUPS):
        group, _ = WorkingGroup.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "theme": themes[theme],
                "description": description,
                "lead": ambassadors[index % len(ambassadors)],
            },
        )
        members = ambassadors[index::2] + colleagues[index::7] + coordinators[:1]
        group.members.set(members)
    revisions.bump("ambassadeurs")
    return accounts
