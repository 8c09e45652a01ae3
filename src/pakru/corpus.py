"""Read the source corpus, point at passages, and re-verify the dataset against it.

This is the curation tool: give it a document and a phrase and it returns the locator
(paragraph, ``[start, end)`` span, SHA-256) that evidence records, so no locator is ever
typed by hand. Texts are read exactly as stored (UTF-8, no newline translation); a
paragraph is a non-empty line, numbered from 1.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from pakru.collection import Dataset
from pakru.errors import PakruError, printable
from pakru.fingerprint import fingerprint
from pakru.rules import MAX_KEYWORD

__all__ = ["Corpus", "CorpusError", "Locator", "Mismatch", "locate", "paragraphs", "verify"]

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9]|\s*$)")


class CorpusError(PakruError, LookupError):
    """A document or phrase could not be found, or a phrase is ambiguous."""


@attrs.frozen
class Locator:
    """Where a passage lies in a document, and its digest."""

    paragraph: int
    start: int
    end: int
    sha256: str


@attrs.frozen
class Mismatch:
    """One evidence passage or source document that does not match the corpus."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` span of every paragraph (non-empty line) of ``text``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def digest(text: str) -> str:
    """SHA-256 of a passage's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sentence(text: str, start: int, end: int, par: tuple[int, int]) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole sentences inside the paragraph ``par``."""
    p0, p1 = par
    new_start = p0
    for m in _SENTENCE_END.finditer(text, p0, start):
        new_start = m.end()
    while new_start < start and text[new_start].isspace():
        new_start += 1
    found = _SENTENCE_END.search(text, max(end - 1, p0), p1)
    new_end = found.end() if found else p1
    return new_start, new_end


