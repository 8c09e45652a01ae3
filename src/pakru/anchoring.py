"""Find every cited passage again in any copy of its source: re-anchoring.

pakru cannot ship its sources' texts, and its offsets hold only for the corpus text byte
for byte. A reader who saves the same article from the web (HTML), copies it out of a PDF
or reflows it holds a different text. :func:`anchor` takes such a copy and, for every
passage the dataset cites from that source, reports where it lies in the copy and how
well it matches:

``exact``
    the copy holds exactly the passage's characters (its SHA-256 matches);
``normalised``
    the copy holds the same text once both are normalised (:mod:`pakru.fingerprint`:
    Unicode form, case, quotes, dashes, white space and markup set aside);
``not-found``
    no place in the copy has that text; a passage is never reported found when its words
    differ, because every match is confirmed by the SHA-256 of the whole normalised passage;
``no-fingerprint``
    the evidence has no fingerprint (a user's data), so only an exact match at the same
    offsets could be checked, and there was none.

Candidates are found with the fingerprint's head hash (its first words) and confirmed
with its full hash. A copy in HTML is read by :func:`read_html` with the standard
library's HTML parser: tags are dropped (block elements end a line), entities and
character references resolved, scripts and styles skipped; each character of the text
keeps the place in the file it came from. Plain text (including text extracted from a
PDF) is read as it is.
"""

from __future__ import annotations

import bisect
import hashlib
import html
import os
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from pakru.errors import PakruError, QueryTypeError
from pakru.fingerprint import EDGE_WORDS, Fingerprint, edge_hash, normalise_mapped

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.model import Evidence

__all__ = [
    "VERDICTS",
    "Anchor",
    "AnchorError",
    "Copy",
    "anchor",
    "anchor_text",
    "locate_passages",
    "read_copy",
    "read_html",
    "read_text",
    "summary",
]

#: The verdicts of re-anchoring, best first.
VERDICTS = ("exact", "normalised", "not-found", "no-fingerprint")

#: Elements whose start and end break the text into lines.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
#: Elements whose content is not text of the page.
_SKIPPED = frozenset(("script", "style", "template", "noscript", "svg", "math"))
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


class AnchorError(PakruError, ValueError):
    """A copy could not be read, or the source is not one the dataset cites."""


@attrs.frozen
class Copy:
    """A copy of a source: the file's characters and the text read from them.

    Text character ``i`` came from ``raw[starts[i]:ends[i]]`` (for plain text, the
    character itself; for HTML, the character, its entity or reference, or the tag
    that ends a line).
    """

    raw: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    html: bool


class _TextReader(HTMLParser):
    """Collects the text of an HTML document with each character's place in the file."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.lines = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self.lines.append(i + 1)
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.skipping: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def _emit(self, text: str, start: int, end: int) -> None:
        self.chars.append(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def _break(self) -> None:
        at = self._offset()
        self._emit("\n", at, at)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag in _BLOCKS and not self.skipping:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in _BLOCKS and not self.skipping:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        start = self._offset()
        self.chars.append(data)
        self.starts.extend(range(start, start + len(data)))
        self.ends.extend(range(start + 1, start + len(data) + 1))

    def _reference(self, text: str) -> None:
        if self.skipping:
            return
        start = self._offset()
        end = start + len(text)
        if self.raw.startswith(";", end):
            end += 1
        self._emit(html.unescape(self.raw[start:end]), start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")


def read_html(raw: str) -> Copy:
    """The text of an HTML document, each character mapped to its place in ``raw``."""
    reader = _TextReader(raw)
    reader.feed(raw)
    reader.close()
    return Copy(raw, "".join(reader.chars), tuple(reader.starts), tuple(reader.ends), True)


def read_text(raw: str) -> Copy:
    """A copy in plain text, read as it is."""
    positions = tuple(range(len(raw)))
    return Copy(raw, raw, positions, tuple(range(1, len(raw) + 1)), False)


def _looks_like_html(raw: str) -> bool:
    head = raw.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def read_copy(path: str | os.PathLike[str], *, html: bool | None = None) -> Copy:
    """Read a copy from a file: HTML (by its suffix or its first tag) or plain text.

    ``html`` forces one reading. The file must be UTF-8 (a byte-order mark is dropped),
    or UTF-16 with a byte-order mark.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise QueryTypeError(f"copy: expected a file path, got {type(path).__name__}")
    where = Path(path)
    try:
        data = where.read_bytes()
    except OSError as exc:
        raise AnchorError(f"cannot read the copy {where}: {exc.strerror or exc}") from None
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raw = data.decode("utf-16")  # a page saved as UTF-16 (with its byte-order mark)
        else:
            raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AnchorError(
            f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start}); save the page "
            "or text as UTF-8"
        ) from None
    if html is None:
        html = where.suffix.lower() in _HTML_SUFFIXES or _looks_like_html(raw)
    return read_html(raw) if html else read_text(raw)


