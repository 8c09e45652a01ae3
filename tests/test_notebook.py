"""The Python API in a REPL and a notebook: short reprs, escaped HTML, common methods."""

from __future__ import annotations

import html.parser
import json

import attrs
import pytest

import pakru
from pakru.cli import main

TASHKENT = "1966-01-10-tashkent-declaration"


class _Checker(html.parser.HTMLParser):
    """Collects tags and text, failing on any tag outside a small table vocabulary."""

    ALLOWED = frozenset(
        {"table", "caption", "thead", "tbody", "tr", "th", "td", "code", "b", "span"}
    )

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        assert tag in self.ALLOWED, tag
        assert all(name in ("class", "style", "title") for name, _ in attributes), attributes

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(markup: str) -> str:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    return "".join(checker.text)


def test_event_repr_is_short() -> None:
    event = pakru.event(TASHKENT)
    assert repr(event) == (
        "Event('1966-01-10-tashkent-declaration', 1966-01-10, 'Tashkent Declaration signed')"
    )


def test_html_reprs_show_the_data_and_escape_it() -> None:
    event = pakru.event(TASHKENT)
    assert "Tashkent Declaration signed" in _parse(event._repr_html_())
    found = pakru.events(between="1966", actor="ussr", date_match="possible")
    text = _parse(found._repr_html_())
    assert TASHKENT in text
    assert "possible" in text
    assert "<th style='text-align:left'>match</th>" in found._repr_html_()
    certain = pakru.events(between="1966", actor="ussr")
    assert "<th style='text-align:left'>match</th>" not in certain._repr_html_()
    assert "10 Jan 1966" in text  # dates read as words; the EDTF is in the tooltip
    assert "title='EDTF 1966-01-10'" in found._repr_html_()
    assert "10 January 1966" in _parse(event._repr_html_())
    assert pakru.dataset().digest in _parse(pakru.dataset()._repr_html_())
    hostile = attrs.evolve(event, title="<script>alert('x')</script> & co", place="<b>")
    markup = hostile._repr_html_()
    assert "<script>" not in markup
    assert "<script>alert('x')</script> & co" in _parse(markup)
    assert "&lt;b&gt;" in markup


def test_event_list_count_and_slices() -> None:
    found = pakru.events(actor="ussr")
    assert found.count() == len(found)
    assert found.count(found[0]) == 1
    assert isinstance(found[:2], pakru.EventList)


def test_schema_takes_the_kind_as_a_positional_argument(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["schema", "event"]) == 0
    positional = json.loads(capsys.readouterr().out)
    assert main(["schema", "--kind", "event"]) == 0
    assert json.loads(capsys.readouterr().out) == positional
    assert main(["schema", "actor", "--kind", "event"]) == 2


def test_actors_text_in_python_and_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = pakru.actors(text="soviet")
    assert "ussr" in [a.id for a in found]
    assert main(["actors", "--text", "soviet", "--format", "json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [a.id for a in found]
