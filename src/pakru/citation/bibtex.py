r"""BibLaTeX entries from CSL-JSON items (for biblatex with Biber).

Each entry type carries only fields biblatex's data model gives it, so Biber's
``--validate-datamodel`` check passes:

=====================  ==================  ===========================================
CSL type               BibLaTeX type       container and publisher
=====================  ==================  ===========================================
article-newspaper      ``@article``        ``journaltitle``, ``entrysubtype`` newspaper
article-magazine       ``@article``        ``journaltitle``, ``entrysubtype`` magazine
entry-encyclopedia     ``@inreference``    ``booktitle`` and ``publisher``
report in a container  ``@incollection``   ``booktitle`` and ``publisher``
dataset                ``@dataset``        ``version``; the digest in ``note``
any other              ``@online``         ``organization`` (the site, then its owner)
=====================  ==================  ===========================================

Dates are ISO 8601-2 (EDTF) in ``date`` and ``urldate``, as BibLaTeX reads them. Keys
are the record ids (stable across releases); LaTeX's special characters are escaped,
and words that must keep their capitals (proper nouns, acronyms) are wrapped in braces
so that styles which change the case of titles leave them alone. A title supplied in
square brackets for an untitled work is set upright (``\textup``), never emphasised.
Text stays UTF-8, which Biber reads as it is. Classic BibTeX is written by
:mod:`pakru.citation.bibtex_classic`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

__all__ = [
    "bibtex_entry",
    "bibtex_key",
    "edtf",
    "escape",
    "escape_url",
    "names",
    "plain_title",
    "protect",
]

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


_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def escape(text: str) -> str:
    r"""Text for a BibLaTeX or BibTeX field, unable to leave it.

    LaTeX's special characters are escaped (``&`` becomes ``\&``, ``}`` becomes
    ``\textbraceright{}``, ...), and line breaks and control characters become a space.
    """
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], _BREAKS.sub(" ", text))


_URL_UNSAFE = re.compile(r"[{}\\\s\x00-\x1f\x7f-\x9f]")


def escape_url(url: str) -> str:
    r"""A URL for a verbatim field (BibLaTeX ``url``, ``\url{...}``), unable to break out.

    Braces, backslashes, spaces and control characters percent-encoded, as RFC 3986 writes them,
    so a URL can neither close its field nor start a command.
    """
    return _URL_UNSAFE.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass")), url
    )


def bibtex_key(record_id: str) -> str:
    """The citation key of a record: its id, with characters keys cannot hold replaced.

    pakru ids are already safe (letters, digits, ``-`` and ``_``), so the key is the id
    itself and never changes between releases.
    """
    return _KEY_UNSAFE.sub("-", record_id).strip("-") or "pakru"


def _capitalised(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and letters[0].isupper()


def _needs_braces(words: list[str], index: int, proper: Collection[str]) -> bool:
    """Whether a word of a title keeps its capitals whatever case a style applies.

    Acronyms and words with inner capitals always do; so do the proper nouns in
    ``proper``; so does every capitalised word after the first (in a title as written,
    a capital there marks a name, or a title-case title the source chose), and the
    first word when it begins a run of capitalised words (``Tashkent Declaration``).
    """
    word = words[index]
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return False
    if any(ch.isupper() for ch in letters[1:]):
        return True  # acronyms and inner capitals: SCO, JF-17, McAdams, PAKISTAN-RUSSIA
    if not letters[0].isupper():
        return False
    core = word.strip("\"'“”‘’()[],.:;!?")
    if core in proper or core.split("-")[0] in proper or index > 0:
        return True
    return index + 1 < len(words) and _capitalised(words[index + 1])


def protect(text: str, proper: Collection[str] = ()) -> str:
    """Escape a title and brace-protect its names and acronyms, a run of them as one group."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [text[a:b] for a, b in spans]
    keep = [_needs_braces(words, i, proper) for i in range(len(words))]
    out: list[str] = []
    last = 0
    i = 0
    while i < len(spans):
        out.append(escape(text[last : spans[i][0]]))
        j = i
        if keep[i]:
            while j + 1 < len(spans) and keep[j + 1]:
                j += 1
            out.append("{" + escape(text[spans[i][0] : spans[j][1]]) + "}")
        else:
            out.append(escape(words[i]))
        last = spans[j][1]
        i = j + 1
    out.append(escape(text[last:]))
    return "".join(out)


