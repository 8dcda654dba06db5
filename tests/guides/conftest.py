import pytest

from guides import services
from tests.factories import ThemeFactory

BODY = (
    "<h2>Pourquoi agir</h2><p>Les achats pèsent lourd dans l'empreinte des mutuelles.</p>"
    "<h3>Nos engagements</h3><ul><li>Acheter moins</li><li>Acheter mieux</li></ul>"
    "<h2>La méthode</h2><p>Exprimer le besoin, sourcer, évaluer, suivre.</p>"
)


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Environnement", slug="environnement")


@pytest.fixture
def draft(ambassador, theme):
    """A guide of `ambassador`, never published."""
    return services.guide_create(
        by=ambassador,
        title="Guide des achats responsables",
        summary="Acheter mieux, moins et plus près.",
        theme=theme,
        body=BODY,
    )


@pytest.fixture
def published(draft, coordinator):
    """The same guide, version 1 published (its PDF not rendered: no on_commit in `db`)."""
    services.publish(by=coordinator, guide=draft)
    draft.refresh_from_db()
    return draft
