r"""Classic BibTeX entries from CSL-JSON items (for BibTeX with natbib, e.g. plainnat).

Classic BibTeX knows fewer entry types and fields than BibLaTeX, and its styles warn
when an entry lacks a field its type requires. pakru therefore writes:

- ``@article`` (``author``, ``title``, ``journal``, ``year``) for a newspaper or
  magazine piece that has an author and a year, the fields ``article`` requires;
- ``@misc`` for everything else, with the periodical, site or publisher in
  ``howpublished`` followed by the address as ``\url{...}``.

Dates are ``year`` and ``month`` (three-letter month macros), ``year = {n.d.}`` for an
undated work; the access date goes in ``note``. An entry without an author gets a
``key`` (its periodical, site or title) so natbib can label and sort it. Titles are
escaped and brace-protected as in BibLaTeX, because BibTeX styles lower-case titles; a
title supplied for an untitled work is braced whole. Documents that use the output
load ``natbib`` and ``url`` (or ``hyperref``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from pakru.citation.bibtex import (
    bibtex_key,
    escape,
    escape_url,
    names,
    plain_title,
    protect,
)

__all__ = ["classic_entry"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _first_date(date: Mapping[str, Any] | None) -> list[int]:
    if not date:
        return []
    parts = date.get("date-parts") or [[]]
    return [int(p) for p in parts[0]]


def _url(url: str) -> str:
    r"""An address for ``\url``: its ``%`` and ``#`` escaped, which ``\url`` keeps as typed."""
    return escape_url(url).replace("%", r"\%").replace("#", r"\#")


def classic_entry(  # noqa: PLR0915 - one rule per BibTeX field, in field order
    item: Mapping[str, Any], *, proper: Collection[str] = (), comment: str | None = None
) -> str:
    """One classic BibTeX entry for a CSL item; ``comment`` becomes a ``%`` line above it."""
    kind = item["type"]
    issued = _first_date(item.get("issued"))
    container, publisher = item.get("container-title"), item.get("publisher")
    periodical = kind in ("article-newspaper", "article-magazine")
    is_article = periodical and all((item.get("author"), issued, container, plain_title(item)))
    entry_type = "article" if is_article else "misc"
    fields: list[tuple[str, str]] = []
    if item.get("author"):
        fields.append(("author", names(item["author"])))
    else:
        stand_in = container or publisher or (plain_title(item) or ("", False))[0]
        fields.append(("key", escape(stand_in)))
    title = plain_title(item)
    if title is not None:
        text, supplied = title
        fields.append(("title", "{" + escape(text) + "}" if supplied else protect(text, proper)))
    if is_article:
        fields.append(("journal", "{" + escape(str(container)) + "}"))
    else:
        where = [w for w in (container, publisher) if w]
        if len(where) == 2 and where[0] == where[1]:
            where = where[:1]
        if kind == "dataset":
            where += [item.get("genre", ""), f"Version {item.get('version', '')}"]
            where = [w for w in where if w and w != "Version "]
        shown = ". ".join(escape(w) for w in where)
        if "URL" in item:
            shown = (shown + ". " if shown else "") + f"\\url{{{_url(item['URL'])}}}"
        if shown:
            fields.append(("howpublished", shown))
    if issued:
        fields.append(("year", str(issued[0])))
        if len(issued) > 1:
            fields.append(("month", _MONTHS[issued[1] - 1]))
    else:
        fields.append(("year", "n.d."))  # BibTeX styles require a year; n.d. says there is none
    notes: list[str] = []
    interviewers = item.get("interviewer")
    if interviewers:
        who = " and ".join(n.get("literal") or f"{n['given']} {n['family']}" for n in interviewers)
        notes.append(escape(f"Interview by {who}"))
    if is_article and "URL" in item:
        notes.append(f"\\url{{{_url(item['URL'])}}}")
    accessed = _first_date(item.get("accessed"))
    if accessed and "URL" in item:
        notes.append("Accessed " + "-".join(f"{p:02d}" for p in accessed))
    if kind == "dataset" and "note" in item:
        notes.append(escape(item["note"]))
    if notes:
        fields.append(("note", ". ".join(notes)))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(
        f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'}"
        for name, value in fields
    )
    head = "" if comment is None else "".join(f"% {line}\n" for line in comment.splitlines())
    return f"{head}@{entry_type}{{{bibtex_key(item['id'])},\n{body}\n}}\n"
