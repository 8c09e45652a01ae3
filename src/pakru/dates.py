"""EDTF dates (ISO 8601-2, levels 0 and 1) with their precision and day bounds.

pakru dates say how much is known: ``1972`` is a year, ``1972-03`` a month,
``1972-03-16`` a day, ``1950~`` an approximate year, ``1972?`` an uncertain one,
``197X`` a decade, ``1972-21`` spring 1972, and ``1979-12-24/1989-02-15`` an interval
whose ends may be open (``..``) or unknown (empty). From EDTF level 2, pakru reads the
"one of a set" form for a single range: ``[1991-12..2003-02]`` is one date, not known
more closely than "some time between December 1991 and February 2003", and
``[..2016-09]`` one "on or before September 2016". An interval runs through every day
between its ends; a date of a set happens once, somewhere in its range. Every date
exposes the earliest and the latest day it can mean, which is what queries compare.

Qualifiers (``?`` uncertain, ``~`` approximate, ``%`` both) are kept as flags; they do
not widen the day bounds. Seasons follow the northern hemisphere (21 spring = March to
May, 22 summer, 23 autumn, 24 winter = December to February).
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from pakru.errors import DateSyntaxError

__all__ = ["EDTFDate", "EDTFPoint", "Precision", "parse_edtf"]

ACCEPTED = (
    "an EDTF level 0/1 date such as '1972', '1972-03', '1972-03-16', '1950~', '1972?', "
    "'197X', '1972-21' (season), an interval such as '1979-12-24/1989-02-15', "
    "'2017/..' (open end) or '/1989' (unknown start), or one date of a range such as "
    "'[1991-12..2003-02]', '[..2016-09]' or '[2017..]'"
)

_POINT = re.compile(
    r"(?P<year>[0-9]{2}[0-9X]{2})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?(?P<q>[?~%])?"
)
#: The syntax of one EDTF point (the JSON Schemas of dates are generated from it).
POINT = _POINT
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}


class Precision(enum.Enum):
    """How finely a date is known, from the finest to the coarsest."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """0 for a day, growing with coarseness; used to pick an interval's precision."""
        return _RANKS[self]


_RANKS = {p: i for i, p in enumerate(Precision)}


def _fail(text: str, why: str) -> DateSyntaxError:
    shown = repr(text) if len(text) <= 60 else repr(text[:60]) + " (cut)"
    return DateSyntaxError(f"cannot read date {shown}: {why}; expected {ACCEPTED}")


@attrs.frozen
class EDTFPoint:
    """One calendar date of some precision (not an interval)."""

    text: str
    earliest: dt.date
    latest: dt.date
    precision: Precision
    uncertain: bool = False
    approximate: bool = False


def _last_day(year: int, month: int) -> int:
    # The day before the first of the next month (calendar.monthrange, without importing
    # calendar and locale on the way to the first query).
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def _year_bounds(text: str, ytext: str) -> tuple[int, int, Precision]:
    if "X" not in ytext:
        return int(ytext), int(ytext), Precision.YEAR
    if not re.fullmatch(r"[0-9]{2}([0-9]X|XX)", ytext):
        raise _fail(text, "only the last one or two digits of a year may be 'X'")
    if ytext.endswith("XX"):
        lo = int(ytext[:2]) * 100
        return max(lo, 1), lo + 99, Precision.CENTURY
    lo = int(ytext[:3]) * 10
    return max(lo, 1), lo + 9, Precision.DECADE


