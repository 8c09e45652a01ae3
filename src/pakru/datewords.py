"""Dates in words for readers: a short form for tables and a full form for prose.

``short_date`` gives the compact wording the command line and notebook tables show
("summer 1968", "1950s on", "Dec 1991 – Feb 2003, once"); ``human_date`` the full
wording of the documentation site and links ("some time between December 1991 and
February 2003"). Both read every form :class:`~pakru.dates.EDTFDate` accepts, and say
what the EDTF says: a span reads "A to B", one date of a range reads as happening once.
Month names are English whatever the locale.
"""

from __future__ import annotations

from pakru.dates import EDTFDate, EDTFPoint, Precision

__all__ = ["MONTHS", "human_date", "short_date"]

#: English month names, whatever the locale (dates in words and in citations use them).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


# -- the short form -------------------------------------------------------------------------


def _short_point(point: EDTFPoint) -> str:
    first, precision = point.earliest, point.precision
    if precision is Precision.DAY:
        text = f"{first.day} {MONTHS[first.month - 1][:3]} {first.year}"
    elif precision is Precision.MONTH:
        text = f"{MONTHS[first.month - 1][:3]} {first.year}"
    elif precision is Precision.SEASON:
        text = f"{_SEASONS[int(point.text[5:7])]} {first.year}"
    elif precision is Precision.YEAR:
        text = str(first.year)
    elif precision is Precision.DECADE:
        text = f"{first.year}s"
    else:
        text = f"{first.year}–{point.latest.year}"
    if point.approximate:
        text = f"c. {text}"
    if point.uncertain:
        text = f"{text}?"
    return text


def short_date(date: EDTFDate) -> str:
    """A short reader's form of an EDTF date, for tables.

    ```python
    >>> [short_date(EDTFDate(t)) for t in ("1968-22", "195X/..", "1954/", "2022-09-27?")]
    ['summer 1968', '1950s on', '1954 to ?', '27 Sep 2022?']
    >>> short_date(EDTFDate("1966-01-04/1966-01-10")), short_date(EDTFDate("1947~"))
    ('4–10 Jan 1966', 'c. 1947')
    >>> [short_date(EDTFDate(t)) for t in ("[1991-12..2003-02]", "[..2016-09]", "[2017..]")]
    ['Dec 1991 – Feb 2003, once', 'by Sep 2016', '2017 or later']

    ```
    """
    start, end = date.start, date.end
    if date.is_set:
        if start is not None and end is not None:
            return f"{_short_point(start)} – {_short_point(end)}, once"
        if end is not None:
            return f"by {_short_point(end)}"
        assert start is not None  # noqa: S101 - a range has at least one known end
        return f"{_short_point(start)} or later"
    if not date.is_interval:
        assert start is not None  # noqa: S101 - a single date always has its point
        return _short_point(start)
    if start is not None and end is not None:
        days = _same_month_days(start, end, short=True)
        return days or f"{_short_point(start)} to {_short_point(end)}"
    if start is not None:
        return f"{_short_point(start)} on" if date.end_open else f"{_short_point(start)} to ?"
    assert end is not None  # noqa: S101 - an interval has at least one known end
    return f"until {_short_point(end)}" if date.start_open else f"? to {_short_point(end)}"


# -- the full form --------------------------------------------------------------------------


def _point(point: EDTFPoint) -> str:
    first = point.earliest
    precision = point.precision
    if precision is Precision.DAY:
        text = f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    elif precision is Precision.MONTH:
        text = f"{MONTHS[first.month - 1]} {first.year}"
    elif precision is Precision.SEASON:
        season = _SEASONS[int(point.text[5:7])]
        text = f"{season} {first.year}"
        if season == "winter":
            text = f"winter {first.year}–{str(first.year + 1)[-2:]}"
    elif precision is Precision.YEAR:
        text = str(first.year)
    elif precision is Precision.DECADE and first.year >= 1000:
        text = f"the {first.year}s"
    else:  # a century, or a decade of the first millennium: its first and last year
        text = f"{first.year}–{point.latest.year}"
    if point.approximate:
        text = f"about {text}"
    if point.uncertain:
        text = f"{text} (uncertain)"
    return text


def _same_month_days(start: EDTFPoint, end: EDTFPoint, *, short: bool = False) -> str | None:
    """``4–10 January 1966`` for plain days of one month, else None."""
    a, b = start.earliest, end.earliest
    plain = not (start.uncertain or start.approximate or end.uncertain or end.approximate)
    if (
        plain
        and start.precision is Precision.DAY
        and end.precision is Precision.DAY
        and (a.year, a.month) == (b.year, b.month)
    ):
        month = MONTHS[a.month - 1]
        return f"{a.day}–{b.day} {month[:3] if short else month} {a.year}"
    return None


def human_date(date: EDTFDate) -> str:
    """A reader's wording of an EDTF date: ``1966-01-10`` reads "10 January 1966".

    Intervals read "A to B" ("4–10 January 1966" within one month); an open end reads
    "from A on" and an unknown one "from A (end unknown)"; qualifiers read "about"
    (approximate) and "(uncertain)". One date of a range reads "some time between A and
    B", "on or before B" or "on or after A".

    ```python
    >>> human_date(EDTFDate("[1991-12..2003-02]"))
    'some time between December 1991 and February 2003'

    ```
    """
    if date.is_set:
        first, last = date.start, date.end
        if first is not None and last is not None:
            return f"some time between {_point(first)} and {_point(last)}"
        if last is not None:
            return f"on or before {_point(last)}"
        assert first is not None  # noqa: S101 - a range has at least one known end
        return f"on or after {_point(first)}"
    if not date.is_interval:
        assert date.start is not None  # noqa: S101 - a single date always has its point
        return _point(date.start)
    start, end = date.start, date.end
    if start is not None and end is not None:
        return _same_month_days(start, end) or f"{_point(start)} to {_point(end)}"
    if start is not None:
        return (
            f"from {_point(start)} on" if date.end_open else f"from {_point(start)} (end unknown)"
        )
    assert end is not None  # noqa: S101 - an interval has at least one known end
    return f"until {_point(end)}" if date.start_open else f"until {_point(end)} (start unknown)"
