"""The demo action plan: the AG of June 2026, 4 axes, 24 actions, indicators, varied deployments
with their history, and field feedback. Deterministic, so `seed_demo` stays idempotent."""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ambassadeurs.models import Role, User
from mutuelles.models import Mutuelle, Theme

from . import services
from .models import (
    Action,
    ActionPlan,
    Axis,
    Deployment,
    DeploymentChange,
    Direction,
    FieldFeedback,
    Indicator,
    Measurement,
    Scope,
    Sentiment,
    Status,
)

AXES = [
    (
        1,
        "Prendre soin de la santé des salariés et des adhérents",
        "Prévention, activité physique et bien-être, au travail comme auprès des adhérents.",
    ),
    (
        2,
        "Réduire notre empreinte environnementale",
        "Mesurer, puis réduire : énergie, achats, mobilité, numérique.",
    ),
    (
        3,
        "Être un employeur responsable",
        "Égalité professionnelle, qualité de vie au travail, inclusion.",
    ),
    (
        4,
        "Agir avec nos territoires et porter la voix mutualiste",
        "Partenariats locaux, mécénat, plaidoyer et transparence.",
    ),
]

# code, title, theme slug, scope, due date, owner, local approaches (one is picked per mutuelle)
ACTIONS = [
    (
        "1.1",
        "Déployer une campagne de dépistage du cancer colorectal auprès des adhérents de 50 à "
        "74 ans",
        "prevention-sante",
        Scope.MUTUELLE,
        "2027-03-31",
        "Direction santé",
        [
            "Courrier personnalisé avec le kit de dépistage, relance par SMS à trois semaines.",
            "Stands en agence pendant Mars bleu, avec un médecin du centre de santé partenaire.",
            "Appels sortants des conseillers aux adhérents concernés, en lien avec la CPAM.",
        ],
    ),
    (
        "1.2",
        "Proposer à chaque salarié un bilan de prévention des troubles musculo-squelettiques",
        "qvt",
        Scope.MUTUELLE,
        "2027-06-30",
        "Ressources humaines",
        [
            "Ergonome présent deux jours par site, ateliers de 30 minutes sur le temps de travail.",
            "Auto-diagnostic en ligne puis visite de poste pour les salariés qui le demandent.",
            "Intégré à l'entretien annuel, avec un budget pour le matériel adapté.",
        ],
    ),
    (
        "1.3",
        "Organiser un défi sportif inter-mutuelles chaque printemps",
        "sport",
        Scope.GROUP,
        "2027-05-31",
        "Groupe de travail Sport en entreprise",
        [],
    ),
    (
        "1.4",
        "Former des sentinelles en santé mentale sur chaque site",
        "bien-etre",
        Scope.MUTUELLE,
        "2027-12-31",
        "Ressources humaines",
        [
            "Deux volontaires par site formés aux premiers secours en santé mentale (PSSM).",
            "Formation commune avec la mutuelle voisine pour partager les coûts.",
            "Module de sensibilisation pour tous les managers avant de former les sentinelles.",
        ],
    ),
    (
        "1.5",
        "Relayer le Mois sans tabac auprès des salariés",
        "prevention-sante",
        Scope.MUTUELLE,
        "2026-11-30",
        "Ambassadeur ESS/RSE",
        [
            "Affiches, kits d'aide à l'arrêt et consultation de tabacologue sur site.",
            "Équipes « sans tabac » inscrites sur la plateforme nationale, défi entre services.",
            "Relais dans l'intranet local et la lettre interne, témoignages de salariés.",
        ],
    ),
    (
        "1.6",
        "Ouvrir l'activité physique adaptée aux adhérents en affection de longue durée",
        "sport",
        Scope.MUTUELLE,
        "2028-03-31",
        "Direction santé",
        [
            "Prise en charge de 12 séances par an dans le contrat responsable.",
            "Partenariat avec les maisons sport-santé du territoire.",
            "Expérimentation sur une agence avant d'élargir.",
        ],
    ),
    (
        "2.1",
        "Réaliser le bilan carbone de chaque mutuelle, scopes 1 à 3",
        "environnement",
        Scope.MUTUELLE,
        "2027-06-30",
        "Services généraux",
        [
            "Cabinet retenu avec le groupe, données collectées par les services généraux.",
            "Bilan réalisé en interne avec l'outil de l'ADEME, relu par le groupe.",
            "Stagiaire de master dédié, accompagné par l'ambassadeur.",
        ],
    ),
    (
        "2.2",
        "Adopter la charte des achats responsables du groupe",
        "environnement",
        Scope.MUTUELLE,
        "2026-12-31",
        "Achats",
        [
            "Charte présentée au conseil, critères RSE dans chaque appel d'offres.",
            "Clauses environnementales ajoutées aux contrats à leur renouvellement.",
            "Fournisseurs locaux privilégiés pour l'entretien et la restauration.",
        ],
    ),
    (
        "2.3",
        "Réduire de 20 % la consommation d'énergie des agences",
        "environnement",
        Scope.MUTUELLE,
        "2028-06-30",
        "Services généraux",
        [
            "Relamping LED et programmation du chauffage, suivi mensuel des compteurs.",
            "Audit énergétique des trois plus grosses agences d'abord.",
            "Éco-gestes affichés et référents énergie dans chaque agence.",
        ],
    ),
    (
        "2.4",
        "Mettre en place un plan de mobilité employeur",
        "environnement",
        Scope.MUTUELLE,
        "2027-09-30",
        "Ressources humaines",
        [
            "Forfait mobilités durables de 500 € et abris vélos sécurisés.",
            "Covoiturage organisé entre les sites, places réservées.",
            "Télétravail deux jours par semaine et flotte de vélos électriques.",
        ],
    ),
    (
        "2.5",
        "Allonger à cinq ans au moins la durée de vie du matériel informatique",
        "environnement",
        Scope.MUTUELLE,
        "2027-12-31",
        "Direction des systèmes d'information",
        [
            "Achat de matériel reconditionné pour les postes standards.",
            "Contrat de maintenance étendu et don du matériel réformé à une association.",
            "Renouvellement au cas par cas plutôt que par génération.",
        ],
    ),
    (
        "2.6",
        "Supprimer le plastique à usage unique de tous les sites",
        "environnement",
        Scope.MUTUELLE,
        "2026-10-31",
        "Services généraux",
        [
            "Gourdes offertes aux salariés, fontaines à eau branchées sur le réseau.",
            "Vaisselle réutilisable dans les salles de pause, fin des gobelets.",
            "Prestataire de restauration tenu par une clause zéro plastique.",
        ],
    ),
    (
        "2.7",
        "Dématérialiser les échanges avec les adhérents qui le souhaitent",
        "environnement",
        Scope.MUTUELLE,
        "2027-12-31",
        "Relation adhérents",
        [
            "Espace adhérent refondu, relevés en ligne par défaut avec accord explicite.",
            "Accompagnement en agence des adhérents éloignés du numérique.",
            "Envoi papier maintenu pour les plus de 75 ans sauf demande contraire.",
        ],
    ),
    (
        "3.1",
        "Publier l'index égalité femmes-hommes avec un plan d'action",
        "egalite",
        Scope.MUTUELLE,
        "2027-03-01",
        "Ressources humaines",
        [
            "Plan d'action négocié avec les représentants du personnel.",
            "Rattrapage salarial budgété sur deux ans.",
            "Objectifs de mixité dans les promotions internes.",
        ],
    ),
    (
        "3.2",
        "Former les managers à la prévention des violences sexistes et sexuelles",
        "egalite",
        Scope.MUTUELLE,
        "2027-06-30",
        "Ressources humaines",
        [
            "Formation en présentiel d'une demi-journée par une association spécialisée.",
            "E-learning commun du groupe puis atelier de cas pratiques.",
            "Référent VSS désigné et formé en premier.",
        ],
    ),
    (
        "3.3",
        "Signer un accord sur le télétravail et le droit à la déconnexion",
        "qvt",
        Scope.MUTUELLE,
        "2027-01-31",
        "Direction générale",
        [
            "Accord signé, plages sans réunion et messagerie coupée le soir.",
            "Charte en attendant l'accord, négociation en cours.",
            "Expérimentation de six mois dans deux services avant l'accord.",
        ],
    ),
    (
        "3.4",
        "Accueillir des alternants et stagiaires issus des quartiers prioritaires",
        "solidarite",
        Scope.MUTUELLE,
        "2027-09-30",
        "Ressources humaines",
        [
            "Partenariat avec une école de la deuxième chance.",
            "Tutorat par des salariés volontaires, parrainage des alternants.",
            "Offres diffusées dans les missions locales.",
        ],
    ),
    (
        "3.5",
        "Mesurer la qualité de vie au travail par un baromètre commun",
        "qvt",
        Scope.GROUP,
        "2027-04-30",
        "Coordination RSE du groupe",
        [],
    ),
    (
        "4.1",
        "Nouer un partenariat avec une association locale d'aide alimentaire",
        "solidarite",
        Scope.MUTUELLE,
        "2027-03-31",
        "Ambassadeur ESS/RSE",
        [
            "Collecte deux fois par an et journée de bénévolat des salariés.",
            "Convention avec l'épicerie solidaire du quartier de l'agence.",
            "Don des invendus de la restauration d'entreprise.",
        ],
    ),
    (
        "4.2",
        "Proposer un jour de mécénat de compétences par salarié et par an",
        "solidarite",
        Scope.MUTUELLE,
        "2027-12-31",
        "Ressources humaines",
        [
            "Plateforme de missions proposée par une association partenaire.",
            "Missions choisies par les équipes, journée prise sur le temps de travail.",
            "Priorité aux associations de santé du territoire.",
        ],
    ),
    (
        "4.3",
        "Porter le plaidoyer du groupe sur l'accès aux soins auprès des élus",
        "plaidoyer",
        Scope.GROUP,
        "2027-12-31",
        "Présidence du groupe",
        [],
    ),
    (
        "4.4",
        "Former les élus mutualistes aux enjeux de la RSE",
        "plaidoyer",
        Scope.MUTUELLE,
        "2027-10-31",
        "Vie mutualiste",
        [
            "Séminaire annuel des délégués avec un module RSE.",
            "Fiches pratiques envoyées avant chaque conseil d'administration.",
            "Binômes élu-salarié sur les projets RSE locaux.",
        ],
    ),
    (
        "4.5",
        "Publier un rapport RSE annuel commun",
        "plaidoyer",
        Scope.GROUP,
        "2027-06-30",
        "Coordination RSE du groupe",
        [],
    ),
    (
        "4.6",
        "Relayer la newsletter ESS/RSE auprès de tous les salariés",
        "solidarite",
        Scope.MUTUELLE,
        "2027-12-31",
        "Ambassadeur ESS/RSE",
        [
            "Présentée en réunion d'équipe chaque mois, affichée en salle de pause.",
            "Relayée sur l'intranet local avec un mot de la direction.",
            "Lue à voix haute lors du café mensuel de l'agence.",
        ],
    ),
]