def _parse_point(text: str) -> EDTFPoint:
    m = _POINT.fullmatch(text)
    if m is None:
        raise _fail(text, "not a date in the accepted forms")
    q = m["q"] or ""
    uncertain, approximate = q in "?%" and q != "", q in "~%" and q != ""
    y_lo, y_hi, precision = _year_bounds(text, m["year"])
    if y_hi < 1:
        raise _fail(text, "year 0000 is not supported")
    mtext, dtext = m["month"], m["day"]
    if mtext is None or (mtext == "XX" and dtext in (None, "XX")):
        return EDTFPoint(
            text, dt.date(y_lo, 1, 1), dt.date(y_hi, 12, 31), precision, uncertain, approximate
        )
    if precision is not Precision.YEAR:
        raise _fail(text, "a year with 'X' digits cannot carry a month or day")
    year = y_lo
    if "X" in mtext:
        raise _fail(text, "a month that is 'XX' cannot carry a known day")
    month = int(mtext)
    if month in _SEASONS:
        if dtext is not None:
            raise _fail(text, "a season (21-24) cannot carry a day")
        first, last = _SEASONS[month]
        end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
        if end_year > 9999:
            raise _fail(text, "the season runs past year 9999")
        return EDTFPoint(
            text,
            dt.date(year, first, 1),
            dt.date(end_year, end_month, _last_day(end_year, end_month)),
            Precision.SEASON,
            uncertain,
            approximate,
        )
    if not 1 <= month <= 12:
        raise _fail(text, f"month {mtext} is not 01-12 (or a season 21-24)")
    if dtext is None or dtext == "XX":
        return EDTFPoint(
            text,
            dt.date(year, month, 1),
            dt.date(year, month, _last_day(year, month)),
            Precision.MONTH,
            uncertain,
            approximate,
        )
    if "X" in dtext:
        raise _fail(text, "a day may be 'XX' but not partly 'X'")
    day = int(dtext)
    if not 1 <= day <= _last_day(year, month):
        raise _fail(text, f"{year:04d}-{month:02d} has no day {dtext}")
    d = dt.date(year, month, day)
    return EDTFPoint(text, d, d, Precision.DAY, uncertain, approximate)


