"""APA (7th edition), Chicago (18th edition, author-date) and MLA (9th edition) references.

pakru formats these three styles itself, from the CSL-JSON items of :mod:`pakru.citation.csl`,
so citing needs no CSL processor at run time. The rules follow the official CSL styles
(``apa.csl``, ``chicago-author-date.csl``, ``modern-language-association.csl``) for the item
types pakru produces (newspaper and magazine articles, interviews, blog posts, web pages,
encyclopedia entries, reports and the dataset), and the test suite checks every shipped
source against what pandoc's CSL processor makes of the same items with those styles.

A bibliography is sorted the way each style sorts, and APA and Chicago add the year
suffixes (``2012a``, ``n.d.-b``) that tell apart works of one author and year; MLA
replaces a repeated author by three em dashes. In-text citations with a pinpoint
(``para. 5``) are formatted too.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pakru.datewords import MONTHS

__all__ = ["FORMATTED_STYLES", "bibliography", "in_text"]

#: The formatted styles, by the name :func:`pakru.cite` takes.
FORMATTED_STYLES = ("apa", "chicago", "mla")

_I, _J = "\x1e", "\x1f"  # start and end of italics, until the markup is chosen
#: MLA 9 abbreviates the names of months longer than four letters.
_MLA_MONTHS: tuple[str, ...] = tuple(
    "Jan. Feb. Mar. Apr. May June July Aug. Sept. Oct. Nov. Dec.".split()  # noqa: SIM905
)
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "down",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "onto",
        "or",
        "over",
        "so",
        "the",
        "till",
        "to",
        "up",
        "via",
        "with",
        "yet",
    ]
)
_NOCASE = re.compile(r'<span class="nocase">(.*?)</span>')
Item = Mapping[str, Any]


def _it(text: str) -> str:
    return f"{_I}{text}{_J}" if text else ""


_italic = _it


def _description(item: Item) -> str:
    """The description of an untitled work (CSL ``genre``), capitalised as a sentence."""
    if item.get("title") or not item.get("genre"):
        return ""
    return _cap_first(_smart_quotes(str(item["genre"])))


# -- text transformations -----------------------------------------------------------------


def _smart_quotes(text: str) -> str:
    """Straight quotes and apostrophes as typographic ones (as CSL processors print them)."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(^|[\s(\[—–-])'", "\\1‘", text)
    text = text.replace("'", "’")
    text = re.sub(r'(^|[\s(\[—–-])"', "\\1“", text)
    text = text.replace('"', "”")
    return re.sub(r"‘([^’]*)’", "“\\1”", text)


def _plain_title(title: str) -> str:
    return _smart_quotes(_NOCASE.sub(r"\1", title))


def _cap_first(text: str) -> str:
    """The first letter capitalised when the text starts with a lower-case word."""
    i = len(text) - len(text.lstrip("“‘\"'([_{"))
    if i < len(text) and text[i].islower():
        word = text[i:].split(" ", 1)[0]
        if not any(ch.isupper() for ch in word):
            return text[:i] + text[i].upper() + text[i + 1 :]
    return text


def _title_word(word: str, *, first: bool) -> str:
    """One word in title case: each lower-case part is capitalised unless a stop word."""
    out: list[str] = []
    for i, part in enumerate(word.split("-")):
        letters = [ch for ch in part if ch.isalpha()]
        keep = not letters or any(ch.isupper() for ch in letters) or (i and "." in part)
        stop = "".join(letters) in _STOP_WORDS and "-" not in word
        if keep or (stop and not (first and i == 0)):
            out.append(part)
        else:
            out.append(_cap_first(part))
    return "-".join(out)


def _title_case(title: str, *, last: bool = False) -> str:
    """CSL title case for an English title; ``nocase`` spans keep their letters.

    With ``last=True`` a stop word that ends the title is capitalised too (as MLA does).
    """
    protected: list[str] = []

    def keep(match: re.Match[str]) -> str:
        protected.append(match.group(1))
        return f"\x00{len(protected) - 1}\x00"

    text = _smart_quotes(_NOCASE.sub(keep, title))
    words = re.split(r"(\s+)", text)
    out: list[str] = []
    first = True
    final = max((i for i, w in enumerate(words) if w and not w.isspace()), default=-1)
    for index, word in enumerate(words):
        if not word or word.isspace():
            out.append(word)
            continue
        lead = first or (last and index == final)
        out.append(word if "\x00" in word else _title_word(word, first=lead))
        first = word.endswith((":", "?", "!", "—"))
    result = "".join(out)
    return re.sub("\x00([0-9]+)\x00", lambda m: protected[int(m.group(1))], result)


