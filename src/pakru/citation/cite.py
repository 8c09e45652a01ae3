"""``pakru.cite``: one entry point for every citation format and every citable thing."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pakru.errors import QueryError, QueryTypeError
from pakru.model import Event, Source

if TYPE_CHECKING:
    from pakru.collection import Dataset

__all__ = ["MARKUPS", "STYLES", "cite", "pinpoint"]

#: Every style :func:`cite` accepts, machine-readable formats first.
STYLES = ("csl-json", "csl-citation", "biblatex", "bibtex", "ris", "apa", "chicago", "mla")
#: How formatted styles mark italics: not at all, or with HTML ``<i>``.
MARKUPS = ("text", "html")
_ALIASES = {"csl": "csl-json", "csljson": "csl-json"}
_CSL_CITATION_SCHEMA = (
    "https://resource.citationstyles.org/schema/latest/input/json/csl-citation.json"
)


def pinpoint(paragraphs: Iterable[int]) -> str:
    """Paragraph numbers as a locator: ``3, 5–7, 9`` (runs joined with an en dash)."""
    numbers = sorted(set(paragraphs))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def _style(style: object) -> str:
    if not isinstance(style, str):
        raise QueryTypeError(f"style: expected a string, got {type(style).__name__}")
    key = style.strip().casefold()
    key = _ALIASES.get(key, key)
    if key not in STYLES:
        raise QueryError(f"style: {style!r} is not a citation style; expected one of {STYLES}")
    return key


def _lookup(record_id: str, data: Dataset) -> Event | Source:
    return data.lookup(record_id, ("event", "source"))  # type: ignore[return-value]


def _resolve(obj: object, data: Dataset) -> tuple[str, list[Source], dict[str, str]]:
    """What is cited: a kind, its sources in order, and the pinpoint of each (events)."""
    from pakru.collection import Dataset  # noqa: PLC0415

    if isinstance(obj, Dataset):
        return "dataset", [], {}
    if isinstance(obj, Source):
        return "source", [obj], {}
    if isinstance(obj, Event):
        paragraphs: dict[str, list[int]] = {}
        for e in obj.evidence:
            paragraphs.setdefault(e.source, []).append(e.paragraph)
        sources = [data.source(s) for s in obj.sources]
        return "event", sources, {s: pinpoint(p) for s, p in paragraphs.items()}
    if isinstance(obj, str):
        return _resolve(_lookup(obj, data), data)
    if isinstance(obj, Iterable) and not isinstance(obj, (bytes, Mapping)):
        seen: dict[str, Source] = {}
        for element in obj:
            if not isinstance(element, (str, Event, Source)):
                raise QueryTypeError(
                    "cite: a collection must hold events, sources or their ids, "
                    f"got an item of type {type(element).__name__}"
                )
            _, sources, _ = _resolve(element, data)
            for source in sources:
                seen.setdefault(source.id, source)
        return "bibliography", list(seen.values()), {}
    raise QueryTypeError(
        "cite: expected an Event, a Source, an event or source id, a collection of them, "
        f"or the Dataset, got {type(obj).__name__}"
    )


def cite(
    obj: object,
    style: str = "apa",
    *,
    markup: str = "text",
    dataset: Dataset | None = None,
) -> str:
    """The citation of ``obj`` in ``style``, as text (nothing is printed).

    ``obj`` is an :class:`Event`, a :class:`Source`, an event or source id, a collection
    of these (a bibliography of the sources they cite, each once), or a
    :class:`Dataset` (``pakru.dataset()`` or an overlay of it), whose citation names
    that dataset's data version, with its digest and the package version in a note.

    ``style`` is one of :data:`STYLES`:

    - ``"csl-json"``: an array of CSL-JSON items (a bibliography file for pandoc,
      Zotero and every CSL processor);
    - ``"csl-citation"``: one CSL citation object holding those items, with paragraph
      locators for an event's sources;
    - ``"biblatex"``: BibLaTeX entries, for biblatex with Biber;
    - ``"bibtex"``: classic BibTeX entries (``@misc``, ``@article``), for BibTeX with
      natbib and styles such as plainnat;
    - ``"ris"``: RIS records, for reference managers;
    - the formatted styles ``"apa"`` (7th edition), ``"chicago"`` (author-date) and
      ``"mla"`` (9th edition); ``markup`` chooses plain ``"text"`` or ``"html"``
      italics for those.

    An event's citation gives each of its sources with the paragraphs its evidence
    cites: ``paragraph`` locators in ``csl-citation``, a comment above each BibLaTeX or
    BibTeX entry, an ``N1`` note in RIS, or an in-text citation with its pinpoint under
    each formatted reference.
    """
    key = _style(style)
    if markup not in MARKUPS:
        raise QueryError(f"markup: {markup!r} is not accepted; expected one of {MARKUPS}")
    from pakru.collection import Dataset  # noqa: PLC0415
    from pakru.loader import or_shipped  # noqa: PLC0415 - the data loads on first use

    if dataset is None and isinstance(obj, Dataset):
        dataset = obj  # a dataset cites itself: its own versions and digest

    dataset = or_shipped(dataset)
    if isinstance(obj, str):
        obj = _lookup(obj, dataset)
    kind, sources, pins = _resolve(obj, dataset)
    from pakru.citation.csl import dataset_item, source_item  # noqa: PLC0415

    if kind == "dataset" and isinstance(obj, Dataset):
        items = [dataset_item(obj)]
    else:
        items = [source_item(s) for s in sources]
    label = obj.id if isinstance(obj, Event) else None
    if key == "csl-json":
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if key == "csl-citation":
        return _csl_citation(items, pins, label)
    if key == "biblatex":
        return _bib_entries(items, pins, label, dataset, classic=False)
    if key == "bibtex":
        return _bib_entries(items, pins, label, dataset, classic=True)
    if key == "ris":
        return _ris(items, pins, label)
    return _formatted(items, key, markup, pins)


def _csl_citation(
    items: Sequence[Mapping[str, Any]], pins: Mapping[str, str], label: str | None
) -> str:
    """A CSL citation object: every item, with its paragraph locator when an event cites it."""
    cited = []
    for item in items:
        entry: dict[str, Any] = {"id": item["id"], "itemData": item}
        if item["id"] in pins:
            entry.update(locator=pins[item["id"]], label="paragraph")
        cited.append(entry)
    body = {
        "schema": _CSL_CITATION_SCHEMA,
        "citationID": label or "-".join(str(item["id"]) for item in items[:3]) or "pakru",
        "citationItems": cited,
        "properties": {"noteIndex": 0},
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _event_comment(
    label: str | None, pins: Mapping[str, str], key: str, command: str
) -> str | None:
    if label is None:
        return None
    where = pins[key]
    return (
        f"pakru event {label} cites this at paragraph(s) {where}: "
        f"\\{command}[para.~{where}]{{{key}}}"
    )


def _bib_entries(
    items: Sequence[Mapping[str, Any]],
    pins: Mapping[str, str],
    label: str | None,
    dataset: Dataset,
    *,
    classic: bool,
) -> str:
    """BibLaTeX entries, or classic BibTeX ones, each under its event's pinpoint comment."""
    from pakru.citation.bibtex import bibtex_entry, bibtex_key  # noqa: PLC0415
    from pakru.citation.bibtex_classic import classic_entry  # noqa: PLC0415

    write = classic_entry if classic else bibtex_entry
    command = "citep" if classic else "autocite"
    proper = _proper_nouns(dataset)
    entries = []
    for item in items:
        comment = _event_comment(label, pins, bibtex_key(item["id"]), command)
        entries.append(write(item, proper=proper, comment=comment))
    return "\n".join(entries)


