"""Passage fingerprints in the data: the shipped file, user data with and without them,
the exports that carry them, and the commands that use them (anchor, show in context)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from copies import as_html
from samples import write_folder

import pakru
from pakru.cli import main
from pakru.fingerprint import fingerprint
from pakru.loader.fingerprints import read_fingerprints, render_fingerprints
from pakru.rules import FINGERPRINTS

TASHKENT = "1966-01-10-tashkent-declaration"
GSE = "w-gse-tashkent-declaration-1966"


def test_every_shipped_passage_has_a_fingerprint_and_the_file_no_stale_entry() -> None:
    from pakru.loader import package_data as _package_data  # noqa: PLC0415

    data = pakru.dataset()
    digests = {ev.sha256 for e in data for ev in e.evidence}
    assert all(ev.fingerprint is not None for e in data for ev in e.evidence)
    raw = _package_data().joinpath(FINGERPRINTS).read_bytes()
    table = read_fingerprints(raw, FINGERPRINTS)
    assert set(table) == digests
    assert render_fingerprints(table).encode("utf-8") == raw


def test_user_data_without_fingerprints_loads(tmp_path: Path) -> None:
    data = pakru.load(write_folder(tmp_path / "mine"))
    assert all(ev.fingerprint is None for e in data for ev in e.evidence)


def test_a_user_folder_may_carry_a_fingerprint_file(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "mine")
    plain = pakru.load(root)
    ev = plain.events()[0].evidence[0]
    made = fingerprint("any passage text at all")
    (root / FINGERPRINTS).write_text(render_fingerprints({ev.sha256: made}), encoding="utf-8")
    again = pakru.load(root)
    assert again.events()[0].evidence[0].fingerprint == made


def test_a_broken_fingerprint_file_is_reported_with_its_line(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "mine")
    ev = pakru.load(root).events()[0].evidence[0]
    (root / FINGERPRINTS).write_text(
        '{\n "format": 1,\n "fingerprints": {\n'
        f'  "{ev.sha256}": {{"sha256": "x", "length": 0, "words": 1, "head": "0", "tail": "0"}}'
        "\n }\n}\n",
        encoding="utf-8",
    )
    with pytest.raises(pakru.DataError) as info:
        pakru.load(root)
    problems = info.value.problems
    assert {p.line for p in problems} == {4}
    assert all(p.file.endswith(FINGERPRINTS) for p in problems)
    assert {p.field.rsplit(".", 1)[-1] for p in problems} >= {"sha256", "length", "head"}


def test_an_inline_fingerprint_is_validated(tmp_path: Path) -> None:
    data = pakru.dataset()
    pakru.export(data.events(source=GSE), "json", tmp_path)
    doc = json.loads((tmp_path / "pakru.json").read_text(encoding="utf-8"))
    doc["events"][0]["evidence"][0]["fingerprint"]["words"] = "many"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(pakru.DataError, match="words"):
        pakru.load(bad)


def test_the_csv_evidence_table_carries_the_fingerprint(tmp_path: Path) -> None:
    pakru.export(None, "csv", tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "evidence.csv").read_text("utf-8"))))
    first = pakru.event(rows[0]["event"]).evidence[int(rows[0]["position"]) - 1]
    assert first.fingerprint is not None
    assert json.loads(rows[0]["fingerprint"]) == {
        "sha256": first.fingerprint.sha256,
        "length": first.fingerprint.length,
        "words": first.fingerprint.words,
        "head": first.fingerprint.head,
        "tail": first.fingerprint.tail,
    }


# -- the commands ----------------------------------------------------------------------------


def test_pakru_anchor_reports_each_passage_of_a_saved_page(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (corpus_dir / "web" / f"{GSE}.txt").read_text(encoding="utf-8")
    page = tmp_path / "saved.html"
    page.write_text(as_html(text), encoding="utf-8")
    assert main(["anchor", GSE, str(page), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    cited = [(e.id, i + 1) for e in pakru.events(source=GSE) for i, ev in enumerate(e.evidence)]
    cited = [c for c in cited if pakru.event(c[0]).evidence[c[1] - 1].source == GSE]
    assert sorted((r["event"], r["evidence"]) for r in rows) == sorted(cited)
    assert {r["verdict"] for r in rows} <= {"exact", "normalised"}
    # A page of another article holds none of them: exit status 1.
    other = tmp_path / "other.html"
    other.write_text("<p>Nothing of the kind is said here.</p>", encoding="utf-8")
    assert main(["anchor", GSE, str(other)]) == 1
    assert "not-found" in capsys.readouterr().out


def test_pakru_show_prints_passages_in_their_paragraphs(
    corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", TASHKENT, "--corpus", str(corpus_dir), "--width", "72"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 72
    event = pakru.event(TASHKENT)
    assert out.count("digest ok") == len(event.evidence)
    assert out.count("[[") == len(event.evidence)


def test_show_gives_disputes_beside_their_passages_and_escaped_html(corpus_dir: Path) -> None:
    disputed = next(e for e in pakru.dataset() if e.disputes)
    view = pakru.in_context(disputed.id, corpus=corpus_dir)
    text = str(view)
    for claim in disputed.disputes[0].claims:
        assert f"{claim.status}: " in text
    page = view._repr_html_()
    assert page.count("<mark>") >= len(disputed.evidence)
    assert "<script" not in page
    for p in view.passages:
        assert "<" not in p.passage or "&lt;" in page


def test_show_with_a_copy_finds_the_passages_of_its_source(
    corpus_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (corpus_dir / "web" / f"{GSE}.txt").read_text(encoding="utf-8")
    page = tmp_path / "saved.html"
    page.write_text(as_html(text), encoding="utf-8")
    assert main(["show", TASHKENT, "--copy", str(page)]) == 0
    out = capsys.readouterr().out
    mine = [ev for ev in pakru.event(TASHKENT).evidence if ev.source == GSE]
    assert out.count("[[") == len(mine)
    assert "w-wikipedia-tashkent-declaration" not in out


def test_in_context_needs_a_corpus_or_a_copy_and_an_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(pakru.QueryError, match="either"):
        pakru.in_context(TASHKENT)
    with pytest.raises(pakru.QueryError, match="either"):
        pakru.in_context(TASHKENT, corpus=tmp_path, copy=tmp_path / "x.html")
    with pytest.raises(pakru.UnknownIdError):
        pakru.in_context("1966-01-10-no-such-event", corpus=tmp_path)
    assert main(["show", GSE, "--corpus", str(tmp_path)]) == 2
    assert "not an event" in capsys.readouterr().err


def test_a_copy_saved_as_utf16_is_read(tmp_path: Path) -> None:
    from pakru.anchoring import read_copy  # noqa: PLC0415

    page = tmp_path / "page.html"
    page.write_bytes("<p>Tashkent \u2014 1966</p>".encode("utf-16"))
    assert read_copy(page).text.strip() == "Tashkent \u2014 1966"


def test_verify_reports_a_fingerprint_that_does_not_match(corpus_dir: Path) -> None:
    import attrs  # noqa: PLC0415

    from pakru.corpus import Corpus, verify  # noqa: PLC0415

    data = pakru.dataset()
    event = data.event(TASHKENT)
    first = event.evidence[0]
    wrong = attrs.evolve(first, fingerprint=fingerprint("words that are not the passage"))
    changed = attrs.evolve(event, evidence=(wrong, *event.evidence[1:]))
    bad = pakru.Dataset(
        events=[changed],
        actors=list(data.actors()),
        sources=list(data.sources()),
        data_version=data.data_version,
        digest=data.digest,
        license=data.license,
        label="changed",
    )
    found = verify(bad, Corpus(corpus_dir))
    assert [m.where for m in found] == [f"event {TASHKENT} evidence[0]"]
    assert "fingerprint" in found[0].message