def _quote(text: str, after: str = ".") -> str:
    """A quoted title with the following punctuation moved inside (American style)."""
    inner = text.replace("“", "‘").replace("”", "’")
    if after and inner.endswith((".", "?", "!")):
        return f"“{inner}”"
    return f"“{inner}{after}”"


_quoted = _quote


def _join_sentence(parts: Iterable[str]) -> str:
    """Parts joined as sentences: each ends with a period unless it ends in punctuation."""
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        bare = part.rstrip(_J)
        done = bare.endswith((".", "?", "!", ".”", "?”", "!”", ".’"))
        out.append(part if done else part + ".")
    return " ".join(out)


# -- names ------------------------------------------------------------------------------


def _initials(given: str) -> str:
    """Given names as initials, ``Jean-Paul`` as ``J.-P.``, ``P.K.`` as ``P. K.``."""
    words = [w for w in re.split(r"[\s.]+", given) if w]
    out = []
    for word in words:
        parts = [p for p in word.split("-") if p]
        out.append("-".join(f"{p[0].upper()}." for p in parts))
    return " ".join(out)


def _full_given(given: str) -> str:
    """Given names with run-together initials spaced (``P.K.`` as ``P. K.``)."""
    return re.sub(r"\.(?=\w)", ". ", given)


def _apa_name(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {_initials(name['given'])}"


def _inverted(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{name['family']}, {_full_given(name['given'])}"


def _direct(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{_full_given(name['given'])} {name['family']}"


def _apa_names(names: Sequence[Mapping[str, str]]) -> str:
    shown = [_apa_name(n) for n in names]
    if len(shown) == 1:
        return shown[0]
    if len(shown) > 20:
        return ", ".join(shown[:19]) + ", . . . " + _apa_name(names[-1])
    return ", ".join(shown[:-1]) + ", & " + shown[-1]


def _chicago_names(names: Sequence[Mapping[str, str]]) -> str:
    shown = [_inverted(names[0])] + [_direct(n) for n in names[1:]]
    if len(shown) > 10:
        shown = [*shown[:7], "et al."]
        return ", ".join(shown[:-1]) + ", " + shown[-1]
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def _mla_names(names: Sequence[Mapping[str, str]]) -> str:
    if len(names) == 1:
        return _inverted(names[0])
    if len(names) == 2:
        return f"{_inverted(names[0])}, and {_direct(names[1])}"
    return f"{_inverted(names[0])}, et al."


# -- dates ------------------------------------------------------------------------------


def _parts(item: Item, key: str = "issued") -> list[int]:
    date = item.get(key)
    if not date or "date-parts" not in date:
        return []
    return [int(p) for p in date["date-parts"][0]]


def _literal_date(item: Item) -> str | None:
    date = item.get("issued")
    return None if not date else date.get("literal")


def _circa(item: Item) -> bool:
    return bool((item.get("issued") or {}).get("circa"))


def _long_date(parts: Sequence[int]) -> str:
    """``November 22, 2026`` (or the month and year, or the year)."""
    if len(parts) >= 3:
        return f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _mla_date(parts: Sequence[int]) -> str:
    if len(parts) >= 3:
        return f"{parts[2]} {_MLA_MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MLA_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _mla_range(item: Item) -> str:
    """An MLA date, or a range of two (``Sept.–Oct. 1986``) sharing what they share."""
    ranges = (item.get("issued") or {}).get("date-parts") or []
    first = [int(p) for p in ranges[0]]
    if len(ranges) < 2 or not ranges[1]:
        return _mla_date(first)
    second = [int(p) for p in ranges[1]]
    if len(first) == len(second) == 2 and first[0] == second[0]:
        return f"{_MLA_MONTHS[first[1] - 1]}–{_mla_date(second)}"
    if len(first) == len(second) == 1:
        return f"{first[0]}–{second[0]}"
    return f"{_mla_date(first)}–{_mla_date(second)}"


def _month_day(parts: Sequence[int]) -> str:
    if len(parts) >= 3:
        return f"{MONTHS[parts[1] - 1]} {parts[2]}"
    if len(parts) == 2:
        return MONTHS[parts[1] - 1]
    return ""


def _year(item: Item, suffix: str) -> str:
    parts = _parts(item)
    if not parts:
        literal = _literal_date(item)
        if literal:
            return literal
        return "n.d." + (f"-{suffix}" if suffix else "")
    return f"{parts[0]}{suffix}"


# -- APA --------------------------------------------------------------------------------

_APA_ITALIC_TITLE = {"report", "webpage", "dataset"}


def _apa_italic_title(item: Item) -> bool:
    kind = item["type"]
    if kind in ("post-weblog", "interview") or (kind in ("report", "dataset")):
        return "container-title" not in item
    return kind in _APA_ITALIC_TITLE


def _apa_author(item: Item) -> str:
    if item.get("author"):
        return _apa_names(item["author"])
    if item["type"] == "entry-encyclopedia" and "publisher" in item:
        return str(item["publisher"])
    return ""


def _apa_title(item: Item) -> str:
    if "title" not in item:
        desc = _description(item)
        return f"[{desc}]" if desc else ""
    title = _plain_title(item["title"])
    return _it(title) if _apa_italic_title(item) else title


def _apa_date(item: Item, suffix: str) -> str:
    parts = _parts(item)
    circa = "ca. " if _circa(item) else ""
    if not parts:
        return f"({_year(item, suffix)})"
    year = f"{parts[0]}{suffix}"
    if item["type"] in ("report", "entry-encyclopedia", "dataset") or len(parts) == 1:
        return f"({circa}{year})"
    return f"({circa}{year}, {_month_day(parts)})"


def _apa(item: Item, suffix: str) -> str:
    kind = item["type"]
    author = _apa_author(item)
    title = _apa_title(item)
    head: list[str] = []
    if author:
        head.append(author)
    elif title:
        head.append(title)
        title = ""
    head.append(_apa_date(item, suffix))
    if kind == "interview" and title:
        who = ", ".join(_direct_initials(n) for n in item.get("interviewer", ()))
        title = f"{title} ({who}, Interviewer)" if who else title
    if kind == "dataset" and title:
        extra = f" (Version {item['version']})" if "version" in item else ""
        extra += f" [{item['genre']}]" if "genre" in item else ""
        title = f"{title}{extra}"
    body: list[str] = [title]
    container = item.get("container-title")
    publisher = item.get("publisher")
    if kind == "entry-encyclopedia":
        if container:
            body.append("In " + _it(container))
        if publisher and not author.startswith(publisher):
            body.append(publisher)
    elif kind in ("report", "dataset"):
        if container:
            body.append("In " + _it(container))
        if publisher:
            body.append(publisher)
    elif kind == "webpage":
        if publisher and publisher != container:
            body.append(publisher)
        if container:
            body.append(_title_case(container))
    elif kind == "interview":
        if container:
            body.append(_it(_title_case(container)))
        if publisher:
            body.append(publisher)
    elif container:
        body.append(_it(_title_case(container)))
    text = _join_sentence([*head, *body])
    url = item.get("URL")
    if url:
        accessed = _parts(item, "accessed")
        if accessed and not _parts(item) and not _literal_date(item):
            text += f" Retrieved {_long_date(accessed)}, from {url}"
        else:
            text += f" {url}"
    return text


def _direct_initials(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    return f"{_initials(name['given'])} {name['family']}"


# -- Chicago author-date ----------------------------------------------------------------


def _chicago_date(item: Item, suffix: str) -> str:
    year = _year(item, suffix)
    return f"[{year}?]" if _circa(item) and _parts(item) else year


def _chicago(item: Item, suffix: str) -> str:  # noqa: PLR0915 - the style's rules, in order
    kind = item["type"]
    names = item.get("author")
    raw_title = item.get("title")
    container = item.get("container-title")
    publisher = item.get("publisher")
    date = _chicago_date(item, suffix)
    parts = _parts(item)
    md = _month_day(parts)
    desc = _description(item)
    if raw_title and kind == "entry-encyclopedia" and not names:
        title_tc = _smart_quotes(_plain_title(raw_title))  # the style keeps an entry's case
    else:
        title_tc = _title_case(raw_title, last=True) if raw_title else desc

    def t_it(text: str) -> str:  # a description is never italic or quoted
        return text if desc else _it(text)

    def t_quote(text: str) -> str:
        return text if desc else _quote(text)

    in_container = kind in ("report", "dataset") and bool(container)

    site_publisher = publisher if kind == "webpage" and publisher != container else None
    if kind in ("article-newspaper", "article-magazine", "post-weblog", "webpage"):
        publisher = None  # the periodical or site names itself
    periodical = kind in ("article-newspaper", "article-magazine", "entry-encyclopedia")
    segments: list[str] = []
    tail_date = ""
    if names:
        segments.append(_chicago_names(names))
        segments.append(date)
        if in_container:
            if title_tc:
                segments.append(t_quote(title_tc))
        elif kind in ("report", "dataset") or (kind == "post-weblog" and not container):
            if title_tc:
                segments.append(t_it(title_tc) if kind != "dataset" else t_quote(title_tc))
        elif title_tc:
            segments.append(t_quote(title_tc))
        if kind == "interview":
            who = ", ".join(_direct(n) for n in item.get("interviewer", ()))
            if who:
                segments.append(f"Interview by {who}")
    elif kind == "webpage" and container:
        segments.append(_title_case(_cap_first(container)))
        segments.append(date)
        if title_tc:
            segments.append(t_quote(title_tc))
        container = None
        tail_date = md
    elif periodical and container:
        segments.append(_it(_title_case(_cap_first(container))))
        segments.append(date)
        if title_tc:
            segments.append(t_quote(title_tc))
        container = None
        tail_date = md
    elif title_tc:
        standalone = kind in ("report", "dataset", "webpage") and not in_container
        if standalone or (kind == "post-weblog" and not container):
            segments.append(t_it(title_tc))
        else:
            segments.append(t_quote(title_tc))
        segments.append(date)
    else:
        segments.append(date)
    if kind == "dataset" and raw_title and item.get("genre"):
        segments.append(_cap_first(item["genre"]))
    if kind == "dataset" and "version" in item:
        segments.append(f"Version {item['version']}")
    text = _join_sentence(segments)
    rest: list[str] = []
    if container:
        shown = _cap_first(container)
        lead = _title_case(shown) if kind == "webpage" else _it(_title_case(shown))
        lead = "In " + lead if in_container else lead
        owner = publisher if kind == "interview" else site_publisher
        extra = [p for p in (owner, md) if p]
        extra = [] if in_container else extra
        rest.append(", ".join([lead, *extra]))
        if kind in ("entry-encyclopedia", "report") and publisher:
            rest.append(_cap_first(publisher))
    elif kind == "interview" and publisher:
        rest.append(", ".join(p for p in (_cap_first(publisher), md) if p))
    else:
        if publisher:
            rest.append(_cap_first(publisher))
        if tail_date:
            rest.append(tail_date)
        elif md and kind not in ("report", "dataset"):
            rest.append(md)
    accessed = _parts(item, "accessed")
    url = item.get("URL")
    if url and accessed and not parts and not _literal_date(item):
        rest.append(f"Accessed {_long_date(accessed)}")
    if url:
        rest.append(url)
    if rest:
        text = _join_sentence([text, *rest])
    return text


# -- MLA --------------------------------------------------------------------------------


def _mla(item: Item, author_text: str | None) -> str:
    kind = item["type"]
    names = item.get("author")
    raw_title = item.get("title")
    container = item.get("container-title")
    publisher = item.get("publisher")
    parts = _parts(item)
    segments: list[str] = []
    if names:
        segments.append(author_text if author_text is not None else _mla_names(names))
    desc = _description(item)
    if desc:
        segments.append(desc)
    elif raw_title:
        title_tc = _title_case(raw_title, last=True)
        standalone = (kind == "report" and not container) or (
            kind == "post-weblog" and not container
        )
        segments.append(_it(title_tc) if standalone else _quote(title_tc))
    if kind == "interview":
        who = ", ".join(_direct(n) for n in item.get("interviewer", ()))
        if who:
            segments.append(f"Interview by {who}")
    if kind == "dataset" and raw_title and item.get("genre"):
        segments.append(_cap_first(item["genre"]))
    version = f"Version {item['version']}" if kind == "dataset" and "version" in item else ""
    text = _join_sentence(segments)
    pub: list[str] = []
    if container:
        pub.append(_it(_title_case(_cap_first(container))))
    if version:
        pub.append(version)
    if publisher and kind not in ("interview", "article-newspaper", "article-magazine"):
        pub.append(publisher)
    if parts:
        circa = "Circa " if _circa(item) else ""
        pub.append(circa + _mla_range(item))
    elif _literal_date(item):
        pub.append(str(_literal_date(item)))
    url = item.get("URL")
    if url:
        pub.append(url)
    tail = ", ".join(pub)
    after: list[str] = []
    accessed = _parts(item, "accessed")
    if url and accessed and not parts and not _literal_date(item):
        after.append(f"Accessed {_mla_date(accessed)}")
    return _join_sentence([text, tail, *after])


# -- sorting and disambiguation ----------------------------------------------------------


SortKey = tuple[tuple[str, tuple[int, ...]], ...]
_WORD_BREAK = re.compile(r"[\s,'’ʾʿ]+")


def _sort_text(text: str) -> SortKey:
    """A sort key as CSL processors compare text: word by word, case-folded, collated.

    Each word compares first by its letters and digits (accents and case ignored), then
    by its punctuation, which sorts before any letter (the Unicode collation algorithm's
    "shifted" weighting of the root collation).
    """
    text = text.replace(_I, "").replace(_J, "")
    text = unicodedata.normalize("NFKD", _NOCASE.sub(r"\1", text)).casefold()
    words: list[tuple[str, tuple[int, ...]]] = []
    for word in _WORD_BREAK.split(text):
        chars = [ch for ch in word if not unicodedata.combining(ch)]
        if not chars:
            continue
        primary = "".join(ch for ch in chars if ch.isalnum())
        shifted = tuple(0xFFFF if ch.isalnum() else ord(ch) for ch in chars)
        words.append((primary, shifted))
    return tuple(words)


def _author_key(item: Item, style: str) -> SortKey:
    """What stands in the author position (names, or their substitute) for sorting."""
    names = item.get("author")
    if names:
        return _sort_text(
            " ".join(n.get("literal") or f"{n['family']} {n['given']}" for n in names)
        )
    substituted = ("article-newspaper", "article-magazine", "entry-encyclopedia")
    if style == "chicago" and item["type"] in substituted and item.get("container-title"):
        return _sort_text(item["container-title"])
    if style == "apa" and item["type"] == "entry-encyclopedia" and item.get("publisher"):
        return _sort_text(item["publisher"])
    if style == "apa" and not item.get("title") and item.get("genre"):
        return _sort_text(f"[{item['genre']}]")
    if style == "mla" and not item.get("title") and item.get("genre"):
        return ()  # the style's author key is empty: these come first, by description
    if style == "mla" and not item.get("title") and not item.get("genre"):
        return _sort_text(item.get("container-title") or item.get("publisher") or "")
    return _title_key(item)


def _title_key(item: Item) -> SortKey:
    return _sort_text(item.get("title") or item.get("genre") or "")


def _date_key(item: Item, style: str) -> tuple[int, ...]:
    parts = _parts(item)
    if style == "apa" and item["type"] in ("report", "entry-encyclopedia", "dataset"):
        parts = parts[:1]
    return (0,) if not parts else (1, *parts)  # undated works come first, as n.d.


def _sorted(items: Sequence[Item], style: str) -> list[Item]:
    def key(item: Item) -> tuple[Any, ...]:
        author = _author_key(item, style)
        if style == "chicago":
            parts = _parts(item)
            year = (1, parts[0]) if parts else (2,)  # an empty key sorts last
            title = _title_key(item)
            return (author, year, title, _sort_text(_month_day(parts)))
        if style == "mla":
            return (author, _title_key(item), _date_key(item, style))
        return (author, _date_key(item, style), _title_key(item))

    return sorted(items, key=key)


def _suffixes(items: Sequence[Item], style: str) -> dict[str, str]:
    """Year suffixes (``a``, ``b``, ...) for works with the same author and year."""
    groups: dict[tuple[SortKey, str], list[str]] = {}
    for item in items:
        if style == "chicago" and item["type"] == "entry-encyclopedia" and not item.get("author"):
            continue  # cited "s.v." the entry's title, which tells them apart
        year = _year(item, "") + ("?" if _circa(item) else "")
        groups.setdefault((_author_key(item, style), year), []).append(item["id"])
    out: dict[str, str] = {}
    for ids in groups.values():
        if len(ids) > 1:
            for i, item_id in enumerate(ids):
                out[item_id] = _letters(i)
    return out


def _letters(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        text = chr(ord("a") + rem) + text
    return text


# -- public -----------------------------------------------------------------------------


def finish(text: str, markup: str) -> str:
    """The text with italics as HTML ``<i>`` (``markup="html"``) or dropped (``"text"``)."""
    if markup == "html":
        return html.escape(text, quote=False).replace(_I, "<i>").replace(_J, "</i>")
    return text.replace(_I, "").replace(_J, "")


def bibliography(items: Sequence[Item], style: str) -> list[tuple[str, str]]:
    """``(id, reference)`` pairs in the style's order, references still carrying italics."""
    ordered = _sorted(items, style)
    out: list[tuple[str, str]] = []
    if style == "mla":
        previous = None
        for item in ordered:
            names = item.get("author")
            shown = _mla_names(names) if names else None
            repeat = "———" if shown is not None and shown == previous else None
            previous = shown
            out.append((item["id"], _mla(item, repeat)))
        return out
    suffixes = _suffixes(ordered, style)
    render = _apa if style == "apa" else _chicago
    return [(item["id"], render(item, suffixes.get(item["id"], ""))) for item in ordered]


def _short_title(item: Item, style: str) -> tuple[str, bool]:
    """The title standing for a missing author in text, and whether it is quoted."""
    title = _title_case(item["title"], last=True)
    kind = item["type"]
    italic = ("report", "dataset") if style == "mla" else ("report", "webpage", "dataset")
    standalone = kind in italic or (kind == "post-weblog" and "container-title" not in item)
    if kind in ("report", "dataset") and "container-title" in item and style != "apa":
        standalone = False  # a part of a larger work is quoted
    if standalone:
        return (title if style == "apa" and kind == "report" else _it(title)), False
    return title, True


def in_text(item: Item, style: str, locator: str | None = None) -> str:  # noqa: PLR0915
    """The parenthetical citation of one item, with a paragraph pinpoint if given."""
    names = item.get("author")
    kind = item["type"]
    quoted = False
    short = ""
    if names:
        short = _short_names(names, " & " if style == "apa" else " and ")
    elif style == "apa" and kind == "entry-encyclopedia" and item.get("publisher"):
        short = str(item["publisher"])
    elif (
        style == "chicago"
        and kind in ("article-newspaper", "article-magazine", "entry-encyclopedia", "webpage")
        and item.get("container-title")
    ):
        short = _title_case(_cap_first(_smart_quotes(item["container-title"])))
        short = short if kind == "webpage" else _it(short)
    elif item.get("title"):
        short, quoted = _short_title(item, style)
    elif _description(item):
        short = _description(item)
        short = f"[{short}]" if style == "apa" and kind != "report" else short
    parts = _parts(item)
    if style == "mla" or (style == "chicago" and kind == "entry-encyclopedia" and not parts):
        date = ""
    elif style == "apa":
        date = ("ca. " if _circa(item) and parts else "") + _year(item, "")
    else:
        date = _chicago_date(item, "")
    label = ""
    if locator:
        if style == "mla":
            label = ("pars. " if _plural(locator) else "par. ") + locator
        else:
            label = ("paras. " if _plural(locator) else "para. ") + locator
    pieces = [p for p in (short, date, label) if p]
    out = ""
    for i, piece in enumerate(pieces):
        if i == 0:
            if quoted and piece == short:
                out = "“" + piece.replace("“", "‘").replace("”", "’")
                bare_year = style == "chicago" and date and not date.startswith("n.d.")
                closed = piece.endswith((".", "?", "!"))
                comma = len(pieces) > 1 and not (bare_year and pieces[1] == date) and not closed
                out += ("," if comma else "") + "”"
            elif style == "apa" and len(pieces) > 1 and piece.rstrip(_J).endswith("”"):
                out = piece
                # A title ending in a quotation takes the comma inside that quotation.
                out = out[: -len(_J)] if out.endswith(_J) else out
                out = out[:-1] + ",”" + (_J if piece.endswith(_J) else "")
                return "(" + out + " " + ", ".join(pieces[1:]) + ")"
            else:
                out = piece
            continue
        joined_by_space = (
            style == "chicago" and piece == date and pieces[i - 1] == short and not quoted
        ) and not date.startswith("n.d.")
        if quoted and pieces[i - 1] == short:
            out += " " + piece
        else:
            out += (" " if joined_by_space else ", ") + piece
    return f"({out})"


def _short_names(names: Sequence[Mapping[str, str]], conj: str) -> str:
    shorts = [n.get("literal") or n["family"] for n in names]
    if len(shorts) == 1:
        return shorts[0]
    if len(shorts) == 2:
        return f"{shorts[0]}{conj}{shorts[1]}"
    return f"{shorts[0]} et al."


def _plural(locator: str) -> bool:
    return bool(re.search(r"[,–&-]", locator))