@attrs.frozen
class Anchor:
    """Where one evidence passage lies in a copy of its source, and how well it matches.

    ``start`` and ``end`` are offsets into the copy's file (its characters as read,
    markup included); ``text_start`` and ``text_end`` are offsets into the text read from
    it (for plain text the same). All four are None when the passage was not found.
    ``matches`` counts the places in the copy that hold the passage (the reported one is
    the nearest to where the corpus text has it). ``hint`` says what was found of a
    passage that was not: its first or last words, and where.
    """

    event: str
    index: int
    evidence: Evidence
    verdict: str
    start: int | None = None
    end: int | None = None
    text_start: int | None = None
    text_end: int | None = None
    matches: int = 0
    hint: str | None = None

    @property
    def found(self) -> bool:
        """True when the passage was found (exactly or after normalisation)."""
        return self.verdict in ("exact", "normalised")


class _Index:
    """A normalised copy with the places where a passage may start."""

    def __init__(self, copy: Copy) -> None:
        self.copy = copy
        norm, starts, ends = normalise_mapped(copy.text)
        self.norm = norm
        self.starts = starts
        self.ends = ends
        self.spaces = [i for i, ch in enumerate(norm) if ch == " "]
        # A passage starts at a word, or at a letter or digit after a punctuation mark.
        self.candidates = [
            i
            for i, ch in enumerate(norm)
            if ch != " "
            and (i == 0 or norm[i - 1] == " " or (ch.isalnum() and not norm[i - 1].isalnum()))
        ]
        self._heads: dict[int, dict[str, list[int]]] = {}

    def _window_end(self, at: int, words: int) -> int:
        """The end of the ``words``-th word from ``at``."""
        k = bisect.bisect_left(self.spaces, at) + words - 1
        return self.spaces[k] if k < len(self.spaces) else len(self.norm)

    def heads(self, words: int) -> dict[str, list[int]]:
        found = self._heads.get(words)
        if found is None:
            found = {}
            for at in self.candidates:
                key = edge_hash([self.norm[at : self._window_end(at, words)]])
                found.setdefault(key, []).append(at)
            self._heads[words] = found
        return found

    def find(self, fp: Fingerprint) -> list[int]:
        """Every normalised offset where the fingerprinted passage lies."""
        if fp.words > EDGE_WORDS:
            places = self.heads(EDGE_WORDS).get(fp.head, [])
        else:  # a short passage: its last word may run into punctuation; try them all
            places = self.candidates
        return [
            at
            for at in places
            if at + fp.length <= len(self.norm)
            and hashlib.sha256(self.norm[at : at + fp.length].encode("utf-8")).hexdigest()
            == fp.sha256
        ]

    def edges(self, fp: Fingerprint) -> str | None:
        """What the copy holds of a passage it does not hold whole, for the reader."""
        if fp.words <= EDGE_WORDS:
            return None
        head = self.heads(EDGE_WORDS).get(fp.head, [])
        tails = self.heads(EDGE_WORDS).get(fp.tail, [])
        parts = []
        if head:
            parts.append(f"its first words are at {self.copy_offset(head[0])}")
        if tails:
            parts.append(f"its last words are at {self.copy_offset(tails[0])}")
        if not parts:
            return None
        return "; ".join(parts) + ", but the text between differs"

    def copy_offset(self, at: int) -> int:
        return self.copy.starts[self.starts[at]]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def locate_passages(
    copy: Copy,
    items: Iterable[tuple[str, int, Evidence]],
    *,
    expected_length: int | None = None,
) -> tuple[Anchor, ...]:
    """Anchor each ``(event id, index, evidence)`` in ``copy``.

    ``expected_length`` (the corpus text's length) lets the nearest of several matches
    be chosen by relative position.
    """
    index: _Index | None = None
    out: list[Anchor] = []
    for event, i, ev in items:
        raw = copy.raw
        if ev.end <= len(raw) and _digest(raw[ev.start : ev.end]) == ev.sha256:
            t0 = bisect.bisect_left(copy.starts, ev.start)
            t1 = bisect.bisect_left(copy.starts, ev.end)
            out.append(Anchor(event, i, ev, "exact", ev.start, ev.end, t0, t1, 1))
            continue
        fp = ev.fingerprint
        if fp is None:
            out.append(Anchor(event, i, ev, "no-fingerprint"))
            continue
        if index is None:
            index = _Index(copy)
        places = index.find(fp)
        if not places:
            out.append(Anchor(event, i, ev, "not-found", hint=index.edges(fp)))
            continue
        if expected_length:
            aim = ev.start / expected_length * max(len(index.norm), 1)
            at = min(places, key=lambda p: abs(p - aim))
        else:
            at = places[0]
        t0 = index.starts[at]
        t1 = index.ends[at + fp.length - 1]
        start, end = copy.starts[t0], copy.ends[t1 - 1]
        verdict = "exact" if _digest(raw[start:end]) == ev.sha256 else "normalised"
        out.append(Anchor(event, i, ev, verdict, start, end, t0, t1, len(places)))
    return tuple(out)


