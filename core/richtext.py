"""The one sanitiser of the project: every rich text (initiatives, guides, newsletter) goes
through `sanitize` before it is stored, so it is safe in a page, an e-mail and a PDF."""

import re
from html import unescape

import nh3
from django.conf import settings
from django.utils.html import escape, linebreaks

TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_TAG = re.compile(r"<[a-zA-Z/!]")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # Images only from our own uploads: nothing is fetched from elsewhere, in a page or a PDF.
    if tag == "img" and attribute == "src" and not value.startswith(settings.MEDIA_URL):
        return None
    return value


def sanitize(html: str) -> str:
    """Safe HTML from what an editor (or a person without JavaScript) sent; sanitising its
    result again changes nothing.

    Plain text becomes paragraphs; scripts, styles, event handlers, `javascript:` links and any
    tag or attribute not listed above are removed.
    """
    html = (html or "").strip()
    if html and not _TAG.search(html):
        html = linebreaks(escape(html))
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style"},
        attribute_filter=_attribute_filter,
    ).strip()
    # Text left without any tag (every tag was refused) is already escaped: in a paragraph, it
    # is not taken for plain text and escaped again when sanitised once more.
    if clean and not _TAG.search(clean):
        clean = f"<p>{clean}</p>"
    return clean


def plain_text(html: str) -> str:
    """The words of a rich text, for searching and for summaries."""
    text = nh3.clean((html or "").replace("<", " <"), tags=set())
    return " ".join(unescape(text).split())


_BREAKS = re.compile(r"</(p|h[2-4]|li|blockquote|tr|ul|ol|table)>|<br\s*/?>", re.IGNORECASE)


def to_text(html: str) -> str:
    """A rich text as readable plain text (the text part of an e-mail): one line per paragraph
    or list item, "- " before list items."""
    html = re.sub(r"<li[^>]*>", "- ", html or "", flags=re.IGNORECASE)
    html = _BREAKS.sub("\n", html)
    text = unescape(nh3.clean(html, tags=set()))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
