"""The accessibility statement's facts (RGAA), and the pages the suite audits.

The statement (`/accessibilite/`) says what is measured, and the suite measures exactly that:
`tests/browser/test_accessibility_audit.py` opens every page of `AUDITED_PAGES` on the demo
data, signed in as the role named, and fails on any serious or critical axe-core violation, on
an HTML error (W3C Nu checker) or on a horizontal scroll at 375 px. A page added here is
audited at the next run; a page that regresses turns CI red, so the statement cannot go on
claiming it.

Changing what the statement claims (its date, its status, the known non-accessible content)
is an edit of this module, reviewed like code.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# The date the statement was written or last revised (not the date of the last check: every
# version is checked by the suite before it ships).
STATEMENT_DATE = datetime.date(2026, 11, 30)
RGAA_VERSION = "4.1.2"
AXE_VERSION = "4.14.1"

# Without a complete RGAA audit, the law's method says "non conforme" (RGAA 4.1, "Déclarer
# l'état de conformité"). Change it to "partielle" or "totale" only with an audit's rate.
STATUS = "non"
STATUS_LABELS = {
    "non": _("non conforme"),
    "partielle": _("partiellement conforme"),
    "totale": _("totalement conforme"),
}


@dataclass(frozen=True)
class AuditedPage:
    label: str
    url_name: str
    role: str  # "anonymous", "reader", "ambassador" or "coordinator" (demo accounts)
    kwargs: dict | None = None


AUDITED_PAGES = [
    AuditedPage(_("Connexion"), "account_login", "anonymous"),
    AuditedPage(_("Déclaration d'accessibilité"), "accessibility", "anonymous"),
    AuditedPage(_("Accueil (salarié·e)"), "home", "reader"),
    AuditedPage(_("Accueil (ambassadeur·rice)"), "home", "ambassador"),
    AuditedPage(_("Accueil (coordination)"), "home", "coordinator"),
    AuditedPage(_("Plan du site"), "site_map", "reader"),
    AuditedPage(_("Mutuelles"), "mutuelles:list", "reader"),
    AuditedPage(_("Page d'une mutuelle"), "mutuelles:detail", "reader", {"slug": "armor"}),
    AuditedPage(_("Annuaire"), "ambassadeurs:directory", "reader"),
    AuditedPage(_("Groupes de travail"), "ambassadeurs:working_groups", "reader"),
    AuditedPage(
        _("Page d'un groupe de travail"),
        "ambassadeurs:working_group",
        "reader",
        {"slug": "achats-responsables"},
    ),
    AuditedPage(_("Agenda des réunions"), "reunions:agenda", "reader"),
    AuditedPage(_("Planifier une réunion"), "reunions:meeting_create", "coordinator"),
    AuditedPage(
        _("Fichiers d'un groupe de travail"),
        "reunions:group_files",
        "coordinator",
        {"slug": "achats-responsables"},
    ),
    AuditedPage(_("Mon profil"), "ambassadeurs:profile", "ambassador"),
    AuditedPage(_("Mes sessions"), "usersessions_list", "ambassador"),
    AuditedPage(_("Plan d'action"), "actionplan:plan", "reader"),
    AuditedPage(_("Tableau de bord du plan"), "actionplan:plan", "coordinator"),
    AuditedPage(_("Ma mutuelle (mise à jour du plan)"), "actionplan:my_mutuelle", "ambassador"),
    AuditedPage(_("Retours du terrain"), "actionplan:feedback_list", "coordinator"),
    AuditedPage(_("Suivi des mutuelles"), "actionplan:follow_up", "coordinator"),
    AuditedPage(_("Propositions des groupes de travail"), "reunions:proposals", "coordinator"),
    AuditedPage(_("Initiatives"), "initiatives:list", "reader"),
    AuditedPage(_("Nouvelle initiative"), "initiatives:create", "ambassador"),
    AuditedPage(_("Guides"), "guides:list", "reader"),
    AuditedPage(_("Recherche"), "search", "reader"),
    AuditedPage(_("Lettre d'information (archives)"), "newsletter:archive", "reader"),
    AuditedPage(
        _("Kit de relais d'une lettre"), "reunions:relay_edition", "ambassador", {"number": 2}
    ),
    AuditedPage(_("Inviter des membres"), "ambassadeurs:invitations", "coordinator"),
    AuditedPage(_("Journal des modifications"), "ambassadeurs:journal", "coordinator"),
]

# What is known not to be accessible, or not checked, and what to do meanwhile.
KNOWN_GAPS = [
    _(
        "Les fichiers déposés par les membres (outils des guides, pièces jointes des "
        "initiatives : tableurs, présentations, documents) ne sont pas vérifiés. Demandez-en "
        "une version accessible au contact ci-dessous."
    ),
    _(
        "Les PDF des guides sont balisés (PDF/UA : titres, ordre de lecture, textes "
        "alternatifs) mais n'ont pas été audités avec un lecteur d'écran ; la page web de "
        "chaque guide donne le même contenu."
    ),
    _(
        "Les textes alternatifs des images sont écrits par les membres qui les déposent ; "
        "ils sont demandés à chaque dépôt mais leur pertinence n'est pas vérifiée."
    ),
    _(
        "Les graphiques du tableau de bord sont des images SVG décrites par un titre ; leurs "
        "valeurs sont données dans un tableau (« Voir les chiffres »)."
    ),
    _(
        "L'éditeur de texte riche (guides, initiatives) s'utilise au clavier, mais son usage "
        "avec un lecteur d'écran n'a pas été testé."
    ),
]


def footer(request) -> dict:
    """The status every footer states ("Accessibilité : non conforme"), as the law asks."""
    return {"accessibility_status": STATUS_LABELS[STATUS]}
