"""Date grammar read by extract/dates.py, declared as named patterns and word tables, compiled once:
month, weekday and small number words; the absolute (day-month-year, month-led, numeric, ISO,
bare year) and relative ("yesterday", "last week", "three days ago") date patterns; the words
around a date that license a bare year or give its role (since, until, commemoration).
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.loader import WordTable


def _index(words: str, first: int) -> WordTable[int]:
    return WordTable({w: i for i, w in enumerate(words.split(), first)})


MONTHS = _index("jan feb mar apr may jun jul aug sep oct nov dec", 1)
WEEKDAYS = _index("monday tuesday wednesday thursday friday saturday sunday", 0)
NUMBER_WORDS = _index("zero one two three four five six seven eight nine ten eleven twelve", 0)
NUMBER_WORDS.update(a=1, an=1)
_F = re.IGNORECASE

# --- building blocks -----------------------------------------------------------------------
# A full name, or an abbreviation with or without its dot ("Feb.", "Sept."); a sentence-final
# "April." keeps its full stop.
_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_MON = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november"
    rf"|december)\b|{_ABBR}\b\.?)"
)
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# Patterns that start with a digit begin with `\d` and check the character before it with a
# lookbehind placed after it: a leading character class lets `re` skip ahead quickly.
_DAY1 = r"\d(?<![\w.,/:-]\d)\d?(?:st|nd|rd|th)?"
_DAY = r"\d\d?(?:st|nd|rd|th)?"
_YEAR = r"[12]\d{3}"
_DASH = r"\s*[-–—]\s*"
_TO = r"\s+(?:to|until|till|through|thru)\s+"
_CONN = rf"(?P<c>{_DASH}|{_TO}|\s+and\s+)"
_END = r"(?!\w|[.,]\d)"  # not glued to a longer number or word

P_DMY = re.compile(
    rf"(?P<d1>{_DAY1})(?:{_CONN}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<m>{_MON})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?{_END}",
    _F,
)
P_DMY_DASH = re.compile(
    rf"(?P<d1>\d(?<![\w-]\d)\d?)-(?P<m>{_MON})-(?P<y>\d{{4}}|\d{{2}})(?![\w-])", _F
)
P_ISO = re.compile(
    rf"(?P<y>[12](?<![\w.,/:-][12])\d{{3}})(?P<sep>[-/.])(?P<m>\d{{1,2}}|{_MON})(?P=sep)"
    r"(?P<d>\d{1,2})(?!\w|[.,/-]?\d)",
    _F,
)
P_NUM = re.compile(
    rf"(?P<a>\d(?<![\w.,/:-]\d)\d?)(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})"
    r"(?!\w|[.,/-]?\d)"
)
P_YEAR = re.compile(r"(?:19|20)\d\d(?<![\w.,/:]\d{4})(?!\w|[.,]\d|'s)")
# Month first: "May 3, 2020" / "Feb. 25-26, 1992", "March–April 2021", "October 1991".
P_MONTH_LED = re.compile(
    rf"(?<![\w.,/:-])(?P<m>{_MON})(?:"
    rf"(?:\s+|-)(?P<d1>{_DAY})(?:{_CONN}(?P<d2>{_DAY}))?(?:,?\s+(?P<y>{_YEAR}))?{_END}"
    rf"|(?P<mc>{_DASH}|{_TO}|\s+and\s+|\s*/\s*)(?P<m2>{_MON}),?\s+(?P<y2>{_YEAR}){_END}"
    rf"|\s*,?\s+(?:of\s+)?(?P<y1>{_YEAR}){_END})",
    _F,
)
P_RELATIVE = re.compile(
    r"\b(?:(?P<rd>today|tonight|yesterday|tomorrow|overnight)"
    rf"|(?:(?P<wmod>last|next)\s+)?(?P<wd>{_WD})(?:\s+(?:night|morning|afternoon|evening))?"
    r"|(?P<pmod>last|this|next|previous|earlier\s+this)\s+(?P<unit>week|month|year)"
    r"|(?P<wkend>(?:over|at|during)\s+the|this|last)\s+weekend"
    r"|(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<aunit>day|week|month|year)s?\s+ago)\b",
    _F,
)
#: Words one of which every P_RELATIVE match holds (folded; tests/test_scan_sources.py proves
#: it with literals.proves): a trigger window of find_dates without one is not searched.
RELATIVE_WORDS = ("today", "tonight", "yesterday", "tomorrow", "overnight", *WEEKDAYS, "week", "month",
                  "year", "ago")  # fmt: skip
RELATIVE_WORD = re.compile("|".join(sorted(RELATIVE_WORDS, key=lambda w: (-len(w), w))))
# A month without day or year after a preposition ("in January", "since early March"): the
# latest such month on or before the reference. Capitalised only ("may", "march" are verbs).
BARE_MONTH_PREPOSITIONS = ("in", "since", "during", "until", "by", "from")
BARE_MONTH_MODIFIERS = ("early", "late", "mid")
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
P_BARE_MONTH = re.compile(
    r"\b(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in BARE_MONTH_PREPOSITIONS)
    + rf")\s+(?:(?:{'|'.join(BARE_MONTH_MODIFIERS)})[\s-]+)?"
    rf"(?P<m>{_MONTH_NAMES})\b(?!\s*,?\s*(?:of\s+)?\d|-\d)"
)
#: A capitalised month name, where a bare month can end (extract/date_starts.py reads back
#: from it to the preposition instead of trying P_BARE_MONTH at every position).
BARE_MONTH_NAME = re.compile(rf"(?:{_MONTH_NAMES})\b")
# Cheap scans that find where month-led and relative patterns can match at all.
_TRIGGER_FIRST = "JjFfMmAaSsOoNnDd"
_TRIGGER_REST = "(?i:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)"
MONTH_TRIGGER = re.compile(rf"[{_TRIGGER_FIRST}](?<![^\W\d_].){_TRIGGER_REST}")
#: The letters that open a month trigger (case-sensitive) and every letter a month name may
#: open with under re.IGNORECASE ("ſ" folds to "s").
MONTH_TRIGGER_FIRST = frozenset(_TRIGGER_FIRST)
#: Where P_MONTH_LED can start (its look-behind, then a trigger's letters): one scan for the
#: month-led dates, no windows (extract/date_starts.py).
MONTH_START = re.compile(rf"[{_TRIGGER_FIRST}\u017f](?<![\w.,/:-].){_TRIGGER_REST}")
#: A run of digits, where every digit-led date pattern starts.
DIGIT_RUN = re.compile(r"\d+")
RELATIVE_TRIGGER = re.compile(r"[DdNnWwMmYyAa](?i:ay|ight|eek|eekend|onth|ear|go)\b")
#: The rest of a token (a match window is widened to its end, so no token is cut).
TO_SPACE = re.compile(r"\S*")

# Between two dates that form one range.
P_RANGE_CONN = re.compile(rf"(?P<c>{_DASH}|{_TO}|\s+and\s+)", _F)
RANGE_PREFIX = re.compile(r"\b(between|from)\s+$", _F)
DAY_BEFORE = re.compile(r"(?<![\w.,/:-])\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$", _F)
WEEKDAY_BEFORE = re.compile(rf"\b{_WD},?\s+$", _F)

YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|from|until|till|by|of|during|before|after|through)\s+"
    r"(?:(?:early|late|mid)[\s-]+|the\s+(?:end|beginning|start|middle|summer|spring|autumn|"
    r"winter)\s+of\s+)?$",
    _F,
)
# "a total of 2000", "out of 2000": a quantity, not a year.
YEAR_NOT_AFTER = re.compile(
    r"\b(?:total|toll|number|figure|sum|count|estimate|tally|out|group|crowd|force|population|"
    r"maximum|minimum|average|least|most|some|about|around|nearly|almost|over|than|to)\s+"
    r"(?:of\s+)?$",
    _F,
)
QUANTITY_NOUN = re.compile(
    r"\s*(?:%|percent\b|per\s*cent\b|\s(?:people|persons|civilians|soldiers|troops|men|women|"
    r"children|families|households|residents|refugees|deaths|dead|casualties|fighters|"
    r"militants|victims|homes|houses|buildings|km|kilometres|kilometers|miles|metres|meters|"
    r"tonnes|tons|dollars|euros)\b)",
    _F,
)
MONTH_DAY_BAD_BEFORE = re.compile(r"\b(?:in|during)\s+$", _F)  # "in March 15 people died"
VERB_MONTHS = frozenset({"may", "march", "mar"})  # lower case: "3 may be", "march 5 miles"
NO_RELATIVE_BEFORE = re.compile(r"\bthe\s+$", _F)  # "the last week of July"
ROLE_BEFORE = re.compile(
    r"\b(?P<w>since|from|until|till|til|by)\s+(?:(?:early|late|mid)[\s-]+)?$", _F
)
COMMEM_AFTER = re.compile(
    r"\s*,?\s*(?:(?:which|that|also)\s+)?(?:marks?|marked|marking|will\s+mark)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?anniversary\b|\s*,\s*the\s+[\w-]+\s+anniversary\b",
    _F,
)
COMMEM_BEFORE = re.compile(r"\bon\s+the\s+(?:[\w-]+\s+)?anniversary\s*,?\s*(?:on\s+)?$", _F)
PARSE_LEAD = re.compile(
    r"\s*(?:(?:on|in|since|from|until|till|by|during|of|between|the\s+night\s+of|the)\s+)*", _F
)


#: Days from the reference that a relative day word names.
RELATIVE_DAYS = WordTable({"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1})
#: Periods from the reference's that "last/previous/this/next/earlier this week" names.
PERIOD_STEPS = WordTable({"last": -1, "previous": -1, "this": 0, "next": 1, "earlier this": 0})
