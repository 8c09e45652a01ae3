"""Dyad-year panels: a row per pair of states and year, with event counts.

A dyad is a pair of state participants of the same event, named by their Correlates of
War numbers (``codes="cow"``: columns ``ccode1``, ``ccode2``, ``year``, the keys of
peacesciencer's ``cow_ddy``), their Gleditsch–Ward numbers (``"gw"``: ``gwcode1``,
``gwcode2``, ``year``, the keys of ``gw_ddy``) or their ISO 3166 codes (``"iso3"``:
``iso3_1``, ``iso3_2``, ``year``). Directed panels hold both (A, B) and (B, A);
undirected ones one row per pair, the smaller code first.

An event counts in every year its date reaches: an interval (``1979-12/1989-02-15``) in
each year it runs through, an uncertain date (``197X``) in each year it may fall in.
``events_certain`` counts only the events that certainly touch the year (see
:func:`pakru.counts.certain_years`). An event with k states of k different codes gives
k·(k−1) directed rows (half as many undirected) in each year it spans. An event counts
for a state only in the years it held its code (:data:`CODE_PERIODS`): an open-ended
relationship of the USSR does not run on into Russia's years in an ``iso3`` panel.

Coverage: every dyad gets a row for each year of the dataset's coverage range, and a
``covered`` flag (:class:`pakru.counts.Coverage`). In a covered year a count of 0 means
the dataset records no such event; in a year that is not covered, counts are missing
(None) unless an event reaches the year.

The USSR and the Russian Federation both carry COW and GW number 365. In ``cow`` and
``gw`` panels they are one state, as in those systems: the row's ``actor1``/``actor2``
names the actor that held the code for most of the year (the USSR to 1991, the Russian
Federation from 1992; :data:`CODE_PERIODS`). In ``iso3`` panels they stay apart (``SUN``
to 1991, ``RUS`` from 1991).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, overload

import attrs

from pakru.counts import Coverage, certain_years, dataset_coverage, select_events
from pakru.errors import QueryError, QueryTypeError
from pakru.handoff import handed
from pakru.model import Actor, Event
from pakru.quads import QUADS, quad_of
from pakru.shapes import KEY_COLUMNS
from pakru.vocabulary import EVENT_TYPES

if TYPE_CHECKING:
    from pakru.collection import Dataset
    from pakru.tables import Table

__all__ = [
    "ACTS_ON",
    "CODES",
    "CODE_PERIODS",
    "KEY_COLUMNS",
    "DyadYear",
    "Dyads",
    "dyad_years",
    "dyads",
]

#: The code systems a panel can be keyed by.
CODES = ("cow", "gw", "iso3")
#: The key columns of each code system (peacesciencer's names for COW and GW).

#: When a state actor held its codes, where two actors share a number: the USSR until its
#: dissolution on 25 December 1991, the Russian Federation from 26 December 1991.
CODE_PERIODS: Mapping[str, tuple[dt.date | None, dt.date | None]] = MappingProxyType(
    {"ussr": (None, dt.date(1991, 12, 25)), "russia": (dt.date(1991, 12, 26), None)}
)

#: Role pairs in which the first actor acts on the second (``initiated`` counts them).
ACTS_ON = frozenset(
    {
        ("visitor", "host"),
        ("donor", "recipient"),
        ("seller", "buyer"),
        ("attacker", "target"),
        ("critic", "target"),
        ("mediator", "party"),
    }
)


@attrs.frozen
class DyadYear:
    """One dyad in one year: its codes, the actors behind them, and the event counts.

    ``quads`` and ``types`` count the events by PLOVER quad class (in the order of
    ``pakru.quads.QUADS``) and by event type (in the order of ``pakru.EVENT_TYPES``).
    Counts are None where the year is not covered and no event reaches it.
    ``initiated`` (directed panels only) counts the events in which the first state acts
    on the second (:data:`ACTS_ON`): it visits, gives, sells, attacks, criticises or mediates.
    """

    code1: int | str
    code2: int | str
    year: int
    actor1: str
    actor2: str
    covered: bool
    events: int | None
    events_certain: int | None
    initiated: int | None
    quads: tuple[int, ...] | None
    types: tuple[int, ...] | None

    def quad(self, name: str) -> int | None:
        """The count of one quad class (``"material-conflict"``)."""
        return None if self.quads is None else self.quads[QUADS.index(name)]

    def type(self, name: str) -> int | None:
        """The count of one event type (``"visit"``)."""
        return None if self.types is None else self.types[tuple(EVENT_TYPES).index(name)]


@attrs.frozen
class Dyads(Sequence[DyadYear]):
    """A read-only dyad-year panel: its rows and how it was made."""

    directed: bool
    codes: str
    records: tuple[DyadYear, ...]

    @overload
    def __getitem__(self, index: int) -> DyadYear: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[DyadYear]: ...

    def __getitem__(self, index: int | slice) -> DyadYear | Sequence[DyadYear]:
        return self.records[index]

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[DyadYear]:
        return iter(self.records)

    def __repr__(self) -> str:
        kind = "directed" if self.directed else "undirected"
        pairs = len({(r.code1, r.code2) for r in self.records})
        return f"<pakru Dyads: {kind}, {self.codes} codes, {pairs} dyads, {len(self)} dyad-years>"

    def rows(self) -> list[dict[str, Any]]:
        """The panel as table rows (see :attr:`table`)."""
        key1, key2 = KEY_COLUMNS[self.codes]
        type_columns = [_type_column(t) for t in EVENT_TYPES]
        out = []
        for r in self.records:
            row: dict[str, Any] = {
                key1: r.code1,
                key2: r.code2,
                "year": r.year,
                "actor1": r.actor1,
                "actor2": r.actor2,
                "covered": r.covered,
                "events": r.events,
                "events_certain": r.events_certain,
            }
            if self.directed:
                row["initiated"] = r.initiated
            for i, name in enumerate(QUADS):
                row[name.replace("-", "_")] = None if r.quads is None else r.quads[i]
            for i, name in enumerate(type_columns):
                row[name] = None if r.types is None else r.types[i]
            out.append(row)
        return out

    @property
    def table(self) -> Table:
        """The layout of :meth:`rows`: columns, types and descriptions."""
        from pakru.shapes import dyads_table  # noqa: PLC0415 - layouts are cheap to import

        return dyads_table(self.codes, directed=self.directed)

    def to_pandas(self) -> Any:
        """The panel as a ``pandas.DataFrame`` (the ``pandas`` extra)."""
        rows_to_pandas = handed("rows_to_pandas")

        return rows_to_pandas(self.table, self.rows())

    def to_arrow(self) -> Any:
        """The panel as a ``pyarrow.Table`` (the ``arrow`` extra)."""
        rows_to_arrow = handed("rows_to_arrow")

        meta = {"directed": self.directed, "codes": self.codes}
        return rows_to_arrow(self.table, self.rows(), meta)


def _type_column(event_type: str) -> str:
    return "type_" + event_type.replace("-", "_")


def _order(code: int | str) -> tuple[int, str]:
    """Codes of one system in their natural order (numbers as numbers)."""
    return (code, "") if isinstance(code, int) else (0, code)


def _code(actor: Actor, codes: str) -> int | str | None:
    return {"cow": actor.cow, "gw": actor.gw, "iso3": actor.iso3}[codes]


def _years_of(actor: Actor) -> tuple[int | None, int | None]:
    start, end = CODE_PERIODS.get(actor.id, (None, None))
    return (None if start is None else start.year, None if end is None else end.year)


def _days_in(actor: Actor, year: int) -> int:
    if actor.id not in CODE_PERIODS:  # held its code all along
        return 366
    start, end = CODE_PERIODS[actor.id]
    lo = max(dt.date(year, 1, 1), start or dt.date.min)
    hi = min(dt.date(year, 12, 31), end or dt.date.max)
    return max((hi - lo).days + 1, 0)


class _Unit:
    """The states behind one code, and the years the code can appear in."""

    def __init__(self, code: int | str, actors: list[Actor], years: range) -> None:
        self.code = code
        self.actors = actors
        firsts = [_years_of(a)[0] for a in actors]
        lasts = [_years_of(a)[1] for a in actors]
        first = years.start if None in firsts else min(f for f in firsts if f is not None)
        last = years.stop - 1 if None in lasts else max(x for x in lasts if x is not None)
        self.years = range(max(first, years.start), min(last, years.stop - 1) + 1)
        self._held: dict[int, str] = {}

    def actor_in(self, year: int) -> str:
        """The actor that held the code for most of ``year``."""
        if len(self.actors) == 1:
            return self.actors[0].id
        found = self._held.get(year)
        if found is None:
            found = max(self.actors, key=lambda a: (_days_in(a, year), a.id)).id
            self._held[year] = found
        return found


def dyad_years(
    events: Iterable[Event],
    actors: Mapping[str, Actor],
    *,
    coverage_of: Coverage,
    directed: bool = True,
    codes: str = "cow",
) -> Dyads:
    """The dyad-year panel of ``events``; ``actors`` maps actor ids to actors."""
    if not isinstance(directed, bool):
        raise QueryTypeError(f"directed: expected True or False, got {directed!r}")
    if codes not in CODES:
        raise QueryError(f"codes: expected one of {', '.join(CODES)}, got {codes!r}")
    years = coverage_of.year_range
    quad_index = {q: i for i, q in enumerate(QUADS)}
    type_index = {t: i for i, t in enumerate(EVENT_TYPES)}
    by_code: dict[int | str, list[Actor]] = {}
    for actor in actors.values():
        code = _code(actor, codes) if actor.kind == "state" else None
        if code is not None:
            by_code.setdefault(code, []).append(actor)
    units = {c: _Unit(c, sorted(a, key=lambda x: x.id), years) for c, a in by_code.items()}
    # (code1, code2, year) -> [events, certain, initiated, *quads, *types]
    width = 3 + len(QUADS) + len(EVENT_TYPES)
    cells: dict[tuple[int | str, int | str, int], list[int]] = {}
    pairs: set[tuple[int | str, int | str]] = set()
    for event in events:
        roles = _roles_by_code(event, actors, codes)
        if len(roles) < 2:
            continue
        lo, hi = coverage_of.span(event.date)
        span = range(dt.date.fromordinal(lo).year, dt.date.fromordinal(hi).year + 1)
        certain = certain_years(event.date)
        quad = quad_of(event.type)
        q = None if quad is None else 3 + quad_index[quad]
        t = 3 + len(QUADS) + type_index[event.type]
        ordered = sorted(roles, key=_order)
        for a in ordered:
            for b in ordered:
                if a == b or (not directed and _order(a) > _order(b)):
                    continue
                pairs.add((a, b))
                acts = directed and any((ra, rb) in ACTS_ON for ra in roles[a] for rb in roles[b])
                ya, yb = units[a].years, units[b].years
                held = range(max(span.start, ya.start, yb.start), min(span.stop, ya.stop, yb.stop))
                for year in held:
                    cell = cells.get((a, b, year))
                    if cell is None:
                        cell = cells[a, b, year] = [0] * width
                    cell[0] += 1
                    cell[1] += year in certain
                    cell[2] += acts
                    if q is not None:
                        cell[q] += 1
                    cell[t] += 1
    rows = _panel_rows(pairs, cells, units, coverage_of, directed=directed)
    return Dyads(directed, codes, tuple(rows))


def _roles_by_code(
    event: Event, actors: Mapping[str, Actor], codes: str
) -> dict[int | str, set[str]]:
    """The roles of the event's states, by their code."""
    roles: dict[int | str, set[str]] = {}
    for p in event.participants:
        actor = actors.get(p.actor)
        code = None if actor is None or actor.kind != "state" else _code(actor, codes)
        if code is not None:
            roles.setdefault(code, set()).add(p.role)
    return roles


