"""The "relations over time" figure: cooperation against conflict per year, as SVG.

Cooperation (PLOVER's verbal and material cooperation) rises above the axis and
conflict (verbal and material conflict) falls below it, year by year. Each bar is the
expected count (:func:`pakru.count`: uncertain dates spread over their days), each
whisker the range from events certainly in the year to events possibly in it. Material
events are drawn darker than verbal ones inside each bar.

Written as text like :mod:`pakrudocs.figure`: no plotting library, the same bytes for
the same data, a title, a description and a tooltip per bar. At phone width the figure
keeps a readable size and scrolls sideways (the ``pakru-figure-wide`` style), while its
legend, HTML beside the SVG, wraps to the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from pakru import Dataset, Event
from pakru.counts import Bin, Coverage, count_events, coverage, dataset_coverage
from pakru.quads import QUAD_LABELS, quad_of
from pakrudocs.figure import legend_html, range_text

__all__ = ["SIDES", "relations_block", "relations_svg"]

# (side, quad classes bottom-up from the axis, colours) in Okabe-Ito colours.
SIDES = (
    ("cooperation", ("material-cooperation", "verbal-cooperation"), ("#0072B2", "#56B4E9")),
    ("conflict", ("material-conflict", "verbal-conflict"), ("#D55E00", "#E69F00")),
)

WIDTH = 720
LEFT = 40
RIGHT = 10
HALF = 110
TOP = 20
TEXT = "#333333"
GRID = "#d9d9d9"


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50):
        if top / step <= 3:
            return step
    return 100


def _by_year(events: list[Event], cover: Coverage) -> dict[int, Bin]:
    return {int(b.key): b for b in count_events(events, "year", coverage_of=cover)}


def relations_svg(
    events: Iterable[Event],
    years: range,
    *,
    ident: str,
    title: str,
    cover: Coverage | None = None,
) -> str:
    """Cooperation above the axis and conflict below it, per year of ``years``."""
    found = list(events)
    cover = cover if cover is not None else coverage(found)
    sides = {}
    for side, quads, _ in SIDES:
        chosen = [e for e in found if quad_of(e.type) in quads]
        sides[side] = (
            _by_year(chosen, cover),
            {q: _by_year([e for e in chosen if quad_of(e.type) == q], cover) for q in quads},
        )
    top = max((b.max for s in sides.values() for b in s[0].values() if b.key in years), default=1)
    step = _step(max(top, 1))
    y_max = max(step, -(-top // step) * step)
    scale = HALF / y_max
    axis = TOP + HALF
    height = TOP + 2 * HALF + 22
    slot = (WIDTH - LEFT - RIGHT) / len(years)
    bar = max(slot * 0.78, 1.0)

    def total(side: str) -> float:
        return sum(b.expected for b in sides[side][0].values() if b.key in years)

    desc = (
        f"Bars per year, {years[0]} to {years[-1]}: cooperation above the axis (about "
        f"{_num(total('cooperation'))} events in all), conflict below it (about "
        f"{_num(total('conflict'))}), each split into material and verbal events after "
        "PLOVER's quad classes. A bar is the expected count; its whisker runs from the "
        "events certainly in the year to those possibly in it."
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="pakru-relations" role="group" aria-labelledby="{ident}-title {ident}-desc" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    for value in range(-y_max, y_max + 1, step):
        gy = _num(axis - value * scale)
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{gy}" y2="{gy}" '
            f'stroke="{GRID if value else TEXT}" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{gy}" dy="0.32em" text-anchor="end" fill="{TEXT}">'
            f"{abs(value)}</text>"
        )
    for label, y in (("cooperation", TOP + HALF / 2), ("conflict", axis + HALF / 2)):
        out.append(
            f'<text x="10" y="{_num(y)}" fill="{TEXT}" text-anchor="middle" '
            f'transform="rotate(-90 10 {_num(y)})">{label}</text>'
        )
    for i, year in enumerate(years):
        x = LEFT + i * slot + (slot - bar) / 2
        for side, quads, colours in SIDES:
            sign = 1 if side == "cooperation" else -1
            whole = sides[side][0].get(year)
            if whole is None or not whole.max:
                continue
            parts = [f"<title>{year}, {side}: {range_text(whole.min, whole.max, whole.expected)}"]
            parts[0] += "</title>"
            offset = 0.0
            for quad, colour in zip(quads, colours, strict=True):
                b = sides[side][1][quad].get(year)
                if b is None or not b.max:
                    continue
                h = b.expected * scale
                y = axis - offset - h if sign > 0 else axis + offset
                offset += h
                parts.append(
                    f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(bar)}" height="{_num(h)}" '
                    f'fill="{colour}"><title>{year}: {range_text(b.min, b.max, b.expected)}, '
                    f"{escape(QUAD_LABELS[quad].lower())}</title></rect>"
                )
            if whole.max > whole.min:
                cx = _num(x + bar / 2)
                lo = _num(axis - sign * whole.min * scale)
                hi = _num(axis - sign * whole.max * scale)
                cap = min(bar / 2, 4)
                parts.append(
                    f'<path d="M{cx} {lo}V{hi}m-{_num(cap)} 0h{_num(2 * cap)}" '
                    f'stroke="{TEXT}" stroke-width="1" fill="none"/>'
                )
            out.append("<g>" + "".join(parts) + "</g>")
        if year % 10 == 0:
            cx = _num(x + bar / 2)
            out.append(
                f'<text x="{cx}" y="{_num(axis + HALF + 14)}" text-anchor="middle" '
                f'fill="{TEXT}">{year}</text>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def relations_block(dataset: Dataset) -> str:
    """The figure for every year of the dataset, as a raw-HTML block for a Markdown page."""
    cover = dataset_coverage(dataset)
    svg = relations_svg(
        dataset,
        cover.year_range,
        ident="pakru-relations",
        title="Cooperation against conflict per year",
        cover=cover,
    ).strip()
    uncovered = sorted(set(cover.year_range) - cover.years)
    gaps = (
        f" Years the data does not cover are {', '.join(str(y) for y in uncovered)}."
        if uncovered
        else " The data covers every year shown."
    )
    caption = (
        "Cooperation (above the axis) and conflict (below), by PLOVER quad class. Bars are "
        "expected counts, whiskers the range from events certainly in the year to events "
        "possibly in it." + gaps + ' <span class="pakru-swipe">Swipe the figure sideways '
        "to see every year.</span>"
    )
    legend = legend_html(
        (colour, QUAD_LABELS[quad])
        for _, quads, colours in SIDES
        for quad, colour in zip(quads, colours, strict=True)
    )
    return (
        f'<figure class="pakru-figure pakru-figure-wide">\n{svg}\n{legend}\n'
        f"<figcaption>{caption}</figcaption>\n</figure>\n"
    )
