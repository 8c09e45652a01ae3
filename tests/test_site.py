"""The documentation site's generated parts: pages, figure, inventory and link check.

These run on the generators directly (plain Python, no MkDocs build); CI also builds
the whole site strictly and checks its links.
"""

from __future__ import annotations

import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import pakru
from pakru import EVENT_TYPES
from pakru.ext.links import human_date

REPO = Path(__file__).resolve().parents[1]
for folder in (REPO / "docs" / "hooks", REPO / "tools"):
    if str(folder) not in sys.path:
        sys.path.append(str(folder))

import check_site  # noqa: E402
from pakrudocs import figure, inventory, pages, relations  # noqa: E402

from pakru.counts import dataset_coverage  # noqa: E402
from pakru.quads import COOPERATION, quad_of  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
TASHKENT = "1966-01-10-tashkent-declaration"
DIPLOMATIC = "1948-05-01-pakistan-ussr-diplomatic-relations"  # has a dispute


@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    return pages.build_pages(pakru.dataset())


# -- pages --------------------------------------------------------------------------------


def test_every_record_and_decade_has_a_page(built: dict[str, str]) -> None:
    data = pakru.dataset()
    expected = {f"events/{e.id}.md" for e in data}
    expected |= {f"actors/{a.id}.md" for a in data.actors()}
    expected |= {f"sources/{s.id}.md" for s in data.sources()}
    expected |= {f"timeline/{d}s.md" for d in pages.decades(data)}
    expected |= {"timeline/index.md", "events/index.md", "actors/index.md", "sources/index.md"}
    assert set(built) == expected


def test_every_event_is_listed_once_on_its_decade_page(built: dict[str, str]) -> None:
    listed: Counter[str] = Counter()
    for name, text in built.items():
        if re.fullmatch(r"timeline/\d+s\.md", name):
            listed.update(re.findall(r"\(\.\./events/([^)#]+)\.md\)", text))
    assert listed == Counter(e.id for e in pakru.dataset())


