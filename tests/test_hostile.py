"""Hostile and malformed input: every kind gets one clear DataError, fast, and nothing else.

Each case is a file handed to ``pakru.load``; the test checks the exception type, that
a problem names the file (and a line where there is one) with the expected words, and
that the whole message stays bounded.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from samples import dump, records

import pakru
from pakru.loader.yamlsafe import MAX_BYTES

Case = tuple[str, Callable[[Path], bytes], str]


def _with(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], bytes]:
    """A valid single-file dataset with one change made to its records."""

    def build(_: Path) -> bytes:
        data = records()
        change(data)
        return dump(data).encode("utf-8")

    return build


def _text(text: str) -> Callable[[Path], bytes]:
    return lambda _: text.encode("utf-8")


def _bomb(levels: int) -> str:
    rows = ['  - &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "actors:\n" + "\n".join(rows) + "\n"


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set a field given as 'kind.index.field[.index.field...]'."""

    def change(data: dict[str, Any]) -> None:
        keys: list[Any] = [int(k) if k.isdigit() else k for k in path.split(".")]
        target: Any = data
        for key in keys[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value

    return change


_DELETE = object()

YAML_CASES: list[Case] = [
    # YAML that would construct objects or run code
    (
        "python object/apply tag",
        _text('events: !!python/object/apply:os.system ["true"]\n'),
        "not allowed",
    ),
    ("python name tag", _text("events: !!python/name:os.system\n"), "not allowed"),
    ("python module tag", _text("events: !!python/module:os\n"), "not allowed"),
    ("custom local tag", _text("events: !Ref other\n"), "not allowed"),
    ("set tag", _text("events: !!set {a, b}\n"), "not allowed"),
    ("binary tag", _text("events: !!binary aGVsbG8=\n"), "not allowed"),
    ("timestamp tag", _text("events: !!timestamp 2001-12-14\n"), "not allowed"),
    ("omap tag", _text("events: !!omap [a: 1]\n"), "not allowed"),
    # aliases and anchors
    ("alias bomb of 30 levels", _text(_bomb(30)), "aliases repeat more than"),
    ("recursive alias", _text("events: &loop [*loop]\n"), "recursive structures"),
    ("alias before its anchor", _text("events: [*nowhere]\n"), "names no anchor"),
    ("merge key", _text("actors:\n- &a {id: x}\n- {<<: *a, name: y}\n"), "merge keys"),
    # size and shape
    (
        "200,000 nested flow sequences",
        _text("events: " + "[" * 200_000 + "]" * 200_000),
        # Refused by pakru's depth limit or, since PyYAML 6.0.3, by libyaml's own: either
        # way one problem on line 1 that speaks of nesting, never a crash.
        "nest",
    ),
    (
        "40 nested block mappings",
        _text("".join(" " * i + "k:\n" for i in range(40)) + " " * 40 + "v\n"),
        "deeper than 32",
    ),
    ("file over the size limit", lambda _: b"#" * (MAX_BYTES + 1), "larger than"),
    ("a 1 MB id", _with(_set("actors.0.id", "a" * 1_000_000)), "longer than 200"),
    (
        "a 5,000-digit integer",
        _text("sources:\n- length: " + "9" * 5000 + "\n"),
        "cannot read the number",
    ),
    (
        "a huge hexadecimal integer",
        _text("sources:\n- length: 0x" + "f" * 5000 + "\n"),
        "out of range",
    ),
    ("two YAML documents", _text("events: []\n---\nactors: []\n"), "second YAML document"),
    # keys
    (
        "duplicate top-level key",
        _text("events: []\nactors: []\nevents: []\n"),
        "duplicate key 'events'",
    ),
    (
        "duplicate key in a record",
        _text("actors:\n- id: x\n  name: A\n  id: y\n"),
        "duplicate key 'id'",
    ),
    ("integer key", _text("1: events\n"), "keys must be strings"),
    ("collection as a key", _text("? [a, b]\n: events\n"), "keys must be strings"),
    # bytes
    ("bytes that are not UTF-8", lambda _: b"events: []\nactors: [\xff\xfe]\n", "not UTF-8"),
    ("UTF-16 text", lambda _: "events: []\n".encode("utf-16"), "not UTF-8"),
    ("a NUL character", lambda _: b"events: [a\x00b]\n", "not valid YAML"),
    ("broken YAML syntax", _text("events: [a, b\nactors: c: d\n"), "not valid YAML"),
    ("a list where the file needs a mapping", _text("- id: x\n"), "expected a pakru data file"),
    # records
    (
        "a string where a list belongs",
        _with(_set("events.0.participants", "alpha")),
        "expected a list",
    ),
    (
        "a boolean where a number belongs",
        _with(_set("events.0.evidence.0.paragraph", True)),
        "got bool",
    ),
    (
        "a list where text belongs",
        _with(_set("events.0.title", ["a"])),
        "expected a non-empty string",
    ),
    (
        "an unknown field",
        _with(_set("events.0.colour", "red")),
        "unknown field; accepted fields are",
    ),
    (
        "a missing required field",
        _with(_set("events.0.summary", _DELETE)),
        "required field is missing",
    ),
    (
        "an unknown actor",
        _with(_set("events.0.participants.0.actor", "atlantis")),
        "unknown actor 'atlantis'",
    ),
    (
        "an unknown source",
        _with(_set("events.0.evidence.0.source", "doc-nine")),
        "unknown source 'doc-nine'",
    ),
    ("an unknown successor", _with(_set("actors.0.successor", "omega")), "unknown actor 'omega'"),
    ("a reversed interval", _with(_set("events.0.date", "1972/1965")), "ends before it starts"),
    ("an impossible day", _with(_set("events.0.date", "1971-02-30")), "has no day 30"),
    ("month 13", _with(_set("events.0.date", "1971-13")), "not 01-12"),
    ("year 0000", _with(_set("events.0.date", "0000")), "year 0000"),
    (
        "a span past the end of its source",
        _with(_set("events.0.evidence.0.end", 1001)),
        "past the end of 'doc-one'",
    ),
    (
        "a paragraph past the last one",
        _with(_set("events.0.evidence.0.paragraph", 6)),
        "past the last paragraph",
    ),
    ("an empty span", _with(_set("events.0.evidence.0.end", 10)), "must be non-empty"),
    ("a negative offset", _with(_set("events.0.evidence.0.start", -1)), "offsets start at 0"),
    ("a span over 5,000 characters", _with(_set("events.0.evidence.0.end", 5020)), "at most 5000"),
]

JSON_CASES: list[Case] = [
    ("NaN", _text('{"pakru": {},\n "events": [NaN]}'), "NaN is not allowed"),
    ("Infinity", _text('{"events": [-Infinity]}'), "Infinity is not allowed"),
    ("duplicate key", _text('{"events": [],\n "events": []}'), "duplicate key 'events'"),
    (
        "200,000 nested arrays",
        _text('{"events": ' + "[" * 200_000 + "]" * 200_000 + "}"),
        "deeper than 32",
    ),
    ("a 5,000-digit integer", _text('{"events": [' + "9" * 5000 + "]}"), "out of range"),
    ("text after the document", _text('{"events": []} []'), "not valid JSON"),
    ("bytes that are not UTF-8", lambda _: b'{"events": ["\xff"]}', "not UTF-8"),
    ("an array at the top", _text("[]"), "expected a pakru JSON export"),
    ("an empty file", _text(""), "not valid JSON"),
]


def _answer(
    tmp_path: Path, suffix: str, build: Callable[[Path], bytes]
) -> tuple[Path, pakru.DataError]:
    path = tmp_path / f"hostile{suffix}"
    path.write_bytes(build(tmp_path))
    with pytest.raises(pakru.DataError) as info:
        pakru.load(path)
    return path, info.value


@pytest.mark.parametrize(("name", "build", "says"), YAML_CASES, ids=[c[0] for c in YAML_CASES])
def test_hostile_yaml(tmp_path: Path, name: str, build: Callable[[Path], bytes], says: str) -> None:
    path, error = _answer(tmp_path, ".yaml", build)
    assert isinstance(error, ValueError)
    matching = [p for p in error.problems if says in p.message]
    assert matching, f"{name}: {[str(p) for p in error.problems]}"
    assert all(p.file == str(path) for p in error.problems)
    if "larger than" not in says:
        assert matching[0].line is not None, "the problem names its line"
    assert len(str(error)) < 20_000, "the message stays bounded"


@pytest.mark.parametrize(("name", "build", "says"), JSON_CASES, ids=[c[0] for c in JSON_CASES])
def test_hostile_json(tmp_path: Path, name: str, build: Callable[[Path], bytes], says: str) -> None:
    path, error = _answer(tmp_path, ".json", build)
    matching = [p for p in error.problems if says in p.message]
    assert matching, f"{name}: {[str(p) for p in error.problems]}"
    assert all(p.file == str(path) for p in error.problems)
    assert matching[0].line is not None, "the problem names its line"
    assert len(str(error)) < 20_000


def test_object_tags_are_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f'events: !!python/object/apply:os.system ["touch {marker}"]\n'
    _answer(tmp_path, ".yaml", _text(text))
    assert not marker.exists()


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + dump(records()).encode("utf-8"))
    assert len(pakru.load(path)) == 2
    export = tmp_path / "bom.json"
    body = {
        "pakru": {
            "package_version": "1",
            "data_version": "1.0.0",
            "digest": "0" * 64,
            "license": "MIT",
        }
    }
    export.write_bytes(b"\xef\xbb\xbf" + json.dumps(body).encode("utf-8"))
    assert len(pakru.load(export)) == 0


