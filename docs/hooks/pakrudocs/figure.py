"""The timeline figure: events per year, stacked by kind of event, as a standalone SVG.

Each bar is the expected number of events in the year (:func:`pakru.count`: an event's
date spread evenly over its days), stacked by kind of event; a whisker runs from the
events certainly in the year to those possibly in it, so a ``197X`` event or a ten-year
war shows as the uncertainty it is, not as a spike in its first year.

The SVG is written here as text (no plotting library, no fonts or network needed), so
the same data always gives the same bytes. It names itself (``<title>``, ``<desc>``),
labels its axes in text, and gives each bar segment a tooltip; a bar can link to the
page that lists that year's events. The legend is HTML beside the SVG
(:func:`legend_html`), so on a narrow screen it wraps to the page's width while a wide
figure scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

import attrs

from pakru import EVENT_TYPES, Event
from pakru.counts import Counts, Coverage, count_events, coverage

__all__ = [
    "GROUPS",
    "Group",
    "event_year",
    "group_legend",
    "group_of",
    "legend_html",
    "range_text",
    "timeline_svg",
    "year_counts",
]


@attrs.frozen
class Group:
    """A kind of event in the figure: the PLOVER event types it gathers and its colour."""

    key: str
    label: str
    colour: str
    plover: frozenset[str]


# Okabe-Ito colours, which stay distinct under the common colour-vision deficiencies.
GROUPS: tuple[Group, ...] = (
    Group("consult", "Visits, talks, meetings", "#0072B2", frozenset({"CONSULT"})),
    Group("support", "Agreements, support", "#009E73", frozenset({"SUPPORT", "AGREE"})),
    Group("cooperate", "Cooperation, aid", "#56B4E9", frozenset({"COOPERATE", "AID"})),
    Group("disapprove", "Criticism, rejection", "#E69F00", frozenset({"ACCUSE", "REJECT"})),
    Group(
        "pressure",
        "Threats, sanctions, withdrawal",
        "#CC79A7",
        frozenset({"THREATEN", "SANCTION", "COERCE", "MOBILIZE", "RETREAT"}),
    ),
    Group("fight", "Attacks, war", "#D55E00", frozenset({"ASSAULT", "FIGHT"})),
    # Types without a PLOVER equivalent: periods, territorial disputes, publications.
    Group("other", "Periods, disputes, other", "#000000", frozenset()),
)

_BY_PLOVER = {code: g for g in GROUPS for code in g.plover}
_UNMAPPED = GROUPS[-1]

WIDTH = 720
PLOT_TOP = 14
PLOT_HEIGHT = 170
LEFT = 40
RIGHT = 10
AXIS_LABELS = 26  # room under the plot for the year labels
TEXT = "#333333"
GRID = "#d9d9d9"


def group_of(event_type: str) -> Group:
    """The figure group of a pakru event type (through its PLOVER type)."""
    plover = EVENT_TYPES[event_type].plover
    return _UNMAPPED if plover is None else _BY_PLOVER[plover]


def event_year(event: Event) -> int:
    """The year an event is drawn in: the year it began (or ended, if its start is unknown)."""
    day = event.date.earliest or event.date.latest
    assert day is not None  # noqa: S101 - an EDTF date has at least one known end
    return day.year


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100):
        if top / step <= 5:
            return step
    return 200


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def legend_html(items: Iterable[tuple[str, str]]) -> str:
    """A figure's legend as an HTML list of ``(colour, label)`` swatches.

    Outside the SVG, so it wraps at any width; the SVG's own description names the same
    kinds for screen readers.
    """
    entries = "".join(
        f'<li><span class="pakru-swatch" style="background:{colour}"></span>{escape(label)}</li>'
        for colour, label in items
    )
    return f'<ul class="pakru-legend">{entries}</ul>'


def group_legend() -> str:
    """The legend of the timeline figure: one swatch per group."""
    return legend_html((g.colour, g.label) for g in GROUPS)


def range_text(low: int, high: int, expected: float) -> str:
    """How a bin's count reads: ``3 events``, or ``2 to 5 events, about 3.4 expected``."""
    noun = "event" if high == 1 else "events"
    if low == high:
        return f"{high} {noun}"
    return f"{low} to {high} {noun}, about {f'{expected:.2f}'.rstrip('0').rstrip('.')} expected"


def year_counts(
    events: Iterable[Event], cover: Coverage | None = None
) -> tuple[Counts, dict[str, Counts]]:
    """The counts by year of all ``events`` and of each group's events."""
    found = list(events)
    cover = cover if cover is not None or not found else coverage(found)
    if cover is None:
        empty = Counts("year", "accepted", 0, ())
        return empty, {g.key: empty for g in GROUPS}
    total = count_events(found, "year", coverage_of=cover)
    groups = {
        g.key: count_events([e for e in found if group_of(e.type) is g], "year", coverage_of=cover)
        for g in GROUPS
    }
    return total, groups


