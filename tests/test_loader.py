"""Loading a data folder: valid data loads; every kind of breakage is reported precisely.

Each test builds a small data tree in ``tmp_path`` (actors.yaml, sources.yaml,
events/x.yaml and a manifest), breaks one thing, and checks that ``load_tree`` raises
:class:`pakru.DataError` whose problems name the file, the line and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path

import pytest

import pakru
from pakru.loader import load_tree
from pakru.loader.manifest import data_files, render_manifest

SHA = "a" * 64

ACTORS = """\
# test actors
- id: ussr
  name: Union of Soviet Socialist Republics
  kind: state
  aliases: [Soviet Union, USSR]
  iso3: SUN
  successor: russia
- id: russia
  name: Russian Federation
  kind: state
  aliases: [Russia]
  iso3: RUS
  predecessor: ussr
- id: pakistan
  name: Islamic Republic of Pakistan
  kind: state
  aliases: [Pakistan]
  iso3: PAK
"""

SOURCES = f"""\
- id: doc-one
  document: doc-one
  sha256: {SHA}
  length: 1000
  paragraphs: 5
  kind: news-report
  title: First document
  issued: '1966-01-11'
- id: doc-two
  document: doc-two
  sha256: {SHA}
  length: 500
  paragraphs: 3
  kind: reference
- id: doc-three
  document: doc-three
  sha256: {SHA}
  length: 800
  paragraphs: 4
  kind: official
"""

EVENTS = f"""\
- id: 1966-01-10-tashkent-declaration
  date: '1966-01-10'
  title: Tashkent Declaration signed
  summary: A declaration was signed in Tashkent.
  type: agreement
  participants:
  - {{actor: pakistan, role: signatory}}
  - {{actor: ussr, role: mediator}}
  evidence:
  - {{source: doc-one, paragraph: 2, start: 10, end: 50, sha256: {SHA}}}
- id: 2003-02-05-musharraf-visits-moscow
  date: '2003-02-05'
  title: Talks in the Kremlin
  summary: Talks were held in Moscow.
  type: visit
  tags: [high-level-visit]
  participants:
  - {{actor: pakistan, role: visitor}}
  - {{actor: russia, role: host}}
  evidence:
  - {{source: doc-one, paragraph: 3, start: 100, end: 150, sha256: {SHA}}}
  - {{source: doc-two, paragraph: 1, start: 0, end: 40, sha256: {SHA}}}
  disputes:
  - field: date
    resolution: The later report is right.
    claims:
    - {{source: doc-one, paragraph: 3, value: '2002', status: rejected}}
    - {{source: doc-two, value: '2003-02-05', status: accepted}}
