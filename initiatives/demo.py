"""Demo initiatives: fifteen kinds of local action, each carried out by four mutuelles in their
own city and their own way (60 in all), with pictures, replications and comments."""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from actionplan.models import Action
from ambassadeurs.models import Role, User
from core import revisions
from core.richtext import sanitize
from mutuelles.models import Mutuelle, Theme

from .models import Audience, Comment, Image, Initiative, Replication, Status, Transposability

CITIES = {
    "armor": ["Rennes", "Brest"],
    "arverne": ["Clermont-Ferrand", "Aurillac"],
    "azur": ["Marseille", "Nice"],
    "francilienne": ["Paris", "Créteil"],
    "ligerienne": ["Nantes", "Angers"],
    "occitane": ["Toulouse", "Montpellier"],
    "oceane": ["Bordeaux", "La Rochelle"],
    "rhin-moselle": ["Strasbourg", "Metz"],
}

# title, summary, themes, audiences, action code, transposability, partners, how, results,
# lessons
KINDS = [
    (
        "Défi vélo inter-agences",
        "Un mois pour venir au travail à vélo, agence contre agence.",
        ["sport", "environnement"],
        ["salaries"],
        "2.4",
        Transposability.READY,
        "Association locale de cyclistes",
        "Inscription par équipe, kilomètres déclarés chaque "
        "semaine, atelier de réparation le premier lundi.",
        "38 % des salariés inscrits, 9 400 km parcourus.",
        "Prévoir des douches et un abri sécurisé avant de lancer le défi.",
    ),
    (
        "Ateliers de dépistage du cancer colorectal en agence",
        "Des permanences avec un médecin pour expliquer le test et remettre le kit.",
        ["prevention-sante"],
        ["adherents"],
        "1.1",
        Transposability.ADAPTABLE,
        "Centre régional de coordination des dépistages",
        "Permanences le samedi matin en agence pendant Mars bleu, relance par SMS.",
        "412 kits remis, 61 % de tests réalisés.",
        "Les adhérents viennent plus volontiers quand un médecin est présent.",
    ),
    (
        "Gourdes et fontaines : zéro bouteille plastique",
        "Chaque salarié a reçu une gourde ; les bouteilles ont disparu des salles de réunion.",
        ["environnement"],
        ["salaries"],
        "2.6",
        Transposability.READY,
        "Entreprise adaptée locale",
        "Gourdes fabriquées par une entreprise adaptée, fontaines branchées sur le réseau.",
        "12 000 bouteilles évitées par an.",
        "Installer une fontaine par étage, pas par bâtiment.",
    ),
    (
        "Sentinelles en santé mentale",
        "Des volontaires formés aux premiers secours en santé mentale sur chaque site.",
        ["bien-etre", "qvt"],
        ["salaries"],
        "1.4",
        Transposability.ADAPTABLE,
        "PSSM France",
        "Deux jours de formation, un temps d'échange tous les trimestres entre sentinelles.",
        "14 sentinelles formées, 30 orientations vers un professionnel.",
        "Donner aux sentinelles un temps reconnu dans leur charge de travail.",
    ),
    (
        "Potager partagé sur le toit du siège",
        "Un potager entretenu par les salariés volontaires, "
        "les récoltes vont à l'épicerie solidaire.",
        ["environnement", "solidarite"],
        ["salaries", "partenaires"],
        "4.1",
        Transposability.SPECIFIC,
        "Épicerie solidaire du quartier",
        "Bacs sur le toit-terrasse, arrosage récupéré, une pause jardin par semaine.",
        "180 kg de légumes donnés la première saison.",
        "Dépend d'un toit accessible : vérifier avec les services généraux.",
    ),
    (
        "Mécénat de compétences avec les associations de santé",
        "Une journée par an et par salarié pour aider une association du territoire.",
        ["solidarite"],
        ["salaries", "partenaires"],
        "4.2",
        Transposability.READY,
        "Plateforme associative départementale",
        "Missions proposées sur une plateforme, choisies par les équipes.",
        "96 journées données à 11 associations.",
        "Les missions courtes (une journée) trouvent preneur bien plus vite.",
    ),
    (
        "Index égalité : un plan d'action co-construit",
        "Le plan d'action égalité femmes-hommes écrit avec les représentants du personnel.",
        ["egalite"],
        ["salaries"],
        "3.1",
        Transposability.ADAPTABLE,
        "",
        "Quatre ateliers paritaires, objectifs chiffrés de rattrapage salarial.",
        "Index passé de 82 à 91 points.",
        "Publier les chiffres par métier, pas seulement le total.",
    ),
    (
        "Formation des managers contre les violences sexistes",
        "Une demi-journée de formation pour chaque manager, avec des cas pratiques.",
        ["egalite", "qvt"],
        ["salaries"],
        "3.2",
        Transposability.READY,
        "Association spécialisée dans la prévention des VSS",
        "Sessions de 12 personnes, cas pratiques tirés de situations réelles anonymisées.",
        "87 % des managers formés.",
        "Le référent VSS doit être formé en premier.",
    ),
    (
        "Café santé pour les adhérents aidants",
        "Un rendez-vous mensuel pour les adhérents qui aident un proche malade ou âgé.",
        ["prevention-sante", "bien-etre"],
        ["adherents", "grand-public"],
        None,
        Transposability.ADAPTABLE,
        "Plateforme de répit du département",
        "Un café par mois en agence, animé par une psychologue et un conseiller mutualiste.",
        "Une vingtaine de participants réguliers.",
        "Proposer une garde du proche pendant le café.",
    ),
    (
        "Bilan carbone fait maison",
        "Le bilan carbone réalisé en interne avec l'outil public, relu par le groupe.",
        ["environnement"],
        ["salaries"],
        "2.1",
        Transposability.ADAPTABLE,
        "ADEME (outil public)",
        "Une équipe projet de quatre personnes, données collectées sur trois mois.",
        "Premier bilan : 4,8 tCO2e par salarié, dont 60 % de déplacements.",
        "Commencer par les achats : c'est le poste le plus difficile à documenter.",
    ),
    (
        "Semaine sans écran au bureau",
        "Réunions sans ordinateur et pauses sans téléphone pendant une semaine.",
        ["qvt", "bien-etre"],
        ["salaries"],
        None,
        Transposability.READY,
        "",
        "Défis quotidiens, réunions debout, salle de pause sans écran.",
        "72 % des participants veulent recommencer.",
        "Prévenir les clients internes à l'avance.",
    ),
    (
        "Matériel informatique reconditionné",
        "Les postes standards sont désormais achetés reconditionnés et garantis trois ans.",
        ["environnement"],
        ["salaries"],
        "2.5",
        Transposability.READY,
        "Entreprise d'insertion du numérique",
        "Appel d'offres avec un lot réservé, don du matériel réformé.",
        "210 postes reconditionnés, 40 % d'économie.",
        "Tester un lot pilote avec le support avant de généraliser.",
    ),
    (
        "Marche solidaire contre le cancer du sein",
        "Salariés, adhérents et élus marchent ensemble pendant Octobre rose.",
        ["prevention-sante", "sport", "solidarite"],
        ["salaries", "adherents", "grand-public"],
        "1.3",
        Transposability.READY,
        "Ligue contre le cancer (comité départemental)",
        "Parcours de 5 et 10 km, stand de prévention à l'arrivée.",
        "640 marcheurs, 6 200 € reversés.",
        "Associer les élus mutualistes dès la préparation.",
    ),
    (
        "Accueil d'alternants des quartiers prioritaires",
        "Des alternants recrutés avec l'école de la deuxième chance, chacun avec un tuteur.",
        ["solidarite", "qvt"],
        ["partenaires"],
        "3.4",
        Transposability.ADAPTABLE,
        "École de la deuxième chance",
        "Journées découverte, entretiens sans CV, tutorat.",
        "6 alternants accueillis, 4 embauchés.",
        "Former les tuteurs avant l'arrivée.",
    ),
    (
        "Newsletter RSE lue en réunion d'équipe",
        "Cinq minutes en début de réunion pour parler de la newsletter ESS/RSE.",
        ["plaidoyer"],
        ["salaries"],
        "4.6",
        Transposability.READY,
        "",
        "Un ambassadeur par service présente un sujet de la newsletter.",
        "Taux de lecture estimé passé de 20 à 55 %.",
        "Choisir un seul sujet par réunion.",
    ),
]