INDICATORS = [
    # name, unit, target, direction, action code, typical value range
    (
        "Émissions de gaz à effet de serre par salarié",
        "tCO2e",
        "4",
        Direction.DECREASE,
        "2.1",
        (3.2, 6.5),
    ),
    ("Consommation d'énergie des agences", "kWh/m²", "120", Direction.DECREASE, "2.3", (105, 190)),
    ("Index égalité femmes-hommes", "points", "85", Direction.INCREASE, "3.1", (74, 96)),
    ("Managers formés à la prévention des VSS", "%", "80", Direction.INCREASE, "3.2", (10, 90)),
    ("Jours de mécénat de compétences", "jours", "100", Direction.INCREASE, "4.2", (5, 130)),
]

NEXT_STEPS = [
    "Point d'étape avec la direction",
    "Valider le budget",
    "Lancer la communication interne",
    "Choisir le prestataire",
    "Présenter au CSE",
    "Bilan à six mois",
]

FEEDBACK = [
    (
        "Le défi sportif a fédéré les équipes",
        "1.3",
        Sentiment.POSITIVE,
        "Beaucoup de collègues demandent une deuxième édition à l'automne, et des équipes mixtes "
        "entre agences.",
    ),
    (
        "Le bilan carbone inquiète les agences",
        "2.1",
        Sentiment.MIXED,
        "Les équipes craignent un surcroît de travail pour collecter les données ; un modèle de "
        "tableau commun rassurerait.",
    ),
    (
        "Gourdes appréciées, fontaines trop rares",
        "2.6",
        Sentiment.MIXED,
        "Les gourdes ont eu du succès, mais il n'y a qu'une fontaine par étage : files d'attente.",
    ),
    (
        "Télétravail : besoin de règles claires",
        "3.3",
        Sentiment.NEGATIVE,
        "Les managers appliquent des règles différentes ; les salariés attendent l'accord.",
    ),
    (
        "Forte envie de mécénat de compétences",
        "4.2",
        Sentiment.POSITIVE,
        "Une trentaine de volontaires dès la première réunion d'information.",
    ),
    (
        "La newsletter est peu lue en agence",
        "4.6",
        Sentiment.NEGATIVE,
        "Les conseillers en agence n'ouvrent pas leur messagerie pendant les heures d'accueil.",
    ),
    (
        "Mois sans tabac : des témoignages touchants",
        "1.5",
        Sentiment.POSITIVE,
        "Deux collègues ont raconté leur arrêt en réunion d'équipe, très bien reçu.",
    ),
    (
        "Sentinelles santé mentale : des questions",
        "1.4",
        Sentiment.MIXED,
        "Les volontaires se demandent quel temps leur sera accordé et qui les soutiendra.",
    ),
]

