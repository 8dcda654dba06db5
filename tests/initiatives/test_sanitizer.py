"""The one sanitiser against a corpus of XSS vectors: what is dangerous goes, the text stays."""

import pytest

from core.richtext import plain_text, sanitize

VECTORS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=/media/photo.jpg onerror=alert(1)>",
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="JaVaScRiPt:alert(1)">clic</a>',
    '<a href="&#106;avascript:alert(1)">clic</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">clic</a>',
    '<svg onload=alert(1)><circle r="10"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></math>",
    '<p style="background:url(javascript:alert(1))">texte</p>',
    '<div style="width: expression(alert(1))">texte</div>',
    "<style>body{background:red}</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example"><input name="x"></form>',
    "<body onload=alert(1)>",
    '<p onclick="alert(1)" onmouseover="alert(1)">texte</p>',
    '<a href="https://ok.example" target="_blank" onfocus="alert(1)">lien</a>',
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    "<base href=https://evil.example/>",
    '<img src="https://tracker.example/pixel.gif">',
    "<!--<script>alert(1)</script>-->",
    "<details open ontoggle=alert(1)>",
]

DANGEROUS = [
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "onfocus",
    "ontoggle",
    "javascript:",
    "expression(",
    "<style",
    "<iframe",
    "<object",
    "<embed",
    "<form",
    "<meta",
    "<base",
    "style=",
    "<svg",
    "tracker.example",
    "data:text",
]


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_is_neutralised(vector):
    cleaned = sanitize(vector).lower()
    for needle in DANGEROUS:
        assert needle not in cleaned, f"{needle} left in {cleaned!r}"


def test_the_formatting_people_use_is_kept():
    html = (
        "<h2>Le projet</h2><p>Un <strong>défi</strong> <em>sportif</em> entre agences.</p>"
        "<ul><li>Marche</li><li>Vélo</li></ul><ol><li>Un</li></ol>"
        '<p><a href="https://www.ameli.fr/">Ameli</a></p><blockquote>Super !</blockquote>'
    )
    cleaned = sanitize(html)
    for part in [
        "<h2>Le projet</h2>",
        "<strong>défi</strong>",
        "<em>sportif</em>",
        "<ul><li>Marche</li><li>Vélo</li></ul>",
        "<blockquote>Super !</blockquote>",
        'href="https://www.ameli.fr/"',
        'rel="noopener noreferrer"',
    ]:
        assert part in cleaned


def test_our_own_images_are_kept_others_lose_their_source():
    assert 'src="/media/initiatives/a.jpg"' in sanitize('<img src="/media/initiatives/a.jpg">')
    assert "src" not in sanitize('<img src="file:///etc/passwd">')


def test_plain_text_without_javascript_becomes_paragraphs():
    cleaned = sanitize("Première ligne\n\nDeuxième ligne & suite")
    assert cleaned == "<p>Première ligne</p>\n\n<p>Deuxième ligne &amp; suite</p>"


def test_plain_text_of_rich_text():
    assert plain_text("<h2>Titre</h2><p>Un <b>texte</b></p>") == "Titre Un texte"
