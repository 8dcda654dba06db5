"""Notifications: one French e-mail, HTML with its plain-text part, from a pair of templates."""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def notify(subject: str, template: str, context: dict[str, Any], to: list[str]) -> None:
    """Send `template`.txt and `template`.html to `to` (nothing when nobody is to be told)."""
    if not to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "site_url": settings.SITE_URL}
        message = EmailMultiAlternatives(
            subject=subject, body=render_to_string(f"{template}.txt", context), to=to
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()
