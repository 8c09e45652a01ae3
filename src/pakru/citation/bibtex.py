"""BibLaTeX entries from CSL-JSON items.

Newspaper and magazine pieces are ``@article`` with ``entrysubtype`` ``newspaper`` or
``magazine``; every other source is ``@online``; the dataset is ``@dataset``. Dates are
ISO 8601-2 (EDTF) in ``date`` and ``urldate``, as BibLaTeX reads them. Keys are the
record ids (stable across releases); LaTeX's special characters are escaped, and words
that must keep their capitals (proper nouns, acronyms) are wrapped in braces so that
styles which change the case of titles leave them alone. Text stays UTF-8, which Biber
reads as it is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

__all__ = ["bibtex_entry", "bibtex_key", "escape", "protect"]

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}#$%&_~^]")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]+")
_WORD = re.compile(r"[^\s]+")


def escape(text: str) -> str:
    r"""Text with LaTeX's special characters escaped (``&`` becomes ``\&``, ...)."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)


def bibtex_key(record_id: str) -> str:
    """The citation key of a record: its id, with characters keys cannot hold replaced.

    pakru ids are already safe (letters, digits, ``-`` and ``_``), so the key is the id
    itself and never changes between releases.
    """
    return _KEY_UNSAFE.sub("-", record_id).strip("-") or "pakru"


def _needs_braces(word: str, proper: Collection[str]) -> bool:
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return False
    if any(ch.isupper() for ch in letters[1:]):
        return True  # acronyms and inner capitals: SCO, JF-17, McAdams, PAKISTAN-RUSSIA
    core = word.strip("\"'“”‘’()[],.:;!?")
    return letters[0].isupper() and (core in proper or core.split("-")[0] in proper)


def protect(text: str, proper: Collection[str] = ()) -> str:
    """Escape a title and brace-protect its acronyms and the proper nouns in ``proper``."""
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        out.append(escape(text[last : match.start()]))
        word = match.group()
        out.append(f"{{{escape(word)}}}" if _needs_braces(word, proper) else escape(word))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _name(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return "{" + escape(name["literal"]) + "}"
    return f"{escape(name['family'])}, {escape(name['given'])}"


def _names(names: Iterable[Mapping[str, str]]) -> str:
    return " and ".join(_name(n) for n in names)


def edtf(date: Mapping[str, Any]) -> str | None:
    """The ISO 8601-2 (EDTF) text of a CSL date, or None when it has none."""
    if "literal" in date:
        return None
    parts = date.get("date-parts") or []
    texts = ["-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(d)) for d in parts]
    if "season" in date and texts:
        texts = [f"{texts[0]}-{20 + int(date['season'])}"]
    mark = "?" if date.get("circa") else ""
    return "/".join(t + mark for t in texts) or None


def bibtex_entry(  # noqa: PLR0915 - one rule per BibLaTeX field, in field order
    item: Mapping[str, Any], *, proper: Collection[str] = (), comment: str | None = None
) -> str:
    """One BibLaTeX entry for a CSL item; ``comment`` becomes a ``%`` line above it."""
    kind = item["type"]
    fields: list[tuple[str, str]] = []
    if kind in ("article-newspaper", "article-magazine"):
        entry_type = "article"
        fields.append(("entrysubtype", "newspaper" if kind == "article-newspaper" else "magazine"))
    elif kind == "dataset":
        entry_type = "dataset"
    else:
        entry_type = "online"
    if "author" in item:
        fields.append(("author", _names(item["author"])))
    if "editor" in item:
        fields.append(("editor", _names(item["editor"])))
    if "title" in item:
        title = re.sub(r'<span class="nocase">(.*?)</span>', r"\1", item["title"])
        fields.append(("title", protect(title, proper)))
    container, publisher = item.get("container-title"), item.get("publisher")
    if entry_type == "article":
        if container is not None:
            fields.append(("journaltitle", "{" + escape(container) + "}"))
        if publisher is not None:
            fields.append(("publisher", "{" + escape(publisher) + "}"))
    elif entry_type == "dataset":
        if publisher is not None:
            fields.append(("publisher", "{" + escape(publisher) + "}"))
    else:
        if container is not None and publisher is not None:
            fields.append(("maintitle", "{" + escape(container) + "}"))
        organization = publisher if publisher is not None else container
        if organization is not None:
            fields.append(("organization", "{" + escape(organization) + "}"))
    if "version" in item:
        fields.append(("version", escape(item["version"])))
    issued = item.get("issued")
    date = None if issued is None else edtf(issued)
    if date is not None:
        fields.append(("date", date))
    if "URL" in item:
        fields.append(("url", item["URL"]))
    accessed = item.get("accessed")
    urldate = None if accessed is None else edtf(accessed)
    if urldate is not None and "URL" in item:
        fields.append(("urldate", urldate))
    interviewers = item.get("interviewer")
    if interviewers:
        who = " and ".join(n.get("literal") or f"{n['given']} {n['family']}" for n in interviewers)
        fields.append(("type", "interview"))
        fields.append(("note", escape(f"Interview by {who}")))
    if "note" in item and kind == "dataset":
        fields.append(("note", escape(item["note"])))
    if "medium" in item:
        fields.append(("howpublished", escape(item["medium"])))
    if "language" in item:
        fields.append(("langid", _LANGIDS.get(item["language"], item["language"])))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    head = "" if comment is None else "".join(f"% {line}\n" for line in comment.splitlines())
    return f"{head}@{entry_type}{{{bibtex_key(item['id'])},\n{body}\n}}\n"


_LANGIDS = {"en": "english", "ru": "russian", "ur": "urdu", "fr": "french", "de": "german"}
