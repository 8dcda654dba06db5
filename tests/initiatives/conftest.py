import io

import pytest
from PIL import Image as PILImage

from initiatives.models import Initiative
from tests.factories import ThemeFactory


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Sport et activité physique", slug="sport")


@pytest.fixture
def published(ambassador, mutuelle, theme):
    initiative = Initiative.objects.create(
        mutuelle=mutuelle,
        author=ambassador,
        title="Défi vélo inter-agences",
        summary="Un mois de vélotaf entre agences.",
        body="<p>Le récit</p>",
        is_published=True,
    )
    initiative.themes.set([theme])
    return initiative


@pytest.fixture
def draft(ambassador, mutuelle, theme):
    initiative = Initiative.objects.create(
        mutuelle=mutuelle,
        author=ambassador,
        title="Potager partagé (brouillon)",
        summary="Un potager sur le toit.",
    )
    initiative.themes.set([theme])
    return initiative


def jpeg(name="photo.jpg", size=(1600, 1000)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#2e7d32").save(buffer, format="JPEG")
    buffer.seek(0)
    buffer.name = name
    return buffer