def _links(text: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_every_relative_link_of_the_generated_pages_resolves(built: dict[str, str]) -> None:
    static = {p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs").rglob("*.md")}
    known = set(built) | static
    for name, text in built.items():
        for link in _links(text):
            target = link.split("#", 1)[0]
            if "://" in link or not target:
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            assert resolved in known, f"{name}: {link}"


def test_event_page_shows_the_whole_record(built: dict[str, str]) -> None:
    event = pakru.event(DIPLOMATIC)
    text = built[f"events/{event.id}.md"]
    assert text.count(f"# {pages.esc(event.title)}\n") == 1
    assert pages.esc(event.summary) in text
    assert f"EDTF `{event.date.edtf}`" in text
    assert f"known to the {event.date.precision.value}" in text
    for p in event.participants:
        assert f"(../actors/{p.actor}.md) | {p.role}:" in text
    for e in event.evidence:
        assert f"| `{e.source}` | {e.paragraph} | {e.start}–{e.end} | `{e.sha256[:16]}" in text
    for claim in event.disputes[0].claims:
        assert f"(../sources/{claim.source}.md) | {claim.paragraph} | `{claim.value}`" in text
    assert pages.esc(event.disputes[0].resolution) in text
    assert "\n## Cite\n" in text


def test_actor_page_lists_its_events_in_date_order(built: dict[str, str]) -> None:
    text = built["actors/ussr.md"]
    ids = re.findall(r"\(\.\./events/([^)]+)\.md\)", text)
    assert ids == list(pakru.events(actor="ussr").ids)
    assert "`SUN`" in text
    assert "365" in text
    assert "(russia.md)" in text  # the successor


def test_source_page_gives_its_record_and_events(built: dict[str, str]) -> None:
    source = pakru.source("000_15160254dc6e7f3f")
    text = built[f"sources/{source.id}.md"]
    assert source.sha256 in text
    assert f"<{source.url}>" in text
    assert "Dmitri Trenin (interviewee)" in text
    attests = text.split("## Its claims", 1)[0]
    ids = re.findall(r"\(\.\./events/([^)]+)\.md\)", attests)
    assert ids == list(pakru.events(source=source.id).ids)


def test_untitled_sources_are_named_by_outlet_and_date() -> None:
    # The shipped sources all have a title (supplied in brackets where the page has none);
    # a user's own data may still leave it out.
    shipped = pakru.source("w-dawn-putin-cancels-visit-quadrilateral-2012")
    assert shipped.title_supplied
    assert pages._source_name(shipped) == shipped.title
    dated = attrs.evolve(shipped, title=None, title_supplied=False)
    assert pages._source_name(dated) == f"Untitled: Dawn, {human_date(shipped.issued)}"
    bare = attrs.evolve(dated, publisher=None, container=None)
    assert pages._source_name(bare) == shipped.id


@pytest.mark.parametrize("text", ["a|b", "*not bold*", "x_y_z", "[not a link](x)", "<script>"])
def test_escaped_text_is_shown_as_written(text: str) -> None:
    markdown = pytest.importorskip("markdown")
    html = markdown.markdown(pages.esc(text), extensions=["tables"])
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert plain == text


# -- citations ----------------------------------------------------------------------------


def test_event_pages_carry_apa_and_biblatex_citations() -> None:
    event = pakru.event(TASHKENT)
    block = pages._citation_blocks(event)
    assert '=== "APA"' in block
    assert '=== "BibLaTeX"' in block
    for style in ("apa", "bibtex"):
        for line in pakru.cite(event, style=style).strip().splitlines():
            if line.strip():
                assert f"    {line}" in block
    for source_id in event.sources:
        assert source_id in block  # the BibLaTeX keys are the source ids


# -- figure -------------------------------------------------------------------------------


def test_every_event_type_has_a_figure_group() -> None:
    for key in EVENT_TYPES:
        assert figure.group_of(key) in figure.GROUPS


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - the SVG is made by the test itself


_RANGE = re.compile(r"(\d+): (?:(\d+) events?|(\d+) to (\d+) events, about ([\d.]+) expected)")


def _bar_ranges(svg: str) -> dict[int, tuple[int, int, float]]:
    """Each year's bar: (min, max, expected) as its tooltip states them."""
    root = _parse(svg)
    found = {}
    for bar in root.iter():
        if bar.tag in (f"{SVG}a", f"{SVG}g"):
            title = bar.find(f"{SVG}title")
            assert title is not None
            assert title.text is not None
            match = _RANGE.fullmatch(title.text)
            assert match is not None, title.text
            year, exact, low, high, expected = match.groups()
            if exact is not None:
                found[int(year)] = (int(exact), int(exact), float(exact))
            else:
                found[int(year)] = (int(low), int(high), float(expected))
    return found


def _bar_totals(svg: str) -> dict[int, int]:
    return {year: high for year, (_, high, _) in _bar_ranges(svg).items()}


def test_figure_counts_every_event_with_its_range() -> None:
    data = pakru.dataset()
    years = range(1940, 2030)
    svg = figure.timeline_svg(data, years, ident="t", title="All")
    counts = pakru.count("year")
    drawn = _bar_ranges(svg)
    assert drawn == {
        b.key: (b.min, b.max, pytest.approx(b.expected, abs=0.05)) for b in counts if b.max
    }
    assert sum(e for _, _, e in drawn.values()) == pytest.approx(len(data), abs=0.05 * len(drawn))
    # A ten-year war is spread over its years, not piled on the first.
    assert drawn[1985][1] > drawn[1985][0]


def test_figure_is_accessible_and_deterministic() -> None:
    data = pakru.dataset()
    svg = figure.timeline_svg(data, range(1960, 1970), ident="d", title="The 1960s")
    root = _parse(svg)
    assert root.get("aria-labelledby") == "d-title d-desc"
    assert root.find(f"{SVG}title").text == "The 1960s"  # type: ignore[union-attr]
    assert "certainly in the year to those possibly in it" in root.find(f"{SVG}desc").text  # type: ignore[union-attr,operator]
    description = root.find(f"{SVG}desc").text or ""  # type: ignore[union-attr]
    for group in figure.GROUPS:
        assert group.label.lower() in description
    assert svg == figure.timeline_svg(data, range(1960, 1970), ident="d", title="The 1960s")


def test_figure_legends_are_html_that_wraps_beside_the_svg() -> None:
    # A legend inside a wide SVG scrolls away with it on a phone; as an HTML list it
    # wraps to the page's width.
    data = pakru.dataset()
    block = pages.figure_block(
        data, range(1950, 2000), ident="w", title="w", link=lambda _y: None, caption="c"
    )
    legend = block[block.index('<ul class="pakru-legend">') :]
    legend = legend[: legend.index("</ul>") + len("</ul>")]
    assert "</svg>" in block[: block.index(legend)]  # after the figure, not inside it
    items = ET.fromstring(legend).findall("li")  # noqa: S314 - text pakru wrote
    assert ["".join(li.itertext()) for li in items] == [g.label for g in figure.GROUPS]
    for li, group in zip(items, figure.GROUPS, strict=True):
        swatch = li.find("span")
        assert swatch is not None
        assert group.colour in (swatch.get("style") or "")
    relations_block = relations.relations_block(data)
    assert '<ul class="pakru-legend">' in relations_block.split("</svg>", 1)[1]


@given(st.lists(st.sampled_from(sorted(EVENT_TYPES)), max_size=40), st.integers(1950, 2020))
def test_figure_segments_add_up_for_any_mix_of_types(types: list[str], year: int) -> None:
    base = pakru.event(TASHKENT)
    events = [
        pakru.Event(
            f"{year}-test-{i}",
            pakru.EDTFDate(str(year)),
            "t",
            "s",
            t,
            base.participants,
            base.evidence,
        )
        for i, t in enumerate(types)
    ]
    svg = figure.timeline_svg(events, range(year - 1, year + 2), ident="p", title="p")
    assert _bar_totals(svg) == ({year: len(types)} if types else {})
    root = _parse(svg)
    segments = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(segments) == len({figure.group_of(t).key for t in types})


def test_figure_links_each_bar_where_asked() -> None:
    svg = figure.timeline_svg(
        pakru.dataset(), range(1966, 1967), ident="x", title="x", link=lambda y: f"#{y}"
    )
    assert '<a href="#1966" aria-label="1966: ' in svg


def test_relations_figure_shows_cooperation_against_conflict_with_ranges() -> None:
    data = pakru.dataset()
    cover = dataset_coverage(data)
    svg = relations.relations_svg(data, cover.year_range, ident="r", title="R", cover=cover)
    root = _parse(svg)
    assert root.get("aria-labelledby") == "r-title r-desc"
    tips = [t.text or "" for t in root.iter(f"{SVG}title")]
    coop = pakru.count("year", type=[t for t in EVENT_TYPES if quad_of(t) in COOPERATION])
    war = next(t for t in tips if t.startswith("1985, conflict: "))
    conflict = [t for t in EVENT_TYPES if quad_of(t) not in (*COOPERATION, None)]
    b = pakru.count("year", type=conflict).get(1985)
    assert b is not None
    assert war == f"1985, conflict: {figure.range_text(b.min, b.max, b.expected)}"
    c = coop.get(1966)
    assert c is not None
    assert f"1966, cooperation: {figure.range_text(c.min, c.max, c.expected)}" in tips
    heights = [float(r.get("height", "0")) for r in root.iter(f"{SVG}rect")]
    assert all(h >= 0 for h in heights)
    view = [float(v) for v in (root.get("viewBox") or "").split()]
    for rect in root.iter(f"{SVG}rect"):
        assert 0 <= float(rect.get("y", "0")) <= view[3]
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"cooperation", "conflict"} <= set(labels)
    assert all(
        q in relations.relations_block(data) for q in ("Material conflict", "Verbal cooperation")
    )
    assert svg == relations.relations_svg(data, cover.year_range, ident="r", title="R", cover=cover)
    block = relations.relations_block(data)
    assert "pakru-figure-wide" in block  # scrolls sideways on a phone instead of shrinking


# -- inventory ----------------------------------------------------------------------------


def test_inventory_round_trips_and_lists_every_record() -> None:
    data = pakru.dataset()
    items = inventory.record_items(data)
    raw = inventory.write("pakru", pakru.__version__, items)
    project, version, read = inventory.read(raw)
    assert (project, version) == ("pakru", pakru.__version__)
    assert sorted(read, key=repr) == sorted(items, key=repr)
    labels = {i.name: i for i in read if i.role == "label"}
    assert len(labels) == len(data) + len(data.actors()) + len(data.sources())
    assert labels[TASHKENT].uri == f"events/{TASHKENT}/"
    assert labels[TASHKENT].dispname == "Tashkent Declaration signed"
    assert inventory.write("pakru", "1", items) == inventory.write("pakru", "1", reversed(items))


def test_inventory_merge_keeps_the_api_and_replaces_records() -> None:
    api = inventory.Item("pakru.events", "py", "function", 1, "api/#pakru.events", "events")
    stale = inventory.Item(TASHKENT, "std", "label", -1, "old/", "old title")
    before = inventory.write("pakru", "0", [api, stale])
    fresh = inventory.Item(TASHKENT, "std", "label", -1, f"events/{TASHKENT}/", "New")
    _, _, merged = inventory.read(inventory.merge(before, "pakru", "1", [fresh]))
    assert api in merged
    assert fresh in merged
    assert stale not in merged


def test_inventory_is_read_by_sphobjinv(tmp_path: Path) -> None:
    soi = pytest.importorskip("sphobjinv")
    path = tmp_path / "objects.inv"
    path.write_bytes(inventory.write("pakru", "1", inventory.record_items(pakru.dataset())))
    inv = soi.Inventory(str(path))
    found = {(o.name, o.domain, o.role): o for o in inv.objects}
    event = found[TASHKENT, "std", "label"]
    assert event.uri_expanded == f"events/{TASHKENT}/"
    assert event.dispname_expanded == "Tashkent Declaration signed"
    assert found["actors/ussr", "std", "doc"].uri_expanded == "actors/ussr/"


def test_intersphinx_resolves_records_by_id(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    from sphinx.cmd.build import build_main  # noqa: PLC0415

    inv = tmp_path / "objects.inv"
    inv.write_bytes(inventory.write("pakru", "1", inventory.record_items(pakru.dataset())))
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx"]\n'
        f'intersphinx_mapping = {{"pakru": ("https://example.org/pakru/", {str(inv)!r})}}\n',
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        f"T\n=\n\nSee :ref:`pakru:{TASHKENT}` and :doc:`pakru:actors/ussr`.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert build_main(["-q", "-W", "-b", "html", str(src), str(out)]) == 0
    html = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="https://example.org/pakru/events/{TASHKENT}/"' in html
    assert "Tashkent Declaration signed" in html
    assert 'href="https://example.org/pakru/actors/ussr/"' in html


# -- link check ---------------------------------------------------------------------------


def _site(tmp_path: Path, pages_html: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for name, body in pages_html.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return site


def test_link_check_passes_a_sound_site(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<a href="events/x/#cite">x</a> <a href="https://example.org/nope">e</a>'
            '<img src="img/a.svg"> <a href="#top">top</a> <h1 id="top">T</h1>',
            "events/x/index.html": '<h2 id="cite">Cite</h2><a href="../../">home</a>',
            "img/a.svg": "<svg/>",
        },
    )
    assert check_site.check_links(site) == []


def test_link_check_finds_missing_pages_and_anchors(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<a href="events/y/">y</a>\n<a href="events/x/#nope">x</a>'
            '<a href="#gone">g</a><a href="../outside.html">o</a>',
            "events/x/index.html": '<h2 id="cite">Cite</h2>',
        },
    )
    problems = check_site.check_links(site)
    assert len(problems) == 4
    assert "index.html:1: link 'events/y/': no such file" in problems
    assert any("no id 'nope' in events/x/index.html" in p for p in problems)
    assert any("no id 'gone' in index.html" in p for p in problems)
    assert any("leaves the site" in p for p in problems)
    assert check_site.main([str(site)]) == 1


def test_record_check_names_records_without_a_page(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": ""})
    other = inventory.Item("pakru.events", "py", "function", 1, "api/", "events")
    (site / "objects.inv").write_bytes(inventory.write("pakru", "1", [other]))
    problems = check_site.check_records(site)
    assert f"event {TASHKENT}: no page events/{TASHKENT}/index.html" in problems
    assert f"event {TASHKENT}: no std:label entry in objects.inv" in problems


def test_busy_actors_get_a_figure_of_their_events(built: dict[str, str]) -> None:
    text = built["actors/ussr.md"]
    assert text.count("<svg ") == 1
    svg = text[text.index("<svg ") : text.index("</svg>") + len("</svg>")]
    expected = sum(e for _, _, e in _bar_ranges(svg).values())
    assert expected == pytest.approx(len(pakru.events(actor="ussr")), abs=0.5)


# -- the MkDocs hooks -----------------------------------------------------------------------


def test_navigation_gets_the_decades() -> None:
    pytest.importorskip("mkdocs")
    import mkdocs_hooks  # noqa: PLC0415

    nav = [
        {"Guides": [{"Query guide": "query-guide.md"}, {"Curation": "curation.md"}]},
        {"Dataset": ["timeline/index.md", {"Actors": "actors/index.md"}]},
    ]
    decades = [{"1960s": "timeline/1960s.md"}]
    expanded = mkdocs_hooks._nav_with_decades(nav, decades)
    assert expanded[1]["Dataset"][0] == {"Timeline": ["timeline/index.md", *decades]}


def test_the_query_guide_shows_the_notebook_display_of_the_installed_data() -> None:
    pytest.importorskip("mkdocs")
    import mkdocs_hooks  # noqa: PLC0415

    class Guide:
        url = "query-guide/"

    markdown = "Before\n\n<!-- pakru:notebook -->\n\nAfter\n"
    html = mkdocs_hooks.on_page_markdown(markdown, Guide(), None, None)  # type: ignore[arg-type]
    assert "<!-- pakru:notebook -->" not in html
    assert len(html.split("\n\n")) == 3  # one raw HTML block: no blank line inside it
    found = pakru.events(between="1966", actor="ussr", date_match="within")
    assert html.count("<table class='pakru-events'>") == 1
    assert f"{len(found)} events" in html
    assert all(f"<code>{event.id}</code>" in html for event in found)
    assert html.count("<table class='pakru-event'>") == 1
    assert html.startswith("Before\n\n")
    assert html.endswith("\n\nAfter\n")


def test_mkdocs_sites_resolve_records_through_the_inventory(tmp_path: Path) -> None:
    pytest.importorskip("mkdocstrings")
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    inv = tmp_path / "objects.inv"
    inv.write_bytes(inventory.write("pakru", "1", inventory.record_items(pakru.dataset())))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        f"# Other\n\nThe [declaration][{TASHKENT}] and [the USSR][ussr].\n", encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: other\nplugins:\n  - mkdocstrings:\n      handlers:\n        python:\n"
        f"          inventories:\n            - url: {inv.as_uri()}\n"
        "              base_url: https://example.org/pakru/\n              domains: [std]\n",
        encoding="utf-8",
    )
    build(load_config(str(tmp_path / "mkdocs.yml"), strict=True))
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="https://example.org/pakru/events/{TASHKENT}/">declaration</a>' in html
    assert 'href="https://example.org/pakru/actors/ussr/">the USSR</a>' in html
