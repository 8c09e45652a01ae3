"""Event counts that carry their uncertainty: by year, decade, event type or quad class.

A pakru date is an interval of days, often wider than one bin (``197X``, ``1979/1989``,
``1972-24`` for winter 1972–73). Counting such an event in the year it began claims more
than the data knows, so each bin holds three numbers:

``min``
    events whose whole date interval lies inside the bin: certainly there;
``max``
    events whose date interval reaches into the bin: possibly there;
``expected``
    each event's one unit of probability mass spread uniformly over the days of its
    date interval, summed over the bin's days.

In every bin ``min <= expected <= max``, and the expected values of all bins add up to
the number of events counted. For event types and quad classes the three are equal.

Open and unknown ends (``2017/..``, ``/1989``) are bounded by the dataset's
:class:`Coverage`: from the first to the last day any event of the dataset is known to
reach. Time bins run over the whole coverage range (and further, if a disputed reading
lies outside it), so an event selected by a filter is never cut off.

Disputed dates: ``disputed="accepted"`` counts each event at its own date (the accepted
value). ``"unresolved"`` adds, as other readings of the event, the dates that unresolved
claims of its date disputes give; ``"all"`` adds the rejected claims' dates too. ``min``
and ``max`` then bound the count under every combination of readings, and ``expected``
weighs an event's readings equally. A claim whose value is not an EDTF date (after
dropping a trailing remark in parentheses, as in ``1973 (built)``) gives no reading.
"""

from __future__ import annotations

import bisect
import datetime as dt
import inspect
import weakref
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from pakru.dates import EDTFDate
from pakru.errors import PakruError, QueryError, QueryTypeError
from pakru.handoff import handed
from pakru.model import Event
from pakru.quads import NO_QUAD, QUAD_BINS, quad_of
from pakru.vocabulary import EVENT_TYPES

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.tables import Table

__all__ = [
    "BY",
    "DISPUTED",
    "Bin",
    "Counts",
    "Coverage",
    "certain_years",
    "count",
    "count_events",
    "count_range",
    "coverage",
    "dataset_coverage",
    "readings",
    "select_events",
]

#: What ``count`` can bin by.
BY = ("year", "decade", "type", "quad")
#: Which readings of disputed dates ``count`` takes: the accepted date only, or also
#: unresolved claims, or also rejected ones.
DISPUTED = ("accepted", "unresolved", "all")
_CLAIMS_READ = {"accepted": (), "unresolved": ("unresolved",), "all": ("unresolved", "rejected")}


@attrs.frozen
class Coverage:
    """The time a dataset reports on.

    ``start`` and ``end`` are the first and last day any event's date is known to reach;
    open and unknown ends of dates are bounded by them. ``years`` are the covered years:
    those some event certainly falls in or runs through (see :func:`certain_years`). In
    any other year the dataset says nothing, so a zero there means "not known", not "none".
    """

    start: dt.date
    end: dt.date
    years: frozenset[int]

    def span(self, date: EDTFDate) -> tuple[int, int]:
        """A date's days as ordinals, with open or unknown ends bounded by the coverage."""
        lo = self.start if date.earliest is None else date.earliest
        hi = self.end if date.latest is None else date.latest
        lo, hi = min(lo, hi), max(lo, hi)
        return lo.toordinal(), hi.toordinal()

    @property
    def year_range(self) -> range:
        """Every year from the first to the last of the coverage."""
        return range(self.start.year, self.end.year + 1)


def certain_years(date: EDTFDate) -> frozenset[int]:
    """The years a date certainly touches.

    A single date (``1972-03``, ``197X``) touches a year for certain only when its first
    and last possible days both lie in it. An interval runs through every year between
    its latest possible start and its earliest possible end, and touches the year of an
    end that is known to the year.
    """
    years: set[int] = set()
    if not date.is_interval:
        lo, hi = date.earliest, date.latest
        if lo is not None and hi is not None and lo.year == hi.year:
            years.add(lo.year)
        return frozenset(years)
    start, end = date.start, date.end
    for point in (start, end):
        if point is not None and point.earliest.year == point.latest.year:
            years.add(point.earliest.year)
    if start is not None and end is not None and start.latest <= end.earliest:
        years.update(range(start.latest.year, end.earliest.year + 1))
    return frozenset(years)


