"""The support check: each fact of a title, summary or place stands in a cited passage."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import pakru
from pakru.corpus import Corpus
from pakru.support import facts, support

TEXT = (
    "Header line\n"
    "\n"
    "On 4 March 1970 the foreign minister of Alpha arrived for three days of talks with Beta.\n"
    "The delegation later toured the port of Karachi, officials said.\n"
)
PAR3 = TEXT.index("On 4 March")
PAR4 = TEXT.index("The delegation")


def _span(start: int, phrase_end: str) -> dict[str, Any]:
    end = TEXT.index(phrase_end) + len(phrase_end)
    paragraph = 2 if start == PAR3 else 3
    digest = hashlib.sha256(TEXT[start:end].encode()).hexdigest()
    return {"source": "doc", "paragraph": paragraph, "start": start, "end": end, "sha256": digest}


def _dataset(tmp_path: Path, event: dict[str, Any], *more: dict[str, Any]) -> pakru.Dataset:
    corpus = tmp_path / "corpus" / "web"
    corpus.mkdir(parents=True)
    (corpus / "doc.txt").write_text(TEXT, encoding="utf-8", newline="")
    data = tmp_path / "data"
    (data / "events").mkdir(parents=True)
    actors = [
        {"id": "alpha", "name": "Republic of Alpha", "kind": "state", "aliases": ["Alpha"]},
        {"id": "beta", "name": "Kingdom of Beta", "kind": "state", "aliases": ["Beta"]},
    ]
    source = {
        "id": "doc",
        "document": "doc",
        "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "length": len(TEXT),
        "paragraphs": 3,
        "kind": "news-report",
        "title": "Talks report",
    }
    (data / "actors.yaml").write_text(yaml.safe_dump(actors), encoding="utf-8")
    (data / "sources.yaml").write_text(yaml.safe_dump([source]), encoding="utf-8")
    base = {
        "id": "1970-03-04-alpha-beta-talks",
        "date": "1970-03-04",
        "type": "visit",
        "participants": [{"actor": "alpha", "role": "visitor"}, {"actor": "beta", "role": "host"}],
        "evidence": [_span(PAR3, "talks with Beta.")],
    }
    records = [{**base, **e} for e in (event, *more)]
    (data / "events" / "e.yaml").write_text(yaml.safe_dump(records), "utf-8")
    return pakru.load(data)


def _corpus(tmp_path: Path) -> Corpus:
    return Corpus(tmp_path / "corpus")


def test_facts_finds_names_numbers_and_months() -> None:
    found = set(
        facts("Alpha's minister met Beta in Karachi on 4 March; the two sides signed three deals.")
    )
    assert {("name", "alpha"), ("name", "beta"), ("name", "karachi")} <= found
    assert {("number", "4"), ("month", "march"), ("number", "three")} <= found
    assert ("number", "two") not in found  # "the two sides" counts the parties
    assert not {f for f in found if f[1] in ("the", "on")}


@pytest.mark.parametrize(
    ("stated", "passage"),
    [
        ("talks on 5 May", "talks on May 05"),
        ("a deal worth 153 million", "a USD153 million deal"),
        ("the 1965–1967 plan", "the 1965-67 plan"),
        ("the Shanghai Cooperation Organisation", "the Shanghai Cooperation Organization"),
        ("the Arabian Monsoon exercise", "the 'Arabian Monsoon' exercise"),
    ],
)
def test_a_fact_written_another_way_is_carried(stated: str, passage: str) -> None:
    from pakru.support import _carried, _fold, _words  # noqa: PLC0415

    folded = _fold(passage)
    words = _words(passage)
    missing = [f for f in facts(stated) if not _carried(*f, words, folded)]
    assert not missing


def test_a_supported_event_has_no_finding(tmp_path: Path) -> None:
    data = _dataset(
        tmp_path,
        {
            "title": "Alpha minister visits Beta",
            "summary": "Alpha's foreign minister held three days of talks in Beta.",
        },
    )
    assert support(data, _corpus(tmp_path)) == []


def test_a_name_beside_the_cited_span_is_a_finding(tmp_path: Path) -> None:
    data = _dataset(
        tmp_path,
        {
            "title": "Alpha minister visits Beta",
            "summary": "The minister also toured Karachi.",
            "place": "Karachi",
        },
    )
    found = {(f.field, f.fact) for f in support(data, _corpus(tmp_path))}
    assert found == {("summary", "karachi"), ("place", "karachi")}


def test_citing_the_passage_resolves_the_finding(tmp_path: Path) -> None:
    data = _dataset(
        tmp_path,
        {
            "title": "Alpha minister visits Beta",
            "summary": "The minister also toured Karachi.",
            "evidence": [_span(PAR3, "talks with Beta."), _span(PAR4, "Karachi")],
        },
    )
    assert support(data, _corpus(tmp_path)) == []


def test_a_number_and_a_date_not_in_the_passage_are_findings(tmp_path: Path) -> None:
    data = _dataset(
        tmp_path,
        {
            "id": "1970-03-05-alpha-beta-talks",
            "date": "1970-03-05",
            "title": "Alpha minister visits Beta",
            "summary": "Alpha's foreign minister held five days of talks in Beta.",
        },
    )
    found = {(f.field, f.kind, f.fact) for f in support(data, _corpus(tmp_path))}
    assert found == {("summary", "number", "five"), ("date", "day", "5")}


def test_a_recorded_inference_answers_a_finding(tmp_path: Path) -> None:
    inference = {"fact": "Karachi", "source": "doc", "paragraph": 2, "reason": "made up for a test"}
    data = _dataset(
        tmp_path,
        {
            "title": "Alpha minister visits Beta",
            "summary": "Talks in Karachi.",
            "inferences": [inference],
        },
    )
    assert support(data, _corpus(tmp_path)) == []
    assert data.event("1970-03-04-alpha-beta-talks").inferences[0].paragraph == 2


def test_an_inference_must_rest_on_a_cited_paragraph(tmp_path: Path) -> None:
    inference = {"fact": "Karachi", "source": "doc", "paragraph": 3, "reason": "made up"}
    with pytest.raises(pakru.DataError) as info:
        _dataset(
            tmp_path, {"title": "Talks", "summary": "Talks in Karachi.", "inferences": [inference]}
        )
    assert any("inferences[0]" in p.field for p in info.value.problems)


def test_a_first_since_contradicted_by_an_earlier_event_is_a_finding(tmp_path: Path) -> None:
    earlier = {
        "id": "1965-alpha-minister-in-beta",
        "date": "1965",
        "title": "Alpha minister visits Beta",
        "summary": "Alpha's foreign minister held talks in Beta.",
    }
    claim = {
        "title": "Alpha minister visits Beta",
        "summary": "Alpha's foreign minister held talks in Beta, the first in ten years.",
    }
    data = _dataset(tmp_path, claim, earlier)
    from pakru.support import first_since  # noqa: PLC0415

    (found,) = first_since(data)
    assert (found.event, found.other) == ("1970-03-04-alpha-beta-talks", earlier["id"])
    assert found in support(data, _corpus(tmp_path))
    assert "contradicted" in str(found)


def test_a_first_since_with_no_earlier_event_in_the_window_holds(tmp_path: Path) -> None:
    earlier = {
        "id": "1955-alpha-minister-in-beta",
        "date": "1955",
        "title": "Alpha minister visits Beta",
        "summary": "Alpha's foreign minister held talks in Beta.",
    }
    claim = {
        "title": "Alpha minister visits Beta",
        "summary": "Alpha's foreign minister held talks in Beta, the first since 1955.",
    }
    from pakru.support import first_since  # noqa: PLC0415

    assert first_since(_dataset(tmp_path, claim, earlier)) == []


def test_cli_support_exits_1_with_findings_and_0_without(tmp_path: Path) -> None:
    _dataset(tmp_path, {"title": "Talks", "summary": "The minister toured Karachi."})
    run = [sys.executable, "-m", "pakru", "support", str(tmp_path / "data")]
    corpus = ["--corpus", str(tmp_path / "corpus")]
    bad = subprocess.run([*run, *corpus], capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "karachi" in bad.stdout
    assert "1970-03-04-alpha-beta-talks" in bad.stdout
    missing = subprocess.run(run, capture_output=True, text=True, check=False, env={"PATH": ""})
    assert missing.returncode == 2


def test_shipped_data_has_no_unexplained_finding(corpus_dir: Path) -> None:
    findings = support(pakru.dataset(), Corpus(corpus_dir))
    assert not findings, "\n".join(map(str, findings[:40]))


def test_every_paragraph_of_every_source_is_cited_or_skipped_with_a_reason() -> None:
    # A curator read each paragraph of the corpus: it attests a development (cited) or
    # says why it holds none (skipped, with a reason from pakru.SKIP_REASONS).
    from pakru.corpus import coverage  # noqa: PLC0415

    report = {c.source: c for c in coverage(pakru.dataset())}
    assert set(report) == {s.id for s in pakru.sources()}
    seeds = [s.id for s in pakru.sources() if s.id[:3].isdigit()]
    assert len(seeds) == 5
    left = {s: c.uncited for s, c in report.items() if c.uncited}
    assert not left, f"paragraphs neither cited nor skipped: {left}"
    reasons = {k.reason for s in pakru.sources() for k in s.skipped}
    assert reasons <= set(pakru.SKIP_REASONS)


def test_no_skipped_paragraph_is_cited() -> None:
    from pakru.corpus import coverage  # noqa: PLC0415

    stale = {c.source: c.stale for c in coverage(pakru.dataset()) if c.stale}
    assert not stale, f"skipped paragraphs that events cite: {stale}"
