"""Tests for tollbook.extract.dates: find_dates / parse_date on news-style sentences.

Places and events are fictional (Valdoria, Port Castellan, the Ostrava Hills of Norvane).
"""

from __future__ import annotations

import datetime as dt
import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollbook.extract.dates import find_dates, parse_date
from tollbook.model import DateMention, DateValue

REF = dt.date(2024, 2, 28)  # a Wednesday


def only(text: str, reference: dt.date | None = None) -> DateMention:
    found = find_dates(text, reference=reference)
    assert len(found) == 1, found
    return found[0]


def day(iso: str) -> DateValue:
    return DateValue(iso, iso, "day", iso)


# --- absolute dates ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "written", "iso"),
    [
        ("Shelling began on 26 February 1992 in Port Castellan.", "26 February 1992", "1992-02-26"),
        ("It happened February 26, 1992, at dawn.", "February 26, 1992", "1992-02-26"),
        ("Reported Feb. 26, 2017 by the ministry.", "Feb. 26, 2017", "2017-02-26"),
        ("the raid of may 08, 1992 in Valdoria", "may 08, 1992", "1992-05-08"),
        ("on april 2, 1993 the camp was closed", "april 2, 1993", "1993-04-02"),
        ("Dated 2024-02-26.", "2024-02-26", "2024-02-26"),
        ("Dated 26/02/1992.", "26/02/1992", "1992-02-26"),
        ("The blast of April 22, 2010 killed four.", "April 22, 2010", "2010-04-22"),
        ("The port was shelled on 9 May 2020.", "9 May 2020", "2020-05-09"),
        ("Statement dated 9-May-20, unsigned.", "9-May-20", "2020-05-09"),
        ("Sept. 11, 2001", "Sept. 11, 2001", "2001-09-11"),
        ("on 1st Jan 2019", "1st Jan 2019", "2019-01-01"),
        ("Dated 2015.5.13 in the log", "2015.5.13", "2015-05-13"),
    ],
)
def test_absolute_day(text: str, written: str, iso: str) -> None:
    m = only(text)
    assert m.text == written
    assert text[m.span[0] : m.span[1]] == written
    assert m.value == day(iso)
    assert m.relative is False


def test_numeric_is_day_first_unless_impossible() -> None:
    assert only("on 03/04/2021").value == day("2021-04-03")
    assert only("on 02/22/2016").value == day("2016-02-22")


def test_two_digit_year_pivot() -> None:
    assert only("9-May-20").value.start == "2020-05-09"
    assert only("9-May-49").value.start == "2049-05-09"
    assert only("9-May-50").value.start == "1950-05-09"
    assert find_dates("9/5/20") == ()  # two-digit years only in the 9-May-20 form


def test_weekday_before_a_date_is_part_of_it() -> None:
    m = only("Monday, 3 May 2021 was quiet", REF)
    assert m.text == "Monday, 3 May 2021"
    assert m.value == day("2021-05-03")


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        (
            "since October 1991",
            "October 1991",
            DateValue("1991-10-01", "1991-10-31", "month", "1991-10"),
        ),
        (
            "in January 1992,",
            "January 1992",
            DateValue("1992-01-01", "1992-01-31", "month", "1992-01"),
        ),
        ("fled in 1992.", "1992", DateValue("1992-01-01", "1992-12-31", "year", "1992")),
        ("the war of 1992", "1992", DateValue("1992-01-01", "1992-12-31", "year", "1992")),
        ("from mid-2022 on", "2022", DateValue("2022-01-01", "2022-12-31", "year", "2022")),
    ],
)
def test_partial_dates(text: str, written: str, value: DateValue) -> None:
    m = only(text)
    assert (m.text, m.value) == (written, value)


@pytest.mark.parametrize(
    "text",
    [
        "The 1949 Geneva Conventions apply.",
        "1275 people were displaced.",
        "1992 was a number on the door.",
        "a total of 2000 were counted",
        "rescuers reached 2000 people by noon",
        "between 1900 and 2000 people fled",
        "in 2000 houses",
    ],
)
def test_bare_numbers_are_not_years(text: str) -> None:
    assert find_dates(text, reference=REF) == ()


# --- ranges --------------------------------------------------------------------------------
RANGE_92 = DateValue("1992-02-25", "1992-02-26", "day", "1992-02-25/1992-02-26")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("on 25-26 February 1992", "25-26 February 1992"),
        ("on Feb. 25-26, 1992", "Feb. 25-26, 1992"),
        ("on 25–26 February 1992", "25–26 February 1992"),
        ("on 25 – 26 February 1992", "25 – 26 February 1992"),
        ("on the night of 25-26 February 1992", "25-26 February 1992"),
        ("On the night of Feb. 25-26, 1992, troops", "Feb. 25-26, 1992"),
        ("between 25 and 26 February 1992", "25 and 26 February 1992"),
    ],
)
def test_day_ranges(text: str, written: str) -> None:
    m = only(text)
    assert m.text == written
    assert text[m.span[0] : m.span[1]] == written
    assert m.value == RANGE_92
    assert m.role == "event"