PLAN_TITLE = "Plan d'action RSE 2026-2028"


def _at(day: datetime.date, hour=10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@transaction.atomic
def seed(*, mutuelles=None, actions_per_axis=None, now=None) -> ActionPlan:
    """Create (or refresh) the demo plan; `actions_per_axis` enlarges it for benchmarks."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    mutuelles = list(mutuelles if mutuelles is not None else Mutuelle.objects.active())
    themes = {theme.slug: theme for theme in Theme.objects.all()}

    plan, _ = ActionPlan.objects.update_or_create(
        title=PLAN_TITLE,
        defaults={
            "assembly": "Assemblée générale du 18 juin 2026",
            "adopted_on": datetime.date(2026, 6, 18),
            "starts_on": datetime.date(2026, 7, 1),
            "ends_on": datetime.date(2028, 6, 30),
        },
    )
    ActionPlan.objects.exclude(pk=plan.pk).update(is_current=False)
    ActionPlan.objects.filter(pk=plan.pk).update(is_current=True)
    plan.is_current = True

    axes = {}
    for number, title, description in AXES:
        axes[number], _ = Axis.objects.update_or_create(
            plan=plan, number=number, defaults={"title": title, "description": description}
        )

    specs = list(ACTIONS)
    if actions_per_axis:  # the large data set: more actions of the same kinds on each axis
        specs = []
        for number in axes:
            base = [spec for spec in ACTIONS if spec[0].startswith(f"{number}.")]
            for i in range(actions_per_axis):
                _code, title, *rest = base[i % len(base)]
                suffix = f" ({i // len(base) + 1})" if i >= len(base) else ""
                specs.append((f"{number}.{i + 1}", title + suffix, *rest))
    actions = {}
    for position, (code, title, theme, scope, due, owner, _approaches) in enumerate(specs):
        actions[code], _ = Action.objects.update_or_create(
            plan=plan,
            code=code,
            defaults={
                "axis": axes[int(code.split(".")[0])],
                "title": title,
                "description": "",
                "theme": themes.get(theme),
                "scope": scope,
                "due_on": datetime.date.fromisoformat(due),
                "owner": owner,
                "position": position,
            },
        )
    services.deployments_ensure(actions=actions.values(), mutuelles=mutuelles)

    ambassadors = {
        u.mutuelle_id: u for u in User.objects.filter(role=Role.AMBASSADOR, is_active=True)
    }
    coordinator = User.objects.filter(role=Role.COORDINATOR, is_active=True).first()
    deployments = list(
        Deployment.objects.filter(action__plan=plan).select_related("action", "mutuelle")
    )
    DeploymentChange.objects.filter(deployment__in=deployments).delete()
    approach_texts = {spec[0]: spec[6] for spec in specs}
    changes = []
    # One mutuelle out of five has not updated anything for a while: the dashboard shows it.
    slow = {
        m.pk for index, m in enumerate(sorted(mutuelles, key=lambda m: m.slug)) if index % 5 == 4
    }
    for deployment in deployments:
        mutuelle_id = deployment.mutuelle_id
        author = ambassadors.get(mutuelle_id, coordinator)
        roll = rng.random()
        if roll < 0.18:
            status, progress = Status.NOT_STARTED, 0
        elif roll < 0.72:
            status, progress = Status.IN_PROGRESS, rng.choice([10, 20, 30, 40, 50, 60, 70, 80])
        elif roll < 0.88:
            status, progress = Status.DONE, 100
        elif roll < 0.96:
            status, progress = Status.BLOCKED, rng.choice([10, 20, 30])
        else:
            status, progress = Status.NOT_APPLICABLE, 0
        texts = approach_texts.get(deployment.action.code) or []
        deployment.status, deployment.progress = status, progress
        deployment.local_approach = (
            texts[(mutuelle_id or 0) % len(texts)] if texts and status != Status.NOT_STARTED else ""
        )
        deployment.next_step = (
            rng.choice(NEXT_STEPS) if status in (Status.IN_PROGRESS, Status.BLOCKED) else ""
        )
        # A few steps of history from the start of the plan to the last update.
        steps = 0 if status == Status.NOT_STARTED else rng.randint(1, 3)
        start = plan.starts_on
        last_day = today - datetime.timedelta(
            days=rng.randint(40, 80) if mutuelle_id in slow else rng.randint(0, 25)
        )
        span = max((last_day - start).days, 1)
        previous = 0
        for step in range(steps):
            day = start + datetime.timedelta(days=span * (step + 1) // steps)
            value = (
                progress
                if step == steps - 1
                else max(previous, progress * (step + 1) // (steps + 1) // 10 * 10)
            )
            state = status if step == steps - 1 else Status.IN_PROGRESS
            changes.append(
                DeploymentChange(
                    deployment=deployment,
                    changed_by=author,
                    changed_at=_at(day, 9 + step),
                    before={"progress": previous},
                    after={"progress": value, "status": state},
                    progress_before=previous,
                    progress=value,
                )
            )
            previous = value
        deployment.updated_by = author if steps else None
        deployment.updated_at = _at(last_day) if steps else _at(plan.starts_on)
    Deployment.objects.bulk_update(
        deployments,
        ["status", "progress", "local_approach", "next_step", "updated_by", "updated_at"],
        batch_size=1000,
    )
    DeploymentChange.objects.bulk_create(changes, batch_size=2000)

    Measurement.objects.filter(indicator__plan=plan).delete()
    quarters = [datetime.date(2026, 7, 1), datetime.date(2026, 10, 1)]
    measurements = []
    for name, unit, target, direction, code, (low, high) in INDICATORS:
        indicator, _ = Indicator.objects.update_or_create(
            plan=plan,
            name=name,
            defaults={
                "unit": unit,
                "target": Decimal(target),
                "direction": direction,
                "action": actions.get(code),
            },
        )
        for mutuelle in mutuelles:
            value = rng.uniform(low, high)
            for quarter in quarters:
                if rng.random() < 0.15:
                    continue
                value *= 0.97 if direction == Direction.DECREASE else 1.04
                if unit in ("%", "points"):
                    value = min(value, 100)
                measurements.append(
                    Measurement(
                        indicator=indicator,
                        mutuelle=mutuelle,
                        period=quarter,
                        value=Decimal(f"{value:.1f}"),
                        entered_by=ambassadors.get(mutuelle.pk),
                        entered_at=_at(quarter + datetime.timedelta(days=80)),
                    )
                )
    Measurement.objects.bulk_create(measurements, batch_size=2000)

    FieldFeedback.objects.filter(mutuelle__in=mutuelles, action__plan=plan).delete()
    feedback = []
    for index, (subject, code, sentiment, text) in enumerate(
        FEEDBACK * max(1, len(mutuelles) // 8)
    ):
        mutuelle = mutuelles[(index * 3) % len(mutuelles)]
        feedback.append(
            FieldFeedback(
                mutuelle=mutuelle,
                author=ambassadors.get(mutuelle.pk),
                subject=subject,
                action=actions.get(code),
                sentiment=sentiment,
                text=text,
                created_at=now - datetime.timedelta(days=3 + index * 4),
            )
        )
    FieldFeedback.objects.bulk_create(feedback)
    services.plan_changed()
    return plan
