"""The one way an uploaded picture is accepted: checked from its header before anything is
decoded, decoded once, turned upright, stripped of its metadata and stored re-encoded under the
extension of its real format (a PNG sent as `photo.jpg` is stored as `photo.png`)."""

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from .uploads import too_big

# Decoding costs memory in proportion to the pixels, not to the bytes: a file of a few
# kilobytes may declare 30000 x 30000 pixels. Both limits are checked on the header.
MAX_PIXELS = 40_000_000  # a 40-megapixel photo: about 160 MB once decoded
MAX_SIDE = 10_000
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
QUALITY = 85


def _not_a_picture() -> ValidationError:
    return ValidationError(_("Ce fichier n'est pas une image JPEG, PNG ou WebP lisible."))


def _too_large(width: int | None = None, height: int | None = None) -> ValidationError:
    limits = {"side": MAX_SIDE, "megapixels": MAX_PIXELS // 1_000_000}
    if width is None:
        message = _(
            "Cette image compte trop de pixels : %(side)s pixels de côté et %(megapixels)s "
            "millions de pixels au plus. Réduisez-la avant de l'envoyer."
        )
        return ValidationError(message % limits)
    message = _(
        "Cette image mesure %(width)s × %(height)s pixels : %(side)s pixels de côté et "
        "%(megapixels)s millions de pixels au plus. Réduisez-la avant de l'envoyer."
    )
    return ValidationError(message % {**limits, "width": width, "height": height})


def _damaged() -> ValidationError:
    return ValidationError(
        _("Cette image est abîmée ou incomplète : elle ne se lit pas en entier.")
    )


@dataclass(frozen=True)
class Picture:
    """An uploaded picture once checked: upright, without metadata, in a mode its format
    stores (alpha kept where the format has it)."""

    image: Image.Image
    format: str
    stem: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]

    def file(
        self, *, box: tuple[int, int] | None = None, crop: bool = False, suffix: str = ""
    ) -> ContentFile:
        """The picture re-encoded in its own format, shrunk to fit `box` (or cropped to fill
        it), named after the upload with the extension of that format."""
        image = self.image
        if box and crop:
            image = ImageOps.fit(image, box)
        elif box:
            image = image.copy()
            image.thumbnail(box)
        buffer = io.BytesIO()
        options = {"quality": QUALITY} if self.format in ("JPEG", "WEBP") else {}
        image.save(buffer, format=self.format, **options)
        return ContentFile(buffer.getvalue(), name=f"{self.stem}{suffix}.{self.extension}")


_decoding = threading.Lock()


@contextmanager
def _strict() -> Iterator[None]:
    """Decode truncated files as errors: WeasyPrint turns Pillow's process-wide
    LOAD_TRUNCATED_IMAGES on when imported, which would pass half a picture off as whole.
    Pillow warns before refusing a bomb: both are refusals here."""
    with _decoding, warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _mode_for(image: Image.Image, image_format: str) -> str:
    if image_format == "JPEG":
        return "RGB"
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    return "RGBA" if has_alpha else "RGB"


def read(upload: UploadedFile, *, field: str, max_bytes: int) -> Picture:
    """The picture of an uploaded file, or a French ValidationError on `field`: too heavy, not
    a JPEG, PNG or WebP (whatever its name says), too many pixels or too wide for its header,
    or damaged. Nothing is written anywhere."""
    if too_heavy := too_big(upload, max_bytes):
        raise ValidationError({field: too_heavy})
    upload.seek(0)
    try:
        with _strict(), Image.open(upload, formats=list(EXTENSIONS)) as original:
            width, height = original.size  # from the header: nothing decoded yet
            if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
                raise _too_large(width, height)
            image_format = original.format
            if image_format is None:  # never, with `formats` given: Pillow read a header
                raise _not_a_picture()
            original.load()
            upright = ImageOps.exif_transpose(original)
            # A new image holds the pixels only: EXIF, XMP, ICC and comments stay behind.
            image = upright.convert(_mode_for(upright, image_format))
            image.info = {}
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError({field: _too_large().messages}) from error
    except UnidentifiedImageError as error:
        raise ValidationError({field: _not_a_picture().messages}) from error
    except Exception as error:
        # Truncated or malformed files make Pillow's decoders raise OSError, SyntaxError,
        # ValueError, EOFError, struct.error…: each means the same to the member.
        raise ValidationError({field: _damaged().messages}) from error
    finally:
        upload.seek(0)
    stem = slugify(PurePath(upload.name or "").stem)[:60] or "image"
    return Picture(image=image, format=image_format, stem=stem)
