"""Turn parsed YAML mappings into records, collecting every problem with file:line:field.

Each ``*_from_mapping`` function returns a record, or None after adding problems to the
list it is given; it never raises for bad data, so one pass reports everything.
Cross-record checks (unique ids, references) live in :mod:`pakru.loader.checks`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeVar

from pakru.dates import EDTFDate
from pakru.errors import PakruError, Problem
from pakru.linedict import LineDict, LineList, short, type_name
from pakru.model import (
    Actor,
    Claim,
    Creator,
    Dispute,
    Event,
    Evidence,
    Fingerprint,
    Inference,
    Office,
    Participant,
    Skip,
    Source,
)
from pakru.rules import (
    ACTOR_ID,
    CLAIM_STATUSES,
    CREATOR_ROLES,
    DAY,
    DISPUTE_FIELDS,
    EDGE_HASH,
    EVENT_ID,
    ISO3,
    LANGUAGE,
    MAX_KEYWORD,
    MAX_PASSAGE,
    MAX_URL,
    NOT_TEXT,
    SHA256,
    SOURCE_ID,
    TAG,
    URL,
)
from pakru.vocabulary import ACTOR_KINDS, EVENT_TYPES, ROLES, SKIP_REASONS, SOURCE_KINDS

__all__ = [
    "ACTOR_ID",
    "EVENT_ID",
    "SOURCE_ID",
    "actor_from_mapping",
    "event_from_mapping",
    "read_fingerprint",
    "source_from_mapping",
]

T = TypeVar("T")


def not_text(value: str) -> str | None:
    """What is wrong with ``value`` as record text (:data:`~pakru.rules.NOT_TEXT`), or None."""
    found = NOT_TEXT.search(value)
    if found is None:
        return None
    char = found.group()
    kind = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
    return (
        f"holds {kind} (U+{ord(char):04X}) at position {found.start()}; expected text "
        "without control characters (tab and line breaks aside)"
    )


class _Reader:
    """Reads fields of one mapping, noting problems instead of raising."""

    def __init__(self, mapping: LineDict, file: str, path: str, problems: list[Problem]) -> None:
        self.m = mapping
        self.file = file
        self.path = path
        self.problems = problems
        self.ok = True

    def fail(self, key: str, message: str, line: int | None = None) -> None:
        self.ok = False
        where = self.m.line_of(key) if line is None else line
        field = f"{self.path}.{key}" if self.path else key
        self.problems.append(Problem(self.file, where, field, message))

    def only(self, allowed: set[str]) -> None:
        for key in self.m:
            if key not in allowed:
                self.fail(key, "unknown field; accepted fields are " + ", ".join(sorted(allowed)))

    def get(self, key: str, kind: type[T], what: str, *, required: bool = True) -> T | None:
        if key not in self.m or self.m[key] is None:
            if required:
                self.fail(key, f"required field is missing; expected {what}")
            return None
        value = self.m[key]
        if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
            self.fail(key, f"expected {what}, got {type_name(value)} {short(value)}")
            return None
        return value

    def paragraph(self, key: str = "paragraph", *, required: bool = True) -> int | None:
        """A paragraph number: paragraphs (non-empty lines) are numbered from 1."""
        value = self.get(key, int, "a paragraph number (1 or more)", required=required)
        if value is not None and value < 1:
            self.fail(key, f"paragraphs are numbered from 1, got {value}")
            return None
        return value

    def text(
        self, key: str, *, required: bool = True, what: str = "a non-empty string"
    ) -> str | None:
        value = self.get(key, str, what, required=required)
        if value is not None and not value.strip():
            self.fail(key, f"expected {what}, got an empty string")
            return None
        if value is not None and (bad := not_text(value)):
            self.fail(key, bad)
            return None
        return value

    def matching(
        self,
        key: str,
        rx: re.Pattern[str],
        what: str,
        *,
        required: bool = True,
        longest: int = MAX_KEYWORD,
    ) -> str | None:
        value = self.text(key, required=required, what=what)
        if value is not None and len(value) > longest:
            self.fail(key, f"{short(value)} is longer than {longest} characters; expected {what}")
            return None
        if value is not None and not rx.fullmatch(value):
            self.fail(key, f"{short(value)} is not {what}")
            return None
        return value

    def choice(self, key: str, options: Any, what: str, *, required: bool = True) -> str | None:
        value = self.text(key, required=required, what=what)
        if value is not None and value not in options:
            self.fail(
                key, f"{short(value)} is not one of the {what}: " + ", ".join(sorted(options))
            )
            return None
        return value

    def date(self, key: str, *, required: bool = True) -> EDTFDate | None:
        if key not in self.m or self.m[key] is None:
            if required:
                self.fail(key, "required field is missing; expected an EDTF date")
            return None
        raw = self.m[key]
        wording: Any = None
        if isinstance(raw, LineDict):
            sub = _Reader(raw, self.file, f"{self.path}.{key}" if self.path else key, self.problems)
            sub.only({"edtf", "wording"})
            raw = raw.get("edtf")
            wording = sub.text("wording", required=False)
            if not sub.ok:
                self.ok = False
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = f"{raw:04d}"
        if not isinstance(raw, str):
            self.fail(key, f"expected an EDTF date string, got {type_name(raw)} {short(raw)}")
            return None
        try:
            return EDTFDate(raw, wording=wording)
        except PakruError as exc:
            self.fail(key, str(exc))
            return None

    def items(self, key: str, *, required: bool = False) -> list[tuple[int, int, Any]]:
        """The elements of a list field as (index, line, item)."""
        value = self.get(key, list, "a list", required=required)
        if value is None:
            return []
        lines = value if isinstance(value, LineList) else None
        return [
            (i, self.m.line_of(key) if lines is None else lines.line_of(i), item)
            for i, item in enumerate(value)
        ]

    def strings(
        self, key: str, rx: re.Pattern[str] | None = None, what: str = "a string"
    ) -> tuple[str, ...]:
        out: list[str] = []
        for i, line, item in self.items(key):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{key}[{i}]", f"expected {what}, got {short(item)}", line)
            elif bad := not_text(item):
                self.fail(f"{key}[{i}]", bad, line)
            elif rx is not None and (len(item) > MAX_KEYWORD or not rx.fullmatch(item)):
                self.fail(f"{key}[{i}]", f"{short(item)} is not {what}", line)
            else:
                out.append(item)
        if len(set(out)) != len(out):
            self.fail(key, "lists the same value twice")
        return tuple(out)

    def mappings_one(self, key: str, build: Callable[[_Reader], T | None]) -> T | None:
        """A field holding one nested mapping, read by ``build``."""
        item = self.m[key]
        if not isinstance(item, LineDict):
            self.fail(key, f"expected a mapping, got {short(item)}")
            return None
        sub = _Reader(item, self.file, f"{self.path}.{key}" if self.path else key, self.problems)
        record = build(sub)
        if record is None or not sub.ok:
            self.ok = False
            return None
        return record

    def mappings(
        self, key: str, build: Callable[[_Reader], T | None], *, required: bool = False
    ) -> tuple[T, ...]:
        out: list[T] = []
        for i, line, item in self.items(key, required=required):
            path = f"{self.path}.{key}[{i}]" if self.path else f"{key}[{i}]"
            if not isinstance(item, LineDict):
                self.fail(f"{key}[{i}]", f"expected a mapping, got {short(item)}", line)
                continue
            sub = _Reader(item, self.file, path, self.problems)
            record = build(sub)
            if record is None or not sub.ok:
                self.ok = False
            else:
                out.append(record)
        return tuple(out)


def _fingerprint(r: _Reader) -> Fingerprint | None:
    r.only({"sha256", "length", "words", "head", "tail"})
    digest = r.matching("sha256", SHA256, "a SHA-256 digest (64 lower-case hex digits)")
    length = r.get("length", int, "the normalised length (1 or more)")
    words = r.get("words", int, "the number of words (1 or more)")
    head = r.matching("head", EDGE_HASH, "an edge hash (12 lower-case hex digits)")
    tail = r.matching("tail", EDGE_HASH, "an edge hash (12 lower-case hex digits)")
    for key, value in (("length", length), ("words", words)):
        if value is not None and value < 1:
            r.fail(key, f"expected 1 or more, got {value}")
    if not r.ok or None in (digest, length, words, head, tail):
        return None
    return Fingerprint(digest, length, words, head, tail)  # type: ignore[arg-type]


def read_fingerprint(
    digest: Any, item: Any, file: str, line: int | None, problems: list[Problem]
) -> Fingerprint | None:
    """One entry of a fingerprint file: the passage digest and its fingerprint."""
    if not isinstance(digest, str) or not SHA256.fullmatch(digest):
        problems.append(Problem(file, line, short(digest), "expected a passage SHA-256 as the key"))
        return None
    if not isinstance(item, LineDict):
        problems.append(Problem(file, line, digest, f"expected a mapping, got {short(item)}"))
        return None
    return _fingerprint(_Reader(item, file, f"fingerprints.{digest[:12]}", problems))


def _evidence(r: _Reader) -> Evidence | None:
    r.only({"source", "paragraph", "start", "end", "sha256", "fingerprint"})
    source = r.matching("source", SOURCE_ID, "a source id")
    paragraph = r.paragraph()
    start = r.get("start", int, "a character offset (0 or more)")
    end = r.get("end", int, "a character offset after start")
    digest = r.matching("sha256", SHA256, "a SHA-256 digest (64 lower-case hex digits)")
    if start is not None and start < 0:
        r.fail("start", f"offsets start at 0, got {start}")
    if start is not None and end is not None and not start < end <= start + MAX_PASSAGE:
        r.fail(
            "end",
            f"the span [{start}, {end}) must be non-empty and at most "
            f"{MAX_PASSAGE} characters long",
        )
    fingerprint = None
    if r.m.get("fingerprint") is not None:
        fingerprint = r.mappings_one("fingerprint", _fingerprint)
    if not r.ok or None in (source, paragraph, start, end, digest):
        return None
    return Evidence(source, paragraph, start, end, digest, fingerprint)  # type: ignore[arg-type]


def _participant(r: _Reader) -> Participant | None:
    r.only({"actor", "role"})
    actor = r.matching("actor", ACTOR_ID, "an actor id")
    role = r.choice("role", ROLES, "roles")
    if actor is None or role is None:
        return None
    return Participant(actor, role)


def _claim(r: _Reader) -> Claim | None:
    r.only({"source", "value", "status", "paragraph"})
    source = r.matching("source", SOURCE_ID, "a source id")
    value = r.text("value")
    status = r.choice("status", CLAIM_STATUSES, "claim statuses")
    paragraph = r.paragraph(required=False)
    if not r.ok or source is None or value is None or status is None:
        return None
    return Claim(source, value, status, paragraph)


def _dispute(r: _Reader) -> Dispute | None:
    r.only({"field", "claims", "resolution"})
    field = r.choice("field", DISPUTE_FIELDS, "disputed fields")
    claims = r.mappings("claims", _claim, required=True)
    resolution = r.text("resolution")
    if r.ok and len(claims) < 2:
        r.fail("claims", "a dispute needs at least two claims")
    if r.ok and sum(c.status == "accepted" for c in claims) > 1:
        r.fail("claims", "at most one claim can be accepted")
    if not r.ok or field is None or resolution is None:
        return None
    return Dispute(field, claims, resolution)


def _inference(r: _Reader) -> Inference | None:
    r.only({"fact", "source", "paragraph", "reason"})
    fact = r.text("fact")
    source = r.matching("source", SOURCE_ID, "a source id")
    paragraph = r.paragraph()
    reason = r.text("reason")
    if not r.ok or fact is None or source is None or paragraph is None or reason is None:
        return None
    return Inference(fact, source, paragraph, reason)


def event_from_mapping(m: LineDict, file: str, problems: list[Problem]) -> Event | None:
    """Build an :class:`Event` from one mapping of an events file."""
    r = _Reader(m, file, "", problems)
    ident = r.matching(
        "id", EVENT_ID, "an event id (a date then a slug, e.g. '1966-01-10-tashkent-declaration')"
    )
    if ident is not None:
        r.path = ident
    r.only(
        {
            "id",
            "date",
            "title",
            "summary",
            "type",
            "participants",
            "evidence",
            "place",
            "tags",
            "note",
            "disputes",
            "inferences",
        }
    )
    date = r.date("date")
    title = r.text("title")
    summary = r.text("summary")
    etype = r.choice("type", EVENT_TYPES, "event types")
    participants = r.mappings("participants", _participant, required=True)
    evidence = r.mappings("evidence", _evidence, required=True)
    if "evidence" in m and isinstance(m["evidence"], list) and not m["evidence"]:
        r.fail("evidence", "an event needs at least one evidence passage")
    if "participants" in m and isinstance(m["participants"], list) and not m["participants"]:
        r.fail("participants", "an event needs at least one participant")
    place = r.text("place", required=False)
    tags = r.strings("tags", TAG, "a tag (lower-case words joined by hyphens)")
    note = r.text("note", required=False)
    disputes = r.mappings("disputes", _dispute)
    inferences = r.mappings("inferences", _inference)
    if (
        not r.ok
        or ident is None
        or date is None
        or title is None
        or summary is None
        or etype is None
    ):
        return None
    return Event(
        ident,
        date,
        title,
        summary,
        etype,
        participants,
        evidence,
        place=place,
        tags=tags,
        note=note,
        disputes=disputes,
        inferences=inferences,
    )


def _office(r: _Reader) -> Office | None:
    r.only({"title", "date", "of"})
    title = r.text("title")
    date = r.date("date")
    of = r.matching("of", ACTOR_ID, "an actor id", required=False)
    if not r.ok or title is None or date is None:
        return None
    return Office(title, date, of)


def actor_from_mapping(m: LineDict, file: str, problems: list[Problem]) -> Actor | None:
    """Build an :class:`Actor` from one mapping of an actors file."""
    r = _Reader(m, file, "", problems)
    ident = r.matching("id", ACTOR_ID, "an actor id (lower-case words joined by hyphens)")
    if ident is not None:
        r.path = ident
    r.only(
        {
            "id",
            "name",
            "kind",
            "aliases",
            "iso3",
            "cow",
            "gw",
            "predecessor",
            "successor",
            "offices",
            "description",
        }
    )
    name = r.text("name")
    kind = r.choice("kind", ACTOR_KINDS, "actor kinds")
    aliases = r.strings("aliases", what="an alias")
    iso3 = r.matching("iso3", ISO3, "an ISO 3166 alpha-3 code", required=False)
    cow = r.get("cow", int, "a Correlates of War state number", required=False)
    gw = r.get("gw", int, "a Gleditsch-Ward state number", required=False)
    predecessor = r.matching("predecessor", ACTOR_ID, "an actor id", required=False)
    successor = r.matching("successor", ACTOR_ID, "an actor id", required=False)
    offices = r.mappings("offices", _office)
    description = r.text("description", required=False)
    codes = {"iso3": iso3, "cow": cow, "gw": gw}
    if kind is not None and kind != "state" and any(c is not None for c in codes.values()):
        field = next(f for f, c in codes.items() if c is not None)
        r.fail(field, "only states carry ISO, COW or GW codes")
    if not r.ok or ident is None or name is None or kind is None:
        return None
    return Actor(
        ident,
        name,
        kind,
        aliases,
        iso3,
        cow,
        predecessor,
        successor,
        offices,
        description,
        gw=gw,
    )


def _creator(r: _Reader) -> Creator | None:
    r.only({"name", "role", "institutional"})
    name = r.text("name")
    role = r.choice("role", CREATOR_ROLES, "creator roles", required=False) or "author"
    institutional = r.get("institutional", bool, "true or false", required=False) or False
    if not r.ok or name is None:
        return None
    return Creator(name, role, institutional)


def _skip(r: _Reader) -> Skip | None:
    r.only({"paragraph", "reason", "note"})
    paragraph = r.paragraph()
    reason = r.choice("reason", SKIP_REASONS, "reasons to skip a paragraph")
    note = r.text("note", required=False)
    if not r.ok or paragraph is None or reason is None:
        return None
    return Skip(paragraph, reason, note)


def source_from_mapping(m: LineDict, file: str, problems: list[Problem]) -> Source | None:
    """Build a :class:`Source` from one mapping of a sources file."""
    r = _Reader(m, file, "", problems)
    ident = r.matching("id", SOURCE_ID, "a source id (the corpus document id)")
    if ident is not None:
        r.path = ident
    r.only(
        {
            "id",
            "document",
            "sha256",
            "length",
            "paragraphs",
            "kind",
            "title",
            "title_supplied",
            "creators",
            "publisher",
            "container",
            "issued",
            "url",
            "accessed",
            "language",
            "note",
            "skipped",
        }
    )
    document = r.matching("document", SOURCE_ID, "a corpus document id")
    digest = r.matching("sha256", SHA256, "a SHA-256 digest (64 lower-case hex digits)")
    length = r.get("length", int, "the document's length in characters")
    paragraphs = r.get("paragraphs", int, "the document's number of paragraphs")
    kind = r.choice("kind", SOURCE_KINDS, "source kinds")
    title = r.text("title", required=False)
    title_supplied = r.get("title_supplied", bool, "true or false", required=False) or False
    creators = r.mappings("creators", _creator)
    publisher = r.text("publisher", required=False)
    container = r.text("container", required=False)
    issued = r.date("issued", required=False)
    url = r.matching("url", URL, "an http(s) URL", required=False, longest=MAX_URL)
    accessed_text = r.matching("accessed", DAY, "a day as YYYY-MM-DD", required=False)
    accessed = None
    if accessed_text is not None:
        try:
            accessed = dt.date.fromisoformat(accessed_text)
        except ValueError:
            r.fail("accessed", f"{accessed_text!r} is not a calendar day")
    language = (
        r.matching("language", LANGUAGE, "a language tag such as 'en'", required=False) or "en"
    )
    note = r.text("note", required=False)
    skipped = r.mappings("skipped", _skip)
    if paragraphs is not None:
        for n, skip in enumerate(skipped):
            if skip.paragraph > paragraphs:
                r.fail(f"skipped[{n}].paragraph", f"the source has {paragraphs} paragraphs")
    for key, value in (("length", length), ("paragraphs", paragraphs)):
        if value is not None and value < 1:
            r.fail(key, f"must be 1 or more, got {value}")
    if title_supplied and not (title and title.startswith("[") and title.endswith("]")):
        r.fail(
            "title_supplied",
            f"is true, so the title must be a supplied one in square brackets, got {short(title)}",
        )
    if (
        not r.ok
        or ident is None
        or document is None
        or digest is None
        or length is None
        or paragraphs is None
        or kind is None
    ):
        return None
    return Source(
        ident,
        document,
        digest,
        length,
        paragraphs,
        kind,
        title=title,
        title_supplied=title_supplied,
        creators=creators,
        publisher=publisher,
        container=container,
        issued=issued,
        url=url,
        accessed=accessed,
        language=language,
        note=note,
        skipped=skipped,
    )
