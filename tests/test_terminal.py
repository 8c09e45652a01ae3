"""The command line for people: tables fit the terminal, dates read, records show as blocks."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pakru
from pakru.cli import main
from pakru.dates import EDTFDate
from pakru.terminal import fit_table, short_date

TABLES = [
    ["events"],
    ["events", "--between", "1965", "1972", "--actor", "ussr"],
    ["events", "--between", "1965", "1972", "--possible"],
    ["actors"],
    ["sources"],
    ["changes", "0.2.0"],
    ["show", "1966-01-10-tashkent-declaration"],
    ["show", "1948-05-01-pakistan-ussr-diplomatic-relations"],
    ["show", "w-gse-tashkent-declaration-1966"],
    ["show", "ussr"],
]


@pytest.mark.parametrize("argv", TABLES, ids=" ".join)
@pytest.mark.parametrize("columns", [80, 60])
def test_no_table_line_exceeds_the_terminal(
    argv: list[str],
    columns: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.strip()
    too_long = [line for line in out.splitlines() if len(line) > columns]
    assert not too_long, too_long[:3]


@pytest.mark.parametrize("columns", [80, 40])
def test_info_fits_and_keeps_the_digest_whole(
    columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["info"]) == 0
    lines = capsys.readouterr().out.splitlines()
    digest = pakru.dataset().digest
    assert any(line.strip() == digest or line.endswith(f"  {digest}") for line in lines)
    # Only the digest itself may pass the width: a hash is never split across lines.
    assert [line for line in lines if len(line) > columns] in ([], [f"  {digest}"])


def test_wide_keeps_one_line_per_event(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["events", "--actor", "ussr", "--wide"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(pakru.events(actor="ussr")) + 2  # header and count
    assert max(len(line) for line in lines) > 80


def test_the_table_shows_readable_dates_and_json_keeps_edtf(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    argv = ["events", "--between", "1968", "1968", "--actor", "ussr"]
    assert main(argv) == 0
    table = capsys.readouterr().out
    assert "summer 1968" in table
    assert "1968-22" not in table
    assert main([*argv, "--format", "json"]) == 0
    assert "1968-22" in {r["date"] for r in json.loads(capsys.readouterr().out)}


def test_show_hides_empty_fields_and_reads_disputes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["show", "1948-05-01-pakistan-ussr-diplomatic-relations"]) == 0
    out = capsys.readouterr().out
    assert "{" not in out  # no raw JSON
    assert "rejected" in out
    assert "accepted" in out
    assert "why:" in out
    assert main(["show", "1966-01-10-tashkent-declaration"]) == 0
    out = capsys.readouterr().out
    keys = {line.split()[0] for line in out.splitlines() if line and not line.startswith(" ")}
    assert "disputes" not in keys  # empty there
    assert "date_wording" not in keys
    assert "ussr (mediator)" in out


def test_show_lists_passages_by_source_in_text_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    event = pakru.event("1966-01-10-tashkent-declaration")
    assert main(["show", event.id]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("evidence"))
    shown = [line[len("evidence") :].split() for line in lines[start : start + len(event.evidence)]]
    order = list(dict.fromkeys(ev.source for ev in event.evidence))
    passages = [(order.index(words[0]), int(words[2].strip("[").split(":")[0])) for words in shown]
    assert passages == sorted(passages)
    assert sorted(passages) != [
        (order.index(ev.source), ev.start) for ev in event.evidence
    ]  # the record itself lists them in another order


@pytest.mark.parametrize(
    ("edtf", "reads"),
    [
        ("1968-22", "summer 1968"),
        ("195X/..", "1950s on"),
        ("1954/", "1954 to ?"),
        ("/1954", "? to 1954"),
        ("../1954", "until 1954"),
        ("2022-09-27?", "27 Sep 2022?"),
        ("1947~", "c. 1947"),
        ("1966-01-04/1966-01-10", "4–10 Jan 1966"),
        ("1947/1991-12", "1947 to Dec 1991"),
    ],
)
def test_short_dates(edtf: str, reads: str) -> None:
    assert short_date(EDTFDate(edtf)) == reads


cell = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=70)


@given(st.lists(st.lists(cell, min_size=3, max_size=3), max_size=5), st.integers(30, 120))
def test_fit_table_never_exceeds_the_width(rows: list[list[str]], width: int) -> None:
    for line in fit_table(("date", "id", "title"), rows, width):
        assert len(line) <= width
