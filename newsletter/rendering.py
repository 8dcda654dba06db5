"""An edition as e-mails and as a page: the common part, then the reader's mutuelle's own.
Each mutuelle's version is rendered once per sending; a subscriber's message only gets their
own unsubscribe link. No tracking pixel, no rewritten link."""

from collections.abc import Sequence
from email.utils import make_msgid
from typing import cast

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.signing import BadSignature, Signer
from django.templatetags.static import static
from django.urls import reverse

from core import mail
from core.richtext import to_text
from initiatives.models import Image
from initiatives.selectors import first_pictures
from mutuelles.models import Mutuelle

from .models import Block, Delivery, Edition, Subscriber

UNSUBSCRIBE = "https://unsubscribe.invalid/TOKEN"  # replaced by each subscriber's own link
PICTURE_SALT = "newsletter.picture"


def parts(
    edition: Edition, blocks: Sequence[Block] | None = None
) -> tuple[list[Block], dict[int, list[Block]]]:
    """The common blocks and, per mutuelle id, the local ones, in their order."""
    blocks = list(edition.blocks.select_related("mutuelle")) if blocks is None else blocks
    common = [b for b in blocks if b.mutuelle_id is None]
    local: dict[int, list[Block]] = {}
    for block in blocks:
        if block.mutuelle_id is not None:
            local.setdefault(block.mutuelle_id, []).append(block)
    return common, local


def picture_url(image: Image) -> str:
    """The address of an initiative's thumbnail in the e-mail: readable without signing in (a
    mail client has no session), signed so that only the pictures of a letter are."""
    signed = Signer(salt=PICTURE_SALT).sign(str(image.pk))
    return settings.SITE_URL + reverse("newsletter:picture", args=[signed])


def picture_for(signed: str) -> Image | None:
    """The picture a signed address names, while its initiative is published."""
    try:
        pk = int(Signer(salt=PICTURE_SALT).unsign(signed))
    except (BadSignature, ValueError):
        return None
    return Image.objects.filter(pk=pk, initiative__is_published=True).first()


def unsubscribe_url(token: str) -> str:
    return settings.SITE_URL + reverse("newsletter:unsubscribe", args=[token])


class Messages:
    """The e-mails of one edition: each mutuelle's version rendered once, then one message per
    subscriber with their own unsubscribe link."""

    def __init__(self, edition: Edition):
        self.edition = edition
        self.common, self.local = parts(edition)
        self.mutuelles = {b.mutuelle_id: b.mutuelle for bs in self.local.values() for b in bs}
        self._rendered: dict[int | None, tuple[str, str]] = {}
        blocks = [*self.common, *(b for bs in self.local.values() for b in bs)]
        pictures = first_pictures(b.initiative_id for b in blocks if b.initiative_id)
        for block in blocks:
            picture = pictures.get(block.initiative_id) if block.initiative_id else None
            block.picture_url = picture_url(picture) if picture else ""
            block.picture_alt = picture.alt if picture else ""

    def render(self, mutuelle_id: int | None) -> tuple[str, str]:
        """The text and HTML of a subscriber of that mutuelle (None: of none), with a stand-in
        for the unsubscribe link."""
        if mutuelle_id not in self._rendered:
            for block in [*self.common, *self.local.get(mutuelle_id, [])]:
                block.text = to_text(block.body)
            self._rendered[mutuelle_id] = mail.render(
                "newsletter/email",
                {
                    "editorial_text": to_text(self.edition.editorial),
                    "edition": self.edition,
                    "common": self.common,
                    "local": self.local.get(mutuelle_id, []),
                    "mutuelle": self.mutuelles.get(mutuelle_id),
                    "logo_url": settings.SITE_URL + static("img/logo-email.png"),
                    "unsubscribe_url": UNSUBSCRIBE,
                    "archive_url": settings.SITE_URL + self.edition.get_absolute_url(),
                },
            )
        return self._rendered[mutuelle_id]

    def _message(
        self, to: str, mutuelle_id: int | None, token: str | None, message_id: str
    ) -> EmailMultiAlternatives:
        text, html = self.render(mutuelle_id)
        link = (
            unsubscribe_url(token) if token else settings.SITE_URL + reverse("ambassadeurs:profile")
        )
        return mail.compose(
            subject=self.edition.title,
            text=text.replace(UNSUBSCRIBE, link),
            html=html.replace(UNSUBSCRIBE, link),
            to=[to],
            headers={
                "Message-ID": message_id,
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "List-Id": "Lettre ESS/RSE du Groupe Solimut <lettre-rse.solimut>",
                "Precedence": "bulk",
            },
        )

    def build(self, delivery: Delivery) -> EmailMultiAlternatives:
        # Only deliveries still held by a subscriber are sent (`sending._claim`).
        subscriber = cast(Subscriber, delivery.subscriber)
        return self._message(
            subscriber.email, subscriber.mutuelle_id, subscriber.token, delivery.message_id
        )

    def preview_html(self, mutuelle_id: int | None) -> str:
        return self.render(mutuelle_id)[1]

    def preview_message(self, to: str, mutuelle: Mutuelle | None) -> EmailMultiAlternatives:
        message = self._message(to, mutuelle.pk if mutuelle else None, None, make_msgid("rse"))
        message.subject = f"[TEST] {message.subject}"
        return message
