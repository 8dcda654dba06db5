"""The mailer: every e-mail of the project is French, HTML with its plain-text part, rendered
from a pair of templates (`<name>.txt` and `<name>.html`), built and sent here.

`build` makes one message; a sender of many messages that share their text (the newsletter)
renders once with `render` and makes each message with `compose`. `send` sends a list over one
connection; `notify` is build and send for the everyday notification."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise


def french() -> translation.override:
    """E-mails are in French whatever the language of the request or task sending them: a
    subject worded with parameters is worded inside this."""
    return translation.override(settings.LANGUAGE_CODE)


def render(template: str, context: Mapping[str, Any]) -> tuple[str, str]:
    """`template`.txt and `template`.html in French, with the site's address as `site_url`."""
    context = {**context, "site_url": settings.SITE_URL}
    with french():
        return (
            render_to_string(f"{template}.txt", context),
            render_to_string(f"{template}.html", context),
        )


def compose(
    *,
    subject: str | Promise,
    text: str,
    html: str,
    to: Sequence[str],
    headers: Mapping[str, str] | None = None,
) -> EmailMultiAlternatives:
    """One message from its rendered parts (a lazy subject is translated in French)."""
    with french():
        subject = str(subject)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=list(to), headers=dict(headers or {})
    )
    message.attach_alternative(html, "text/html")
    return message


def build(
    *,
    subject: str | Promise,
    template: str,
    context: Mapping[str, Any],
    to: Sequence[str],
    headers: Mapping[str, str] | None = None,
) -> EmailMultiAlternatives:
    """One message from the pair of templates named `template`."""
    text, html = render(template, context)
    return compose(subject=subject, text=text, html=html, to=to, headers=headers)


def send(messages: Sequence[EmailMessage], *, connection: BaseEmailBackend | None = None) -> int:
    """Send `messages` over `connection`, or over one new connection for them all; how many
    were sent. A refusal of the server raises."""
    if not messages:
        return 0
    if connection is not None:
        return connection.send_messages(messages) or 0
    with get_connection() as opened:
        return opened.send_messages(messages) or 0


def notify(
    subject: str | Promise, template: str, context: Mapping[str, Any], to: Sequence[str]
) -> None:
    """Send `template` to `to` (nothing when nobody is to be told)."""
    if to:
        send([build(subject=subject, template=template, context=context, to=to)])