def locate(
    text: str,
    phrase: str,
    *,
    to: str | None = None,
    occurrence: int | None = None,
    sentence: bool = False,
) -> Locator:
    """The locator of ``phrase`` in ``text`` (through ``to``, if given).

    The passage must lie inside one paragraph. A phrase found more than once needs
    ``occurrence`` (1-based). With ``sentence=True`` the span widens to whole sentences.
    """
    if not phrase:
        raise CorpusError("the phrase is empty")
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not starts:
        raise CorpusError(f"phrase not found: {phrase!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise CorpusError(
                f"phrase occurs {len(starts)} times: {phrase!r}; choose one with "
                "occurrence=N (--occurrence N on the command line)"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise CorpusError(f"phrase occurs {len(starts)} times, not {occurrence}: {phrase!r}")
    start = starts[occurrence - 1]
    end = start + len(phrase)
    if to is not None:
        at = text.find(to, end)
        if at < 0:
            raise CorpusError(f"end phrase {to!r} not found after {phrase!r}")
        end = at + len(to)
    spans = paragraphs(text)
    for number, par in enumerate(spans, 1):
        if par[0] <= start < par[1]:
            if end > par[1]:
                raise CorpusError("the passage runs past the end of its paragraph")
            if sentence:
                start, end = _sentence(text, start, end, par)
            # A passage never starts or ends with white space.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end:
                raise CorpusError(f"the phrase is only white space: {phrase!r}")
            return Locator(number, start, end, digest(text[start:end]))
    raise CorpusError("the phrase is not inside a paragraph")  # pragma: no cover


@attrs.frozen
class Corpus:
    """A corpus folder: ``seeds/`` and ``web/`` texts with their YAML sidecars."""

    root: Path = attrs.field(converter=Path)

    def path(self, document: str) -> Path:
        """The text file of ``document``: a name inside the corpus folder, never a path."""
        if (
            not isinstance(document, str)
            or not document
            or len(document) > MAX_KEYWORD
            or document.startswith(".")
            or any(c in document for c in "/\\*?[]\0")
            or not document.isprintable()
        ):
            raise CorpusError(
                f"{printable(repr(document)[:100])} is not a document id: expected the "
                "name of a text file in the corpus, without folders or wildcards"
            )
        for sub in ("seeds", "web"):
            candidate = self.root / sub / f"{document}.txt"
            if candidate.is_file():
                return candidate
        found = [p for p in self.root.rglob(f"{document}.txt") if p.is_file()]
        if not found:
            raise CorpusError(f"no document {document!r} under {self.root}")
        return found[0]

    def text(self, document: str) -> str:
        """The document's text exactly as stored."""
        with self.path(document).open(encoding="utf-8", newline="") as fh:
            return fh.read()

    def sha256(self, document: str) -> str:
        """SHA-256 of the document's bytes."""
        return hashlib.sha256(self.path(document).read_bytes()).hexdigest()

    def documents(self) -> Iterator[str]:
        """Every document id, in file order."""
        for p in sorted(self.root.rglob("*.txt")):
            if p.parent.name in ("seeds", "web"):
                yield p.stem


def verify(dataset: Dataset, corpus: Corpus) -> list[Mismatch]:
    """Recompute every source digest, evidence digest and fingerprint; return what differs."""
    out: list[Mismatch] = []
    texts: dict[str, str] = {}
    for source in dataset.sources():
        try:
            actual = corpus.sha256(source.document)
            text = corpus.text(source.document)
        except (CorpusError, OSError, UnicodeDecodeError) as exc:
            out.append(Mismatch(f"source {source.id}", str(exc)))
            continue
        if actual != source.sha256:
            out.append(
                Mismatch(
                    f"source {source.id}",
                    f"document SHA-256 is {actual}, the dataset says {source.sha256}",
                )
            )
        if len(text) != source.length or len(paragraphs(text)) != source.paragraphs:
            out.append(Mismatch(f"source {source.id}", "length or paragraph count differs"))
        texts[source.id] = text
    for event in dataset.events():
        for i, ev in enumerate(event.evidence):
            where = f"event {event.id} evidence[{i}]"
            known = texts.get(ev.source)
            if known is None:
                continue
            text = known
            spans = paragraphs(text)
            if not 1 <= ev.paragraph <= len(spans):
                out.append(Mismatch(where, f"no paragraph {ev.paragraph}"))
                continue
            p0, p1 = spans[ev.paragraph - 1]
            if not p0 <= ev.start < ev.end <= p1:
                out.append(
                    Mismatch(
                        where,
                        f"span [{ev.start}, {ev.end}) is not inside "
                        f"paragraph {ev.paragraph} [{p0}, {p1})",
                    )
                )
            actual = digest(text[ev.start : ev.end])
            if actual != ev.sha256:
                out.append(
                    Mismatch(where, f"passage SHA-256 is {actual}, the dataset says {ev.sha256}")
                )
            elif ev.fingerprint is not None and ev.fingerprint != fingerprint(
                text[ev.start : ev.end]
            ):
                out.append(
                    Mismatch(
                        where,
                        "the fingerprint does not match the passage; regenerate it with "
                        "python tools/fingerprints.py",
                    )
                )
    return out


def source_stub(corpus: Corpus, document: str) -> dict[str, object]:
    """The computed fields of a source record for ``document``, for a curator to complete.

    Bibliographic fields are left for the curator, who checks the sidecar against the text.
    """
    text = corpus.text(document)
    return {
        "id": document,
        "document": document,
        "sha256": corpus.sha256(document),
        "length": len(text),
        "paragraphs": len(paragraphs(text)),
    }


@attrs.frozen
class Coverage:
    """Which paragraphs of one source the dataset cites, skips with a reason, or neither.

    ``uncited`` are the paragraphs still to review: neither cited by an event nor skipped
    by the source record (:attr:`pakru.Source.skipped`). ``stale`` are skipped paragraphs
    that an event cites after all, whose skip should go.
    """

    source: str
    paragraphs: int
    cited: tuple[int, ...]
    uncited: tuple[int, ...]
    skipped: tuple[int, ...] = ()
    stale: tuple[int, ...] = ()


def coverage(dataset: Dataset) -> list[Coverage]:
    """Per source, the paragraphs cited, skipped, and still to review."""
    cited: dict[str, set[int]] = {s.id: set() for s in dataset.sources()}
    for event in dataset.events():
        for ev in event.evidence:
            cited.setdefault(ev.source, set()).add(ev.paragraph)
    out = []
    for source in dataset.sources():
        done = cited[source.id]
        skipped = {k.paragraph for k in source.skipped}
        missing = tuple(
            n for n in range(1, source.paragraphs + 1) if n not in done and n not in skipped
        )
        out.append(
            Coverage(
                source.id,
                source.paragraphs,
                tuple(sorted(done)),
                missing,
                tuple(sorted(skipped - done)),
                tuple(sorted(skipped & done)),
            )
        )
    return out
