"""Where the date patterns match: text + range -> the matches `extract/dates.py` reads.

The reference (`dates._candidates(..., reference_scan=True)`) runs each digit-led pattern over
the whole range, each month-led one inside windows around a cheap trigger, and the bare-month
pattern at every position. Here each family is found from one scan of the places where its
matches can start, and the specific pattern is tried only there; the matches are the same
(tests/test_scan_dates.py):

- digit-led dates (P_DMY, P_DMY_DASH, P_ISO, P_NUM, P_YEAR) all open a run of digits that no
  word character precedes (their look-behinds say so); one scan of digit runs, and the length
  of the run and the character after it say which patterns can match there;
- month-led dates (P_MONTH_LED) open with a month name, where the trigger of the reference's
  windows fires; a match that reaches past the shortest window the reference would give it,
  or a month spelt with a letter the trigger lacks ("ſeptember"), sends the whole family back
  to the reference's windows, so the output never depends on the windows;
- bare months (P_BARE_MONTH) end in a capitalised month name: one scan of the names, then a
  read back over the whitespace (and "early"/"late"/"mid") to the preposition, and the
  pattern is tried where that preposition starts.

`match` at a position sees the text before it (look-behinds, word boundaries) as `finditer`
did, and `end` bounds every match as it bounded the scans. The reference's windows are here
too, and `tail`: the context patterns ("between", "since", "Monday,") are searched only when
the text before a date ends in a letter their words can end in.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.date_patterns import BARE_MONTH_MODIFIERS as _MODIFIERS
from tollbook.extract.grammar.date_patterns import BARE_MONTH_NAME as _BARE_MONTH_NAME
from tollbook.extract.grammar.date_patterns import BARE_MONTH_PREPOSITIONS as _PREPOSITIONS
from tollbook.extract.grammar.date_patterns import DIGIT_RUN as _DIGIT_RUN
from tollbook.extract.grammar.date_patterns import MONTH_START as _MONTH_START
from tollbook.extract.grammar.date_patterns import MONTH_TRIGGER as _MONTH_TRIGGER
from tollbook.extract.grammar.date_patterns import MONTH_TRIGGER_FIRST as _TRIGGER_FIRST
from tollbook.extract.grammar.date_patterns import P_BARE_MONTH as _P_BARE_MONTH
from tollbook.extract.grammar.date_patterns import P_DMY as _P_DMY
from tollbook.extract.grammar.date_patterns import P_DMY_DASH as _P_DMY_DASH
from tollbook.extract.grammar.date_patterns import P_ISO as _P_ISO
from tollbook.extract.grammar.date_patterns import P_MONTH_LED as _P_MONTH_LED
from tollbook.extract.grammar.date_patterns import P_NUM as _P_NUM
from tollbook.extract.grammar.date_patterns import P_YEAR as _P_YEAR
from tollbook.extract.grammar.date_patterns import TO_SPACE as _TO_SPACE

__all__ = [
    "MONTH_REACH",
    "RANGE_TAIL",
    "ROLE_TAIL",
    "WEEKDAY_TAIL",
    "YEAR_TAIL",
    "bare_month_matches",
    "digit_matches",
    "month_led_matches",
    "month_led_windowed",
    "tail",
    "windows",
]

#: The reference's month window: a trigger of 3 letters and 40 characters after it (then to
#: the end of the token). A month-led match ending within it is found the same in any window.
MONTH_REACH = 3 + 40
_Matches = list[re.Match[str]]
# "In"/"in", "Since"/"since"...: the pattern's prepositions, as they may be written.
_PREPS = frozenset(w for p in _PREPOSITIONS for w in (p, p[0].upper() + p[1:]))
_PREP_LENGTHS = sorted({len(p) for p in _PREPOSITIONS})


def digit_matches(text: str, start: int, end: int) -> tuple[_Matches, ...]:
    """`finditer(text, start, end)` of P_DMY, P_DMY_DASH, P_ISO, P_NUM and P_YEAR, in that
    order, from one scan of digit runs."""
    dmy: _Matches = []
    dash: _Matches = []
    iso: _Matches = []
    num: _Matches = []
    year: _Matches = []
    # Where each pattern's last match ended: finditer's next search starts there.
    e_dmy = e_dash = e_iso = e_num = e_year = start
    for run in _DIGIT_RUN.finditer(text, start, end):
        p, q = run.span()
        n = q - p
        after = text[q] if q < end else ""
        if n <= 2:  # a day: "3 May", "9-May-20", "26/02/1992"
            if p >= e_dmy and (m := _P_DMY.match(text, p, end)) is not None:
                dmy.append(m)
                e_dmy = m.end()
            if after == "-" and p >= e_dash and (m := _P_DMY_DASH.match(text, p, end)):
                dash.append(m)
                e_dash = m.end()
            if after in "/.-" and after and p >= e_num and (m := _P_NUM.match(text, p, end)):
                num.append(m)
                e_num = m.end()
        elif n == 4:  # a year: "2024-02-26", "1992"
            if after and after in "-/." and text[p] in "12" and p >= e_iso \
                    and (m := _P_ISO.match(text, p, end)) is not None:  # fmt: skip
                iso.append(m)
                e_iso = m.end()
            if text.startswith(("19", "20"), p) and p >= e_year \
                    and (m := _P_YEAR.match(text, p, end)) is not None:  # fmt: skip
                year.append(m)
                e_year = m.end()
    return dmy, dash, iso, num, year


def month_led_matches(text: str, start: int, end: int) -> _Matches | None:
    """The matches of P_MONTH_LED that the reference's windows find, or None where they might
    differ (the caller then reads the windows itself)."""
    out: _Matches = []
    last = start
    for cand in _MONTH_START.finditer(text, start, end):
        q = cand.start()
        if q < last:
            continue
        m = _P_MONTH_LED.match(text, q, end)
        if m is None:
            continue
        if text[q] not in _TRIGGER_FIRST or m.end() > min(end, q + MONTH_REACH):
            return None  # no trigger of its own, or longer than its window: the reference decides
        out.append(m)
        last = m.end()
    return out


def _space_start(text: str, pos: int, floor: int, dash: bool = False) -> int:
    """Start of the run of whitespace (and hyphens, if `dash`) ending at `pos`, not below `floor`."""
    while pos > floor and (text[pos - 1].isspace() or (dash and text[pos - 1] == "-")):
        pos -= 1
    return pos


def _prep_starts(text: str, pos: int, floor: int) -> list[int]:
    """Where a preposition of the pattern ending right before the whitespace at `pos` starts."""
    j = _space_start(text, pos, floor)
    if j == pos:
        return []  # the pattern wants whitespace after its preposition
    return [j - n for n in _PREP_LENGTHS if j - n >= floor and text[j - n : j] in _PREPS]


def bare_month_matches(text: str, start: int, end: int) -> _Matches:
    """`P_BARE_MONTH.finditer(text, start, end)`: "in January", "since early March"."""
    out: _Matches = []
    for name in _BARE_MONTH_NAME.finditer(text, start, end):
        q = name.start()
        starts = _prep_starts(text, q, start)  # "in March"
        k = _space_start(text, q, start, dash=True)  # "in early March", "from mid-March"
        if k < q:
            for mod in _MODIFIERS:
                if k - len(mod) >= start and text.startswith(mod, k - len(mod)):
                    starts += _prep_starts(text, k - len(mod), start)
        for s in sorted(starts):  # the leftmost start is finditer's
            m = _P_BARE_MONTH.match(text, s, end)
            if m is not None and m.start("m") == q:
                out.append(m)
                break
    return out


# --- the reference's windows, and when a context pattern can match -------------------------
def windows(
    trigger: re.Pattern[str], reach: tuple[int, int], text: str, start: int, end: int
) -> list[tuple[int, int]]:
    """Merged ranges around each trigger word, ending at whitespace so no token is cut."""
    out: list[tuple[int, int]] = []
    for m in trigger.finditer(text, start, end):
        lo = max(start, m.start() - reach[0])
        hi = min(end, m.end() + reach[1])
        if out and lo <= out[-1][1]:
            if hi <= out[-1][1]:
                continue  # already covered; not re-extending keeps this linear
            lo = out.pop()[0]
        stop = _TO_SPACE.match(text, hi, end)
        out.append((lo, stop.end() if stop else hi))
    return out


def month_led_windowed(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The reference: P_MONTH_LED inside the windows of MONTH_TRIGGER."""
    return [
        m
        for lo, hi in windows(_MONTH_TRIGGER, (0, MONTH_REACH - 3), text, start, end)
        for m in _P_MONTH_LED.finditer(text, lo, hi)
    ]


def tail(before: str, hyphens: bool = False) -> str:
    """The character before the whitespace (and hyphens) that end `before`; "" if none end it.

    The context patterns end in whitespace after a word ("between ", "Monday, ", "mid-"), so
    a pattern whose words cannot end in this character cannot match: its search is skipped
    (the letters below are those its words end in, in both cases; tests/test_scan_dates.py)."""
    t = before.rstrip()
    while hyphens and t.endswith("-"):
        t = t[:-1].rstrip()
    return t[-1:] if len(t) < len(before) else ""


RANGE_TAIL = frozenset("nNmM")  # between, from
WEEKDAY_TAIL = frozenset("yY,")  # Monday, Monday,
ROLE_TAIL = frozenset("eEmMlLyYdD")  # since from until till til by; early late mid
YEAR_TAIL = frozenset("nNeEmMlLyYfFgGrRhHdD")  # in since from until till by of during ...
