"""Re-anchoring: every cited passage is found again in other copies of its source.

The corpus tests build, for every document, the copies of ``tests/copies.py`` (a saved web
page, a reflowed text, quotes and dashes exchanged, NFKD) and check that every passage
the data cites is found in each, at a place that holds its words; that passages are not
found in another document's copy unless that document holds the same words; and that a
passage with one word changed is not found.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from copies import TRANSFORMATIONS, as_html, reflowed
from hypothesis import given
from hypothesis import strategies as st

import pakru
from pakru.anchoring import (
    Anchor,
    anchor,
    anchor_text,
    locate_passages,
    read_copy,
    read_html,
    read_text,
)
from pakru.corpus import Corpus, digest
from pakru.fingerprint import fingerprint, normalise, normalise_mapped

# -- the normaliser --------------------------------------------------------------------------

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
words = st.lists(
    st.text(st.characters(exclude_categories=("Cs", "Z", "Cc", "Cf", "Mn", "Me")), min_size=1),
    min_size=1,
    max_size=8,
)
spacing = st.text(st.sampled_from(" \t\n\r\u00a0\u2003\u3000"), min_size=1, max_size=3)


@given(text)
def test_normalising_twice_changes_nothing(s: str) -> None:
    assert normalise(normalise(s)) == normalise(s)


@given(text)
def test_normal_form_has_single_spaces_and_no_other_white_space(s: str) -> None:
    norm = normalise(s)
    assert norm == norm.strip(" ")
    assert "  " not in norm
    assert all(ch == " " or not ch.isspace() for ch in norm)


@given(text, st.sampled_from(("NFC", "NFD", "NFKC", "NFKD")))
def test_unicode_form_does_not_matter(s: str, form: str) -> None:
    assert normalise(unicodedata.normalize(form, s)) == normalise(s)


@given(words, st.lists(spacing, min_size=8, max_size=8))
def test_line_breaks_and_spacing_do_not_matter(ws: list[str], gaps: list[str]) -> None:
    reflowed = "".join(w + g for w, g in zip(ws, gaps, strict=False))
    assert normalise(reflowed) == normalise(" ".join(ws))


@given(st.text(st.sampled_from("ab \"'\u2018\u2019\u201c\u201d-\u2013\u2014"), max_size=40))
def test_quotes_and_dashes_are_unified(s: str) -> None:
    straight = (s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"')).replace(
        "\u201d", '"'
    )
    dashed = straight.replace("\u2014", "-").replace("\u2013", "-")
    assert normalise(s) == normalise(dashed)


@given(st.text(st.characters(codec="ascii"), max_size=40))
def test_case_does_not_matter(s: str) -> None:
    assert normalise(s.upper()) == normalise(s.lower()) == normalise(s)


@given(text)
def test_every_normal_character_points_back_into_the_text(s: str) -> None:
    norm, starts, ends = normalise_mapped(s)
    assert len(norm) == len(starts) == len(ends)
    assert starts == sorted(starts)
    assert all(0 <= a <= b <= len(s) for a, b in zip(starts, ends, strict=True))


@given(text, words, text)
def test_a_passage_is_found_in_the_normal_form_of_its_text(
    before: str, passage: list[str], after: str
) -> None:
    p = " ".join(passage)
    whole = f"{before} {p} {after}"
    norm, starts, ends = normalise_mapped(whole)
    target = normalise(p)
    if not target:
        return
    at = norm.find(target, len(normalise(before)))
    assert at >= 0
    span = whole[starts[at] : ends[at + len(target) - 1]]
    assert normalise(span) == target


plain_words = st.lists(
    st.text(st.sampled_from("abcdefghij,.;'\"\u2019-\u2014()0123456789"), min_size=1, max_size=6),
    min_size=1,
    max_size=30,
)


@given(plain_words, st.data())
def test_a_passage_is_found_again_in_any_respacing_and_recasing(
    ws: list[str], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(ws) - 1))
    j = data.draw(st.integers(i + 1, len(ws)))
    passage = " ".join(ws[i:j])
    ev = pakru.Evidence("s", 1, 0, len(passage), digest(passage), fingerprint(passage))
    gaps = data.draw(st.lists(spacing, min_size=len(ws), max_size=len(ws)))
    copy = "".join(
        w + g
        for w, g in zip([w.upper() if k % 2 else w for k, w in enumerate(ws)], gaps, strict=True)
    )
    (found,) = locate_passages(read_text("\n" + copy), [("e", 0, ev)])
    assert found.found
    assert found.text_start is not None
    assert found.text_end is not None
    assert normalise(("\n" + copy)[found.text_start : found.text_end]) == normalise(passage)
    # With one character of the passage changed, it is not found where it was.
    k = data.draw(st.integers(i, j - 1))
    changed = [*ws]
    changed[k] = "z" + changed[k][1:] if changed[k][0] != "z" else "y" + changed[k][1:]
    other = " ".join(changed)
    (lost,) = locate_passages(read_text(other), [("e", 0, ev)])
    if lost.found:  # only where the same words stand elsewhere in the text
        assert lost.text_start is not None
        assert lost.text_end is not None
        assert normalise(other[lost.text_start : lost.text_end]) == normalise(passage)


def test_a_fingerprint_holds_no_text_and_differs_when_a_word_does() -> None:
    one = fingerprint("The Tashkent Declaration was signed on 10 January 1966.")
    two = fingerprint("The Tashkent Declaration was signed on 11 January 1966.")
    assert one.sha256 != two.sha256
    assert one.head == two.head  # the first four words agree
    assert one.tail != two.tail
    assert "tashkent" not in repr(one).lower()
    assert fingerprint("“The  Tashkent\nDeclaration”") == fingerprint('"the tashkent declaration"')
    with pytest.raises(ValueError, match="no text"):
        fingerprint(" \u200b ")


# -- the HTML reader -------------------------------------------------------------------------


def test_html_text_keeps_where_each_character_came_from() -> None:
    raw = (
        "<html><head><script>var x = '<p>no</p>';</script></head><body>"
        "<p>Ayub&nbsp;Khan &amp; <b>Kosygin</b> met&#8212;at &#x54;ashkent</p><p>Next</p>"
        "</body></html>"
    )
    copy = read_html(raw)
    assert "no" not in copy.text
    assert "Ayub\u00a0Khan & Kosygin met\u2014at Tashkent\n" in copy.text
    at = copy.text.index("&")
    assert raw[copy.starts[at] : copy.ends[at]] == "&amp;"
    at = copy.text.index("K", copy.text.index("&"))
    assert raw[copy.starts[at] : copy.ends[at]] == "K"
    at = copy.text.index("T")
    assert raw[copy.starts[at] : copy.ends[at]] == "&#x54;"


def test_a_copy_file_is_read_as_html_or_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>a &amp; b</p>", encoding="utf-8")
    assert read_copy(page).text.strip() == "a & b"
    plain = tmp_path / "page.txt"
    plain.write_text("<p>a &amp; b</p>", encoding="utf-8")
    assert read_copy(plain).text == "<p>a &amp; b</p>"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(pakru.PakruError, match="UTF-8"):
        read_copy(bad)


# -- the whole corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def texts(corpus_dir: Path) -> dict[str, str]:
    corpus = Corpus(corpus_dir)
    return {s.id: corpus.text(s.document) for s in pakru.sources()}


def _cited(source: str) -> Iterator[pakru.Evidence]:
    for event in pakru.dataset():
        yield from (ev for ev in event.evidence if ev.source == source)


def test_every_passage_has_its_fingerprint(texts: dict[str, str]) -> None:
    for event in pakru.dataset():
        for ev in event.evidence:
            assert ev.fingerprint == fingerprint(texts[ev.source][ev.start : ev.end]), event.id


def test_the_corpus_text_itself_anchors_exactly(texts: dict[str, str]) -> None:
    for source, text in texts.items():
        for a in anchor_text(source, text):
            assert (a.verdict, a.start, a.end) == ("exact", a.evidence.start, a.evidence.end)


def _check_found(a: Anchor, copy_text: str, copy_raw: str, passage: str) -> None:
    where = f"{a.event} evidence[{a.index}] ({a.verdict}, hint: {a.hint})"
    assert a.found, where
    assert a.start is not None, where
    assert a.end is not None, where
    assert a.text_start is not None, where
    assert a.text_end is not None, where
    # The place reported holds the passage's words: checked here without the fingerprint.
    assert normalise(copy_text[a.text_start : a.text_end]) == normalise(passage), where
    exact = digest(copy_raw[a.start : a.end]) == a.evidence.sha256
    assert a.verdict == ("exact" if exact else "normalised"), where


@pytest.mark.parametrize("name", sorted(TRANSFORMATIONS))
def test_every_passage_anchors_in_every_copy(name: str, texts: dict[str, str]) -> None:
    transform, is_html = TRANSFORMATIONS[name]
    total = 0
    for source, text in texts.items():
        raw = transform(text)
        copy_text = read_html(raw).text if is_html else raw
        for a in anchor_text(source, raw, html=is_html):
            _check_found(a, copy_text, raw, text[a.evidence.start : a.evidence.end])
            total += 1
    assert total == pakru.dataset().counts["evidence"]


def test_a_saved_page_anchors_from_its_file(texts: dict[str, str], tmp_path: Path) -> None:
    source = "w-elibjp-diplomatic-relations-1948"
    page = tmp_path / "saved.html"
    page.write_text(as_html(texts[source]), encoding="utf-8")
    found = anchor(source, page)
    assert found
    assert all(a.found for a in found)


def _at_a_word_start(passage: str, whole: str) -> bool:
    """True when ``whole`` holds ``passage`` starting at a word (as cited passages do)."""
    at = whole.find(passage)
    while at >= 0:
        if at == 0 or not whole[at - 1].isalnum() or not passage[0].isalnum():
            return True
        at = whole.find(passage, at + 1)
    return False


def test_passages_do_not_anchor_in_another_documents_copy(texts: dict[str, str]) -> None:
    ids = sorted(texts)
    for source, other in zip(ids, ids[1:] + ids[:1], strict=True):
        copy_text = reflowed(texts[other])
        whole = normalise(copy_text)
        for a in anchor_text(source, copy_text):
            passage = normalise(texts[source][a.evidence.start : a.evidence.end])
            if a.found:  # only where that document holds the very same words
                assert passage in whole
                assert a.text_start is not None
                assert a.text_end is not None
                assert normalise(copy_text[a.text_start : a.text_end]) == passage
            else:
                assert a.verdict == "not-found"
                assert not _at_a_word_start(passage, whole)


def _changed(ch: str) -> str:
    if ch.isdigit():
        return "7" if ch != "7" else "3"
    return "q" if ch.lower() != "q" else "z"


def _one_word_changed(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with one letter or digit changed in the middle of every span."""
    chars = list(text)
    for start, end in spans:
        middle = (start + end) // 2
        at = next(
            (i for i in range(middle, end) if chars[i].isascii() and chars[i].isalnum()),
            next(i for i in range(start, end) if chars[i].isascii() and chars[i].isalnum()),
        )
        chars[at] = _changed(chars[at])
    return "".join(chars)