def test_between_and_from_to_ranges() -> None:
    m = only("between 3 and 5 March 2021")
    assert m.value == DateValue("2021-03-03", "2021-03-05", "day", "2021-03-03/2021-03-05")
    m = only("the talks ran from 3 to 5 March", REF)
    assert m.value == DateValue("2023-03-03", "2023-03-05", "day", "2023-03-03/2023-03-05")
    assert m.relative is True
    assert m.role == "event"  # "from X to Y" is a range, not a start
    assert find_dates("from 3 to 5 March") == ()  # needs a reference


def test_and_without_between_is_not_a_range() -> None:
    assert only("on 3 and 5 March 2021").value == day("2021-03-05")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1988-1992", DateValue("1988-01-01", "1992-12-31", "year", "1988/1992")),
        ("the 1988–1994 war", DateValue("1988-01-01", "1994-12-31", "year", "1988/1994")),
        ("in March–April 2021", DateValue("2021-03-01", "2021-04-30", "month", "2021-03/2021-04")),
        (
            "between July and August 1993",
            DateValue("1993-07-01", "1993-08-31", "month", "1993-07/1993-08"),
        ),
        (
            "from October 1991 to May 1992",
            DateValue("1991-10-01", "1992-05-31", "month", "1991-10/1992-05"),
        ),
        (
            "from 3 May to 5 June 2021",
            DateValue("2021-05-03", "2021-06-05", "day", "2021-05-03/2021-06-05"),
        ),
    ],
)
def test_wider_ranges(text: str, value: DateValue) -> None:
    assert only(text).value == value


def test_range_span_covers_both_ends() -> None:
    text = "Fighting lasted from October 1991 to May 1992 in the Ostrava Hills."
    m = only(text)
    assert m.text == "October 1991 to May 1992"
    assert m.role == "event"


# --- relative dates ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("Officials said today", "today", day("2024-02-28")),
        ("were killed yesterday", "yesterday", day("2024-02-27")),
        ("were killed on Tuesday", "Tuesday", day("2024-02-27")),
        ("were killed Tuesday", "Tuesday", day("2024-02-27")),
        ("were killed on Wednesday", "Wednesday", day("2024-02-28")),  # the reference weekday
        ("were killed on Thursday", "Thursday", day("2024-02-22")),
        ("were killed last Wednesday", "last Wednesday", day("2024-02-21")),
        ("struck on Sunday night", "Sunday night", day("2024-02-25")),
        ("two days ago", "two days ago", day("2024-02-26")),
        ("5 days ago", "5 days ago", day("2024-02-23")),
        (
            "last week",
            "last week",
            DateValue("2024-02-19", "2024-02-25", "week", "2024-02-19/2024-02-25"),
        ),
        (
            "this week",
            "this week",
            DateValue("2024-02-26", "2024-03-03", "week", "2024-02-26/2024-03-03"),
        ),
        (
            "three weeks ago",
            "three weeks ago",
            DateValue("2024-02-05", "2024-02-11", "week", "2024-02-05/2024-02-11"),
        ),
        ("last month", "last month", DateValue("2024-01-01", "2024-01-31", "month", "2024-01")),
        ("last year", "last year", DateValue("2023-01-01", "2023-12-31", "year", "2023")),
        (
            "earlier this month",
            "earlier this month",
            DateValue("2024-02-01", "2024-02-27", "day", "2024-02-01/2024-02-27"),
        ),
        ("on 3 May", "3 May", day("2023-05-03")),
        ("May 3", "May 3", day("2023-05-03")),
        ("on 28 February", "28 February", day("2024-02-28")),
        ("the night of 3 May", "3 May", day("2023-05-03")),
    ],
)
def test_relative(text: str, written: str, value: DateValue) -> None:
    m = only(text, REF)
    assert (m.text, m.value, m.relative) == (written, value, True)
    assert find_dates(text) == ()  # nothing without a reference


def test_leap_day_without_year_goes_back_to_a_leap_year() -> None:
    assert only("on Feb 29", dt.date(2023, 3, 1)).value == day("2020-02-29")


def test_relative_edges_of_the_calendar_do_not_raise() -> None:
    assert find_dates("yesterday and last week", reference=dt.date.min) == ()
    assert [m.text for m in find_dates("tomorrow", reference=dt.date.max)] == []


def test_the_last_week_of_is_not_last_week() -> None:
    assert find_dates("in the last week of July", reference=REF) == ()


# --- roles ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("displaced since 3 May 2020", "since"),
        ("held from 3 May 2020", "since"),
        ("held until 3 May 2020", "until"),
        ("held till October 1991", "until"),
        ("to be released by 9 May 2020", "until"),
        ("26 February 2024 marks the 32nd anniversary of the killings", "commemoration"),
        ("On the 32nd anniversary, 26 February 2024, crowds gathered", "commemoration"),
        ("killed on 26 February 1992", "event"),
    ],
)
def test_roles(text: str, role: str) -> None:
    m = only(text)
    assert m.role == role
    assert not m.text.lower().startswith(("since", "from", "until", "till", "by", "on"))