def _ris(items: Sequence[Mapping[str, Any]], pins: Mapping[str, str], label: str | None) -> str:
    from pakru.citation.ris import ris_record  # noqa: PLC0415

    out = []
    for item in items:
        notes: tuple[str, ...] = ()
        if label is not None:
            notes = (f"Cited by pakru event {label} at para. {pins[item['id']]}",)
        out.append(ris_record(item, notes=notes))
    return "\n".join(out)


def _formatted(
    items: Sequence[Mapping[str, Any]], style: str, markup: str, pins: Mapping[str, str]
) -> str:
    from pakru.citation.styles import bibliography, finish, in_text  # noqa: PLC0415

    by_id = {item["id"]: item for item in items}
    lines = []
    for item_id, reference in bibliography(items, style):
        lines.append(finish(reference, markup))
        if item_id in pins:
            lines.append("    " + finish(in_text(by_id[item_id], style, pins[item_id]), markup))
    return "\n".join(lines) + "\n"


def _proper_nouns(dataset: Dataset) -> frozenset[str]:
    """Capitalised words that must keep their capitals in BibLaTeX titles."""
    words: set[str] = set(_DEMONYMS)
    for actor in dataset.actors():
        for name in (actor.name, *actor.aliases):
            for word in name.replace("–", " ").replace("-", " ").split():
                core = word.strip(".,()'’")
                if core[:1].isupper() and core.casefold() not in _NOT_PROPER:
                    words.add(core)
    return frozenset(words)


_DEMONYMS = (
    "Afghan",
    "American",
    "Chinese",
    "Indian",
    "Indo",
    "Pak",
    "Pakistani",
    "Russian",
    "Soviet",
    "Soviets",
    "Tajik",
    "Kremlin",
    "Moscow",
    "Islamabad",
    "Karachi",
)
_NOT_PROPER = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "a",
        "an",
        "republic",
        "federation",
        "union",
        "state",
        "states",
        "minister",
        "prime",
        "president",
        "general",
        "army",
        "ministry",
        "foreign",
        "affairs",
        "party",
        "people's",
        "peoples",
    ]
)
