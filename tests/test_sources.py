"""Source records are citation-grade: every source has a title, full and as the document
gives it, or a supplied one marked as such; addresses are those of the corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from samples import records, write_folder

import pakru
from pakru.corpus import Corpus
from pakru.serialize import source_from_dict, source_to_dict

ELLIPSIS = ("…", "...")


@pytest.fixture(scope="module")
def sources() -> tuple[pakru.Source, ...]:
    return tuple(pakru.dataset().sources())


def sidecar(corpus: Corpus, document: str) -> dict[str, Any]:
    meta = yaml.safe_load(corpus.path(document).with_suffix(".yaml").read_text(encoding="utf-8"))
    assert isinstance(meta, dict)
    return meta


def supplied_form(title: str) -> bool:
    return title.startswith("[") and title.endswith("]") and len(title) > 2


# -- the shipped records -------------------------------------------------------------------


def test_every_source_has_a_title(sources: tuple[pakru.Source, ...]) -> None:
    assert [s.id for s in sources if not (s.title and s.title.strip())] == []


def test_supplied_titles_are_bracketed_and_bracketed_titles_are_supplied(
    sources: tuple[pakru.Source, ...],
) -> None:
    for source in sources:
        assert source.title is not None
        assert source.title_supplied == supplied_form(source.title), source.id


def test_no_title_is_abridged(sources: tuple[pakru.Source, ...]) -> None:
    abridged = [s.id for s in sources if s.title is not None and "…" in s.title]
    assert abridged == []


def test_every_source_has_an_accessed_day(sources: tuple[pakru.Source, ...]) -> None:
    assert [s.id for s in sources if s.accessed is None] == []


def test_a_source_without_a_date_says_why(sources: tuple[pakru.Source, ...]) -> None:
    for source in sources:
        if source.issued is None:
            assert source.note is not None
            assert "no publication date" in source.note, source.id


def test_titles_and_addresses_are_the_corpus_ones(
    corpus_dir: Path, sources: tuple[pakru.Source, ...]
) -> None:
    corpus = Corpus(corpus_dir)
    for source in sources:
        meta = sidecar(corpus, source.document)
        if meta.get("url"):
            assert source.url == meta["url"], source.id
        assert source.accessed is not None
        assert source.accessed.isoformat() == str(meta["retrieved"]), source.id
        title = source.title or ""
        if title.endswith(ELLIPSIS):
            # only where the page's own title ends so
            assert str(meta.get("title") or "").endswith(ELLIPSIS), source.id
        if not source.title_supplied and meta.get("title") != title:
            # a title that differs from the sidecar's must be the text's own headline
            assert title in corpus.text(source.document), source.id


def test_supplied_titles_are_not_addresses(sources: tuple[pakru.Source, ...]) -> None:
    for source in sources:
        if source.title_supplied and source.url:
            slug = source.url.rstrip("/").rsplit("/", 1)[-1].lower()
            words = source.title.strip("[]").lower().replace(" ", "-")
            assert slug != words, source.id


# -- reading, writing and exporting the field ----------------------------------------------


def _with_supplied(title: str, flag: object) -> dict[str, list[dict[str, Any]]]:
    data = records()
    data["sources"][1]["title"] = title
    data["sources"][1]["title_supplied"] = flag
    return data


def test_title_supplied_reads_from_yaml_and_defaults_to_false(tmp_path: Path) -> None:
    data = pakru.load(write_folder(tmp_path / "mine", _with_supplied("[Untitled note]", True)))
    assert data.source("doc-two").title_supplied is True
    assert data.source("doc-two").title == "[Untitled note]"
    assert data.source("doc-one").title_supplied is False


@pytest.mark.parametrize(
    ("title", "flag", "says"),
    [
        ("Plain title", True, "square brackets"),
        ("[Untitled note]", "yes", "true or false"),
    ],
)
def test_a_wrong_title_supplied_is_reported_with_its_line(
    tmp_path: Path, title: str, flag: object, says: str
) -> None:
    folder = write_folder(tmp_path / "mine", _with_supplied(title, flag))
    with pytest.raises(pakru.DataError) as info:
        pakru.load(folder)
    (problem,) = [p for p in info.value.problems if p.field.endswith("title_supplied")]
    assert says in problem.message
    lines = (folder / "sources.yaml").read_text(encoding="utf-8").splitlines()
    assert "title_supplied" in lines[problem.line - 1]


def test_title_supplied_round_trips_through_dicts_and_json(tmp_path: Path) -> None:
    data = pakru.load(write_folder(tmp_path / "mine", _with_supplied("[Untitled note]", True)))
    for source in data.sources():
        assert source_from_dict(source_to_dict(source)) == source
        assert source_from_dict(json.loads(json.dumps(source_to_dict(source)))) == source
    pakru.export(data, "json", tmp_path / "out")
    again = pakru.load(next((tmp_path / "out").glob("*.json")))
    assert again.source("doc-two").title_supplied is True
    assert again.source("doc-one").title_supplied is False


def test_title_supplied_is_in_the_schema_and_the_tables() -> None:
    prop = pakru.schema()["$defs"]["source"]["properties"]["title_supplied"]
    assert prop["type"] == "boolean"
    names = list(pakru.schema()["$defs"]["source"]["properties"])
    assert names.index("title_supplied") == names.index("title") + 1