# --- things that are not dates -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "February 30, 1992",
        "the 32nd anniversary",
        "the 366th day",
        "the 44-day war",
        "a 12-year-old boy",
        "more than 15 states",
        "1,275 were missing",
        "613 people",
        "at 10:30 local time",
        "rose by 15%",
        "they may be killed",
        "they may",
        "3 may be dead",
        "a march through the city",
        "In March 15 people died",
        "32 May 2020",
        "30 February 1992",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, reference=REF) == ()


# --- find_dates mechanics ------------------------------------------------------------------
ARTICLE = (
    "PORT CASTELLAN, Valdoria — At least 46 people were killed on Tuesday, officials said. "
    "The ceasefire of 3 March 2023 collapsed two days ago. The Norvane front has held the "
    "Ostrava Hills since October 2021 and 1,275 of its members are detained. The deadliest "
    "night was 25–26 February 2022, when 613 civilians died; a commission covering the period "
    "from October 2021 to May 2022 cited the 1949 Geneva Conventions. "
)


def test_article_spans_sorted_and_exact() -> None:
    found = find_dates(ARTICLE, reference=dt.date(2023, 3, 10))
    assert [m.text for m in found] == [
        "Tuesday",
        "3 March 2023",
        "two days ago",
        "October 2021",
        "25–26 February 2022",
        "October 2021 to May 2022",
    ]
    assert [m.role for m in found] == ["event", "event", "event", "since", "event", "event"]
    for m in found:
        assert ARTICLE[m.span[0] : m.span[1]] == m.text
    assert all(a.span[1] <= b.span[0] for a, b in itertools.pairwise(found))


def test_window_offsets_are_absolute() -> None:
    text = "Ignored 1 May 2020. Counted 9 May 2020 here."
    start = text.index("Counted")
    found = find_dates(text, start=start)
    assert [(m.text, m.span) for m in found] == [("9 May 2020", (start + 8, start + 18))]
    assert find_dates(text, start=0, end=start)[0].text == "1 May 2020"
    assert find_dates(text, start=10, end=5) == ()


def test_longest_match_wins() -> None:
    m = only("on 26 February 1992")
    assert m.text == "26 February 1992"  # not "1992" alone, not "February 1992"


# --- parse_date ----------------------------------------------------------------------------
def test_parse_date() -> None:
    assert parse_date("26 February 1992") == day("1992-02-26")
    assert parse_date("on 9 May 2020") == day("2020-05-09")
    assert parse_date("1992") == DateValue("1992-01-01", "1992-12-31", "year", "1992")
    assert parse_date("between 3 and 5 March 2021.") is not None
    assert parse_date("last week", reference=REF) is not None
    assert parse_date("last week") is None
    assert parse_date("February 30, 1992") is None
    assert parse_date("613 people") is None
    assert parse_date("9 May 2020 and 10 May 2020") is None
    assert parse_date("killed on 9 May 2020") is None


# --- performance and robustness ------------------------------------------------------------
def _best_ms(text: str, runs: int = 10) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()  # CPU time: other processes on the machine do not count
        find_dates(text, reference=REF)
        best = min(best, time.process_time() - t0)
    return best * 1000


def test_cost_grows_linearly_not_quadratically() -> None:
    # A ratio, not a time budget (speed targets live in bench/): 10x the text must cost
    # about 10x, far from the 100x of a quadratic scan.
    text = (ARTICLE * 200)[:50_000]
    small = _best_ms(text[:5000])
    large = _best_ms(text, runs=5)
    assert large < 30 * small


TOKENS = [
    "26",
    "February",
    "Feb.",
    "1992",
    "-",
    "–",
    "to",
    "and",
    "between",
    "from",
    "since",
    "may",
    "May",
    "March",
    "9-May-20",
    "2024-02-26",
    "26/02/1992",
    "Tuesday",
    "last",
    "week",
    "ago",
    "two",
    "days",
    "yesterday",
    "earlier",
    "this",
    "month",
    "night",
    "31",
    "0",
    ",",
]


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=30),
    reference=st.one_of(st.none(), st.dates()),
    bounds=st.tuples(st.integers(-5, 250), st.one_of(st.none(), st.integers(-5, 250))),
)
def test_never_raises_and_spans_are_sound(
    parts: list[str], reference: dt.date | None, bounds: tuple[int, int | None]
) -> None:
    text = " ".join(parts)
    start, end = bounds
    found = find_dates(text, reference=reference, start=start, end=end)
    lo, hi = max(0, start), len(text) if end is None else min(end, len(text))
    previous_end = lo
    for m in found:
        s, e = m.span
        assert previous_end <= s < e <= hi
        assert text[s:e] == m.text
        assert dt.date.fromisoformat(m.value.start) <= dt.date.fromisoformat(m.value.end)
        assert m.value.precision in ("day", "week", "month", "year")
        assert m.role in ("event", "since", "until", "commemoration", "statement")  # model.DateMention.role
        assert reference is not None or not m.relative
        previous_end = e
