"""Normalise query arguments: dates into day intervals, filters into sets of keys.

Every function here raises :class:`~pakru.errors.QueryError` (a ``ValueError``) or
:class:`~pakru.errors.QueryTypeError` (a ``TypeError``) that says what was wrong and what
is accepted; nothing else escapes for any input.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from pakru.dates import EDTFDate
from pakru.errors import PakruError, QueryError, QueryTypeError

__all__ = ["ALL_DAYS", "BETWEEN_ACCEPTED", "DayRange", "as_keys", "date_fit", "day_range"]

#: An inclusive range of day ordinals; open ends are widened to the calendar's limits.
DayRange = tuple[int, int]

BETWEEN_ACCEPTED = (
    "a pair (start, end) whose items are years (1965 or '1965'), EDTF dates ('1965-09'), "
    "datetime.date objects or None for an open end; or one EDTF date or interval "
    "('1971', '1965/1972', '1979/..')"
)
_MIN, _MAX = dt.date.min.toordinal(), dt.date.max.toordinal()
#: The window of a ``between`` open at both ends.
ALL_DAYS: DayRange = (_MIN, _MAX)


def _edtf(value: str) -> EDTFDate:
    try:
        return _parse_cached(value.strip())
    except PakruError as exc:
        raise QueryError(f"between: {exc}") from None


@functools.lru_cache(maxsize=512)
def _parse_cached(text: str) -> EDTFDate:
    # Dates are immutable values, so repeated queries can share one parse.
    return EDTFDate(text)


def _end(value: object, side: str) -> int:
    """One end of a ``between`` pair as a day ordinal (the start's first or end's last day)."""
    if value is None or value == "..":
        return _MIN if side == "start" else _MAX
    if isinstance(value, dt.datetime):
        return value.date().toordinal()
    if isinstance(value, dt.date):
        return value.toordinal()
    if isinstance(value, bool) or not isinstance(value, (int, str, EDTFDate)):
        raise QueryTypeError(
            f"between: cannot use {type(value).__name__} {value!r} as a "
            f"date; expected {BETWEEN_ACCEPTED}"
        )
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            raise QueryError(f"between: year {value} is outside 1-9999")
        value = f"{value:04d}"
    date = value if isinstance(value, EDTFDate) else _edtf(value)
    lo, hi = date.bounds()
    return lo if side == "start" else hi


def day_range(between: object) -> DayRange | None:
    """The inclusive day range a ``between`` argument means, or None for no date filter."""
    if between is None:
        return None
    if isinstance(between, (str, EDTFDate)):
        text = between if isinstance(between, str) else between.edtf
        return _edtf(text).bounds()
    if isinstance(between, int) and not isinstance(between, bool):
        lo = _end(between, "start")
        return lo, _end(between, "end")
    if isinstance(between, dt.date):
        day = _end(between, "start")
        return day, day
    if not isinstance(between, (tuple, list)):
        raise QueryTypeError(f"between: got {type(between).__name__}; expected {BETWEEN_ACCEPTED}")
    if len(between) != 2:
        raise QueryError(f"between: expected 2 items (start, end), got {len(between)}")
    lo, hi = _end(between[0], "start"), _end(between[1], "end")
    if lo > hi:
        raise QueryError(
            f"between: the range {between[0]!r} to {between[1]!r} ends before "
            "it starts; give the earlier date first"
        )
    return lo, hi


def as_keys(name: str, value: object, accepted: str) -> tuple[str, ...] | None:
    """A filter that takes one string or several as a tuple of strings (None: no filter)."""
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        items = tuple(value)
        bad = [i for i in items if not isinstance(i, str)]
        if bad:
            raise QueryTypeError(
                f"{name}: expected {accepted}, got an item "
                f"{bad[0]!r} of type {type(bad[0]).__name__}"
            )
        if not items:
            raise QueryError(
                f"{name}: got an empty collection; give at least one value or leave the filter out"
            )
        return items
    raise QueryTypeError(f"{name}: expected {accepted}, got {type(value).__name__} {value!r}")


def date_fit(date: EDTFDate, window: DayRange) -> str | None:
    """How a date falls in a window of days: ``"certain"``, ``"possible"`` or None.

    ``"certain"``: every day the date can mean lies inside the window (so both of its
    ends are known, unless the window is open on that side) and it carries no ``?`` or
    ``~`` (a window open at both ends holds every date, qualified or not).
    ``"possible"``: it shares at least one day with the window but is not certain (an
    open or unknown end, a decade or year reaching past the window, a qualifier). None:
    no day in common.

    ```python
    >>> from pakru.dates import EDTFDate
    >>> window = day_range(("1965", "1972"))
    >>> [date_fit(EDTFDate(t), window) for t in ("1968-22", "1968?", "196X", "195X/..", "1980")]
    ['certain', 'possible', 'possible', 'possible', None]

    ```
    """
    lo, hi = date.bounds()
    if lo > window[1] or hi < window[0]:
        return None
    qualified = (date.uncertain or date.approximate) and window != ALL_DAYS
    if window[0] <= lo and hi <= window[1] and not qualified:
        return "certain"
    return "possible"