def _cited(dataset: Dataset, source: str) -> list[tuple[str, int, Evidence]]:
    return [
        (event.id, i, ev)
        for event in dataset
        for i, ev in enumerate(event.evidence)
        if ev.source == source
    ]


def _anchor(source: str, copy: Copy, dataset: Dataset | None) -> tuple[Anchor, ...]:
    if not isinstance(source, str):
        raise QueryTypeError(f"anchor: source must be a source id, got {type(source).__name__}")
    from pakru.loader import or_shipped  # noqa: PLC0415 - the data loads on first use

    data = or_shipped(dataset)
    record = data.source(source)  # an unknown id raises UnknownIdError with suggestions
    return locate_passages(copy, _cited(data, record.id), expected_length=record.length)


def anchor(
    source: str,
    copy: str | os.PathLike[str],
    *,
    html: bool | None = None,
    dataset: Dataset | None = None,
) -> tuple[Anchor, ...]:
    """Find every passage the dataset cites from ``source`` in the file ``copy``.

    ``copy`` is any copy of the source: an HTML page saved from the web, text extracted
    from a PDF, a reflowed plain-text copy. One :class:`Anchor` per evidence passage,
    in the order of the events, each with its verdict (see :data:`VERDICTS`).
    ``dataset`` defaults to the shipped data.
    """
    return _anchor(source, read_copy(copy, html=html), dataset)


def anchor_text(
    source: str,
    text: str,
    *,
    html: bool = False,
    dataset: Dataset | None = None,
) -> tuple[Anchor, ...]:
    """As :func:`anchor`, for a copy held as a string (``html=True`` for markup)."""
    if not isinstance(text, str):
        raise QueryTypeError(f"anchor_text: text must be a string, got {type(text).__name__}")
    return _anchor(source, read_html(text) if html else read_text(text), dataset)


def summary(anchors: Sequence[Anchor]) -> dict[str, int]:
    """How many passages got each verdict."""
    counts = dict.fromkeys(VERDICTS, 0)
    for a in anchors:
        counts[a.verdict] += 1
    return counts
