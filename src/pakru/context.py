"""An event's passages shown inside their paragraphs, from the corpus or from a copy.

``pakru show ID --corpus DIR`` (or ``--copy FILE``) and :func:`in_context` print each
passage an event cites inside its paragraph, the passage marked ``[[ ]]``, with the check
of its digest (corpus) or its re-anchoring verdict (copy), and each dispute's claims
beside the passages of their sources. In a notebook the result displays as HTML, where
every piece of text is escaped and the passage is a ``<mark>``.
"""

from __future__ import annotations

import html
import os
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from pakru.anchoring import locate_passages, read_copy
from pakru.errors import QueryError, QueryTypeError

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.model import Event, Evidence

__all__ = ["InContext", "Passage", "in_context"]

#: Characters of context kept on each side of a passage inside a long paragraph.
CONTEXT = 360
OPEN, CLOSE = "[[", "]]"


@attrs.frozen
class Passage:
    """One evidence passage with the text around it, and the outcome of its check.

    ``before``, ``passage`` and ``after`` are the paragraph cut at the passage (empty when
    the passage could not be read); ``check`` is ``digest ok``, ``digest MISMATCH``, a
    re-anchoring verdict, or why there is no text.
    """

    index: int
    evidence: Evidence
    check: str
    before: str = ""
    passage: str = ""
    after: str = ""
    where: str = ""


