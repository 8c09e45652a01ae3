"""The timeline figure: events per year, stacked by kind of event, as a standalone SVG.

The SVG is written here as text (no plotting library, no fonts or network needed), so
the same data always gives the same bytes. It names itself (``<title>``, ``<desc>``),
labels its axes and legend in text, and gives each bar segment a tooltip; a bar can
link to the page that lists that year's events.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

import attrs

from pakru import EVENT_TYPES, Event

__all__ = ["GROUPS", "Group", "event_year", "group_of", "timeline_svg"]


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
LEGEND_ROW = 20
LEGEND_COLUMNS = 3
LEGEND_GAP = 42
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


def _legend(base: float) -> list[str]:
    """A swatch and a text label for each group, in rows of three under the plot."""
    out = []
    col_w = (WIDTH - LEFT) / LEGEND_COLUMNS
    for k, group in enumerate(GROUPS):
        x = LEFT + (k % LEGEND_COLUMNS) * col_w
        y = base + LEGEND_GAP + (k // LEGEND_COLUMNS) * LEGEND_ROW
        out.append(
            f'<rect x="{_num(x)}" y="{_num(y - 10)}" width="12" height="12" fill="{group.colour}"/>'
            f'<text x="{_num(x + 18)}" y="{_num(y)}" fill="{TEXT}">{escape(group.label)}</text>'
        )
    return out


def timeline_svg(
    events: Iterable[Event],
    years: range,
    *,
    ident: str,
    title: str,
    link: Callable[[int], str | None] = lambda _year: None,
    label_every: int = 10,
) -> str:
    """An SVG bar chart of ``events`` per year over ``years``, stacked by group.

    ``ident`` prefixes the ids inside the SVG (several figures may share a page);
    ``link(year)`` gives the address a year's bar links to, or None; ``label_every``
    labels the years divisible by it (1 labels every year).
    """
    counts: Counter[tuple[int, str]] = Counter()
    totals: Counter[int] = Counter()
    for event in events:
        year = event_year(event)
        if year in years:
            counts[year, group_of(event.type).key] += 1
            totals[year] += 1
    top = max(totals.values(), default=0)
    step = _step(max(top, 1))
    y_max = max(step, -(-top // step) * step)
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / len(years)
    bar = max(slot * 0.78, 1.0)
    scale = PLOT_HEIGHT / y_max
    base = PLOT_TOP + PLOT_HEIGHT
    legend_rows = -(-len(GROUPS) // LEGEND_COLUMNS)
    height = base + LEGEND_GAP + (legend_rows - 1) * LEGEND_ROW + 8

    total = sum(totals.values())
    busiest = max(sorted(totals), key=lambda y: totals[y], default=None)
    desc = (
        f"Bar chart of {total} events by the year they began, {years[0]} to {years[-1]}, "
        "each bar split by kind of event: " + ", ".join(g.label.lower() for g in GROUPS) + "."
    )
    if busiest is not None:
        desc += f" The most events began in {busiest} ({totals[busiest]})."

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
    # Bars, one per year with events, stacked in the order of GROUPS.
    for i, year in enumerate(years):
        x = LEFT + i * slot + (slot - bar) / 2
        if totals[year]:
            noun = "event" if totals[year] == 1 else "events"
            segments = [f"<title>{year}: {totals[year]} {noun}</title>"]
            y = float(base)
            for group in GROUPS:
                n = counts[year, group.key]
                if not n:
                    continue
                h = n * scale
                y -= h
                segments.append(
                    f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(bar)}" height="{_num(h)}" '
                    f'fill="{group.colour}"><title>{year}: {n} × {escape(group.label.lower())}'
                    "</title></rect>"
                )
            target = link(year)
            if target is None:
                out.append("<g>" + "".join(segments) + "</g>")
            else:
                out.append(
                    f"<a href={quoteattr(target)} aria-label="
                    f'"{year}: {totals[year]} {noun}">' + "".join(segments) + "</a>"
                )
        if year % label_every == 0 or label_every == 1:
            cx = _num(x + bar / 2)
            out.append(f'<line x1="{cx}" x2="{cx}" y1="{base}" y2="{base + 4}" stroke="{TEXT}"/>')
            out.append(
                f'<text x="{cx}" y="{base + 17}" text-anchor="middle" fill="{TEXT}">{year}</text>'
            )
    out += _legend(base)
    out.append("</svg>")
    return "\n".join(out) + "\n"
