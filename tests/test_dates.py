"""EDTF dates: every accepted form means the right days, every other text is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import (
    COARSENESS,
    Point,
    day_points,
    last_day,
    month_points,
    points,
    season_points,
    year_points,
)

import pakru
from pakru import DateSyntaxError, EDTFDate, Precision, parse_edtf

D = dt.date
P = Precision

# text, earliest, latest, precision, uncertain, approximate
POINTS = [
    ("1972", D(1972, 1, 1), D(1972, 12, 31), P.YEAR, False, False),
    ("1972-03", D(1972, 3, 1), D(1972, 3, 31), P.MONTH, False, False),
    ("1972-02", D(1972, 2, 1), D(1972, 2, 29), P.MONTH, False, False),
    ("1973-02", D(1973, 2, 1), D(1973, 2, 28), P.MONTH, False, False),
    ("1972-03-16", D(1972, 3, 16), D(1972, 3, 16), P.DAY, False, False),
    ("1950~", D(1950, 1, 1), D(1950, 12, 31), P.YEAR, False, True),
    ("1972?", D(1972, 1, 1), D(1972, 12, 31), P.YEAR, True, False),
    ("1972-03?", D(1972, 3, 1), D(1972, 3, 31), P.MONTH, True, False),
    ("2000-02-29%", D(2000, 2, 29), D(2000, 2, 29), P.DAY, True, True),
    ("197X", D(1970, 1, 1), D(1979, 12, 31), P.DECADE, False, False),
    ("19XX", D(1900, 1, 1), D(1999, 12, 31), P.CENTURY, False, False),
    ("1972-XX", D(1972, 1, 1), D(1972, 12, 31), P.YEAR, False, False),
    ("1972-03-XX", D(1972, 3, 1), D(1972, 3, 31), P.MONTH, False, False),
    ("1972-21", D(1972, 3, 1), D(1972, 5, 31), P.SEASON, False, False),
    ("1972-22", D(1972, 6, 1), D(1972, 8, 31), P.SEASON, False, False),
    ("1972-23", D(1972, 9, 1), D(1972, 11, 30), P.SEASON, False, False),
    # Winter runs from December into the next year's February.
    ("1972-24", D(1972, 12, 1), D(1973, 2, 28), P.SEASON, False, False),
    ("1971-24", D(1971, 12, 1), D(1972, 2, 29), P.SEASON, False, False),
    ("0001", D(1, 1, 1), D(1, 12, 31), P.YEAR, False, False),
    ("9999-12-31", D(9999, 12, 31), D(9999, 12, 31), P.DAY, False, False),
]


@pytest.mark.parametrize("case", POINTS, ids=[c[0] for c in POINTS])
def test_point_forms(case: tuple[str, dt.date, dt.date, Precision, bool, bool]) -> None:
    text, earliest, latest, precision, unc, approx = case
    date = EDTFDate(text)
    assert date.edtf == text
    assert str(date) == text
    assert (date.earliest, date.latest) == (earliest, latest)
    assert date.precision is precision
    assert (date.uncertain, date.approximate) == (unc, approx)
    assert date.is_interval is False
    assert date.bounds() == (earliest.toordinal(), latest.toordinal())


# text, earliest, latest, precision, start_open, end_open
INTERVALS = [
    ("1979/1989", D(1979, 1, 1), D(1989, 12, 31), P.YEAR, False, False),
    ("1979-12-24/1989-02-15", D(1979, 12, 24), D(1989, 2, 15), P.DAY, False, False),
    ("1965-08/1966", D(1965, 8, 1), D(1966, 12, 31), P.YEAR, False, False),
    ("1972-03-16/1972-03-16", D(1972, 3, 16), D(1972, 3, 16), P.DAY, False, False),
    ("2017/..", D(2017, 1, 1), None, P.YEAR, False, True),
    ("2017-05-01/", D(2017, 5, 1), None, P.DAY, False, False),
    ("/1989", None, D(1989, 12, 31), P.YEAR, False, False),
    ("../1989", None, D(1989, 12, 31), P.YEAR, True, False),
    ("../1989-02", None, D(1989, 2, 28), P.MONTH, True, False),
]


@pytest.mark.parametrize("case", INTERVALS, ids=[c[0] for c in INTERVALS])
def test_interval_forms(
    case: tuple[str, dt.date | None, dt.date | None, Precision, bool, bool],
) -> None:
    text, earliest, latest, precision, start_open, end_open = case
    date = EDTFDate(text)
    assert date.is_interval is True
    assert (date.earliest, date.latest) == (earliest, latest)
    assert date.precision is precision
    assert (date.start_open, date.end_open) == (start_open, end_open)
    assert (date.start is None) == (earliest is None)
    assert (date.end is None) == (latest is None)


def test_interval_flags_and_coarser_precision() -> None:
    date = EDTFDate("1950~/1960-03-01?")
    assert date.approximate is True
    assert date.uncertain is True
    assert date.precision is P.YEAR
    assert date.start is not None
    assert date.start.approximate
    assert not date.start.uncertain
    assert date.end is not None
    assert date.end.uncertain
    assert not date.end.approximate


def test_open_ends_widen_bounds_to_the_calendar() -> None:
    lo, hi = EDTFDate("2017/..").bounds()
    assert lo == D(2017, 1, 1).toordinal()
    assert hi == dt.date.max.toordinal()
    lo, hi = EDTFDate("/1989").bounds()
    assert lo == dt.date.min.toordinal()
    assert hi == D(1989, 12, 31).toordinal()


def test_wording_is_kept() -> None:
    date = parse_edtf("1972", wording="six years later")
    assert date.wording == "six years later"
    assert date.earliest == D(1972, 1, 1)


REJECTED = [
    "1972-13",  # month 13
    "1972-00",
    "1972-03-32",
    "1972-04-31",
    "1972-03-00",
    "1900-02-29",  # not a leap year (century rule)
    "2001-02-29",  # not a leap year
    "1980/1970",  # reversed interval
    "1972-03-16/1972-03-15",
    "..",
    "/",
    "../..",
    "/..",
    "garbage",
    "",
    " ",
    "1972 ",
    " 1972",
    "0000",  # year zero
    "0000-01-01",
    "1972-21-01",  # a season with a day
    "1972-24-15",
    "1972-20",
    "1972-25",
    "72",
    "12345",
    "1972-3",
    "1972-3-1",
    "1972/1973/1974",
    "19X2",
    "X972",
    "197X-03",
    "1972-XX-05",
    "1972-03-1X",
    "1972??",
    "9999-24",  # winter would run into year 10000
    "1972-03-16T10:00",
    "16.03.1972",
]


@pytest.mark.parametrize("text", REJECTED)
def test_rejected_forms(text: str) -> None:
    with pytest.raises(DateSyntaxError) as info:
        EDTFDate(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, pakru.PakruError)
    message = str(err)
    assert repr(text) in message, "the message names the text it could not read"
    # ... and the accepted forms, so the reader can fix it.
    for form in ("1972-03-16", "1950~", "197X", "2017/..", "/1989"):
        assert form in message


def test_parse_edtf_refuses_non_strings_with_a_type_error() -> None:
    with pytest.raises(TypeError, match="string"):
        parse_edtf(1972)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["１９７２", "١٩٧٢-٠٣", "1972-03-1६"])
def test_non_ascii_digits_are_rejected(text: str) -> None:
    with pytest.raises(DateSyntaxError):
        EDTFDate(text)


# -- properties ---------------------------------------------------------------------------


def _check_point(point: Point) -> EDTFDate:
    date = EDTFDate(point.text)
    assert date.earliest == point.earliest
    assert date.latest == point.latest
    assert date.precision is point.precision
    assert date.uncertain is point.uncertain
    assert date.approximate is point.approximate
    return date


@given(points())
def test_any_point_parses_to_its_bounds(point: Point) -> None:
    date = _check_point(point)
    assert date.earliest is not None
    assert date.latest is not None
    assert date.earliest <= date.latest


@given(day_points())
def test_day_precision_means_one_day(point: Point) -> None:
    date = _check_point(point)
    assert date.earliest == date.latest
    assert date.precision is P.DAY


@given(month_points())
def test_month_bounds_are_first_and_last_day(point: Point) -> None:
    date = _check_point(point)
    assert date.earliest is not None
    assert date.latest is not None
    assert date.earliest.day == 1
    assert date.latest == last_day(date.earliest.year, date.earliest.month)
    if date.latest < dt.date.max:  # the calendar ends on 9999-12-31
        assert (date.latest + dt.timedelta(days=1)).day == 1


@given(year_points())
def test_year_bounds_are_first_and_last_day(point: Point) -> None:
    date = _check_point(point)
    assert date.earliest == D(point.earliest.year, 1, 1)
    assert date.latest == D(point.earliest.year, 12, 31)


@given(season_points())
def test_a_season_spans_three_whole_months(point: Point) -> None:
    date = _check_point(point)
    assert date.earliest is not None
    assert date.latest is not None
    assert date.earliest.day == 1
    months = (date.latest.year - date.earliest.year) * 12 + date.latest.month
    assert months - date.earliest.month == 2


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(29, 31))
def test_days_past_the_end_of_a_month_are_rejected(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if day <= last_day(year, month).day:
        assert EDTFDate(text).earliest == D(year, month, day)
    else:
        with pytest.raises(DateSyntaxError, match=text):
            EDTFDate(text)


@given(points(), points())
def test_interval_of_two_points(start: Point, end: Point) -> None:
    text = f"{start.text}/{end.text}"
    if start.earliest > end.latest:
        with pytest.raises(DateSyntaxError):
            EDTFDate(text)
        return
    date = EDTFDate(text)
    assert date.is_interval
    assert date.earliest == start.earliest
    assert date.latest == end.latest
    coarser = max(start.precision, end.precision, key=COARSENESS.__getitem__)
    assert date.precision is coarser
    assert date.uncertain is (start.uncertain or end.uncertain)
    assert date.approximate is (start.approximate or end.approximate)


@given(points(), st.sampled_from(["..", ""]))
def test_half_open_intervals(point: Point, open_end: str) -> None:
    forward = EDTFDate(f"{point.text}/{open_end}")
    assert forward.earliest == point.earliest
    assert forward.latest is None
    assert forward.end_open is (open_end == "..")
    backward = EDTFDate(f"{open_end}/{point.text}")
    assert backward.earliest is None
    assert backward.latest == point.latest
    assert backward.start_open is (open_end == "..")


@given(points(), points())
def test_equality_and_hash_follow_the_text(a: Point, b: Point) -> None:
    x, y = EDTFDate(a.text), EDTFDate(b.text)
    assert (x == y) is (a.text == b.text)
    assert x == EDTFDate(a.text)
    assert hash(x) == hash(EDTFDate(a.text))
    assert len({x, y, EDTFDate(a.text)}) == (1 if a.text == b.text else 2)


def test_same_days_different_text_are_different_dates() -> None:
    assert EDTFDate("1972") != EDTFDate("1972-01/1972-12")
    assert EDTFDate("1972") != EDTFDate("1972-XX")
    assert EDTFDate("1972").bounds() == EDTFDate("1972-01/1972-12").bounds()
    assert EDTFDate("1972", wording="then") != EDTFDate("1972")
    assert EDTFDate("1972") != "1972"


@given(st.text(alphabet="0123456789X-/.?~%[] ", max_size=24) | st.text(max_size=24))
def test_any_text_parses_or_raises_date_syntax_error(text: str) -> None:
    try:
        date = EDTFDate(text)
    except DateSyntaxError as exc:
        # The message quotes the text, or the end of an interval or range it could not read.
        message = str(exc)
        parts = (text, *text.split("/"), *text.strip("[]").split(".."))
        assert any(repr(part) in message for part in parts)
        return
    assert date.edtf == text
    if date.earliest is not None and date.latest is not None:
        assert date.earliest <= date.latest
    assert date.earliest is not None or date.latest is not None


# -- one date of a range (EDTF level 2 "one of a set") --------------------------------------


@given(points(), points())
def test_one_date_of_a_range_lies_somewhere_between_its_ends(start: Point, end: Point) -> None:
    text = f"[{start.text}..{end.text}]"
    if start.earliest > end.latest:
        with pytest.raises(DateSyntaxError):
            EDTFDate(text)
        return
    date = EDTFDate(text)
    assert date.is_set
    assert not date.is_interval  # it happened once, not over the whole range
    assert (date.earliest, date.latest) == (start.earliest, end.latest)
    assert date.bounds() == EDTFDate(f"{start.text}/{end.text}").bounds()
    assert date != EDTFDate(f"{start.text}/{end.text}")


@given(points())
def test_a_range_may_be_open_at_one_end(point: Point) -> None:
    before = EDTFDate(f"[..{point.text}]")
    assert (before.earliest, before.latest) == (None, point.latest)
    assert before.is_set
    after = EDTFDate(f"[{point.text}..]")
    assert (after.earliest, after.latest) == (point.earliest, None)


@pytest.mark.parametrize(
    "text",
    ["[..]", "[1991,1992]", "[1991..1992,1995]", "[1991/1992]", "[1992..1991]", "1991..1992"],
)
def test_only_one_range_is_read(text: str) -> None:
    with pytest.raises(DateSyntaxError, match=r"range|set|accepted"):
        EDTFDate(text)


def test_a_range_date_is_counted_and_matched_as_one_date_not_a_span() -> None:
    from pakru.counts import certain_years  # noqa: PLC0415
    from pakru.query import date_fit, day_range  # noqa: PLC0415

    some_time = EDTFDate("[1991-12..2003-02]")
    span = EDTFDate("1991-12/2003-02")
    assert certain_years(some_time) == frozenset()  # no year is certain to hold it
    assert certain_years(span) >= set(range(1992, 2003))  # a span runs through them
    assert date_fit(some_time, day_range(("1995", "1996"))) == "possible"
    assert date_fit(some_time, day_range(("1991", "2003"))) == "certain"
    assert date_fit(EDTFDate("[..2016-09]"), day_range(("2016", "2016"))) == "possible"