def test_a_file_over_the_limit_is_not_read_whole(tmp_path: Path) -> None:
    from pakru.loader.manifest import read_bounded  # noqa: PLC0415

    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 100))
    assert len(read_bounded(path)) == MAX_BYTES + 1


def test_hostile_files_in_a_data_folder_are_all_reported(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    (root / "events").mkdir(parents=True)
    (root / "actors.yaml").write_text(_bomb(30), encoding="utf-8")
    (root / "sources.yaml").write_text("- !!python/name:os.system\n", encoding="utf-8")
    (root / "events" / "a.yaml").write_bytes(b"- [\xff]\n")
    (root / "events" / "b.yaml").write_text("- id: x\n  id: y\n", encoding="utf-8")
    (root / "notes.yaml").write_text("[]\n", encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        pakru.load(root)
    files = {Path(p.file).name for p in info.value.problems}
    assert files == {"actors.yaml", "sources.yaml", "a.yaml", "b.yaml", "notes.yaml"}


def test_unknown_fields_are_errors_that_list_the_accepted_ones(tmp_path: Path) -> None:
    data = records()
    data["actors"][1]["nickname"] = "B"
    path = tmp_path / "x.yaml"
    path.write_text(dump(data), encoding="utf-8")
    with pytest.raises(pakru.DataError) as info:
        pakru.load(path)
    (problem,) = [p for p in info.value.problems if p.field.endswith("nickname")]
    assert problem.field == "beta.nickname"
    assert problem.line == next(
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "nickname" in line
    )
    assert "aliases" in problem.message
    assert "description" in problem.message