def timeline_svg(
    events: Iterable[Event],
    years: range,
    *,
    ident: str,
    title: str,
    link: Callable[[int], str | None] = lambda _year: None,
    label_every: int = 10,
    cover: Coverage | None = None,
) -> str:
    """An SVG bar chart of ``events`` per year over ``years``, stacked by group.

    Bars show the expected events of each year, whiskers the range from certain to
    possible (see the module). ``cover`` bounds open-ended dates (default: the coverage
    of ``events``). ``ident`` prefixes the ids inside the SVG (several figures may share
    a page); ``link(year)`` gives the address a year's bar links to, or None;
    ``label_every`` labels the years divisible by it (1 labels every year).
    """
    total, by_group = year_counts(events, cover)
    bins = {b.key: b for b in total if b.key in years}
    group_bins = {k: {b.key: b for b in c} for k, c in by_group.items()}
    top = max((b.max for b in bins.values()), default=0)
    step = _step(max(top, 1))
    y_max = max(step, -(-top // step) * step)
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / len(years)
    bar = max(slot * 0.78, 1.0)
    scale = PLOT_HEIGHT / y_max
    base = PLOT_TOP + PLOT_HEIGHT
    height = base + AXIS_LABELS

    shown = [b for b in bins.values() if b.max]
    busiest = max(shown, key=lambda b: (b.expected, -int(b.key)), default=None)
    desc = (
        f"Bar chart of the expected number of events per year, {years[0]} to {years[-1]}, "
        "each bar split by kind of event: " + ", ".join(g.label.lower() for g in GROUPS) + ". "
        "An event whose date spans several years is spread over them; a whisker runs from "
        "the events certainly in the year to those possibly in it."
    )
    if busiest is not None:
        desc += (
            f" The most events fall in {busiest.key} "
            f"({range_text(busiest.min, busiest.max, busiest.expected)})."
        )

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'class="pakru-timeline" role="group" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif" font-size="12">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]
    # Horizontal grid and the count axis.
    for value in range(0, y_max + 1, step):
        gy = _num(base - value * scale)
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{gy}" y2="{gy}" '
            f'stroke="{GRID if value else TEXT}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{LEFT - 6}" y="{gy}" dy="0.32em" text-anchor="end" fill="{TEXT}">'
            f"{value}</text>"
        )
    out.append(
        f'<text x="10" y="{_num(PLOT_TOP + PLOT_HEIGHT / 2)}" fill="{TEXT}" text-anchor="middle" '
        f'transform="rotate(-90 10 {_num(PLOT_TOP + PLOT_HEIGHT / 2)})">events</text>'
    )
    # Bars, one per year with events, stacked in the order of GROUPS, and a whisker.
    for i, year in enumerate(years):
        x = LEFT + i * slot + (slot - bar) / 2
        b = bins.get(year)
        if b is not None and b.max:
            said = range_text(b.min, b.max, b.expected)
            segments = [f"<title>{year}: {said}</title>"]
            y = float(base)
            for group in GROUPS:
                g = group_bins[group.key].get(year)
                if g is None or not g.max:
                    continue
                h = g.expected * scale
                y -= h
                segments.append(
                    f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(bar)}" height="{_num(h)}" '
                    f'fill="{group.colour}"><title>{year}: '
                    f"{range_text(g.min, g.max, g.expected)}, "
                    f"{escape(group.label.lower())}</title></rect>"
                )
            if b.max > b.min:
                cx = _num(x + bar / 2)
                lo, hi = _num(base - b.min * scale), _num(base - b.max * scale)
                cap = _num(min(bar / 2, 4))
                segments.append(
                    f'<path d="M{cx} {lo}V{hi}m-{cap} 0h{_num(2 * min(bar / 2, 4))}" '
                    f'stroke="{TEXT}" stroke-width="1" fill="none"/>'
                )
            target = link(year)
            if target is None:
                out.append("<g>" + "".join(segments) + "</g>")
            else:
                out.append(
                    f"<a href={quoteattr(target)} aria-label="
                    f'"{year}: {escape(said)}">' + "".join(segments) + "</a>"
                )
        if year % label_every == 0 or label_every == 1:
            cx = _num(x + bar / 2)
            out.append(f'<line x1="{cx}" x2="{cx}" y1="{base}" y2="{base + 4}" stroke="{TEXT}"/>')
            out.append(
                f'<text x="{cx}" y="{base + 17}" text-anchor="middle" fill="{TEXT}">{year}</text>'
            )
    out.append("</svg>")
    return "\n".join(out) + "\n"
