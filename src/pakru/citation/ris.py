"""RIS records from CSL-JSON items (the tagged format reference managers import)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["RIS_TYPES", "ris_record", "ris_value"]

#: The RIS reference type of each CSL type pakru produces.
RIS_TYPES = {
    "article-newspaper": "NEWS",
    "article-magazine": "MGZN",
    "interview": "GEN",
    "post-weblog": "BLOG",
    "webpage": "ELEC",
    "entry-encyclopedia": "ENCYC",
    "report": "RPRT",
    "dataset": "DATA",
}


def _name(name: Mapping[str, str]) -> str:
    return name.get("literal") or f"{name['family']}, {name['given']}"


def _date(date: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """RIS year (``PY``) and date (``DA``, ``YYYY/MM/DD/``) of a CSL date."""
    parts = (date.get("date-parts") or [[]])[0]
    if not parts:
        return None, None
    fields = [f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]
    fields += [""] * (3 - len(fields))
    return fields[0], "/".join(fields) + "/"


def ris_value(value: str) -> str:
    """A RIS field's value on one line, unable to forge a record.

    Every line break and control character becomes a space, so a value can never start a tag
    line (a forged ``ER`` or ``TY``) of its own.
    """
    return " ".join("".join(" " if _control(c) else c for c in value).splitlines())


def _control(char: str) -> bool:
    return char < " " or "\x7f" <= char <= "\x9f" or char in "\u2028\u2029"


def ris_record(item: Mapping[str, Any], *, notes: tuple[str, ...] = ()) -> str:
    """One RIS record (``TY`` to ``ER``) for a CSL item; ``notes`` become ``N1`` lines."""
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("ID", item["id"])]
    lines += [("AU", _name(n)) for n in item.get("author", ())]
    lines += [("A2", _name(n)) for n in item.get("interviewer", ())]
    if item["type"] == "interview":
        lines.append(("M3", "Interview"))
    if "title" in item:
        lines.append(
            ("TI", item["title"].replace('<span class="nocase">', "").replace("</span>", ""))
        )
    elif "genre" in item and item["type"] != "dataset":
        lines.append(("TI", f"[{item['genre']}]"))  # a supplied title, as catalogues give it
    if "container-title" in item:
        lines.append(("T2", item["container-title"]))
    if "publisher" in item:
        lines.append(("PB", item["publisher"]))
    if "version" in item:
        lines.append(("ET", item["version"]))
    if "issued" in item:
        year, date = _date(item["issued"])
        if year is not None and date is not None:
            lines += [("PY", year), ("DA", date)]
    if "URL" in item:
        lines.append(("UR", item["URL"]))
        if "accessed" in item:
            _, accessed = _date(item["accessed"])
            if accessed is not None:
                lines.append(("Y2", accessed))
    if "language" in item:
        lines.append(("LA", item["language"]))
    lines += [("N1", n) for n in notes]
    if "note" in item:
        lines.append(("N1", item["note"]))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {ris_value(value)}".rstrip() + "\n" for tag, value in lines)
