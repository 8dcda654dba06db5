"""Static files in production: hashed, compressed names from collectstatic's manifest."""

import logging

from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage, except that a name the manifest lacks (collectstatic not run, or
    run with another storage) gets its plain URL instead of an exception.

    Django raises there, so every page, the 500 page included, fails for a stylesheet. The
    plain name is the original file, which collectstatic copies beside the hashed one; the
    missing entry is logged and `/healthz` reports it. collectstatic itself stays strict: a
    file referring to one that does not exist still stops the build.
    """

    _reported: set[str] = set()

    def url(self, name, force=False):
        try:
            return super().url(name, force)
        except ValueError:
            if name not in self._reported:
                self._reported.add(name)
                logger.error("%r is not in the static files manifest: run collectstatic", name)
            return FileSystemStorage.url(self, name)