"""

TASHKENT = "1966-01-10-tashkent-declaration"
KREMLIN = "2003-02-05-musharraf-visits-moscow"
EVENTS_FILE = "t/events/x.yaml"

Content = str | bytes | None
Build = Callable[..., Path]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` line containing ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not in the fixture"
    return hits[nth - 1]


def write_tree(root: Path, files: dict[str, Content]) -> Path:
    (root / "events").mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (root / "manifest.json").write_text(
        render_manifest(data_files(root), "1.0.0"), encoding="utf-8"
    )
    return root


@pytest.fixture
def build(tmp_path: Path) -> Build:
    """Write a valid tree, with any file replaced (or left out with None)."""

    def make(**replace: Content) -> Path:
        files: dict[str, Content] = {
            "actors.yaml": ACTORS,
            "sources.yaml": SOURCES,
            "events/x.yaml": EVENTS,
        }
        files.update(replace)
        return write_tree(tmp_path / "data", files)

    return make


def broken(root: Path) -> tuple[pakru.Problem, ...]:
    with pytest.raises(pakru.DataError) as info:
        load_tree(root, "t")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.problems, "a DataError lists its problems"
    for problem in err.problems:
        assert str(problem) in str(err) or len(err.problems) > 20
    return err.problems


def find(
    problems: Collection[pakru.Problem],
    *,
    file: str,
    line: int | Collection[int] | None,
    field: str,
    says: Collection[str] = (),
) -> pakru.Problem:
    """The one problem at ``file``/``field`` (exact), checking its line and message."""
    lines = {line} if line is None or isinstance(line, int) else set(line)
    matching = [p for p in problems if p.file == file and p.field == field]
    assert matching, f"no problem at {file} field {field!r}; got {list(map(str, problems))}"
    problem = matching[0]
    assert problem.line in lines, f"{problem} is not at line {sorted(lines, key=str)}"
    for word in says:
        assert word.casefold() in problem.message.casefold(), problem
    return problem


def edit(text: str, old: str, new: str) -> str:
    assert old in text, f"fixture has no {old!r}"
    return text.replace(old, new, 1)


# -- the valid tree ----------------------------------------------------------------------------


def test_valid_tree_loads(build: Build) -> None:
    data = load_tree(build(), "t")
    assert isinstance(data, pakru.Dataset)
    assert data.data_version == "1.0.0"
    assert data.license == "CC-BY-4.0"
    assert len(data.digest) == 64
    assert dict(data.counts) == {"events": 2, "actors": 3, "sources": 3, "evidence": 3}
    event = data.event(KREMLIN)
    assert event.date.earliest == dt.date(2003, 2, 5)
    assert event.actors == ("pakistan", "russia")
    assert event.sources == ("doc-one", "doc-two")
    assert event.disputes[0].claims[0].status == "rejected"
    assert data.actor("Soviet Union").id == "ussr"
    assert data.lineage("russia") == (data.actor("ussr"), data.actor("russia"))
    assert data.source("doc-one").issued == pakru.EDTFDate("1966-01-11")


def test_expected_version_mismatch_is_reported(build: Build) -> None:
    with pytest.raises(pakru.DataError) as info:
        load_tree(build(), "t", expect_version="2.0.0")
    find(
        info.value.problems,
        file="t/manifest.json",
        line=None,
        field="data_version",
        says=["1.0.0", "2.0.0"],
    )


def test_utf8_bom_is_accepted(build: Build) -> None:
    bom = b"\xef\xbb\xbf"
    root = build(
        **{
            "events/x.yaml": bom + EVENTS.encode(),
            "actors.yaml": bom + ACTORS.encode(),
        }
    )
    data = load_tree(root, "t")
    assert data.event(TASHKENT).title == "Tashkent Declaration signed"
    assert data.actor("ussr").name == "Union of Soviet Socialist Republics"


def test_bom_does_not_shift_line_numbers(build: Build) -> None:
    text = edit(EVENTS, "type: visit", "type: vist")
    problems = broken(build(**{"events/x.yaml": b"\xef\xbb\xbf" + text.encode()}))
    find(problems, file=EVENTS_FILE, line=line_of(text, "type: vist"), field=f"{KREMLIN}.type")


def test_crlf_line_endings_are_accepted(build: Build) -> None:
    root = build(**{"events/x.yaml": EVENTS.replace("\n", "\r\n")})
    assert len(load_tree(root, "t")) == 2


def test_empty_events_file_loads_no_events(build: Build) -> None:
    assert len(load_tree(build(**{"events/x.yaml": "# nothing yet\n"}), "t")) == 0


# -- one test per kind of breakage -------------------------------------------------------------


def test_missing_required_field(build: Build) -> None:
    text = edit(EVENTS, "  summary: Talks were held in Moscow.\n", "")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, f"id: {KREMLIN}"),
        field=f"{KREMLIN}.summary",
        says=["required", "missing"],
    )


def test_wrong_type(build: Build) -> None:
    text = edit(EVENTS, "paragraph: 2,", "paragraph: two,")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "paragraph: two"),
        field=f"{TASHKENT}.evidence[0].paragraph",
        says=["two", "str"],
    )


def test_wrong_type_in_sources(build: Build) -> None:
    text = edit(SOURCES, "length: 500", "length: many")
    problems = broken(build(**{"sources.yaml": text}))
    find(
        problems,
        file="t/sources.yaml",
        line=line_of(text, "length: many"),
        field="doc-two.length",
        says=["many"],
    )


def test_a_boolean_is_not_a_number(build: Build) -> None:
    text = edit(EVENTS, "paragraph: 2,", "paragraph: true,")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "paragraph: true"),
        field=f"{TASHKENT}.evidence[0].paragraph",
        says=["bool"],
    )


def test_bad_event_id(build: Build) -> None:
    text = edit(EVENTS, f"id: {KREMLIN}", "id: Musharraf Visits Moscow")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "id: Musharraf"),
        field="id",
        says=["Musharraf Visits Moscow", "event id"],
    )


def test_bad_actor_id(build: Build) -> None:
    text = edit(ACTORS, "id: pakistan", "id: Pakistan_State")
    problems = broken(build(**{"actors.yaml": text}))
    find(
        problems,
        file="t/actors.yaml",
        line=line_of(text, "id: Pakistan_State"),
        field="id",
        says=["Pakistan_State"],
    )


def test_duplicate_id_across_two_files(build: Build) -> None:
    first_event = EVENTS.split("- id: 2003", maxsplit=1)[0]
    problems = broken(build(**{"events/y.yaml": first_event}))
    problem = find(
        problems,
        file="t/events/y.yaml",
        line=1,
        field=f"{TASHKENT}.id",
        says=["duplicate"],
    )
    assert "t/events/x.yaml" in problem.message, "names where the id was first defined"


def test_duplicate_actor_id(build: Build) -> None:
    text = ACTORS + "- id: ussr\n  name: Soviet Union again\n  kind: state\n"
    problems = broken(build(**{"actors.yaml": text}))
    find(
        problems,
        file="t/actors.yaml",
        line=line_of(text, "- id: ussr", nth=2),
        field="ussr.id",
        says=["duplicate"],
    )


def test_unknown_actor(build: Build) -> None:
    text = edit(EVENTS, "{actor: russia, role: host}", "{actor: rusia, role: host}")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        # the event's line, or the participant's own line
        line={line_of(text, f"id: {KREMLIN}"), line_of(text, "actor: rusia")},
        field=f"{KREMLIN}.participants[1]",
        says=["unknown actor", "rusia"],
    )


def test_unknown_source(build: Build) -> None:
    text = edit(EVENTS, "source: doc-one, paragraph: 2", "source: doc-nine, paragraph: 2")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line={line_of(text, f"id: {TASHKENT}"), line_of(text, "doc-nine")},
        field=f"{TASHKENT}.evidence[0]",
        says=["unknown source", "doc-nine"],
    )


def test_unparseable_date(build: Build) -> None:
    text = edit(EVENTS, "date: '2003-02-05'", "date: '2003-02-30'")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "date: '2003-02-30'"),
        field=f"{KREMLIN}.date",
        says=["2003-02-30"],
    )


def test_reversed_date_interval(build: Build) -> None:
    text = edit(EVENTS, "date: '2003-02-05'", "date: 2003/2001")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "date: 2003/2001"),
        field=f"{KREMLIN}.date",
        says=["2003/2001", "before it starts"],
    )


def test_evidence_span_past_the_source_length(build: Build) -> None:
    text = edit(EVENTS, "start: 0, end: 40", "start: 480, end: 520")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line={line_of(text, f"id: {KREMLIN}"), line_of(text, "end: 520")},
        field=f"{KREMLIN}.evidence[1]",
        says=["520", "500", "doc-two"],
    )


def test_paragraph_past_the_source_paragraph_count(build: Build) -> None:
    text = edit(EVENTS, "source: doc-two, paragraph: 1", "source: doc-two, paragraph: 4")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line={line_of(text, f"id: {KREMLIN}"), line_of(text, "doc-two, paragraph: 4")},
        field=f"{KREMLIN}.evidence[1]",
        says=["paragraph 4", "doc-two"],
    )


def test_empty_span_is_refused(build: Build) -> None:
    text = edit(EVENTS, "start: 0, end: 40", "start: 40, end: 40")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "start: 40, end: 40"),
        field=f"{KREMLIN}.evidence[1].end",
    )


def test_duplicate_yaml_key(build: Build) -> None:
    text = edit(EVENTS, "  title: Talks in the Kremlin\n", "  title: Talks\n  title: Kremlin\n")
    problems = broken(build(**{"events/x.yaml": text}))
    problem = find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "title: Kremlin"),
        field="",
        says=["duplicate", "title"],
    )
    assert str(line_of(text, "title: Talks")) in problem.message, "names the first occurrence"


def test_python_object_tag_is_refused_and_not_run(build: Build, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f'!!python/object/apply:os.system ["touch {marker}"]'
    text = edit(EVENTS, "  title: Talks in the Kremlin\n", f"  title: {payload}\n")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "python/object"),
        field="",
        says=["python/object", "not allowed"],
    )
    assert not marker.exists()


def test_plain_python_object_tag_is_refused(build: Build) -> None:
    text = edit(EVENTS, "  title: Talks in the Kremlin\n", "  title: !!python/object:os.stat {}\n")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "python/object"),
        field="",
        says=["not allowed"],
    )


def test_unknown_field(build: Build) -> None:
    text = edit(EVENTS, "  type: visit\n", "  type: visit\n  colour: red\n")
    problems = broken(build(**{"events/x.yaml": text}))
    matching = [p for p in problems if p.file == EVENTS_FILE and p.field.endswith("colour")]
    assert matching, problems
    assert matching[0].line == line_of(text, "colour: red")
    assert "unknown field" in matching[0].message
    assert "summary" in matching[0].message, "lists the accepted fields"


def test_unknown_field_is_qualified_by_the_record_id(build: Build) -> None:
    text = edit(EVENTS, "  type: visit\n", "  type: visit\n  colour: red\n")
    problems = broken(build(**{"events/x.yaml": text}))
    find(problems, file=EVENTS_FILE, line=line_of(text, "colour: red"), field=f"{KREMLIN}.colour")


def test_bytes_that_are_not_utf8(build: Build) -> None:
    raw = edit(EVENTS, "Talks in the Kremlin", "Talks in the KREMLIN").encode("utf-8")
    raw = raw.replace(b"KREMLIN", b"Kreml\xff\xfe")
    problems = broken(build(**{"events/x.yaml": raw}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(EVENTS, "Talks in the Kremlin"),
        field="",
        says=["UTF-8"],
    )


def test_invalid_yaml_syntax(build: Build) -> None:
    text = edit(EVENTS, "  title: Talks in the Kremlin\n", "  title: Talks: in the Kremlin\n")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(text, "title: Talks: in"),
        field="",
        says=["YAML"],
    )


def test_top_level_must_be_a_list(build: Build) -> None:
    problems = broken(build(**{"events/x.yaml": "id: not-a-list\n"}))
    find(problems, file=EVENTS_FILE, line=1, field="", says=["list"])


def test_file_changed_after_the_manifest(build: Build) -> None:
    root = build()
    path = root / "events" / "x.yaml"
    path.write_text(edit(EVENTS, "Talks were held", "Talks were had"), encoding="utf-8")
    problems = broken(root)
    find(problems, file=EVENTS_FILE, line=None, field="", says=["manifest"])
    assert all(p.file == EVENTS_FILE for p in problems), "only the changed file is named"


def test_file_missing_from_the_manifest(build: Build) -> None:
    root = build()
    (root / "events" / "y.yaml").write_text("[]\n", encoding="utf-8")
    problems = broken(root)
    find(problems, file="t/events/y.yaml", line=None, field="", says=["not listed", "manifest"])


def test_file_listed_in_the_manifest_but_missing(build: Build) -> None:
    root = build(**{"events/y.yaml": "[]\n"})
    (root / "events" / "y.yaml").unlink()
    problems = broken(root)
    find(problems, file="t/events/y.yaml", line=None, field="", says=["missing"])


def test_manifest_missing(build: Build) -> None:
    root = build()
    (root / "manifest.json").unlink()
    problems = broken(root)
    assert any(p.file == "t/manifest.json" and "missing" in p.message for p in problems)


def test_dispute_claim_citing_a_source_without_evidence(build: Build) -> None:
    text = edit(EVENTS, "- {source: doc-two, value:", "- {source: doc-three, value:")
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line={line_of(text, f"id: {KREMLIN}"), line_of(text, "source: doc-three, value")},
        field=f"{KREMLIN}.disputes[0].claims[1]",
        says=["doc-three", "evidence"],
    )


def test_dispute_claim_citing_an_uncited_paragraph(build: Build) -> None:
    text = edit(
        EVENTS, "source: doc-one, paragraph: 3, value", "source: doc-one, paragraph: 4, value"
    )
    problems = broken(build(**{"events/x.yaml": text}))
    find(
        problems,
        file=EVENTS_FILE,
        line={line_of(text, f"id: {KREMLIN}"), line_of(text, "paragraph: 4, value")},
        field=f"{KREMLIN}.disputes[0].claims[0]",
        says=["doc-one", "paragraph 4"],
    )


def test_alias_shared_by_two_actors(build: Build) -> None:
    text = edit(ACTORS, "aliases: [Russia]", "aliases: [Russia, ussr]")
    problems = broken(build(**{"actors.yaml": text}))
    problem = find(
        problems,
        file="t/actors.yaml",
        line={line_of(text, "- id: russia"), line_of(text, "aliases: [Russia, ussr]")},
        field="russia.aliases",
    )
    assert "'ussr'" in problem.message


def test_alias_clash_ignores_letter_case(build: Build) -> None:
    text = edit(ACTORS, "aliases: [Russia]", "aliases: [Russia, soviet UNION]")
    problems = broken(build(**{"actors.yaml": text}))
    find(
        problems,
        file="t/actors.yaml",
        line={line_of(text, "- id: russia"), line_of(text, "soviet UNION")},
        field="russia.aliases",
        says=["ussr"],
    )


def test_one_sided_succession_is_refused(build: Build) -> None:
    text = edit(ACTORS, "  predecessor: ussr\n", "")
    problems = broken(build(**{"actors.yaml": text}))
    find(
        problems,
        file="t/actors.yaml",
        line={line_of(text, "- id: ussr"), line_of(text, "successor: russia")},
        field="ussr.successor",
        says=["predecessor"],
    )


def test_several_problems_are_reported_together(build: Build) -> None:
    events = edit(EVENTS, "  summary: Talks were held in Moscow.\n", "")
    events = edit(events, "paragraph: 2,", "paragraph: two,")
    actors = edit(ACTORS, "aliases: [Russia]", "aliases: [Russia, USSR]")
    sources = edit(SOURCES, "kind: official", "kind: rumour")
    problems = broken(
        build(**{"events/x.yaml": events, "actors.yaml": actors, "sources.yaml": sources})
    )
    find(problems, file=EVENTS_FILE, line=line_of(events, "id: 2003"), field=f"{KREMLIN}.summary")
    find(
        problems,
        file=EVENTS_FILE,
        line=line_of(events, "paragraph: two"),
        field=f"{TASHKENT}.evidence[0].paragraph",
    )
    find(
        problems,
        file="t/actors.yaml",
        line={line_of(actors, "- id: russia"), line_of(actors, "Russia, USSR")},
        field="russia.aliases",
    )
    find(
        problems,
        file="t/sources.yaml",
        line=line_of(sources, "kind: rumour"),
        field="doc-three.kind",
        says=["rumour"],
    )


def test_yaml_problems_in_several_files_are_reported_together(build: Build) -> None:
    events = edit(EVENTS, "  title: Talks in the Kremlin\n", "  title: a\n  title: b\n")
    actors = edit(ACTORS, "kind: state", "kind: [state")
    problems = broken(build(**{"events/x.yaml": events, "actors.yaml": actors}))
    assert {p.file for p in problems} >= {EVENTS_FILE, "t/actors.yaml"}


def test_error_message_lists_file_line_and_field(build: Build) -> None:
    text = edit(EVENTS, "type: visit", "type: vist")
    with pytest.raises(pakru.DataError) as info:
        load_tree(build(**{"events/x.yaml": text}), "t")
    assert f"{EVENTS_FILE}:{line_of(text, 'type: vist')}: {KREMLIN}.type" in str(info.value)
    assert "'vist'" in str(info.value)


def test_one_sided_predecessor_is_refused(build: Build) -> None:
    text = edit(ACTORS, "  successor: russia\n", "")
    root = build(**{"actors.yaml": text})
    problems = broken(root)
    find(
        problems,
        file="t/actors.yaml",
        line={line_of(text, "- id: russia"), line_of(text, "predecessor: ussr")},
        field="russia.predecessor",
        says=["successor"],
    )


@pytest.mark.parametrize("cycle", ["self", "pair"])
def test_succession_cycles_are_refused(build: Build, cycle: str) -> None:
    if cycle == "self":
        text = edit(ACTORS, "  iso3: PAK\n", "  iso3: PAK\n  successor: pakistan\n")
        text = edit(text, "  iso3: PAK\n", "  iso3: PAK\n  predecessor: pakistan\n")
    else:
        text = edit(ACTORS, "  successor: russia\n", "  successor: russia\n  predecessor: russia\n")
        text = edit(text, "  predecessor: ussr\n", "  predecessor: ussr\n  successor: ussr\n")
    # Loading must fail; a loaded dataset would hang in lineage(), so never query it here.
    with pytest.raises(pakru.DataError):
        load_tree(build(**{"actors.yaml": text}), "t")


def _alias_bomb(levels: int) -> str:
    """A small YAML list whose aliases expand to 9**levels strings."""
    rows = ['  - &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("levels", [6, 30])
def test_alias_bomb_fails_at_once_with_a_bounded_error(build: Build, levels: int) -> None:
    # 9**30 strings if expanded; the loader counts what aliases repeat and stops early.
    text = ACTORS + "- id: holder\n  name: Holder\n  kind: organization\n  aliases:\n"
    text += _alias_bomb(levels)
    assert len(text) < 10_000
    problems = broken(build(**{"actors.yaml": text}))
    lines = range(1, text.count("\n") + 1)
    find(problems, file="t/actors.yaml", line=lines, field="", says=["aliases repeat"])
    assert len([p for p in problems if p.file == "t/actors.yaml"]) == 1


def test_a_list_item_that_is_not_a_mapping_names_its_line(build: Build) -> None:
    text = EVENTS + "- just a sentence\n"
    problems = broken(build(**{"events/x.yaml": text}))
    find(problems, file=EVENTS_FILE, line=line_of(text, "- just a sentence"), field="[2]")
