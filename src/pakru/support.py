"""The support check: every fact an event states must stand in a passage it cites.

For each event this module lists the numbers, proper names, month names and years of its
title, summary and place that appear in none of

- the event's cited passages,
- the names and aliases of its participants,
- its own date (a year inside the date's bounds, or a month the date can fall in),
- the justified inferences the event records (``inferences``: a fact, the cited
  paragraph that implies it, and how).

It is a curation tool: it reads the corpus texts, so it needs a :class:`~pakru.corpus.Corpus`.
A finding is a place to look, not a verdict: a name may be spelt differently, or a number
written out. The rules for matching are deliberately strict about proper names and numbers
and lenient about inflection ("Pakistani" is carried by "Pakistan", "Soviets" by "Soviet").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs

from pakru.collection import Dataset
from pakru.corpus import Corpus
from pakru.dates import Precision
from pakru.model import Event

__all__ = ["Finding", "facts", "first_since", "support"]

#: Capitalised words that start sentences or titles without naming anything.
_COMMON = frozenset(
    """a about according across after against along also amid among an and another any
    around as at before behind being between both but by despite during each earlier
    because either even following for from further he her here his however if in inside instead
    into it its later least many more most much neither new no nor not of on once one only
    or other others our over per several she since so some such than that the their then
    there these they this those though through to under unlike until upon very was we were
    what when where whether which while who whose with within without yet soon""".split()  # noqa: SIM905 - a word list reads best as text
)

#: Capitals that stand for their state's government in prose ("Moscow objected"); a state
#: participant carries its capital in a title or summary, never in the place field.
CAPITALS = {
    "ussr": ("moscow", "kremlin"),
    "russia": ("moscow", "kremlin"),
    "pakistan": ("karachi", "rawalpindi", "islamabad"),
    "india": ("delhi",),
    "usa": ("washington",),
    "china": ("beijing", "peking"),
    "afghanistan": ("kabul",),
    "uk": ("london",),
}

#: Demonyms whose country name they do not begin with.
_DEMONYMS = {
    "chinese": "china",
    "british": "britain",
    "french": "france",
    "dutch": "netherlands",
    "turkish": "turkey",
    "swiss": "switzerland",
    "uzbek": "uzbekistan",
    "tajik": "tajikistan",
    "kazakh": "kazakhstan",
    "kyrgyz": "kyrgyzstan",
    "turkmen": "turkmenistan",
    "american": "united states",
    "americans": "united states",
}

_CARDINAL_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_ORDINAL_TEXT = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth"
)
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(_CARDINAL_TEXT.split())}
_ORDINALS = {w: str(i) for i, w in enumerate(_ORDINAL_TEXT.split()) if i}
_MONTHS = {calendar.month_name[m].lower(): m for m in range(1, 13)}

_TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|[^\W\d_][\w'’]*", re.UNICODE)
#: "the two countries", "one side": counting the parties, not a fact to cite.
_PAIR = re.compile(
    r"\s+(?:countries|sides?|states|nations|governments|leaders|powers|neighbou?rs|capitals|"
    r"of\b|another\b|or\b)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
#: "1965-67": a two-digit year after a four-digit one and a dash is in the same century.
_YEAR_RANGE = re.compile(r"(\d\d)\d\d\s*-\s*$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@attrs.frozen
class Finding:
    """One fact of an event that none of its cited passages carries.

    ``kind`` is ``number``, ``name``, ``month``, ``year`` or ``day`` for a fact no cited
    passage carries, or ``first-since`` for a "first since" statement that the event
    ``other`` of the dataset contradicts.
    """

    event: str
    field: str
    fact: str
    kind: str
    other: str | None = None

    def __str__(self) -> str:
        if self.other is not None:
            return (
                f"{self.event}: {self.field}: {self.fact!r} is contradicted by the earlier "
                f"event {self.other}"
            )
        return f"{self.event}: {self.field}: {self.kind} {self.fact!r} is in no cited passage"


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return folded.replace("isation", "ization")


def _number(token: str) -> str:
    """A number as compared: no thousands separators, no leading zeros ("05" is "5")."""
    plain = token.replace(",", "")
    return plain.lstrip("0") or plain if plain.isdigit() else plain


def _full_year(text: str, start: int, token: str) -> str:
    """``token`` as a full year when it ends a range such as "1965-67", else unchanged."""
    century = _YEAR_RANGE.search(text, 0, start)
    if century is not None and len(token) == 2 and token.isdigit():
        return century.group(1) + token
    return token


def _words(text: str) -> set[str]:
    out: set[str] = set()
    folded = _fold(text)
    for match in _TOKEN.finditer(folded):
        word = match.group().rstrip(".,'\"")
        if word[:1].isdigit():
            word = _number(_full_year(folded, match.start(), word))
        out.add(word)
        out.update(_number(d) for d in _DIGITS.findall(word))  # "usd153" carries 153
    return out


def facts(text: str) -> Iterator[tuple[str, str]]:
    """The checkable facts of a title, summary or place: ``(kind, token)`` pairs.

    A word that opens a sentence counts as a name only if it does not look like an
    ordinary word (an adverb in -ly, a participle in -ing or -ed).
    """
    clean = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    for match in _TOKEN.finditer(clean):
        raw = match.group()
        token = raw.rstrip(".,'\"")
        before = clean[: match.start()].rstrip()
        opening = not before or before[-1] in ".!?:;"
        if opening and token.casefold().endswith(("ly", "ing", "ed")):
            continue
        if token.casefold() in ("one", "two") and _PAIR.match(clean, match.end()):
            continue
        low = token.casefold().replace("isation", "ization")
        if low.endswith(("'s", "’s")):
            token, low = token[:-2], low[:-2]
        if token[0].isdigit():
            yield "number", _number(_full_year(clean, match.start(), token))
        elif low in _NUMBER_WORDS or low in _ORDINALS:
            yield "number", low
        elif low in _MONTHS:
            yield "month", low
        elif token[0].isupper() and low not in _COMMON:
            for part in token.split("-"):
                if part and part[0].isupper() and part.casefold() not in _COMMON:
                    yield "name", part.casefold().replace("isation", "ization")


def _numbered(word: str, digits: str, *more: str) -> bool:
    """``word`` is ``digits`` with an ordinal suffix (``10th``) or one of ``more``."""
    return word.startswith(digits) and word[len(digits) :] in ("st", "nd", "rd", "th", *more)


def _carried(kind: str, token: str, words: set[str], folded: str) -> bool:
    if kind == "number":
        digits = _NUMBER_WORDS.get(token) or _ORDINALS.get(token)
        if token in words or (digits is not None and digits in words):
            return True
        if digits is not None and token in _ORDINALS:
            return any(
                w.startswith(digits) and w[len(digits) :] in ("st", "nd", "rd", "th") for w in words
            )
        if token.isdigit():
            for word, number in _NUMBER_WORDS.items():
                if number == token and word in words:
                    return True
            return any(
                w.startswith(token) and w[len(token) :] in ("st", "nd", "rd", "th", "s")
                for w in words
            )
        return False
    if token in words:
        return True
    base = _DEMONYMS.get(token)
    if base is not None and base in folded:
        return True
    stem = token[: max(4, len(token) - 2)]
    return any(w.startswith(stem) for w in words) or (len(token) > 4 and token in folded)


def _date_allows(event: Event, kind: str, token: str) -> bool:
    lo, hi = event.date.earliest, event.date.latest
    if kind == "month":
        if lo is None or hi is None or (hi - lo).days > 366:
            return False
        month = _MONTHS[token]
        m, y = lo.month, lo.year
        while (y, m) <= (hi.year, hi.month):
            if m == month:
                return True
            m, y = (1, y + 1) if m == 12 else (m + 1, y)
        return False
    if kind == "number" and token.isdigit() and len(token) == 4:
        years = [d.year for d in (lo, hi) if d is not None]
        return bool(years) and min(years) <= int(token) <= max(years)
    if kind == "number" and token.isdigit() and lo is not None and lo == hi:
        return int(token) == lo.day
    return False


def _date_facts(event: Event, words: set[str], issued: list[dt.date]) -> Iterator[tuple[str, str]]:
    """The parts of a point date (year, month, day) that no cited passage states.

    A date resolved from relative wording ("last year") is carried by that wording and the
    source's publication date, so it is not checked here. A news report carries the year
    and month it was issued in, and a day up to two days before its issue ("yesterday",
    "on Monday").
    """
    date = event.date
    if date.wording is not None or "/" in date.edtf:
        return
    lo, hi = date.earliest, date.latest
    if lo is None or hi is None:
        return
    if (
        lo.year == hi.year
        and "X" not in date.edtf
        and str(lo.year) not in words
        and all(d.year != lo.year for d in issued)
    ):
        yield "year", str(lo.year)
    if (lo.year, lo.month) == (hi.year, hi.month) and (hi - lo).days >= 27:
        name = calendar.month_name[lo.month].lower()
        if (
            name not in words
            and calendar.month_abbr[lo.month].lower() not in words
            and all((d.year, d.month) != (lo.year, lo.month) for d in issued)
        ):
            yield "month", name
    if lo == hi and not any(0 <= (d - lo).days <= 2 for d in issued):
        day = str(lo.day)
        if not any(
            w == day or (w.startswith(day) and w[len(day) :] in ("st", "nd", "rd", "th"))
            for w in words
        ):
            yield "day", day


def _passages(event: Event, corpus: Corpus, cache: dict[str, str]) -> str:
    parts = []
    for ev in event.evidence:
        if ev.source not in cache:
            cache[ev.source] = corpus.text(ev.source)
        parts.append(cache[ev.source][ev.start : ev.end])
    return "\n".join(parts)


def support(
    dataset: Dataset, corpus: Corpus, events: Iterable[Event] | None = None
) -> list[Finding]:
    """Every fact of ``events`` that no cited passage carries.

    Without ``events``, every event is checked, and so are the "first since" statements
    (:func:`first_since`).
    """
    cache: dict[str, str] = {}
    out: list[Finding] = []
    for event in dataset.events() if events is None else events:
        allowed = [_passages(event, corpus, cache)]
        for p in event.participants:
            try:
                actor = dataset.actor(p.actor)
            except KeyError:
                continue
            allowed += [actor.name, *actor.aliases, *(o.title for o in actor.offices)]
        issued: list[dt.date] = []
        for ident in {ev.source for ev in event.evidence}:
            try:
                source = dataset.source(ident)
            except KeyError:
                continue
            if source.issued is not None and source.issued.precision is Precision.DAY:
                issued.append(source.issued.earliest)  # type: ignore[arg-type]
            allowed += [source.title or "", source.container or "", source.publisher or ""]
            allowed += [c.name for c in source.creators]
        folded = _fold("\n".join(allowed))
        words = _words(folded)
        capitals = {c for p in event.participants for c in CAPITALS.get(p.actor, ())}
        inferred = {token for i in event.inferences for _, token in facts(i.fact)}
        inferred |= {i.fact.casefold() for i in event.inferences}
        out += [
            Finding(event.id, "date", fact, kind)
            for kind, fact in _date_facts(event, words, issued)
            if fact not in inferred
        ]
        for field in ("title", "summary", "place"):
            value = getattr(event, field)
            if not value:
                continue
            seen: set[tuple[str, str]] = set()
            for kind, token in facts(value):
                if (kind, token) in seen:
                    continue
                seen.add((kind, token))
                if _carried(kind, token, words, folded) or _date_allows(event, kind, token):
                    continue
                if field != "place" and kind == "name" and token in capitals:
                    continue
                if token in inferred:
                    continue
                out.append(Finding(event.id, field, token, kind))
    if events is None:
        out += first_since(dataset)
    return out


#: "the first ... since 2012", "the first ... in 23 years", "in three decades".
_FIRST_SINCE = re.compile(
    r"\bfirst\b[^.;]*?\b(?:since (?P<year>\d{4})\b|in (?P<count>\d+|[a-z]+) "
    r"(?P<unit>years|decades)\b)",
    re.IGNORECASE,
)


def _since_year(match: re.Match[str], year: int) -> int | None:
    """The year of the last earlier occurrence that a "first since" phrase allows."""
    if match.group("year"):
        return int(match.group("year"))
    count = match.group("count").casefold()
    words = _NUMBER_WORDS.get(count)
    if not count.isdigit() and words is None:
        return None
    number = int(count if count.isdigit() else str(words))
    return year - number * (10 if match.group("unit").casefold() == "decades" else 1)


def _office_titles(dataset: Dataset, event: Event, role: str, state: str) -> set[str]:
    """Offices of ``state`` held at the event by its participants in ``role``."""
    when = event.date.earliest
    titles: set[str] = set()
    for p in event.participants:
        if p.role != role:
            continue
        try:
            actor = dataset.actor(p.actor)
        except KeyError:
            continue
        for office in actor.offices:
            lo, hi = office.date.earliest, office.date.latest
            current = when is not None and (lo is None or lo <= when)
            if office.of == state and current and (hi is None or when is None or when <= hi):
                titles.add(office.title.casefold())
    return titles


def first_since(dataset: Dataset) -> list[Finding]:
    """Statements of a "first since" that an earlier event of the dataset contradicts.

    A title, summary or accepted claim that calls an event the first of its kind since a
    year (or in so many years or decades) is checked against the dataset: no other event of
    the same type, with the event's states in the same roles and, where an office-holder of
    the state of the event's first participant takes part in that role, an office-holder of
    the same title (or the office named in its text), may fall strictly between that year
    and the event.
    """
    events = list(dataset.events())
    state_ids = {a.id for a in dataset.actors(kind="state")}
    out: list[Finding] = []
    for event in events:
        start = event.date.earliest
        if start is None or not event.participants:
            continue
        lead = event.participants[0]
        texts = [("title", event.title), ("summary", event.summary)]
        texts += [
            ("disputes", c.value)
            for d in event.disputes
            for c in d.claims
            if c.status == "accepted"
        ]
        offices = _office_titles(dataset, event, lead.role, lead.actor)
        states = {p for p in event.participants if p.actor in state_ids}
        for field, text in texts:
            for match in _FIRST_SINCE.finditer(text):
                since = _since_year(match, start.year)
                if since is None:
                    continue
                for other in events:
                    lo, hi = other.date.earliest, other.date.latest
                    if other is event or other.type != event.type or lo is None or hi is None:
                        continue
                    if not (lo.year > since and hi < start) or not states <= set(
                        other.participants
                    ):
                        continue
                    if offices:
                        held = _office_titles(dataset, other, lead.role, lead.actor)
                        said = _fold(f"{other.title} {other.summary}")
                        if not held & offices and not any(o in said for o in offices):
                            continue
                    out.append(Finding(event.id, field, match.group(), "first-since", other.id))
    return out
