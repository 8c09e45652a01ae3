"""Other copies of a corpus text, as a reader might hold them: the test transformations.

Each function turns a corpus text into a copy that holds the same words in another form;
re-anchoring must find every passage in each (tests/test_anchor.py).
"""

from __future__ import annotations

import html
import textwrap
import unicodedata
from collections.abc import Callable

FURNITURE_BEFORE = (
    "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
    "<title>Pakistan &amp; Russia | Daily News</title>"
    "<style>p { margin: 0 } .x::before { content: '<p>' }</style>"
    "<script>var banner = '<p>Subscribe & save</p>'; if (a < b) {}</script></head>\n"
    "<body><header><nav><a href='/'>Home</a> &middot; <a href='/world'>World</a></nav>"
    "<div class='ad'>Advertisement</div></header>\n<main><article>\n"
    "<h1>Saved&nbsp;page</h1>\n"
)
FURNITURE_AFTER = (
    "</article></main>\n<aside><h2>Most read</h2><ul><li>Other story</li></ul></aside>"
    "<footer><p>&copy; 2025 Daily News. All rights reserved.</p></footer>"
    "<script>document.write('<div>tracking</div>');</script></body></html>\n"
)


def _markup_line(line: str, number: int) -> str:
    """One paragraph as HTML: escaped, some characters as references, a word emphasised."""
    escaped = html.escape(line, quote=True)
    # Non-ASCII characters as numeric references in every other paragraph.
    if number % 2:
        escaped = escaped.encode("ascii", "xmlcharrefreplace").decode("ascii")
    words = escaped.split(" ")
    if len(words) > 6:  # inline markup inside the paragraph's text
        words[3] = f"<em>{words[3]}</em>"
        words[5] = f"<a href='#n{number}'><b>{words[5]}</b></a>"
    return f"<p class='body'>\n  {' '.join(words)}\n</p>\n"


def as_html(text: str) -> str:
    """The text as a saved web page: tags, entities, references and page furniture."""
    lines = [line for line in text.split("\n") if line]
    body = "".join(_markup_line(line, n) for n, line in enumerate(lines))
    return FURNITURE_BEFORE + body + FURNITURE_AFTER


def reflowed(text: str) -> str:
    """The text with other line breaks and spacing: wrapped at 60, paragraphs apart."""
    paragraphs = [line for line in text.split("\n") if line]
    wrapped = [
        textwrap.fill(p, 60, break_on_hyphens=False, break_long_words=False).replace(". ", ".  ")
        for p in paragraphs
    ]
    return "\r\n\r\n".join(w.replace("\n", " \r\n ") for w in wrapped) + "\r\n"


_SWAP = str.maketrans(
    {
        "'": "\u2019",
        "\u2019": "'",
        "\u2018": "'",
        '"': "\u201c",
        "\u201c": '"',
        "\u201d": '"',
        "\u2014": "--",
        "\u2013": "-",
        "-": "\u2010",
    }
)


def quotes_swapped(text: str) -> str:
    """Straight quotes curled and curly ones straightened; dashes exchanged."""
    return text.translate(_SWAP)


def decomposed(text: str) -> str:
    """The text in Unicode normalisation form NFKD."""
    return unicodedata.normalize("NFKD", text)


#: name -> (transformation, whether the copy is HTML)
TRANSFORMATIONS: dict[str, tuple[Callable[[str], str], bool]] = {
    "html": (as_html, True),
    "reflowed": (reflowed, False),
    "quotes-dashes": (quotes_swapped, False),
    "nfkd": (decomposed, False),
}