def coverage(events: Iterable[Event]) -> Coverage:
    """The coverage of a dataset (or of any events): see :class:`Coverage`."""
    days: list[dt.date] = []
    years: set[int] = set()
    for event in events:
        days.extend(d for d in (event.date.earliest, event.date.latest) if d is not None)
        years |= certain_years(event.date)
    if not days:
        raise QueryError("coverage: there are no events, so no time is covered")
    return Coverage(min(days), max(days), frozenset(years))


_COVERAGE: weakref.WeakKeyDictionary[Dataset, Coverage] = weakref.WeakKeyDictionary()


def dataset_coverage(dataset: Dataset) -> Coverage:
    """The coverage of a whole dataset, computed once per dataset."""
    found = _COVERAGE.get(dataset)
    if found is None:
        found = _COVERAGE[dataset] = coverage(dataset)
    return found


def _claim_date(value: str) -> EDTFDate | None:
    text = value.split(" (", 1)[0].strip()
    try:
        return EDTFDate(text)
    except PakruError:
        return None


def readings(event: Event, disputed: str = "accepted") -> tuple[EDTFDate, ...]:
    """The dates an event may have: its own, then those of its disputed-date claims.

    ``disputed`` is one of ``DISPUTED``; see the module's description. Readings with the
    same days as an earlier one are left out.
    """
    _check_disputed(disputed)
    found = [event.date]
    statuses = _CLAIMS_READ[disputed]
    if statuses:
        seen = {event.date.bounds()}
        for dispute in event.disputes:
            if dispute.field != "date":
                continue
            for claim in dispute.claims:
                date = _claim_date(claim.value) if claim.status in statuses else None
                if date is not None and date.bounds() not in seen:
                    seen.add(date.bounds())
                    found.append(date)
    return tuple(found)


def _check_disputed(disputed: object) -> None:
    if disputed not in DISPUTED:
        raise QueryError(f"disputed: expected one of {', '.join(DISPUTED)}, got {disputed!r}")


@attrs.frozen
class Bin:
    """One bin of a count: its key, the bounds of the count and the expected value.

    ``key`` is the year (``1980``), the decade's first year (``1980``), the event type or
    the quad class. ``start`` and ``end`` are the bin's first and last day (None for type
    and quad bins). ``covered`` tells whether the dataset reports on the bin's time at
    all (any of its years, for a decade); None for type and quad bins.
    """

    key: int | str
    min: int
    max: int
    expected: float
    start: dt.date | None = None
    end: dt.date | None = None
    covered: bool | None = None

    @property
    def label(self) -> str:
        """The bin as a reader names it: ``1980``, ``1980s``, ``visit``."""
        if isinstance(self.key, int) and self.start is not None and self.end is not None:
            return f"{self.key}s" if self.end.year > self.start.year else str(self.key)
        return str(self.key)


