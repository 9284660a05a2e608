"""Dates in news text: text + publication date -> DateMention*.

`find_dates` returns every date expression of a text (or of `text[start:end]`) with its
span (absolute offsets into `text`), its normalised `DateValue`, its role ("event",
"since", "until", "commemoration", "statement") and whether it was resolved against the publication
date (`relative=True`). `parse_date` normalises one whole expression.

Conventions (news reporting is mostly about the past):

- Numeric dates are read day-first when ambiguous ("03/04/2021" is 3 April 2021); when the
  day-first reading is impossible ("02/22/2016") the month-first one is used.
- "overnight" is the night before the reference: the day before and the reference day.
- A month-day without a year ("on 3 May", "May 3") and a bare weekday ("on Tuesday") are the
  most recent such day on or before `reference`; "last Tuesday" is strictly before it.
- "last week" / "this week" are Monday–Sunday weeks (precision "week", iso "start/end").
  "N weeks ago" is the week containing reference − 7N days, "N months/years ago" the month/
  year; "earlier this week/month/year" runs from the start of that period to the day before
  the reference (day precision).
- A bare four-digit year (1900–2099) is a date only after in/since/from/until/by/of/during/
  before/after, or as one end of a range; "the 1949 Geneva Conventions" and "1275 people" are
  not dates. Two-digit years only in the "9-May-20" form (00–49 -> 20xx, 50–99 -> 19xx).
- Without `reference`, expressions that need it are not returned.
- A mention's span covers the date words only; the role is read from the word before
  ("since X", "from X" -> since; "until/till/by X" -> until; "from X to Y" -> event) and from
  an anniversary phrase next to it ("X marks the 30th anniversary") -> commemoration; a date
  right after a speech verb ("said on Friday", "told state television on Saturday") is the
  date of the statement -> statement.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tollbook.extract.date_starts import RANGE_TAIL as _RANGE_TAIL
from tollbook.extract.date_starts import ROLE_TAIL as _ROLE_TAIL
from tollbook.extract.date_starts import WEEKDAY_TAIL as _WEEKDAY_TAIL
from tollbook.extract.date_starts import YEAR_TAIL as _YEAR_TAIL
from tollbook.extract.date_starts import (
    bare_month_matches,
    digit_matches,
    month_led_matches,
    month_led_windowed,
    tail,
    windows,
)
from tollbook.extract.grammar.date_patterns import COMMEM_AFTER as _COMMEM_AFTER
from tollbook.extract.grammar.date_patterns import COMMEM_BEFORE as _COMMEM_BEFORE
from tollbook.extract.grammar.date_patterns import DAY_BEFORE as _DAY_BEFORE
from tollbook.extract.grammar.date_patterns import MONTH_DAY_BAD_BEFORE as _MONTH_DAY_BAD_BEFORE
from tollbook.extract.grammar.date_patterns import MONTHS as _MONTHS
from tollbook.extract.grammar.date_patterns import NO_RELATIVE_BEFORE as _NO_RELATIVE_BEFORE
from tollbook.extract.grammar.date_patterns import NUMBER_WORDS as _NUMBER_WORDS
from tollbook.extract.grammar.date_patterns import P_BARE_MONTH as _P_BARE_MONTH
from tollbook.extract.grammar.date_patterns import P_DMY as _P_DMY
from tollbook.extract.grammar.date_patterns import P_DMY_DASH as _P_DMY_DASH
from tollbook.extract.grammar.date_patterns import P_ISO as _P_ISO
from tollbook.extract.grammar.date_patterns import P_NUM as _P_NUM
from tollbook.extract.grammar.date_patterns import P_RANGE_CONN as _P_RANGE_CONN
from tollbook.extract.grammar.date_patterns import P_RELATIVE as _P_RELATIVE
from tollbook.extract.grammar.date_patterns import P_YEAR as _P_YEAR
from tollbook.extract.grammar.date_patterns import PARSE_LEAD as _PARSE_LEAD
from tollbook.extract.grammar.date_patterns import PERIOD_STEPS as _PERIOD_STEPS
from tollbook.extract.grammar.date_patterns import QUANTITY_NOUN as _QUANTITY_NOUN
from tollbook.extract.grammar.date_patterns import RANGE_PREFIX as _RANGE_PREFIX
from tollbook.extract.grammar.date_patterns import RELATIVE_DAYS as _RELATIVE_DAYS
from tollbook.extract.grammar.date_patterns import RELATIVE_TRIGGER as _RELATIVE_TRIGGER
from tollbook.extract.grammar.date_patterns import RELATIVE_WORD as _RELATIVE_WORD
from tollbook.extract.grammar.date_patterns import ROLE_BEFORE as _ROLE_BEFORE
from tollbook.extract.grammar.date_patterns import VERB_MONTHS as _VERB_MONTHS
from tollbook.extract.grammar.date_patterns import WEEKDAY_BEFORE as _WEEKDAY_BEFORE
from tollbook.extract.grammar.date_patterns import WEEKDAYS as _WEEKDAYS
from tollbook.extract.grammar.date_patterns import YEAR_CONTEXT as _YEAR_CONTEXT
from tollbook.extract.grammar.date_patterns import YEAR_NOT_AFTER as _YEAR_NOT_AFTER
from tollbook.extract.grammar.literals import fold
from tollbook.extract.grammar.wire import STATEMENT_DATE_BEFORE_RE
from tollbook.model import DateMention, DateValue

__all__ = ["find_dates", "parse_date"]

# How far a match can reach around its trigger: month-led matches start at the month name;
# Relative matches end at most a word after it ("Sunday night") and start up to ~3 words before.
_RELATIVE_WINDOW = (30, 12)
_CONTEXT = 60  # characters of context read around a match for roles and licensing


@dataclass(frozen=True, slots=True)
class _Part:
    """A possibly partial calendar date; `day`/`month` None mean month/year precision."""

    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True, slots=True)
class _Cand:
    """A match before resolution: absolute parts (lo..hi) or an already resolved value."""

    start: int
    end: int
    lo: _Part | None = None
    hi: _Part | None = None
    value: DateValue | None = None
    relative: bool = False
    weak: bool = False  # a bare year that needs a preposition or a range to count
    bounded: bool = False  # built as "from X to Y" / "between X and Y"


# --- small date helpers --------------------------------------------------------------------
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_dom(year: int, month: int) -> int:
    # calendar.monthrange's day count without the weekday it also computes (month is 1..12)
    return 29 if month == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[month]


def _shift(d: dt.date, days: int) -> dt.date | None:
    """`d + days`, or None outside the calendar range datetime supports."""
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def _week_value(monday: dt.date | None) -> DateValue | None:
    sunday = _shift(monday, 6) if monday else None
    if monday is None or sunday is None:
        return None
    return DateValue(monday.isoformat(), sunday.isoformat(), "week", f"{monday}/{sunday}")


def _day_value(d: dt.date | None) -> DateValue | None:
    return None if d is None else DateValue(d.isoformat(), d.isoformat(), "day", d.isoformat())


def _month_value(year: int, month: int) -> DateValue | None:
    if not 1 <= year <= 9999:
        return None
    first = dt.date(year, month, 1)
    last = dt.date(year, month, _last_dom(year, month))
    return DateValue(first.isoformat(), last.isoformat(), "month", f"{year:04d}-{month:02d}")


def _year_value(year: int) -> DateValue | None:
    if not 1 <= year <= 9999:
        return None
    return DateValue(f"{year:04d}-01-01", f"{year:04d}-12-31", "year", f"{year:04d}")


def _span_value(first: dt.date, last: dt.date) -> DateValue | None:
    if first > last:
        return None
    return DateValue(first.isoformat(), last.isoformat(), "day", f"{first}/{last}")


def _month_of(name: str) -> int:
    # casefold: re.IGNORECASE reads "ſeptember" as a month ("ſ" folds to "s"; lower() keeps it)
    return _MONTHS[name[:3].casefold()]


def _day_of(token: str) -> int:
    return int(token.rstrip("stndrhSTNDRH"))


# --- resolution ----------------------------------------------------------------------------
_UNIT_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _unit(p: _Part) -> str:
    return "day" if p.day is not None else "month" if p.month is not None else "year"


def _iso_part(p: _Part) -> str:
    if p.day is not None:
        return f"{p.year:04d}-{p.month:02d}-{p.day:02d}"
    if p.month is not None:
        return f"{p.year:04d}-{p.month:02d}"
    return f"{p.year:04d}"


def _valid(p: _Part) -> bool:
    """A real calendar date, month or year ("February 30" and month 13 are not)."""
    if p.year is None or not 1 <= p.year <= 9999:
        return False
    if p.month is None:
        return p.day is None
    if not 1 <= p.month <= 12:
        return False
    return p.day is None or 1 <= p.day <= _last_dom(p.year, p.month)


def _first_day(p: _Part) -> dt.date:
    assert p.year is not None
    return dt.date(p.year, p.month or 1, p.day or 1)


def _last_day(p: _Part) -> dt.date:
    assert p.year is not None
    if p.month is None:
        return dt.date(p.year, 12, 31)
    return dt.date(p.year, p.month, p.day or _last_dom(p.year, p.month))


def _latest_year(month: int, day: int, ref: dt.date) -> int | None:
    """The year of the most recent `month`/`day` on or before `ref` (news convention)."""
    year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    for y in range(year, year - 8, -1):  # 29 February may need a few years back
        if _valid(_Part(y, month, day)):
            return y
    return None


def _resolve_parts(lo: _Part, hi: _Part, ref: dt.date | None) -> tuple[DateValue, bool] | None:
    relative = False
    if hi.year is None and lo.year is None:
        if ref is None or hi.month is None or hi.day is None:
            return None
        year = _latest_year(hi.month, hi.day, ref)
        if year is None:
            return None
        hi, relative = _Part(year, hi.month, hi.day), True
    if hi.year is None:
        assert lo.year is not None
        later = (hi.month or 0, hi.day or 0) >= (lo.month or 0, lo.day or 0)
        hi = _Part(lo.year if later else lo.year + 1, hi.month, hi.day)
    if lo.year is None:
        assert hi.year is not None
        earlier = (lo.month or 0, lo.day or 0) <= (hi.month or 0, hi.day or 0)
        lo = _Part(hi.year if earlier else hi.year - 1, lo.month, lo.day)
    if not (_valid(lo) and _valid(hi)):
        return None
    first, last = _first_day(lo), _last_day(hi)
    if first > last:
        return None
    lo_unit, hi_unit = _unit(lo), _unit(hi)
    precision = max(lo_unit, hi_unit, key=_UNIT_RANK.__getitem__)
    iso = _iso_part(lo) if lo == hi else f"{_iso_part(lo)}/{_iso_part(hi)}"
    return DateValue(first.isoformat(), last.isoformat(), precision, iso), relative


def _resolve(c: _Cand, ref: dt.date | None) -> tuple[DateValue, bool] | None:
    if c.value is not None:
        return c.value, c.relative
    if c.lo is None or c.hi is None:
        return None
    return _resolve_parts(c.lo, c.hi, ref)


# --- candidate generators ------------------------------------------------------------------
def _before(text: str, pos: int) -> str:
    return text[max(0, pos - _CONTEXT) : pos]


def _range_word(text: str, pos: int) -> str:
    """ "between" or "from" right before `pos`, else ""."""
    before = _before(text, pos)
    if tail(before) not in _RANGE_TAIL:
        return ""
    m = _RANGE_PREFIX.search(before)
    return m.group(1).lower() if m else ""


def _with_weekday(text: str, pos: int, floor: int) -> int:
    """Start of a weekday written just before a date ("Monday, 3 May"), else `pos`."""
    before = _before(text, pos)
    if tail(before) not in _WEEKDAY_TAIL:
        return pos
    m = _WEEKDAY_BEFORE.search(before)
    if m is None:
        return pos
    start = pos - len(before) + m.start()
    return start if start >= floor else pos


def _day_range(
    text: str, m: re.Match[str], month: int, year: int | None, start: int, floor: int
) -> _Cand | None:
    """One day or a day range of one month; None when "and" is not after "between"."""
    d1 = _day_of(m["d1"])
    d2 = _day_of(m["d2"]) if m["d2"] else d1
    word = _range_word(text, start) if m["d2"] else ""  # read only for a range
    if m["d2"] and m["c"].strip().lower() == "and" and word != "between":
        return None  # "on 3 and 5 March" names two days, not a range
    s = _with_weekday(text, start, floor)
    lo, hi = _Part(year, month, d1), _Part(year, month, d2)
    return _Cand(s, m.end(), lo, hi, bounded=bool(m["d2"] and word))


def _yearless_ok(text: str, m: re.Match[str], start: int, month_led: bool) -> bool:
    if m["m"] in _VERB_MONTHS:
        return False  # lower-case "may"/"march" without a year is a verb or a noun
    return not (month_led and _MONTH_DAY_BAD_BEFORE.search(_before(text, start)))


def _dmy(text: str, m: re.Match[str], floor: int, stop: int) -> Iterator[_Cand]:
    while True:
        year = int(m["y"]) if m["y"] else None
        if year is None and not _yearless_ok(text, m, m.start(), False):
            return
        cand = _day_range(text, m, _month_of(m["m"]), year, m.start(), floor)
        if cand is not None:
            yield cand
            return
        again = _P_DMY.match(text, m.start("d2"), stop)  # "3 and 5 March": keep "5 March"
        if again is None:
            return
        m = again


def _month_led(text: str, m: re.Match[str], floor: int, stop: int) -> Iterator[_Cand]:
    month = _month_of(m["m"])
    if m["d1"]:
        year = int(m["y"]) if m["y"] else None
        if year is None and not _yearless_ok(text, m, m.start(), True):
            return
        cand = _day_range(text, m, month, year, m.start(), floor)
        if cand is None:  # "March 3 and 5, 2020": two days, keep the first
            one = _Part(year, month, _day_of(m["d1"]))
            cand = _Cand(_with_weekday(text, m.start(), floor), m.end("d1"), one, one)
        yield cand
    elif m["m2"]:
        y = int(m["y2"])
        lo, hi = _Part(y, month, None), _Part(y, _month_of(m["m2"]), None)
        word = _range_word(text, m.start())
        if m["mc"].strip().lower() == "and" and word != "between":
            yield _Cand(m.start("m2"), m.end(), hi, hi)  # "March and April 2021"
        else:
            yield _Cand(m.start(), m.end(), lo, hi, bounded=bool(word))
    elif not _DAY_BEFORE.search(_before(text, m.start())):
        part = _Part(int(m["y1"]), month, None)  # not "February 1992" out of "30 February 1992"
        yield _Cand(m.start(), m.end(), part, part)


def _one_day(text: str, m: re.Match[str], floor: int, stop: int) -> Iterator[_Cand]:
    """ "9-May-20", "2024-02-26", "26/02/1992" (day-first unless impossible: "02/22/2016")."""
    if m.re is _P_DMY_DASH:
        y, month, d = int(m["y"]), _month_of(m["m"]), _day_of(m["d1"])
        if len(m["y"]) == 2:
            y += 2000 if y < 50 else 1900
    elif m.re is _P_ISO:
        y, d = int(m["y"]), int(m["d"])
        month = int(m["m"]) if m["m"].isdigit() else _month_of(m["m"])
    else:
        y, a, b = int(m["y"]), int(m["a"]), int(m["b"])
        d, month = (b, a) if a <= 12 < b else (a, b)
    part = _Part(y, month, d)
    yield _Cand(m.start(), m.end(), part, part)


def _bare_year(text: str, m: re.Match[str], floor: int, stop: int) -> Iterator[_Cand]:
    part = _Part(int(m[0]), None, None)
    before = _before(text, m.start())
    licensed = tail(before, hyphens=True) in _YEAR_TAIL and bool(_YEAR_CONTEXT.search(before))
    licensed = licensed and not _YEAR_NOT_AFTER.search(before)
    licensed = licensed and not _QUANTITY_NOUN.match(text, m.end())
    yield _Cand(m.start(), m.end(), part, part, weak=not licensed)


def _relative(ref: dt.date, text: str, m: re.Match[str]) -> _Cand | None:
    value: DateValue | None
    if m["rd"]:
        word = m["rd"].lower()
        if word == "overnight":  # the night before the report: the day before and the day of it
            before = _shift(ref, -1)
            value = _span_value(before, ref) if before is not None else None
        else:
            offset = _RELATIVE_DAYS[word]
            value = _day_value(_shift(ref, offset))
    elif m["wkend"]:  # the Saturday and Sunday on or before the reference
        sunday = _shift(ref, -((ref.weekday() + 1) % 7))
        saturday = _shift(sunday, -1) if sunday is not None else None
        value = _span_value(saturday, sunday) if saturday and sunday else None
    elif m["wd"]:
        value = _weekday(ref, m["wd"].lower(), (m["wmod"] or "").lower())
    elif m["unit"]:
        mod = " ".join(m["pmod"].lower().split())
        if mod in ("last", "previous") and _NO_RELATIVE_BEFORE.search(_before(text, m.start())):
            return None
        value = _period(ref, mod, m["unit"].lower())
    else:
        raw = m["n"].lower()
        value = _ago(ref, int(raw) if raw.isdigit() else _NUMBER_WORDS[raw], m["aunit"].lower())
    return None if value is None else _Cand(m.start(), m.end(), value=value, relative=True)


def _weekday(ref: dt.date, name: str, mod: str) -> DateValue | None:
    target = _WEEKDAYS[name]
    if mod == "next":
        return _day_value(_shift(ref, (target - ref.weekday()) % 7 or 7))
    back = (ref.weekday() - target) % 7
    if mod == "last" and back == 0:
        back = 7  # "last Tuesday" on a Tuesday is a week ago
    return _day_value(_shift(ref, -back))


def _period(ref: dt.date, mod: str, unit: str) -> DateValue | None:
    step = _PERIOD_STEPS[mod]
    value: DateValue | None
    if unit == "week":
        value = _week_value(_shift(ref, 7 * step - ref.weekday()))
        period_start = _shift(ref, -ref.weekday())
    elif unit == "month":
        index = ref.year * 12 + ref.month - 1 + step
        value = _month_value(index // 12, index % 12 + 1)
        period_start = ref.replace(day=1)
    else:
        value = _year_value(ref.year + step)
        period_start = ref.replace(month=1, day=1)
    if mod != "earlier this":
        return value
    day_before = _shift(ref, -1)
    if period_start is None or day_before is None:
        return None
    return _span_value(period_start, max(period_start, day_before))


def _ago(ref: dt.date, n: int, unit: str) -> DateValue | None:
    if unit == "day":
        return _day_value(_shift(ref, -n))
    if unit == "week":
        day = _shift(ref, -7 * n)
        return _week_value(_shift(day, -day.weekday()) if day else None)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 - n
        return _month_value(index // 12, index % 12 + 1)
    return _year_value(ref.year - n)


_Make = Callable[[str, re.Match[str], int, int], Iterator[_Cand]]
_DIGIT_FAMILY: tuple[tuple[re.Pattern[str], _Make], ...] = (
    (_P_DMY, _dmy),
    (_P_DMY_DASH, _one_day),
    (_P_ISO, _one_day),
    (_P_NUM, _one_day),
    (_P_YEAR, _bare_year),
)


def _combine(text: str, cands: list[_Cand], end: int) -> list[_Cand]:
    """Join two absolute candidates separated by a range connector into one range."""
    by_start: dict[int, list[_Cand]] = {}
    for c in cands:
        if c.lo is not None:
            by_start.setdefault(c.start, []).append(c)
    out: list[_Cand] = []
    for a in cands:
        if a.lo is None:
            continue
        conn = _P_RANGE_CONN.match(text, a.end, end)
        if conn is None or conn.end() not in by_start:
            continue
        word = _range_word(text, a.start)
        if conn["c"].strip().lower() == "and" and word != "between":
            continue
        for b in by_start[conn.end()]:
            if a.weak and b.weak and _QUANTITY_NOUN.match(text, b.end):
                continue  # "between 1900 and 2000 people"
            out.append(_Cand(a.start, b.end, a.lo, b.hi, bounded=bool(word)))
    return out


def _candidates(
    text: str, ref: dt.date | None, start: int, end: int, allow_bare: bool, reference_scan: bool
) -> list[_Cand]:
    """`reference_scan`: each pattern scans for itself (the reference of extract/date_starts.py,
    which finds the same matches from one scan per family)."""
    cands: list[_Cand] = []
    month_led = None if reference_scan else month_led_matches(text, start, end)
    for m in month_led_windowed(text, start, end) if month_led is None else month_led:
        cands.extend(_month_led(text, m, start, end))
    if reference_scan:
        digits = tuple(list(p.finditer(text, start, end)) for p, _ in _DIGIT_FAMILY)
    else:
        digits = digit_matches(text, start, end)
    for (_, make), found in zip(_DIGIT_FAMILY, digits, strict=True):
        for m in found:
            cands.extend(make(text, m, start, end))
    if ref is not None:
        low: str | None = None  # the folded text, read at the first window (offsets the text's)
        for lo, hi in windows(_RELATIVE_TRIGGER, _RELATIVE_WINDOW, text, start, end):
            if not reference_scan:
                # Most windows (around "day", "year"...) hold no word a relative date needs.
                low = fold(text) if low is None else low
                if len(low) == len(text) and _RELATIVE_WORD.search(low, lo, hi) is None:
                    continue
            for m in _P_RELATIVE.finditer(text, lo, hi):
                cand = _relative(ref, text, m)
                if cand is not None:
                    cands.append(cand)
        bare = _P_BARE_MONTH.finditer(text, start, end) if reference_scan else \
            bare_month_matches(text, start, end)  # fmt: skip
        for m in bare:
            month = _MONTHS[m["m"][:3].lower()]
            year = ref.year if month <= ref.month else ref.year - 1
            value = _month_value(year, month)
            if value is not None:
                cands.append(_Cand(m.start("m"), m.end("m"), value=value, relative=True))
    cands.extend(_combine(text, cands, end))
    if allow_bare:
        return cands
    return [c for c in cands if not c.weak]


def _role(text: str, c: _Cand) -> str:
    before = _before(text, c.start)
    # COMMEM_BEFORE (case-blind) holds "anniversary": an ASCII context without it cannot match.
    commem = not before.isascii() or "anniversary" in before.lower()
    if _COMMEM_AFTER.match(text, c.end) or (commem and _COMMEM_BEFORE.search(before)):
        return "commemoration"
    m = _ROLE_BEFORE.search(before) if tail(before, hyphens=True) in _ROLE_TAIL else None
    if m is not None and text.startswith(("'s", "’s"), c.end):
        m = None  # "the toll from Thursday's attack": the attack's day, not a period's start
    if m is None:
        # "the ministry said on Friday that ...": the day of the statement, not of the incident.
        return "statement" if STATEMENT_DATE_BEFORE_RE.search(before) else "event"
    word = m["w"].lower()
    if word == "from":
        return "event" if c.bounded else "since"
    return "since" if word == "since" else "until"


_Resolved = tuple[_Cand, DateValue, bool]


def _pick(cluster: list[_Resolved]) -> list[_Resolved]:
    """Longest first, then earliest; drop any candidate overlapping one already kept."""
    if len(cluster) == 1:
        return cluster  # most runs: one candidate, kept
    starts: list[int] = []
    ends: list[int] = []
    kept: list[_Resolved] = []
    for item in sorted(cluster, key=lambda t: (t[0].start - t[0].end, t[0].start)):
        c = item[0]
        i = bisect.bisect_left(starts, c.start)
        if (i and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.insert(i, item)
    return kept


def _select(
    text: str,
    ref: dt.date | None,
    start: int,
    end: int,
    allow_bare: bool,
    reference_scan: bool = False,
) -> list[DateMention]:
    resolved: list[_Resolved] = []
    for c in _candidates(text, ref, start, end, allow_bare, reference_scan):
        r = _resolve(c, ref)
        if r is not None:
            resolved.append((c, r[0], r[1]))
    resolved.sort(key=lambda t: t[0].start)
    # Overlap is resolved within runs of overlapping candidates, so work stays per run.
    chosen: list[DateMention] = []
    cluster: list[_Resolved] = []
    reach = -1
    for item in [*resolved, None]:  # None flushes the last run
        if cluster and (item is None or item[0].start >= reach):
            for c, value, rel in _pick(cluster):
                span = (c.start, c.end)
                chosen.append(DateMention(text[c.start : c.end], span, value, _role(text, c), rel))
            cluster = []
        if item is not None:
            reach = max(reach, item[0].end) if cluster else item[0].end
            cluster.append(item)
    return chosen


def find_dates(
    text: str,
    *,
    reference: dt.date | None = None,
    start: int = 0,
    end: int | None = None,
    reference_scan: bool = False,
) -> tuple[DateMention, ...]:
    """Every date expression in `text[start:end]`, sorted by position, non-overlapping.

    Spans are absolute offsets into `text`; words just outside the window are read as context
    (for roles and bare years) but never matched. `reference` is the publication date that
    relative expressions ("yesterday", "on Tuesday", "3 May") are resolved against.
    `reference_scan`: every pattern scans the text for itself, the slower reference of the
    marks (extract/date_starts.py); the mentions are the same.
    """
    stop = len(text) if end is None else min(end, len(text))
    begin = max(0, start)
    if begin >= stop:
        return ()
    return tuple(_select(text, reference, begin, stop, False, reference_scan))


def parse_date(expr: str, *, reference: dt.date | None = None) -> DateValue | None:
    """Normalise one whole date expression ("26 February 1992", "1992", "last week").

    Leading introducers ("on", "since", "the night of", ...) and a trailing full stop or comma
    are allowed; anything else around the date makes it not a date (None).
    """
    mentions = _select(expr, reference, 0, len(expr), allow_bare=True)
    if len(mentions) != 1:
        return None
    (s, e) = mentions[0].span
    lead = _PARSE_LEAD.match(expr, 0, s)
    if lead is None or lead.end() != s or expr[e:].strip(" \t\n.,;") != "":
        return None
    return mentions[0].value
