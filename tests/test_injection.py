"""Text from data cannot break out of the format it is written in.

Each output format has one escaping function: BibLaTeX and BibTeX (a URL or title
holding ``}`` or ``\\`` stays in its field), RIS (a line break cannot start a record),
CSV (a cell is never a spreadsheet formula, and pakru reads its own export back
unchanged), TimelineJS (HTML is escaped) and the terminal (control characters are shown
escaped). The tests write hostile records and check the structure of what comes out.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samples import records, write_single

import pakru
from pakru.cli import main
from pakru.errors import printable
from pakru.tables import guard_cell, unguard_cell

HOSTILE_URL = "https://example.org/a}\n@misc{evil,note={\\input{/etc/passwd}}}%{"
HOSTILE_TITLE = "Talks}} \\input{/etc/passwd}\nER  - \nTY  - JOUR\n@misc{x,"


def _hostile(tmp_path: Path) -> pakru.Dataset:
    data = records()
    for source in data["sources"]:
        source["url"] = HOSTILE_URL.replace("\n", "")  # a URL holds no space
        source["title"] = HOSTILE_TITLE
    data["events"][0]["title"] = '=HYPERLINK("http://x","click") <b>bold</b><script>x</script>'
    data["events"][1]["title"] = "-2+3 @SUM(A1) 'quoted"
    data["actors"][0]["name"] = "+cmd|' /C calc'!A0"
    return pakru.load(write_single(tmp_path / "hostile.yaml", data))


def _entries(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("@")]


def _balanced(text: str) -> bool:
    depth = 0
    for i, char in enumerate(text):
        escaped = i > 0 and text[i - 1] == "\\"
        if char == "{" and not escaped:
            depth += 1
        elif char == "}" and not escaped:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@pytest.mark.parametrize("style", ["biblatex", "bibtex"])
def test_a_bib_field_cannot_be_left(tmp_path: Path, style: str) -> None:
    data = _hostile(tmp_path)
    text = pakru.cite(data.sources(), style, dataset=data)
    assert len(_entries(text)) == len(data.sources())
    for entry in re.split(r"\n(?=@)", text.strip()):
        assert _balanced(entry)
    for url in re.findall(r"url\s*=\s*\{(.*)\},?$", text, flags=re.MULTILINE):
        assert not set(url) & set("{}\\ \n")
    assert "\\input{" not in text


def test_bibtexparser_reads_one_entry_per_source(tmp_path: Path) -> None:
    bibtexparser = pytest.importorskip("bibtexparser")
    data = _hostile(tmp_path)
    library = bibtexparser.parse_string(pakru.cite(data.sources(), "biblatex", dataset=data))
    assert len(library.entries) == len(data.sources())
    assert {e.key for e in library.entries} == {s.id for s in data.sources()}
    assert not library.failed_blocks


def test_a_line_break_cannot_forge_a_ris_record(tmp_path: Path) -> None:
    data = _hostile(tmp_path)
    text = pakru.cite(data.sources(), "ris", dataset=data)
    lines = text.splitlines()
    assert sum(line.startswith("TY  - ") for line in lines) == len(data.sources())
    assert sum(line.rstrip() == "ER  -" for line in lines) == len(data.sources())
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  -( .*)?", line) for line in lines if line)


def test_rispy_reads_one_record_per_source(tmp_path: Path) -> None:
    rispy = pytest.importorskip("rispy")
    data = _hostile(tmp_path)
    entries = rispy.loads(pakru.cite(data.sources(), "ris", dataset=data))
    assert len(entries) == len(data.sources())


def _cells(folder: Path) -> list[str]:
    cells = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                cells.extend(row)
    return cells


def test_no_csv_cell_is_a_formula_and_the_export_reads_back(tmp_path: Path) -> None:
    data = _hostile(tmp_path)
    out = tmp_path / "out"
    pakru.export(data, "datapackage", out)
    assert not [c for c in _cells(out) if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    back = pakru.load(out)
    assert [e.title for e in back.events()] == [e.title for e in data.events()]
    assert [a.name for a in back.actors()] == [a.name for a in data.actors()]


@given(st.text(max_size=20))
def test_the_formula_guard_reverses_exactly(text: str) -> None:
    guarded = guard_cell(text)
    assert guarded[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert unguard_cell(guarded) == text


def test_timelinejs_texts_carry_no_html(tmp_path: Path) -> None:
    data = _hostile(tmp_path)
    out = tmp_path / "out"
    pakru.export(data, "timelinejs", out)
    doc = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    texts: list[Any] = [doc["title"]["text"]["headline"], doc["title"]["text"]["text"]]
    for slide in doc["events"]:
        texts += [slide["text"]["headline"], slide["text"]["text"], slide.get("display_date", "")]
    for text in texts:
        assert "<script" not in text
        assert "<b>bold" not in text
    headlines = {html.unescape(s["text"]["headline"]) for s in doc["events"]}
    assert headlines == {e.title for e in data.events()}


def test_validate_prints_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad\x1b[2J\nforged.yaml:1: x.yaml"
    bad.write_text("events:\n- {id: 'x\x1b]0;pwned\x07', \"k\x1b[31m\": 1}\n", encoding="utf-8")
    status = main(["validate", str(bad)])
    out = capsys.readouterr()
    assert status == 1
    assert "\x1b" not in out.out + out.err
    assert "\x07" not in out.out + out.err
    lines = out.out.splitlines()
    assert lines
    assert all(line.startswith(printable(str(bad))) for line in lines[:-1])


@given(st.text())
def test_printable_text_is_one_line_without_controls(text: str) -> None:
    shown = printable(text)
    assert len(shown.splitlines()) <= 1
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
