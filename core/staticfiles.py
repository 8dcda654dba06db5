"""Static files in production: hashed, compressed names from collectstatic's manifest."""

import logging

from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage, except that without a manifest at all (collectstatic not run, or
    run with another storage) names get their plain URLs instead of an exception.

    Django raises there, so every page, the 500 page included, fails for a stylesheet. The
    plain name is the original file, which collectstatic copies whatever the storage; the
    missing manifest is logged and `/healthz` reports it. With a manifest, a name it lacks
    still raises (WhiteNoise relies on that), and collectstatic stays strict: a file referring
    to one that does not exist stops the build.
    """

    _reported = False

    def url(self, name: str | None, force: bool = False) -> str:
        try:
            url: str = super().url(name, force)
            return url
        except ValueError:
            if self.hashed_files:
                raise
            if not ManifestStaticFilesStorage._reported:
                ManifestStaticFilesStorage._reported = True
                logger.error("No static files manifest: run collectstatic with this storage")
            return FileSystemStorage.url(self, name)
