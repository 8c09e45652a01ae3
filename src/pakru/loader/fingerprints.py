"""The fingerprint file of a data folder, and joining it onto the evidence as it loads.

Fingerprints are computed from the corpus by ``tools/fingerprints.py`` and kept in one
generated file, ``fingerprints.json``, beside the YAML files it belongs to (and listed
in the manifest like them). A passage's fingerprint depends only on its text, and the
text only on its SHA-256, so the file maps each evidence digest to its fingerprint::

    {"format": 1, "fingerprints": {"<sha256 of the passage>": {"sha256": ..., "length": ...,
     "words": ..., "head": ..., "tail": ...}}}

A data folder without the file loads as before, its evidence without fingerprints.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from pakru.errors import DataError, Problem
from pakru.fingerprint import Fingerprint
from pakru.loader.files import decode_text
from pakru.rules import FINGERPRINTS

if TYPE_CHECKING:
    from pakru.loader.checks import Located
    from pakru.model import Event

__all__ = ["FINGERPRINTS", "FORMAT", "join", "read_fingerprints", "render_fingerprints"]

FORMAT = 1


def render_fingerprints(table: Mapping[str, Fingerprint]) -> str:
    """The text of a fingerprint file for ``table`` (passage SHA-256 -> fingerprint).

    One passage a line, sorted by digest, so that merging two branches that add
    evidence is a matter of regenerating the file.
    """
    lines = [
        f"  {json.dumps(digest)}: {json.dumps(attrs.asdict(table[digest]))}"
        for digest in sorted(table)
    ]
    return f'{{\n "format": {FORMAT},\n "fingerprints": {{\n' + ",\n".join(lines) + "\n }\n}\n"


def read_fingerprints(raw: bytes, file: str) -> dict[str, Fingerprint]:
    """The fingerprints of a fingerprint file; a :class:`DataError` says what is wrong."""
    from pakru.linedict import LineDict  # noqa: PLC0415
    from pakru.loader.jsonsafe import load_json  # noqa: PLC0415
    from pakru.loader.records import read_fingerprint  # noqa: PLC0415

    decode_text(raw, file)  # size and encoding first
    doc: Any = load_json(raw, file)
    if not isinstance(doc, LineDict) or doc.get("format") != FORMAT:
        raise DataError.single(
            file, 1, "format", f'expected {{"format": {FORMAT}, "fingerprints": {{...}}}}'
        )
    entries = doc.get("fingerprints")
    if not isinstance(entries, LineDict):
        raise DataError.single(
            file, doc.line_of("format"), "fingerprints", "expected an object of sha256: fingerprint"
        )
    problems: list[Problem] = []
    out: dict[str, Fingerprint] = {}
    for digest, item in entries.items():
        found = read_fingerprint(digest, item, file, entries.line_of(digest), problems)
        if found is not None:
            out[digest] = found
    if problems:
        raise DataError(problems)
    return out


def _joined(event: Event, table: Mapping[str, Fingerprint]) -> Event:
    if all(e.fingerprint is not None or e.sha256 not in table for e in event.evidence):
        return event
    evidence = tuple(
        e if e.fingerprint is not None else attrs.evolve(e, fingerprint=table.get(e.sha256))
        for e in event.evidence
    )
    return attrs.evolve(event, evidence=evidence)


def join(events: Iterable[Located], table: Mapping[str, Fingerprint]) -> list[Located]:
    """The events with each passage's fingerprint from ``table`` (where it has none)."""
    from pakru.loader.checks import Located  # noqa: PLC0415

    return [
        Located(_joined(x.record, table), x.file, x.line)  # type: ignore[arg-type]
        for x in events
    ]
