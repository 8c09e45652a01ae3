"""Hypothesis strategies shared by the tests: EDTF texts with their expected meaning.

Each point strategy draws a :class:`Point`: EDTF text together with the day bounds,
precision and qualifier flags that text must parse to, computed here independently of
pakru's parser.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from hypothesis import strategies as st

from pakru import Precision

FIRST_DAY = dt.date(1, 1, 1)
LAST_DAY = dt.date(9999, 12, 31)

#: Coarseness order of precisions, finest first (independent of pakru's own ranking).
COARSENESS = {
    Precision.DAY: 0,
    Precision.MONTH: 1,
    Precision.SEASON: 2,
    Precision.YEAR: 3,
    Precision.DECADE: 4,
    Precision.CENTURY: 5,
}

#: Northern-hemisphere seasons: code -> (first month, number of months).
SEASONS = {21: 3, 22: 6, 23: 9, 24: 12}


class Point(NamedTuple):
    """EDTF text of one date (not an interval) and what it must mean."""

    text: str
    earliest: dt.date
    latest: dt.date
    precision: Precision
    uncertain: bool
    approximate: bool


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


qualifiers = st.sampled_from(["", "?", "~", "%"])


def _flags(q: str) -> tuple[bool, bool]:
    return q in ("?", "%"), q in ("~", "%")


@st.composite
def day_points(draw: st.DrawFn) -> Point:
    d = draw(st.dates(FIRST_DAY, LAST_DAY))
    q = draw(qualifiers)
    text = f"{d.year:04d}-{d.month:02d}-{d.day:02d}{q}"
    return Point(text, d, d, Precision.DAY, *_flags(q))


@st.composite
def month_points(draw: st.DrawFn) -> Point:
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    unspecified_day = draw(st.booleans())
    q = draw(qualifiers)
    text = f"{year:04d}-{month:02d}{'-XX' if unspecified_day else ''}{q}"
    return Point(text, dt.date(year, month, 1), last_day(year, month), Precision.MONTH, *_flags(q))


@st.composite
def year_points(draw: st.DrawFn) -> Point:
    year = draw(st.integers(1, 9999))
    suffix = draw(st.sampled_from(["", "-XX", "-XX-XX"]))
    q = draw(qualifiers)
    text = f"{year:04d}{suffix}{q}"
    return Point(text, dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, *_flags(q))


@st.composite
def season_points(draw: st.DrawFn) -> Point:
    year = draw(st.integers(1, 9998))
    code = draw(st.sampled_from(sorted(SEASONS)))
    q = draw(qualifiers)
    first = SEASONS[code]
    end_month = first + 2
    end_year = year + (end_month - 1) // 12
    end_month = (end_month - 1) % 12 + 1
    return Point(
        f"{year:04d}-{code}{q}",
        dt.date(year, first, 1),
        last_day(end_year, end_month),
        Precision.SEASON,
        *_flags(q),
    )


@st.composite
def decade_points(draw: st.DrawFn) -> Point:
    prefix = draw(st.integers(0, 999))
    q = draw(qualifiers)
    lo = max(prefix * 10, 1)
    return Point(
        f"{prefix:03d}X{q}",
        dt.date(lo, 1, 1),
        dt.date(prefix * 10 + 9, 12, 31),
        Precision.DECADE,
        *_flags(q),
    )


@st.composite
def century_points(draw: st.DrawFn) -> Point:
    prefix = draw(st.integers(0, 99))
    q = draw(qualifiers)
    lo = max(prefix * 100, 1)
    return Point(
        f"{prefix:02d}XX{q}",
        dt.date(lo, 1, 1),
        dt.date(prefix * 100 + 99, 12, 31),
        Precision.CENTURY,
        *_flags(q),
    )


def points() -> st.SearchStrategy[Point]:
    """Any valid EDTF point of any precision."""
    return st.one_of(
        day_points(),
        month_points(),
        year_points(),
        season_points(),
        decade_points(),
        century_points(),
    )


def modern_years(lo: int = 1900, hi: int = 2035) -> st.SearchStrategy[int]:
    """Years around the dataset's span, where queries find something."""
    return st.integers(lo, hi)


@st.composite
def year_pairs(draw: st.DrawFn, lo: int = 1900, hi: int = 2035) -> tuple[int, int]:
    a = draw(modern_years(lo, hi))
    b = draw(modern_years(lo, hi))
    return min(a, b), max(a, b)