@attrs.frozen
class Counts(Sequence[Bin]):
    """A read-only sequence of :class:`Bin` records, with what was counted and how.

    ``by`` is what the bins are (``year``, ``decade``, ``type`` or ``quad``);
    ``disputed`` which readings of disputed dates were taken; ``events`` how many events
    were counted (the sum of the expected values).
    """

    by: str
    disputed: str
    events: int
    bins: tuple[Bin, ...]

    @overload
    def __getitem__(self, index: int) -> Bin: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Bin]: ...

    def __getitem__(self, index: int | slice) -> Bin | Sequence[Bin]:
        return self.bins[index]

    def __len__(self) -> int:
        return len(self.bins)

    def __iter__(self) -> Iterator[Bin]:
        return iter(self.bins)

    def __repr__(self) -> str:
        head = f"Counts(by={self.by!r}, disputed={self.disputed!r}, {self.events} events"
        if not self.bins:
            return head + ")"
        rows = "\n".join(
            f"  {b.label:<22} min {b.min:>4}  expected {b.expected:>8.2f}  max {b.max:>4}"
            + ("" if b.covered is None or b.covered else "  (not covered)")
            for b in self.bins
        )
        return f"{head}:\n{rows}\n)"

    def get(self, key: int | str) -> Bin | None:
        """The bin of this key (a year, a decade's first year, a type or a class), or None."""
        return next((b for b in self.bins if b.key == key), None)

    def rows(self) -> list[dict[str, Any]]:
        """The bins as table rows (see :data:`table`): plain values, dates as ISO text."""
        out = []
        for b in self.bins:
            row: dict[str, Any] = {self.by: b.key, "min": b.min, "expected": b.expected}
            row["max"] = b.max
            if self.by in ("year", "decade"):
                row["start"] = None if b.start is None else b.start.isoformat()
                row["end"] = None if b.end is None else b.end.isoformat()
                row["covered"] = b.covered
            out.append(row)
        return out

    @property
    def table(self) -> Table:
        """The layout of :meth:`rows`: columns, types and descriptions."""
        from pakru.shapes import counts_table  # noqa: PLC0415

        return counts_table(self.by)

    def to_pandas(self) -> Any:
        """The bins as a ``pandas.DataFrame`` (the ``pandas`` extra)."""
        rows_to_pandas = handed("rows_to_pandas")

        return rows_to_pandas(self.table, self.rows())

    def to_arrow(self) -> Any:
        """The bins as a ``pyarrow.Table`` (the ``arrow`` extra)."""
        rows_to_arrow = handed("rows_to_arrow")

        return rows_to_arrow(self.table, self.rows(), {"by": self.by, "disputed": self.disputed})


def _time_bins(by: str, first: int, last: int) -> list[tuple[int, int, int]]:
    """(key, first day, last day) of each year or decade from ``first`` to ``last``."""
    step = 1 if by == "year" else 10
    start = first if by == "year" else first // 10 * 10
    out = []
    for key in range(start, last + 1, step):
        lo = dt.date(key, 1, 1).toordinal()
        hi = dt.date(min(key + step - 1, 9999), 12, 31).toordinal()
        out.append((key, lo, hi))
    return out


def _spans(
    events: Sequence[Event], cov: Coverage, disputed: str
) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(cov.span(d) for d in readings(e, disputed)) for e in events]


def _tally(
    spans: list[tuple[tuple[int, int], ...]], bins: Sequence[tuple[int, int]]
) -> list[list[float]]:
    """[min, max, expected] of each (first day, last day) bin; bins sorted and disjoint."""
    acc = [[0.0, 0.0, 0.0] for _ in bins]
    starts = [b[0] for b in bins]
    for event_spans in spans:
        weight = 1.0 / len(event_spans)
        touched: dict[int, list[int]] = {}
        for lo, hi in event_spans:
            days = hi - lo + 1
            i = max(bisect.bisect_right(starts, lo) - 1, 0)
            while i < len(bins) and bins[i][0] <= hi:
                blo, bhi = bins[i]
                overlap = min(hi, bhi) - max(lo, blo) + 1
                if overlap > 0:
                    acc[i][2] += weight * overlap / days
                    inside = touched.setdefault(i, [0, 0])
                    inside[0] += 1
                    inside[1] += lo >= blo and hi <= bhi
                i += 1
        for i, (_, within) in touched.items():
            acc[i][1] += 1
            acc[i][0] += within == len(event_spans)
    return acc