@attrs.frozen(eq=False)
class EDTFDate:
    """A date or interval in EDTF, with its day bounds and precision.

    Build one from its text: ``EDTFDate("1972-03")``. ``wording`` keeps the source's
    own phrasing where it matters (for example a relative time that was resolved
    against the source's publication date). Two dates are equal when their EDTF text
    and wording are equal.
    """

    edtf: str = attrs.field(validator=attrs.validators.instance_of(str))
    wording: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
    )
    #: The single date, or an interval's start (None when open or unknown).
    start: EDTFPoint | None = attrs.field(init=False, repr=False)
    #: An interval's end (None when open or unknown); the same as ``start`` for a date.
    end: EDTFPoint | None = attrs.field(init=False, repr=False)
    #: True for ``a/b`` forms.
    is_interval: bool = attrs.field(init=False, repr=False)
    #: True for one date of a range, ``[a..b]``: ``start`` and ``end`` are the range's
    #: first and last points (None for an open end), and the date is one day between them.
    is_set: bool = attrs.field(init=False, repr=False)
    #: For an interval: whether each end is open (``..``) as opposed to unknown (empty).
    start_open: bool = attrs.field(init=False, repr=False)
    end_open: bool = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        text = self.edtf
        if text.startswith("[") or text.endswith("]"):
            self._set_range(text)
            return
        if "/" not in text:
            point = _parse_point(text)
            self._set(point, point, is_interval=False, start_open=False, end_open=False)
            return
        if text.count("/") != 1:
            raise _fail(text, "an interval has exactly one '/'")
        left, right = text.split("/")
        if left in ("", "..") and right in ("", ".."):
            raise _fail(text, "an interval needs at least one known end")
        start = None if left in ("", "..") else _parse_point(left)
        end = None if right in ("", "..") else _parse_point(right)
        if start is not None and end is not None and start.earliest > end.latest:
            raise _fail(text, "the interval ends before it starts")
        self._set(start, end, is_interval=True, start_open=left == "..", end_open=right == "..")

    def _set_range(self, text: str) -> None:
        """``[a..b]``, ``[..b]`` or ``[a..]``: one date somewhere in a range (EDTF level 2)."""
        inner = text[1:-1] if text.startswith("[") and text.endswith("]") else None
        if inner is None or inner.count("..") != 1 or "," in inner or "/" in inner:
            raise _fail(
                text, "one date of a set is written '[a..b]', '[..b]' or '[a..]' (one range)"
            )
        left, right = inner.split("..")
        if not left and not right:
            raise _fail(text, "a range needs at least one known end")
        start = _parse_point(left) if left else None
        end = _parse_point(right) if right else None
        if start is not None and end is not None and start.earliest > end.latest:
            raise _fail(text, "the range ends before it starts")
        self._set(
            start,
            end,
            is_interval=False,
            start_open=start is None,
            end_open=end is None,
            is_set=True,
        )

    def _set(
        self,
        start: EDTFPoint | None,
        end: EDTFPoint | None,
        *,
        is_interval: bool,
        start_open: bool,
        end_open: bool,
        is_set: bool = False,
    ) -> None:
        # Derived fields of a frozen class are set once, here, from the parsed text.
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "is_interval", is_interval)
        object.__setattr__(self, "is_set", is_set)
        object.__setattr__(self, "start_open", start_open)
        object.__setattr__(self, "end_open", end_open)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EDTFDate):
            return NotImplemented
        return (self.edtf, self.wording) == (other.edtf, other.wording)

    def __hash__(self) -> int:
        return hash((EDTFDate, self.edtf, self.wording))

    def __str__(self) -> str:
        return self.edtf

    @property
    def earliest(self) -> dt.date | None:
        """The first day the date can mean; None when the start is open or unknown."""
        return None if self.start is None else self.start.earliest

    @property
    def latest(self) -> dt.date | None:
        """The last day the date can mean; None when the end is open or unknown."""
        return None if self.end is None else self.end.latest

    @property
    def precision(self) -> Precision:
        """The precision of the date, or of an interval's or range's coarser known end."""
        points = [p for p in (self.start, self.end) if p is not None]
        return max((p.precision for p in points), key=lambda p: p.rank)

    @property
    def uncertain(self) -> bool:
        """True when any part is marked uncertain (``?`` or ``%``)."""
        return any(p.uncertain for p in (self.start, self.end) if p is not None)

    @property
    def approximate(self) -> bool:
        """True when any part is marked approximate (``~`` or ``%``)."""
        return any(p.approximate for p in (self.start, self.end) if p is not None)

    def bounds(self) -> tuple[int, int]:
        """The (earliest, latest) days as ordinals, open ends widened to the calendar's."""
        lo = dt.date.min if self.start is None else self.start.earliest
        hi = dt.date.max if self.end is None else self.end.latest
        return lo.toordinal(), hi.toordinal()


def parse_edtf(text: str, *, wording: str | None = None) -> EDTFDate:
    """Parse EDTF text (levels 0 and 1) into an :class:`EDTFDate`.

    ```python
    >>> from pakru import parse_edtf
    >>> date = parse_edtf("1968-22")
    >>> date.earliest.isoformat(), date.latest.isoformat(), date.precision.name
    ('1968-06-01', '1968-08-31', 'SEASON')

    ```

    :param text: the EDTF string, such as ``"1966-01-10"``, ``"196X"``, ``"1968-22"``
        (summer 1968) or ``"1991-12/2003-02"``.
    :param wording: the source's own words for the date, kept beside it.
    :returns: the :class:`EDTFDate`, with its earliest and latest days and precision.
    :raises DateSyntaxError: (a ``ValueError``) naming the text and the accepted forms;
        ``TypeError`` for a non-string.
    """
    if not isinstance(text, str):
        msg = f"an EDTF date must be a string, got {type(text).__name__}; expected {ACCEPTED}"
        raise TypeError(msg)
    return EDTFDate(text, wording=wording)
