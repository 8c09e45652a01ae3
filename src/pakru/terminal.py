"""Text for people at a terminal: short readable dates, tables that fit, record blocks.

Only the ``table`` output of the command line uses this module; the machine formats
(json, jsonl, csv) keep the raw values.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from pakru.dates import EDTFDate
from pakru.datewords import short_date

__all__ = ["fit_table", "fits", "record_block", "short_date", "terminal_width"]

#: No column is squeezed below this many characters while a wider one can give room.
MIN_COLUMN = 8
SEPARATOR = "  "
#: The last column (prose) keeps this many characters before other columns give way.
PROSE = 24


def terminal_width() -> int:
    """The width to fit: ``$COLUMNS`` when set, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.strip().isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size((80, 24)).columns


def _widths(natural: list[int], width: int) -> list[int]:
    """Column widths that fit ``width``: the widest columns give way first."""
    widths = list(natural)
    room = width - len(SEPARATOR) * (len(widths) - 1)
    # The last column (a title or definition: prose that wraps well) gives way first.
    over = sum(widths) - room
    if over > 0:
        widths[-1] = max(widths[-1] - over, min(widths[-1], PROSE))
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: (widths[i], i))
        floor = MIN_COLUMN if widths[widest] > MIN_COLUMN else 1
        if widths[widest] <= floor:
            break
        widths[widest] -= 1
    return widths


def _wrap(text: str, width: int) -> list[str]:
    """A cell's lines: each of its own lines wrapped to ``width``."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        lead = " " * min(len(line) - len(line.lstrip(" ")), width // 2)
        out += textwrap.wrap(
            line.strip(),
            width,
            initial_indent=lead,
            subsequent_indent=lead,
            break_on_hyphens=False,
        ) or [""]
    return out


def fits(columns: Sequence[str], cells: Sequence[Sequence[str]], width: int) -> bool:
    """Whether the table fits ``width`` with every cell on one line."""
    natural = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    return sum(natural) + len(SEPARATOR) * (len(natural) - 1) <= width


def fit_table(
    columns: Sequence[str], cells: Sequence[Sequence[str]], width: int | None = None
) -> list[str]:
    """The lines of a table with a header; with ``width``, no line is longer than it.

    Cells too wide for their column are wrapped onto more lines (the widest columns,
    such as titles, give way first). ``width=None`` keeps every cell on one line.
    """
    header = [c.upper() for c in columns]
    natural = [
        max([len(h), *(len(line) for row in cells for line in row[i].split("\n"))])
        for i, h in enumerate(header)
    ]
    widths = natural if width is None else _widths(natural, width)
    lines: list[str] = []
    for row in [header, *cells]:
        wrapped = [_wrap(v, w) for v, w in zip(row, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            parts = [
                (w[k] if k < len(w) else "").ljust(n) for w, n in zip(wrapped, widths, strict=True)
            ]
            lines.append(SEPARATOR.join(parts).rstrip())
    return lines


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items() if v not in (None, "", []))
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return str(value)


def _dispute(dispute: Mapping[str, Any]) -> list[str]:
    lines = [f"on {dispute.get('field', '?')}:"]
    for claim in dispute.get("claims", []):
        where = f"{claim.get('source')} ¶{claim.get('paragraph')}"
        lines.append(f"  {claim.get('status', '?'):<9} {claim.get('value')!s}  ({where})")
    if dispute.get("resolution"):
        lines.append(f"  why: {dispute['resolution']}")
    return lines


def _inference(item: Mapping[str, Any]) -> list[str]:
    where = f"{item.get('source')} ¶{item.get('paragraph')}"
    return [f"{item.get('fact')}  ({where})", f"  why: {item.get('reason', '')}"]


def _creator(item: Mapping[str, Any]) -> list[str]:
    name = item.get("name") or " ".join(
        str(item[k]) for k in ("given", "family") if item.get(k) is not None
    )
    role = item.get("role")
    return [f"{name} ({role})" if role else str(name)]


def _participant(item: Mapping[str, Any]) -> list[str]:
    return [f"{item.get('actor')} ({item.get('role')})"]


def _evidence(item: Mapping[str, Any]) -> list[str]:
    return [
        f"{item.get('source')} ¶{item.get('paragraph')} [{item.get('start')}:{item.get('end')}]"
    ]


def _by_source(items: list[Any]) -> list[Any]:
    """Passages grouped by source (in order of first citation), then in text order."""
    first: dict[Any, int] = {}
    for item in items:
        if isinstance(item, Mapping):
            first.setdefault(item.get("source"), len(first))

    def key(item: Any) -> tuple[int, int]:
        if not isinstance(item, Mapping):
            return (len(first), 0)
        start = item.get("start")
        return (first[item.get("source")], start if isinstance(start, int) else 0)

    return sorted(items, key=key)


_BLOCKS = {
    "disputes": _dispute,
    "inferences": _inference,
    "creators": _creator,
    "participants": _participant,
    "evidence": _evidence,
}


def _readable(edtf: str) -> str:
    try:
        return short_date(EDTFDate(edtf))
    except ValueError:
        return edtf


def record_block(row: Mapping[str, Any], width: int) -> str:
    """A record as ``field  value`` lines for a reader.

    Empty fields are left out, long values wrapped to ``width``; participants, evidence,
    disputes, inferences and creators read as indented blocks, one item a line.
    """
    shown = {k: v for k, v in row.items() if v not in (None, "", [], {}, ())}
    key_width = max((len(k) for k in shown), default=0)
    indent = " " * (key_width + 2)
    out: list[str] = []
    text_width = max(width - len(indent), 20)
    for key, value in shown.items():
        block = _BLOCKS.get(key)
        if key in ("date", "issued") and isinstance(value, str):
            words = _readable(value)
            items = [value if words == value else f"{words}  ({value})"]
        elif block is not None and isinstance(value, list):
            listed = _by_source(value) if key == "evidence" else value
            items = [line for item in listed if isinstance(item, Mapping) for line in block(item)]
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            items = [_text(v) for v in value]
        else:
            items = [_text(value)]
        first = True
        for item in items:
            lead = len(item) - len(item.lstrip(" "))
            for line in textwrap.wrap(
                item.strip(),
                text_width - lead,
                break_on_hyphens=False,
                initial_indent=" " * lead,
                subsequent_indent=" " * (lead + 2) if lead else "",
            ) or [""]:
                out.append((key.ljust(key_width) if first else " " * key_width) + "  " + line)
                first = False
    return "".join(line.rstrip() + "\n" for line in out)
