"""pakru.ext: record addresses, readable dates, and the Markdown and Sphinx extensions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import Point, points

import pakru
from pakru import EDTFDate, QueryTypeError, UnknownIdError
from pakru.ext.links import FOLDERS, find, human_date, record_path, reference

BASE = "https://example.org/pakru/"
TASHKENT = "1966-01-10-tashkent-declaration"
TRENIN = "000_15160254dc6e7f3f"


# -- addresses ---------------------------------------------------------------------------


def test_record_paths_are_made_of_the_id() -> None:
    assert record_path("event", TASHKENT) == f"events/{TASHKENT}/"
    assert record_path("actor", "ussr") == "actors/ussr/"
    assert record_path("source", TRENIN) == f"sources/{TRENIN}/"


def test_record_path_refuses_an_unknown_kind() -> None:
    with pytest.raises(QueryTypeError, match="event, actor, source"):
        record_path("place", "tashkent")


def test_every_record_has_one_address_and_no_two_share_it() -> None:
    data = pakru.dataset()
    records = [*data, *data.actors(), *data.sources()]
    paths = {reference(r.id).path for r in records}
    assert len(paths) == len(records)
    for record in records:
        assert find(record.id) == record


def test_reference_of_each_kind() -> None:
    event = reference(TASHKENT)
    assert (event.kind, event.title, event.date) == (
        "event",
        "Tashkent Declaration signed",
        "10 January 1966",
    )
    assert event.url(BASE) == f"{BASE}events/{TASHKENT}/"
    assert event.cite_url(BASE) == f"{BASE}events/{TASHKENT}/#cite"
    assert event.url("https://example.org/pakru") == event.url(BASE)
    actor = reference("ussr")
    assert (actor.kind, actor.title, actor.date) == ("actor", pakru.actor("ussr").name, None)
    assert actor.cite_url(BASE) == actor.url(BASE)
    source = reference(TRENIN)
    assert (source.kind, source.date) == ("source", "February 2011")


def test_find_takes_ids_only_and_suggests_close_ones() -> None:
    with pytest.raises(UnknownIdError, match="did you mean 'ussr'") as caught:
        find("usr")
    assert isinstance(caught.value, KeyError)
    with pytest.raises(UnknownIdError):
        find("Soviet Union")  # a name, not an id: a link must name one record for good
    with pytest.raises(QueryTypeError):
        find(42)  # type: ignore[arg-type]


# -- readable dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "reads"),
    [
        ("1966-01-10", "10 January 1966"),
        ("1972-03", "March 1972"),
        ("1972", "1972"),
        ("1950~", "about 1950"),
        ("1972?", "1972 (uncertain)"),
        ("1972%", "about 1972 (uncertain)"),
        ("197X", "the 1970s"),
        ("19XX", "1900–1999"),
        ("1968-22", "summer 1968"),
        ("1972-24", "winter 1972–73"),
        ("1966-01-04/1966-01-10", "4–10 January 1966"),
        ("1979-12/1989-02-15", "December 1979 to 15 February 1989"),
        ("2017/..", "from 2017 on"),
        ("1954/", "from 1954 (end unknown)"),
        ("../1989", "until 1989"),
        ("/1989", "until 1989 (start unknown)"),
        ("[1991-12..2003-02]", "some time between December 1991 and February 2003"),
        ("[..2016-09]", "on or before September 2016"),
        ("[2017..]", "on or after 2017"),
    ],
)
def test_human_date(edtf: str, reads: str) -> None:
    assert human_date(EDTFDate(edtf)) == reads


@given(points(), st.one_of(st.none(), points()))
def test_human_date_names_the_year_of_every_known_end(a: Point, b: Point | None) -> None:
    if b is None:
        text = human_date(EDTFDate(a.text))
        ends = [a]
    else:
        first, last = sorted([a, b], key=lambda p: p.earliest)
        if first.earliest > last.latest:
            return
        text = human_date(EDTFDate(f"{first.text}/{last.text}"))
        ends = [first, last]
    for end in ends:
        assert str(end.earliest.year) in text


# -- Python-Markdown ----------------------------------------------------------------------

markdown = pytest.importorskip("markdown")
from pakru.ext.markdown import PakruExtension  # noqa: E402 - after the optional import


def _md(text: str, **config: object) -> str:
    return markdown.markdown(
        text,
        extensions=["pakru.ext.markdown"],
        extension_configs={"pakru.ext.markdown": {"base_url": BASE, **config}},
    )


def test_markdown_event_reference() -> None:
    html = _md(f"Signed at [[pakru:{TASHKENT}]].")
    link = f'<a href="{BASE}events/{TASHKENT}/" title="{TASHKENT}">Tashkent Declaration signed</a>'
    assert link in html
    assert "(10 January 1966, " in html
    assert f'href="{BASE}events/{TASHKENT}/#cite"' in html
    assert html.startswith("<p>Signed at <span class=")
    assert html.endswith(".</p>")


def test_markdown_actor_and_source_and_own_words() -> None:
    html = _md(f"By [[pakru:ussr|the Soviets]] in [[pakru:{TRENIN}]].")
    assert f'<a href="{BASE}actors/ussr/" title="ussr">the Soviets</a>' in html
    assert f'href="{BASE}sources/{TRENIN}/"' in html
    assert "(February 2011)" in html
    assert "cite" not in html


def test_markdown_leaves_code_alone() -> None:
    html = _md(f"Write `[[pakru:{TASHKENT}]]` to link.")
    assert f"<code>[[pakru:{TASHKENT}]]</code>" in html
    assert "href" not in html


def test_markdown_unknown_id_stops_the_build_or_is_marked() -> None:
    with pytest.raises(UnknownIdError, match="tashkent-declaration"):
        _md("[[pakru:1966-01-10-tashkent-declaraton]]")
    html = _md("[[pakru:no-such-record]]", strict=False)
    assert '<span class="pakru-ref pakru-missing">[[pakru:no-such-record]]</span>' in html


def test_markdown_base_url_must_be_text() -> None:
    with pytest.raises(pakru.PakruError, match="base_url"):
        _md("x", base_url=3)


def test_markdown_reads_the_dataset_it_is_given() -> None:
    shipped = pakru.dataset()
    only_tashkent = pakru.Dataset(
        events=[shipped.event(TASHKENT)],
        actors=shipped.actors(),
        sources=shipped.sources(),
        data_version="0.0.1",
        digest="0" * 64,
        license="CC-BY-4.0",
        label="test",
    )
    config = {"base_url": BASE, "dataset": only_tashkent}
    ext = [PakruExtension(**config)]
    assert "Tashkent Declaration signed" in markdown.markdown(
        f"[[pakru:{TASHKENT}]]", extensions=ext
    )
    with pytest.raises(UnknownIdError):
        markdown.markdown("[[pakru:1966-01-04-tashkent-conference]]", extensions=ext)


# -- Sphinx ---------------------------------------------------------------------------------


def _sphinx_build(src: Path, conf: str, rst: str) -> tuple[int, str, str]:
    pytest.importorskip("sphinx")
    from sphinx.cmd.build import build_main  # noqa: PLC0415

    src.mkdir()
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.rst").write_text("Title\n=====\n\n" + rst + "\n", encoding="utf-8")
    out = src.parent / "out"
    warnings = src.parent / "warnings.txt"
    status = build_main(["-q", "-W", "-w", str(warnings), "-b", "html", str(src), str(out)])
    html = (out / "index.html").read_text(encoding="utf-8") if status == 0 else ""
    return status, html, warnings.read_text(encoding="utf-8")


def test_sphinx_role_renders_title_date_and_links(tmp_path: Path) -> None:
    conf = f'extensions = ["pakru.ext.sphinx"]\npakru_base_url = "{BASE}"\n'
    rst = f"Signed at :pakru:`{TASHKENT}`; by :pakru:`the Soviets <ussr>`."
    status, html, warnings = _sphinx_build(tmp_path / "src", conf, rst)
    assert status == 0, warnings
    assert (
        f'href="{BASE}events/{TASHKENT}/">Tashkent Declaration signed</a> (10 January 1966, '
        in html
    )
    assert f'href="{BASE}events/{TASHKENT}/#cite">cite</a>)' in html
    assert f'href="{BASE}actors/ussr/">the Soviets</a>' in html


def test_sphinx_unknown_id_fails_a_strict_build(tmp_path: Path) -> None:
    conf = f'extensions = ["pakru.ext.sphinx"]\npakru_base_url = "{BASE}"\n'
    status, _, warnings = _sphinx_build(tmp_path / "src", conf, ":pakru:`no-such-event`")
    assert status != 0
    assert "no event, actor or source with id 'no-such-event'" in warnings


def test_sphinx_without_base_url_says_what_to_set(tmp_path: Path) -> None:
    conf = 'extensions = ["pakru.ext.sphinx"]\n'
    status, _, warnings = _sphinx_build(tmp_path / "src", conf, f":pakru:`{TASHKENT}`")
    assert status != 0
    assert "pakru_base_url" in warnings


def test_sphinx_extension_declares_parallel_safety() -> None:
    pytest.importorskip("sphinx")
    from pakru.ext.sphinx import setup  # noqa: PLC0415

    class App:
        def __init__(self) -> None:
            self.roles: dict[str, object] = {}
            self.config: dict[str, object] = {}

        def add_config_value(self, name: str, default: object, *_: object, **__: object) -> None:
            self.config[name] = default

        def add_role(self, name: str, role: object) -> None:
            self.roles[name] = role

    app = App()
    meta = setup(app)  # type: ignore[arg-type]
    assert set(app.roles) == {"pakru"}
    assert app.config == {"pakru_base_url": ""}
    assert meta["parallel_read_safe"]
    assert meta["parallel_write_safe"]
    assert meta["version"] == pakru.__version__


def test_folders_cover_every_kind() -> None:
    assert set(FOLDERS) == {"event", "actor", "source"}