def test_a_passage_with_one_word_changed_is_not_found(texts: dict[str, str]) -> None:
    changed_total = 0
    for source, text in texts.items():
        spans = sorted({(ev.start, ev.end) for ev in _cited(source)})
        if not spans:
            continue
        copy_text = _one_word_changed(text, spans)
        for a in anchor_text(source, copy_text):
            passage = normalise(text[a.evidence.start : a.evidence.end])
            if a.found:  # the same words elsewhere in the document, unchanged
                assert a.text_start is not None
                assert a.text_end is not None
                assert normalise(copy_text[a.text_start : a.text_end]) == passage
            else:
                assert a.verdict == "not-found"
                changed_total += 1
    assert changed_total > 0.95 * pakru.dataset().counts["evidence"]


def test_evidence_without_fingerprints_anchors_only_exactly() -> None:
    data = pakru.dataset()
    event = data.events()[0]
    ev = event.evidence[0]
    bare = pakru.Evidence(ev.source, ev.paragraph, ev.start, ev.end, ev.sha256)
    assert bare.fingerprint is None
    found = anchor_text(ev.source, "a different text entirely", dataset=_with(data, bare))
    assert {a.verdict for a in found} <= {"no-fingerprint", "not-found"}
    assert any(a.verdict == "no-fingerprint" for a in found)


def _with(data: pakru.Dataset, ev: pakru.Evidence) -> pakru.Dataset:
    import attrs  # noqa: PLC0415

    event = attrs.evolve(data.events()[0], evidence=(ev,))
    return pakru.Dataset(
        events=[event],
        actors=list(data.actors()),
        sources=list(data.sources()),
        data_version=data.data_version,
        digest=data.digest,
        license=data.license,
        label="test",
    )


def test_an_unknown_source_is_refused_with_suggestions() -> None:
    with pytest.raises(pakru.UnknownIdError):
        anchor_text("w-elibjp-diplomatic-relations-194", "text")