@attrs.frozen
class InContext:
    """An event with its passages in context; ``str()`` is the 80-column text form."""

    event: Event
    passages: tuple[Passage, ...]
    origin: str

    def text(self, width: int = 80) -> str:
        """The plain-text form, wrapped at ``width`` columns."""
        return _text(self, width)

    def __str__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        return _html(self)

    def html(self) -> str:
        """The HTML form shown in notebooks (every text escaped)."""
        return _html(self)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _cut(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph around ``[start, end)`` of ``text``, cut at the passage.

    Paragraphs are separated by blank lines, or by line breaks in a text without any.
    """
    lines = text.split("\n")
    if any(not line.strip() for line in lines[1:-1]):
        lo = hi = -1
        pos = 0
        for line in lines:
            nxt = pos + len(line) + 1
            if not line.strip():
                if pos < start:
                    lo = nxt
                elif pos >= end and hi < 0:
                    hi = pos
            pos = nxt
        lo, hi = max(lo, 0), len(text) if hi < 0 else hi
    else:
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
    before, after = text[lo:start], text[end:hi]
    if len(before) > CONTEXT:
        before = "… " + before[-CONTEXT:].split(" ", 1)[-1]
    if len(after) > CONTEXT:
        after = after[:CONTEXT].rsplit(" ", 1)[0] + " …"
    return _squash(before), _squash(text[start:end]), _squash(after)


def _from_corpus(event: Event, dataset: Dataset, corpus_dir: str) -> list[Passage]:
    from pakru.corpus import Corpus, CorpusError, digest, paragraphs  # noqa: PLC0415

    corpus = Corpus(corpus_dir)
    texts: dict[str, str] = {}
    out = []
    for i, ev in enumerate(event.evidence):
        where = f"{ev.source} ¶{ev.paragraph} [{ev.start}, {ev.end})"
        try:
            if ev.source not in texts:
                texts[ev.source] = corpus.text(dataset.source(ev.source).document)
        except (CorpusError, OSError, UnicodeDecodeError) as exc:
            out.append(Passage(i, ev, f"no text: {exc}", where=where))
            continue
        text = texts[ev.source]
        spans = paragraphs(text)
        if not 1 <= ev.paragraph <= len(spans) or ev.end > len(text):
            out.append(Passage(i, ev, "no such paragraph or span", where=where))
            continue
        p0, p1 = spans[ev.paragraph - 1]
        ok = digest(text[ev.start : ev.end]) == ev.sha256
        before, passage, after = _cut(text[p0:p1], ev.start - p0, ev.end - p0)
        check = "digest ok" if ok else "digest MISMATCH"
        out.append(Passage(i, ev, check, before, passage, after, where))
    return out


def _from_copy(
    event: Event, copy_path: str | os.PathLike[str], source: str | None
) -> list[Passage]:
    copy = read_copy(copy_path)
    items = [(event.id, i, ev) for i, ev in enumerate(event.evidence)]
    anchors = locate_passages(copy, items)
    # The copy is a copy of ``source``, or of whichever source has passages found in it.
    mine = {source} if source is not None else {a.evidence.source for a in anchors if a.found}
    out = []
    for a in anchors:
        ev = a.evidence
        if a.text_start is None or a.text_end is None:
            check = a.verdict + (f" ({a.hint})" if a.hint else "")
            if mine and ev.source not in mine:
                check = "another source: not looked for in this copy"
            out.append(Passage(a.index, ev, check, where=f"{ev.source} ¶{ev.paragraph}"))
            continue
        where = f"{ev.source} ¶{ev.paragraph}, copy [{a.start}, {a.end})"
        before, passage, after = _cut(copy.text, a.text_start, a.text_end)
        out.append(Passage(a.index, ev, a.verdict, before, passage, after, where))
    return out


def in_context(
    event: str | Event,
    *,
    corpus: str | os.PathLike[str] | None = None,
    copy: str | os.PathLike[str] | None = None,
    source: str | None = None,
    dataset: Dataset | None = None,
) -> InContext:
    """The passages of ``event`` in their paragraphs, from a corpus or from a copy.

    ``corpus`` is a corpus folder: each passage is read there and its digest checked.
    ``copy`` is a file holding a copy of one of the event's sources (``source``, or the
    one whose passages are found in it): its passages are found again by
    :mod:`pakru.anchoring`, those of the other sources are left out.
    """
    from pakru.loader import or_shipped  # noqa: PLC0415
    from pakru.model import Event  # noqa: PLC0415

    data = or_shipped(dataset)
    if isinstance(event, str):
        record = data.event(event)
    elif isinstance(event, Event):
        record = event
    else:
        raise QueryTypeError(f"in_context: expected an event id, got {type(event).__name__}")
    if (corpus is None) == (copy is None):
        raise QueryError("in_context: give either corpus= (a folder) or copy= (a file)")
    if corpus is not None:
        if not os.path.isdir(corpus):  # noqa: PTH112
            raise QueryError(f"in_context: corpus folder not found: {corpus}")
        return InContext(record, tuple(_from_corpus(record, data, str(corpus))), "corpus")
    assert copy is not None  # noqa: S101 - checked above
    return InContext(record, tuple(_from_copy(record, copy, source)), f"copy {os.fspath(copy)}")


def _marked(p: Passage) -> str:
    return " ".join(x for x in (p.before, f"{OPEN}{p.passage}{CLOSE}", p.after) if x)


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _claim_lines(event: Event, passages: Sequence[Passage], width: int) -> list[str]:
    lines: list[str] = []
    for dispute in event.disputes:
        lines.append("")
        lines.extend(_wrap(f"Disputed {dispute.field}: {dispute.resolution}", width, ""))
        for claim in dispute.claims:
            where = claim.source + ("" if claim.paragraph is None else f" ¶{claim.paragraph}")
            lines.extend(_wrap(f"{claim.status}: {claim.value} ({where})", width, "  "))
            cited = [
                p
                for p in passages
                if p.evidence.source == claim.source
                and (claim.paragraph is None or p.evidence.paragraph == claim.paragraph)
            ]
            for p in cited:
                text = f"{OPEN}{p.passage}{CLOSE}" if p.passage else f"({p.check})"
                lines.extend(_wrap(f"evidence {p.index + 1}: {text}", width, "    "))
            if not cited:
                lines.append("    (no passage of this paragraph is cited)")
    return lines


def _text(view: InContext, width: int) -> str:
    e = view.event
    lines = _wrap(f"{e.id} · {e.date.edtf} · {e.type}", width, "")
    lines.extend(_wrap(e.title, width, ""))
    lines.extend(_wrap(e.summary, width, "  "))
    for p in view.passages:
        if p.check.startswith("another source"):
            continue
        lines.append("")
        head = f"Evidence {p.index + 1} of {len(e.evidence)} · {p.check} · {p.where}"
        lines.extend(_wrap(head, width, ""))
        if p.passage:
            lines.extend(_wrap(_marked(p), width, "  "))
    lines.extend(_claim_lines(e, view.passages, width))
    return "\n".join(lines) + "\n"


def _html(view: InContext) -> str:
    esc = html.escape
    e = view.event
    parts = [
        '<div class="pakru-in-context">',
        f"<p><strong>{esc(e.title)}</strong> <code>{esc(e.id)}</code> · "
        f"{esc(e.date.edtf)} · {esc(e.type)}</p>",
        f"<p>{esc(e.summary)}</p>",
        "<ol>",
    ]
    for p in view.passages:
        if p.check.startswith("another source"):
            continue
        body = (
            f"<blockquote>{esc(p.before)} <mark>{esc(p.passage)}</mark> {esc(p.after)}</blockquote>"
            if p.passage
            else ""
        )
        parts.append(f"<li><code>{esc(p.where)}</code> — <em>{esc(p.check)}</em>{body}</li>")
    parts.append("</ol>")
    for dispute in e.disputes:
        parts.append(
            f"<p>Disputed <strong>{esc(dispute.field)}</strong>: {esc(dispute.resolution)}</p>"
        )
        parts.append("<ul>")
        for claim in dispute.claims:
            cited = [
                p
                for p in view.passages
                if p.evidence.source == claim.source
                and (claim.paragraph is None or p.evidence.paragraph == claim.paragraph)
                and p.passage
            ]
            quotes = "".join(f"<br><mark>{esc(p.passage)}</mark>" for p in cited)
            where = claim.source + ("" if claim.paragraph is None else f" ¶{claim.paragraph}")
            parts.append(
                f"<li><em>{esc(claim.status)}</em>: {esc(claim.value)} "
                f"(<code>{esc(where)}</code>){quotes}</li>"
            )
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)