def _panel_rows(
    pairs: set[tuple[int | str, int | str]],
    cells: Mapping[tuple[int | str, int | str, int], list[int]],
    units: Mapping[int | str, _Unit],
    coverage_of: Coverage,
    *,
    directed: bool,
) -> list[DyadYear]:
    """A row per dyad and year the two codes share, with the counts of ``cells``."""
    n = 3 + len(QUADS)
    zero_quads, zero_types = (0,) * len(QUADS), (0,) * len(EVENT_TYPES)
    covered_years = coverage_of.years
    rows: list[DyadYear] = []
    for a, b in sorted(pairs, key=lambda p: (_order(p[0]), _order(p[1]))):
        ua, ub = units[a], units[b]
        shared = range(max(ua.years.start, ub.years.start), min(ua.years.stop, ub.years.stop))
        for year in shared:
            covered = year in covered_years
            cell = cells.get((a, b, year))
            first, second = ua.actor_in(year), ub.actor_in(year)
            if cell is not None:
                row = DyadYear(
                    a,
                    b,
                    year,
                    first,
                    second,
                    covered,
                    cell[0],
                    cell[1],
                    cell[2] if directed else None,
                    tuple(cell[3:n]),
                    tuple(cell[n:]),
                )
            elif covered:
                row = DyadYear(
                    a,
                    b,
                    year,
                    first,
                    second,
                    True,
                    0,
                    0,
                    0 if directed else None,
                    zero_quads,
                    zero_types,
                )
            else:
                row = DyadYear(a, b, year, first, second, False, None, None, None, None, None)
            rows.append(row)
    return rows


def dyads(
    dataset: Dataset,
    *,
    directed: bool = True,
    by: str = "year",
    codes: str = "cow",
    between: object = None,
    **filters: Any,
) -> Dyads:
    """The dyad-year panel of the events of ``dataset`` that match the filters.

    ``between`` and ``filters`` select events as :meth:`Dataset.events` does; ``by``
    is ``"year"`` (the only unit so far). Coverage is that of the whole dataset.
    """
    if by != "year":
        raise QueryError(f"by: dyad panels are by 'year' only, got {by!r}")
    selected = select_events(dataset, between, filters)
    actors = {a.id: a for a in dataset.actors("state")}
    return dyad_years(
        selected,
        actors,
        coverage_of=dataset_coverage(dataset),
        directed=directed,
        codes=codes,
    )
