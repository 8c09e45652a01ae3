"""Small files cannot make pakru use memory or time out of proportion to their size.

Aliases are budgeted in characters as well as nodes, problems are capped (the rest is
counted), and a descriptor's resources are capped (see test_containment). The inputs
here are small but telling: each would grow without bound if its budget were missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pakru
from pakru.loader.yamlsafe import load_yaml
from pakru.rules import MAX_ALIAS_CHARS, MAX_ALIAS_NODES, MAX_PROBLEMS


def test_an_aliased_long_string_is_budgeted_in_characters() -> None:
    # one string, a sixteenth of the budget, repeated 32 times: few nodes, many characters
    long = "x" * (MAX_ALIAS_CHARS // 16)
    uses = ", ".join(["*s"] * 32)
    text = f"pad: &s {long}\nrepeats: [{uses}]\n"
    assert MAX_ALIAS_NODES > 32
    with pytest.raises(pakru.DataError) as info:
        load_yaml(text.encode(), "big.yaml")
    [problem] = info.value.problems
    assert problem.file == "big.yaml"
    assert problem.line == 2
    assert "characters" in problem.message


def test_aliases_within_the_budget_still_read() -> None:
    text = "pad: &s " + "x" * 1000 + "\nrepeats: [" + ", ".join(["*s"] * 100) + "]\n"
    doc = load_yaml(text.encode(), "ok.yaml")
    assert len(doc["repeats"]) == 100


@pytest.mark.parametrize("count", [MAX_PROBLEMS, 20 * MAX_PROBLEMS])
def test_problems_are_capped_and_the_rest_counted(tmp_path: Path, count: int) -> None:
    path = tmp_path / "empty-events.yaml"
    path.write_text("events:\n" + "- {}\n" * count, encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        pakru.load(path)
    problems = info.value.problems
    assert len(problems) <= MAX_PROBLEMS + 20  # one record's problems past the cap, at most
    assert "not checked" in problems[-1].message
    assert "and " in str(info.value)
    assert len(str(info.value)) < 10_000


def test_line_breaks_in_json_cost_a_few_bytes_each() -> None:
    import tracemalloc  # noqa: PLC0415

    from pakru.loader.jsonsafe import load_json  # noqa: PLC0415

    breaks = 1_000_000
    data = b"\n" * breaks + b'{"events": [{"id": "x"}]}'
    tracemalloc.start()
    try:
        doc = load_json(data, "lines.json")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.line == breaks + 1
    assert peak < 16 * breaks  # a list of ints would take about 40 bytes a line


def test_a_data_folder_is_read_one_file_at_a_time(tmp_path: Path) -> None:
    # 24 files of 2 MiB: the loader hashes and parses one file, then lets it go, so
    # the peak stays well under what all of them take together.
    import tracemalloc  # noqa: PLC0415

    size, count = 2 << 20, 24
    folder = tmp_path / "data"
    (folder / "events").mkdir(parents=True)
    for i in range(count):
        text = "# " + "x" * size + "\n[]\n"
        (folder / "events" / f"part-{i:02}.yaml").write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        data = pakru.load(folder)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(data) == 0
    assert peak < count * size / 3  # one file costs a few times its size while parsed


def test_a_data_file_changed_between_check_and_parse_is_refused(tmp_path: Path) -> None:
    from pakru.loader.files import data_files  # noqa: PLC0415

    (tmp_path / "events.yaml").write_text("[]\n", encoding="utf-8")
    files = data_files(tmp_path)
    assert files["events.yaml"] == b"[]\n"  # as the manifest check reads it
    (tmp_path / "events.yaml").write_text("- {}\n", encoding="utf-8")
    with pytest.raises(pakru.DataError, match=r"events\.yaml") as info:
        files["events.yaml"]  # as the parser reads it
    assert "changed" in str(info.value)
