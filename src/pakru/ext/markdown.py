"""A Python-Markdown extension: ``[[pakru:ID]]`` shows a record's title, date and links.

Use it on any site built with Python-Markdown (MkDocs included)::

    markdown_extensions:
      - pakru.ext.markdown:
          base_url: https://example.org/pakru/   # where the pakru documentation lives

or from Python::

    import markdown
    markdown.markdown(
        "Signed at [[pakru:1966-01-10-tashkent-declaration]].",
        extensions=["pakru.ext.markdown"],
        extension_configs={"pakru.ext.markdown": {"base_url": "https://example.org/pakru/"}},
    )

``[[pakru:ID]]`` names an event, actor or source by id; ``[[pakru:ID|own words]]``
links its own words instead of the title. An event renders as its title linked to its
page, then its date and a link to its citation block; an actor as its name; a source
as its title and date of issue. The title and date come from the installed pakru data,
so pin the pakru version that matches the documentation ``base_url`` points at.

An unknown id raises :class:`pakru.UnknownIdError` (naming close matches), which stops
the build; with ``strict: false`` it is left as text, marked ``pakru-missing``. From
Python, ``PakruExtension(base_url=..., dataset=...)`` reads the records of another
:class:`pakru.Dataset` instead of the shipped one.

Needs Python-Markdown: ``pip install 'pakru[markdown]'``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from pakru.errors import PakruError, UnknownIdError, require_extra
from pakru.ext.links import Reference, reference

require_extra("markdown", "markdown", "pakru.ext.markdown")  # a MissingExtraError if absent

from markdown.extensions import Extension  # noqa: E402
from markdown.inlinepatterns import InlineProcessor  # noqa: E402

if TYPE_CHECKING:
    from markdown import Markdown

    from pakru.collection import Dataset

__all__ = ["PATTERN", "PakruExtension", "makeExtension", "render"]

#: ``[[pakru:ID]]`` or ``[[pakru:ID|text]]``.
PATTERN = r"\[\[pakru:\s*([^\]|\s]+)\s*(?:\|([^\]]+))?\]\]"


def render(ref: Reference, base_url: str, text: str | None = None) -> etree.Element:
    """The ``<span class="pakru-ref">`` element that stands for one record."""
    span = etree.Element("span", {"class": f"pakru-ref pakru-{ref.kind}"})
    link = etree.SubElement(span, "a", {"href": ref.url(base_url), "title": ref.id})
    link.text = text.strip() if text else ref.title
    if ref.kind != "event":
        link.tail = f" ({ref.date})" if ref.date else None
        return span
    link.tail = f" ({ref.date}, "
    cite = etree.SubElement(span, "a", {"href": ref.cite_url(base_url), "class": "pakru-cite"})
    cite.text = "cite"
    cite.tail = ")"
    return span


class _RefProcessor(InlineProcessor):
    def __init__(self, extension: PakruExtension, md: Markdown) -> None:
        super().__init__(PATTERN, md)
        self.extension = extension

    def handleMatch(  # type: ignore[override]
        self,
        m: re.Match[str],
        data: str,  # noqa: ARG002 - part of Python-Markdown's signature
    ) -> tuple[etree.Element, int, int]:
        config = self.extension.getConfigs()
        try:
            ref = reference(m.group(1), self.extension.dataset)
        except UnknownIdError:
            if config["strict"]:
                raise
            missing = etree.Element("span", {"class": "pakru-ref pakru-missing"})
            missing.text = m.group(0)
            return missing, m.start(0), m.end(0)
        return render(ref, str(config["base_url"]), m.group(2)), m.start(0), m.end(0)


class PakruExtension(Extension):
    """Registers the ``[[pakru:ID]]`` pattern."""

    def __init__(self, *, dataset: Dataset | None = None, **kwargs: Any) -> None:
        # ``dataset`` is kept out of Python-Markdown's settings, which coerce values.
        self.dataset = dataset
        self.config = {
            "base_url": ["", "address of the pakru documentation site the links point to"],
            "strict": [True, "raise on an unknown id (False: leave it as marked text)"],
        }
        super().__init__(**kwargs)
        if not isinstance(self.getConfig("base_url"), str):
            msg = (
                "pakru.ext.markdown: base_url must be a string such as 'https://example.org/pakru/'"
            )
            raise PakruError(msg)

    def extendMarkdown(self, md: Markdown) -> None:
        """Add the pattern ahead of links, so ``[[...]]`` is not read as a link."""
        md.inlinePatterns.register(_RefProcessor(self, md), "pakru", 175)


def makeExtension(**kwargs: Any) -> PakruExtension:
    """The extension, as Python-Markdown loads it by module name."""
    return PakruExtension(**kwargs)
