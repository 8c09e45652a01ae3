"""The ``pakru`` command: output formats, lookups, clean errors, and the curation tools."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import pakru
from pakru.cli import main
from pakru.corpus import Corpus

TASHKENT_EVENTS = ("1966-01-04-tashkent-conference", "1966-01-10-tashkent-declaration")
TASHKENT = "1966-01-10-tashkent-declaration"


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def expected_ids() -> list[str]:
    return list(pakru.events(between=("1965", "1972"), actor="ussr").ids)


# -- events ---------------------------------------------------------------------------------


def test_module_events_table(run_python: Any) -> None:
    result = run_python(
        "-m", "pakru", "events", "--between", "1965", "1972", "--actor", "ussr", "--wide"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["DATE", "ID"]
    for event_id in TASHKENT_EVENTS:
        assert event_id in result.stdout
    rows = [line for line in lines[1:] if line and not line.startswith("(")]
    # Dates read as words ("10 Jan 1966"); the id is the first token of the id column.
    start = lines[0].index("ID")
    assert [row[start:].split()[0] for row in rows] == expected_ids()
    assert lines[-1] == f"({len(expected_ids())} rows)"


def test_events_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run_main(
        capsys, "events", "--between", "1965", "1972", "--actor", "ussr", "--format", "json"
    )
    assert (status, err) == (0, "")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == expected_ids()
    for row in rows:
        assert {
            "id",
            "date",
            "earliest",
            "latest",
            "title",
            "summary",
            "type",
            "participants",
            "evidence",
        } <= set(row)
        event = pakru.event(row["id"])
        assert row["date"] == event.date.edtf
        for key, day in (("earliest", event.date.earliest), ("latest", event.date.latest)):
            assert row[key] == (None if day is None else day.isoformat())
        assert row["title"] == event.title
        assert row["summary"] == event.summary
        assert row["type"] == event.type
        assert row["participants"] == [
            {"actor": p.actor, "role": p.role} for p in event.participants
        ]
        assert row["evidence"] == [
            {
                "source": e.source,
                "paragraph": e.paragraph,
                "start": e.start,
                "end": e.end,
                "sha256": e.sha256,
                "fingerprint": None if e.fingerprint is None else attrs.asdict(e.fingerprint),
            }
            for e in event.evidence
        ]
    tashkent = next(r for r in rows if r["id"] == TASHKENT)
    assert {"actor": "ussr", "role": "mediator"} in tashkent["participants"]


def test_events_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(
        capsys, "events", "--between", "1965", "1972", "--actor", "ussr", "--format", "jsonl"
    )
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == expected_ids()
    assert all(isinstance(r["participants"], list) for r in rows)


def test_events_csv(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(
        capsys, "events", "--between", "1965", "1972", "--actor", "ussr", "--format", "csv"
    )
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == expected_ids()
    tashkent = next(r for r in rows if r["id"] == TASHKENT)
    assert tashkent["date"] == "1966-01-10"
    assert tashkent["earliest"] == tashkent["latest"] == "1966-01-10"
    assert "ussr" in tashkent["participants"]


def test_events_filters_match_the_api(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(
        capsys,
        "events",
        "--between",
        "1979",
        "1989",
        "--within",
        "--actor",
        "ussr",
        "--actor",
        "pakistan",
        "--all-actors",
        "--format",
        "json",
    )
    assert status == 0
    expected = pakru.events(
        between=("1979", "1989"), date_match="within", actor=["ussr", "pakistan"], all_actors=True
    ).ids
    assert tuple(r["id"] for r in json.loads(out)) == expected
    status, out, _ = run_main(
        capsys, "events", "--actor", "russia", "--follow-succession", "--format", "json"
    )
    assert status == 0
    assert (
        tuple(r["id"] for r in json.loads(out))
        == pakru.events(actor="russia", follow_succession=True).ids
    )
    status, out, _ = run_main(
        capsys, "events", "--between", "..", "1970", "--type", "agreement", "--format", "json"
    )
    assert status == 0
    assert (
        tuple(r["id"] for r in json.loads(out))
        == pakru.events(between=(None, 1970), type="agreement").ids
    )


# -- sources, actors, show, info -------------------------------------------------------------


def test_sources_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "sources", "--format", "json")
    assert status == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [s.id for s in pakru.sources()]
    for row in rows:
        assert {"id", "title", "url", "issued", "document", "sha256"} <= set(row)
        source = pakru.source(row["id"])
        assert row["document"] == source.document
        assert row["sha256"] == source.sha256
        assert row["issued"] == (None if source.issued is None else source.issued.edtf)


def test_sources_csv_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "sources", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(pakru.sources())
    status, out, _ = run_main(capsys, "sources")
    assert status == 0
    assert out.splitlines()[0].split()[0] == "ID"


def test_actors_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "actors", "--format", "json")
    assert status == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [a.id for a in pakru.actors()]
    for row in rows:
        assert {"id", "name", "kind", "aliases"} <= set(row)
        assert row["aliases"] == list(pakru.actor(row["id"]).aliases)
    status, out, _ = run_main(capsys, "actors", "--kind", "person", "--format", "json")
    assert status == 0
    assert {r["kind"] for r in json.loads(out)} == {"person"}


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_show_event(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    status, out, _ = run_main(capsys, "show", TASHKENT, "--format", fmt)
    assert status == 0
    event = pakru.event(TASHKENT)
    if fmt == "json":
        (row,) = json.loads(out)
        assert row["id"] == TASHKENT
        assert row["title"] == event.title
        assert row["evidence"][0]["sha256"] == event.evidence[0].sha256
    else:
        assert event.title in out
        assert "1966-01-10" in out


def test_show_actor_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "show", "ussr", "--format", "json")
    assert status == 0
    (row,) = json.loads(out)
    assert row["id"] == "ussr"
    assert row["successor"] == "russia"
    source = pakru.event(TASHKENT).evidence[0].source
    status, out, _ = run_main(capsys, "show", source, "--format", "json")
    assert status == 0
    (row,) = json.loads(out)
    assert row["id"] == source
    assert row["sha256"] == pakru.source(source).sha256
    status, out, _ = run_main(capsys, "show", source)
    assert status == 0
    assert pakru.source(source).sha256 in out


def test_info(capsys: pytest.CaptureFixture[str], run_python: Any) -> None:
    result = run_python("-m", "pakru", "info")
    assert result.returncode == 0, result.stderr
    assert pakru.DATA_VERSION in result.stdout
    assert pakru.dataset().digest in result.stdout
    status, out, _ = run_main(capsys, "info", "--format", "json")
    assert status == 0
    (row,) = json.loads(out)
    data = pakru.dataset()
    assert row["package_version"] == pakru.__version__
    assert row["data_version"] == pakru.DATA_VERSION
    assert row["events"] == len(data)
    assert row["digest"] == data.digest
    assert row["license"] == "CC-BY-4.0"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "--version")
    assert status == 0
    assert pakru.__version__ in out
    assert pakru.DATA_VERSION in out


# -- bad input ------------------------------------------------------------------------------

BAD_INPUT = [
    ["events", "--actor", "usrr"],
    ["events", "--between", "1972", "1965"],
    ["events", "--between", "1965-13", "1970"],
    ["events", "--between", "1965"],
    ["events", "--bogus"],
    ["events", "--format", "xml"],
    ["events", "--type", "no-such-type"],
    ["show", "no-such-id"],
    ["actors", "--kind", "planet"],
    ["frobnicate"],
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=" ".join)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    status, out, err = run_main(capsys, *args)
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.endswith("\n")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["events", "--actor", "usrr"], "ussr"),
        (["events", "--between", "1972", "1965"], "1972"),
        (["events", "--between", "1965-13", "1970"], "1965-13"),
        (["events", "--bogus"], "--bogus"),
    ],
    ids=["unknown actor", "reversed", "bad date", "unknown option"],
)
def test_bad_input_in_a_child_process(run_python: Any, args: list[str], says: str) -> None:
    result = run_python("-m", "pakru", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert says in result.stderr


# -- corpus tools ---------------------------------------------------------------------------


def test_verify_against_the_corpus(run_python: Any, corpus_dir: Path) -> None:
    result = run_python("-m", "pakru", "verify", "--corpus", str(corpus_dir), timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok")


def test_verify_without_a_corpus_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_main(capsys, "verify", "--corpus", "/no/such/folder/anywhere")
    assert status == 2
    assert len(err.splitlines()) == 1


def _unique_passages(corpus: Corpus) -> list[tuple[pakru.Evidence, str]]:
    found = []
    texts: dict[str, str] = {}
    for event in pakru.dataset():
        for ev in event.evidence:
            document = pakru.source(ev.source).document
            if document not in texts:
                texts[document] = corpus.text(document)
            passage = texts[document][ev.start : ev.end]
            if texts[document].count(passage) == 1:
                found.append((ev, passage))
    return found


def test_locate_reproduces_evidence_locators(corpus_dir: Path) -> None:
    from pakru.corpus import locate  # noqa: PLC0415

    corpus = Corpus(corpus_dir)
    passages = _unique_passages(corpus)
    assert passages, "some evidence passage occurs once in its document"
    for ev, passage in passages:
        loc = locate(corpus.text(pakru.source(ev.source).document), passage)
        assert (loc.paragraph, loc.start, loc.end, loc.sha256) == (
            ev.paragraph,
            ev.start,
            ev.end,
            ev.sha256,
        )


def test_locate_command_prints_an_evidence_entry(
    capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    corpus = Corpus(corpus_dir)
    ev, passage = next(
        (ev, p) for ev, p in _unique_passages(Corpus(corpus_dir)) if not p.startswith("-")
    )
    document = pakru.source(ev.source).document
    assert corpus.text(document)[ev.start : ev.end] == passage
    status, out, err = run_main(capsys, "locate", document, passage, "--corpus", str(corpus_dir))
    assert status == 0, err
    (entry,) = yaml.safe_load(out)
    assert entry == {
        "source": document,
        "paragraph": ev.paragraph,
        "start": ev.start,
        "end": ev.end,
        "sha256": ev.sha256,
    }
    assert re.fullmatch(r"- \{source: .*\}\n", out)


def test_export_of_a_possible_query_writes_the_matches(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ("export", "--between", "1965", "1972", "--actor", "ussr", "--format", "csv")
    status, _, _ = run_main(capsys, *args, "--out", str(tmp_path / "certain"))
    assert status == 0
    assert not (tmp_path / "certain" / "matches.csv").exists()
    status, out, _ = run_main(capsys, *args, "--possible", "--out", str(tmp_path / "possible"))
    assert status == 0
    assert str(tmp_path / "possible" / "matches.csv") in out
    with (tmp_path / "possible" / "matches.csv").open(encoding="utf-8", newline="") as fh:
        marks = {r["event"]: r["match"] for r in csv.DictReader(fh)}
    found = pakru.events(between=("1965", "1972"), actor="ussr", date_match="possible")
    assert marks == dict(zip(found.ids, found.matches, strict=True))
    assert "possible" in marks.values()