def count_events(
    events: Iterable[Event],
    by: str = "year",
    *,
    coverage_of: Coverage,
    disputed: str = "accepted",
) -> Counts:
    """Count ``events`` into bins ``by`` year, decade, event type or quad class.

    Open ends are bounded by ``coverage_of`` (usually the coverage of the whole dataset
    the events come from), and time bins span it.
    """
    if not isinstance(by, str) or by not in BY:
        raise QueryError(f"by: expected one of {', '.join(BY)}, got {by!r}")
    _check_disputed(disputed)
    selected = tuple(events)
    if by in ("type", "quad"):
        keys = tuple(EVENT_TYPES) if by == "type" else QUAD_BINS
        key_of = (lambda t: t) if by == "type" else (lambda t: quad_of(t) or NO_QUAD)
        tally = dict.fromkeys(keys, 0)
        for event in selected:
            tally[key_of(event.type)] += 1
        fixed = tuple(Bin(k, n, n, float(n)) for k, n in tally.items())
        return Counts(by, disputed, len(selected), fixed)
    spans = _spans(selected, coverage_of, disputed)
    days = [d for s in spans for span in s for d in span] + [
        coverage_of.start.toordinal(),
        coverage_of.end.toordinal(),
    ]
    first, last = dt.date.fromordinal(min(days)).year, dt.date.fromordinal(max(days)).year
    layout = _time_bins(by, first, last)
    acc = _tally(spans, [(lo, hi) for _, lo, hi in layout])
    bins: list[Bin] = []
    for (key, lo, hi), (low, high, expected) in zip(layout, acc, strict=True):
        years = range(key, dt.date.fromordinal(hi).year + 1)
        covered = any(y in coverage_of.years for y in years)
        bins.append(
            Bin(
                key,
                int(low),
                int(high),
                expected,
                dt.date.fromordinal(lo),
                dt.date.fromordinal(hi),
                covered,
            )
        )
    return Counts(by, disputed, len(selected), tuple(bins))


def count_range(
    events: Iterable[Event],
    start: dt.date,
    end: dt.date,
    *,
    coverage_of: Coverage,
    disputed: str = "accepted",
) -> Bin:
    """One bin from ``start`` to ``end`` (both inclusive), for any span of days."""
    if start > end:
        raise QueryError(f"count_range: {start} is after {end}; give the earlier day first")
    _check_disputed(disputed)
    spans = _spans(tuple(events), coverage_of, disputed)
    ((low, high, expected),) = _tally(spans, [(start.toordinal(), end.toordinal())])
    years = range(start.year, end.year + 1)
    covered = any(y in coverage_of.years for y in years)
    return Bin(start.isoformat(), int(low), int(high), expected, start, end, covered)


def _filter_names() -> tuple[str, ...]:
    from pakru.collection import Dataset  # noqa: PLC0415

    params = inspect.signature(Dataset.events).parameters
    return tuple(name for name in params if name != "self")


def select_events(dataset: Dataset, between: object, filters: dict[str, Any]) -> Sequence[Event]:
    """The events of ``dataset`` that :meth:`Dataset.events` selects with these filters."""
    known = _filter_names()
    unknown = sorted(set(filters) - set(known))
    if unknown:
        raise QueryTypeError(
            f"{unknown[0]!r} is not a filter; the filters are those of events(): "
            + ", ".join(known)
        )
    # Counts carry their own uncertainty (min, expected, max), so a date window selects
    # every event that may fall in it unless the caller names a rule.
    return dataset.events(between, **{"date_match": "possible", **filters})


def count(
    dataset: Dataset,
    by: str = "year",
    between: object = None,
    *,
    disputed: str = "accepted",
    **filters: Any,
) -> Counts:
    """Count the events of ``dataset`` that match the filters of :meth:`Dataset.events`.

    ``between`` and ``filters`` select events exactly as ``dataset.events()`` does; the
    bins span the coverage of the whole dataset (see :class:`Coverage`).
    """
    selected = select_events(dataset, between, filters)
    return count_events(selected, by, coverage_of=dataset_coverage(dataset), disputed=disputed)
