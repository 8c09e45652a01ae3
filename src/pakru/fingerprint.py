"""Passage fingerprints that survive reformatting, and the one text normaliser they use.

A passage's offsets and SHA-256 hold only for the corpus text byte for byte. The same
article saved from the web as HTML, copied out of a PDF or reflowed differs in line
breaks, quotes, dashes, Unicode form and markup, and the offsets no longer point at it.
A :class:`Fingerprint` is computed from the passage's *normalised* form instead
(:func:`normalise`): its SHA-256, its length, its number of words, and short hashes of
its first and last few words. It carries no readable text, so pakru can ship it, and
anyone holding any copy of the source can find the passage again
(:mod:`pakru.anchoring`) and check that the words are the same.

Normalisation, applied per character cluster (a character and the combining marks after
it) so that a whole text and any slice of it normalise alike:

1. Unicode compatibility composition (NFKC) of the case-folded decomposition, which
   also maps ligatures, full-width forms, non-breaking spaces and the ellipsis;
2. every single quotation mark to ``'`` and every double one to ``"``;
3. every dash and minus sign to ``-``, a run of them to one;
4. soft hyphens, zero-width characters and other invisible format characters removed;
5. every run of white space to one space, none at either end.

Markup is not text: a copy in HTML is first read into its text by
:func:`pakru.anchoring.read_html`, which strips the tags and resolves the entities.
"""

from __future__ import annotations

import hashlib
import unicodedata

import attrs
from attrs import validators as v

from pakru.rules import EDGE_HEX

__all__ = [
    "EDGE_HEX",
    "EDGE_WORDS",
    "Fingerprint",
    "edge_hash",
    "fingerprint",
    "normalise",
    "normalise_mapped",
]

#: How many words the edge hashes cover (fewer when the passage is shorter).
EDGE_WORDS = 4

_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a\u0060\u00b4"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb'
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_MAPPED = {
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_DASHES, "-"),
}


def _fold(cluster: str) -> str:
    """One character cluster, normalised (steps 1, 2, 4; white space becomes a space)."""
    if cluster.isascii():
        text = cluster.lower()
    else:
        text = unicodedata.normalize(
            "NFKC", unicodedata.normalize("NFKD", cluster).casefold()
        ).casefold()
    out: list[str] = []
    for ch in text:
        mapped = _MAPPED.get(ch)
        if mapped is not None:
            out.append(mapped)
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cf", "Cc", "Cs", "Co", "Cn"):
            continue  # invisible: format and control characters
        elif unicodedata.combining(ch) and (not out or out[-1] == " "):
            continue  # a combining mark with nothing to combine with
        else:
            out.append(ch)
    return "".join(out)


def _continues(ch: str) -> bool:
    """True for a character that composes with the one before it.

    Marks and Hangul vowels and final consonants join the cluster before them, so that
    a cluster is normalised as a whole.
    """
    if ch < "\u0300":
        return False
    code = ord(ch)
    return (
        unicodedata.category(ch)[0] == "M" or 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF
    )


_FOLDED: dict[str, str] = {}


def _folded(cluster: str) -> str:
    """:func:`_fold`, remembered: texts repeat the same few characters."""
    found = _FOLDED.get(cluster)
    if found is None:
        found = _fold(cluster)
        if len(_FOLDED) < 100_000:
            _FOLDED[cluster] = found
    return found


def normalise_mapped(text: str) -> tuple[str, list[int], list[int]]:
    """The normalised ``text``, and where each of its characters came from.

    The two lists are as long as the normalised text: character ``i`` came from
    ``text[starts[i]:ends[i]]``.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    space_at = -1  # where a pending run of white space began, or -1
    last = ""  # the last character written
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        # A cluster: a character with the marks (and Hangul jamo) that compose with it.
        while j < n and text[j] >= "\u0300" and _continues(text[j]):
            j += 1
        folded = _folded(text[i:j])
        for ch in folded:
            if ch == " ":
                if last and space_at < 0:
                    space_at = i
                continue
            if ch == "-" and last == "-" and space_at < 0:
                ends[-1] = j  # a run of dashes is one dash
                continue
            if space_at >= 0:
                out.append(" ")
                starts.append(space_at)
                ends.append(i)
                space_at = -1
            out.append(ch)
            starts.append(i)
            ends.append(j)
            last = ch
        i = j
    return "".join(out), starts, ends


def normalise(text: str) -> str:
    """``text`` in the normal form fingerprints are computed on (see the module notes)."""
    return normalise_mapped(text)[0]


def edge_hash(words: list[str] | tuple[str, ...]) -> str:
    """The short hash of a few normalised words (joined by single spaces)."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:EDGE_HEX]


@attrs.frozen
class Fingerprint:
    """A text-free fingerprint of a passage's normalised form, to find it in any copy.

    ``sha256`` is the SHA-256 of the normalised passage's UTF-8 bytes, ``length`` its
    length in code points and ``words`` its number of words (runs between single
    spaces); ``head`` and ``tail`` are the first 12 hex digits of the SHA-256 of its
    first and of its last four words (all of them when it has fewer).
    """

    sha256: str = attrs.field(validator=v.instance_of(str))
    length: int = attrs.field(validator=v.instance_of(int))
    words: int = attrs.field(validator=v.instance_of(int))
    head: str = attrs.field(validator=v.instance_of(str))
    tail: str = attrs.field(validator=v.instance_of(str))


def of_normalised(norm: str) -> Fingerprint:
    """The fingerprint of a passage already in normal form."""
    words = norm.split(" ")
    k = min(EDGE_WORDS, len(words))
    return Fingerprint(
        hashlib.sha256(norm.encode("utf-8")).hexdigest(),
        len(norm),
        len(words),
        edge_hash(words[:k]),
        edge_hash(words[-k:]),
    )


def fingerprint(passage: str) -> Fingerprint:
    """The fingerprint of a passage (raises ValueError when it has no text at all)."""
    norm = normalise(passage)
    if not norm:
        msg = "the passage has no text once normalised; nothing to fingerprint"
        raise ValueError(msg)
    return of_normalised(norm)