PICTURE_SIZE = (960, 600)
COMMENTS = [
    "Bravo, c'est exactement ce qu'il nous faut chez nous !",
    "Quel a été le coût pour la première édition ?",
    "On a testé quelque chose de proche l'an dernier, je vous envoie notre bilan.",
    "Super initiative, les équipes en parlent encore.",
    "Est-ce que les élus ont été associés ?",
]


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
    summary, how = kind[1], kind[7]
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
    audiences = {a.slug: a for a in Audience.objects.all()}
    actions = {a.code: a for a in Action.objects.filter(plan__is_current=True)}
    ambassadors = {u.mutuelle_id: u for u in User.objects.filter(role=Role.AMBASSADOR)}
    readers = list(User.objects.filter(role=Role.READER, mutuelle__isnull=False)[:20])
    slugs = sorted(mutuelles)
    today = timezone.localdate()
    created = []
    for index, kind in enumerate(KINDS):
        title, summary, theme_slugs, audience_slugs, code, transpose, partners = kind[:7]
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
                    "summary": summary,
                    "body": _body(kind, city),
                    "status": rng.choice(
                        [Status.ONGOING, Status.DONE, Status.DONE, Status.PLANNED]
                    ),
                    "starts_on": starts,
                    "ends_on": starts + datetime.timedelta(days=rng.randint(1, 120)),
                    "place": city,
                    "participants": rng.randint(8, 400),
                    "budget": Decimal(rng.randint(0, 80) * 100),
                    "partners": partners,
                    "results": kind[8],
                    "lessons": kind[9],
                    "transposability": transpose,
                    "is_published": bool(published),
                    "published_at": timezone.now() - datetime.timedelta(days=index * 3 + turn)
                    if published
                    else None,
                },
            )
            initiative.themes.set([themes[t] for t in theme_slugs if t in themes])
            initiative.audiences.set([audiences[a] for a in audience_slugs if a in audiences])
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
                    "notes": "Nous la reprenons en version plus courte, avec nos élus.",
                    "status": rng.choice(["considering", "ongoing", "done"]),
                    "contact": ambassadors.get(other.pk),
                },
            )
        if readers and not initiative.comments.exists():
            Comment.objects.create(
                initiative=initiative,
                author=readers[number % len(readers)],
                text=COMMENTS[number % len(COMMENTS)],
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