def _name(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return "{" + escape(name["literal"]) + "}"
    return f"{escape(name['family'])}, {escape(name['given'])}"


def names(names: Iterable[Mapping[str, str]]) -> str:
    """CSL names as a BibTeX name list (``Family, Given and {Body}``)."""
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


def plain_title(item: Mapping[str, Any]) -> tuple[str, bool] | None:
    """The title of an item without CSL markup, and whether it is a supplied description."""
    if "title" in item:
        return re.sub(r'<span class="nocase">(.*?)</span>', r"\1", item["title"]), False
    if "genre" in item and item["type"] != "dataset":
        return f"[{item['genre']}]", True
    return None


def _braced(text: str) -> str:
    return "{" + escape(text) + "}"


def _entry_type(item: Mapping[str, Any]) -> str:
    kind = item["type"]
    if kind in ("article-newspaper", "article-magazine"):
        return "article"
    if kind == "entry-encyclopedia":
        return "inreference"
    if kind == "dataset":
        return "dataset"
    if kind == "report" and "container-title" in item:
        return "incollection"
    return "online"


def bibtex_entry(  # noqa: PLR0915 - one rule per BibLaTeX field, in field order
    item: Mapping[str, Any], *, proper: Collection[str] = (), comment: str | None = None
) -> str:
    """One BibLaTeX entry for a CSL item; ``comment`` becomes a ``%`` line above it."""
    kind = item["type"]
    entry_type = _entry_type(item)
    fields: list[tuple[str, str]] = []
    if entry_type == "article":
        fields.append(("entrysubtype", "newspaper" if kind == "article-newspaper" else "magazine"))
    if "author" in item:
        fields.append(("author", names(item["author"])))
    if "editor" in item:
        fields.append(("editor", names(item["editor"])))
    title = plain_title(item)
    if title is not None:
        text, supplied = title
        shown = f"\\textup{{{_braced(text)}}}" if supplied else protect(text, proper)
        fields.append(("title", shown))
    container, publisher = item.get("container-title"), item.get("publisher")
    if entry_type == "article":
        if container is not None:
            fields.append(("journaltitle", _braced(container)))
    elif entry_type in ("inreference", "incollection"):
        if container is not None:
            fields.append(("booktitle", _braced(container)))
        if publisher is not None:
            fields.append(("publisher", _braced(publisher)))
    elif entry_type == "online":
        owners = [o for o in (container, publisher) if o is not None]
        if len(owners) == 2 and owners[0] == owners[1]:
            owners = owners[:1]
        if owners:
            fields.append(("organization", " and ".join(_braced(o) for o in owners)))
    if "version" in item:
        fields.append(("version", escape(item["version"])))
    issued = item.get("issued")
    date = None if issued is None else edtf(issued)
    if date is not None:
        fields.append(("date", date))
    if "URL" in item:
        fields.append(("url", escape_url(item["URL"])))
    accessed = item.get("accessed")
    urldate = None if accessed is None else edtf(accessed)
    if urldate is not None and "URL" in item:
        fields.append(("urldate", urldate))
    notes = []
    interviewers = item.get("interviewer")
    if interviewers:
        who = " and ".join(n.get("literal") or f"{n['given']} {n['family']}" for n in interviewers)
        notes.append(escape(f"Interview by {who}"))
    if "note" in item and kind == "dataset":
        notes.append(escape(item["note"]))
    if notes:
        fields.append(("note", ". ".join(notes)))
    if "language" in item:
        fields.append(("langid", _LANGIDS.get(item["language"], item["language"])))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields)
    head = "" if comment is None else "".join(f"% {line}\n" for line in comment.splitlines())
    return f"{head}@{entry_type}{{{bibtex_key(item['id'])},\n{body}\n}}\n"


_LANGIDS = {"en": "english", "ru": "russian", "ur": "urdu", "fr": "french", "de": "german"}
