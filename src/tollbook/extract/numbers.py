"""Number mentions: text -> NumberMention* (value, bounds, qualifier, what kind of number).

Reads digits with separators ("1,275"), words ("twenty-five", "one thousand two hundred"),
scaled figures ("3.5 million", "2m"), ranges ("10 to 12", "between 10 and 12"), and vague
amounts ("dozens of", "hundreds", "several") with the conventions of docs/annotation.md.
Each mention says whether it is a plain cardinal or something that must never become a
count of people (ordinal, percentage, money, age, duration, identifier).

numparse.py reads numbers with general conventions instead; it shares the word tables.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tollbook.extract.grammar.alternation import alternation, end_width
from tollbook.model import Span

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip
SHORT_SCALES = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1e9, "tn": 1e12,
    "lakhs": 100_000, "crores": 10_000_000,
}  # fmt: skip
ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "twentieth", "thirtieth", "hundredth", "thousandth",
}  # fmt: skip

#: Vague amounts: (qualifier, value, low, high). docs/annotation.md is the reference.
VAGUE: dict[str, tuple[str, float, float, float]] = {
    "a couple of": ("approx", 2, 2, 3),
    "a few": ("vague", 3, 2, 5),
    "a handful of": ("vague", 3, 2, 5),
    "several": ("vague", 3, 3, 9),
    "dozens": ("vague", 24, 24, 99),
    "scores": ("vague", 40, 40, 99),
    "hundreds": ("vague", 200, 200, 999),
    "thousands": ("vague", 2000, 2000, 9999),
    "tens of thousands": ("vague", 20000, 20000, 99999),
    "hundreds of thousands": ("vague", 200000, 200000, 999999),
    "millions": ("vague", 2000000, 2000000, 9999999),
    # Unquantified: the source says some people, not how many. Plural "a number of" is at
    # least two; "an unknown number" at least one. The high bound is a convention (docs).
    "a number of": ("vague", 2, 2, 99),
    "an unknown number of": ("vague", 1, 1, 99),
    "an unspecified number of": ("vague", 1, 1, 99),
    "an undisclosed number of": ("vague", 1, 1, 99),
    "an undetermined number of": ("vague", 1, 1, 99),
    "an unconfirmed number of": ("vague", 1, 1, 99),
    "unknown number of": ("vague", 1, 1, 99),
    "unspecified number of": ("vague", 1, 1, 99),
}

#: Qualifier phrases written before a figure -> (qualifier, bound rule).
QUALIFIERS: dict[str, tuple[str, str]] = {
    "at least": ("at_least", "closed"),
    "no fewer than": ("at_least", "closed"),
    "no less than": ("at_least", "closed"),
    "not less than": ("at_least", "closed"),
    "a minimum of": ("at_least", "closed"),
    "more than": ("more_than", "closed"),
    "over": ("more_than", "closed"),
    "upwards of": ("more_than", "closed"),
    "in excess of": ("more_than", "closed"),
    "up to": ("at_most", "closed"),
    "as many as": ("at_most", "closed"),
    "at most": ("at_most", "closed"),
    "no more than": ("at_most", "closed"),
    "not more than": ("at_most", "closed"),
    "a maximum of": ("at_most", "closed"),
    "fewer than": ("fewer_than", "closed"),
    "less than": ("fewer_than", "closed"),
    "under": ("fewer_than", "closed"),
    "about": ("approx", "around"),
    "around": ("approx", "around"),
    "approximately": ("approx", "around"),
    "roughly": ("approx", "around"),
    "some": ("approx", "around"),
    "an estimated": ("approx", "around"),
    "estimated": ("approx", "around"),
    "an approximate": ("approx", "around"),
    "nearly": ("approx", "below"),
    "almost": ("approx", "below"),
    "close to": ("approx", "below"),
    "just under": ("approx", "below"),
    "just over": ("more_than", "closed"),
}


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A figure as written. `span` covers qualifier + number; `number_span` the number only."""

    span: Span
    number_span: Span
    text: str
    value: float
    low: float
    high: float
    qualifier: str
    kind: str  # "cardinal" | "ordinal" | "percent" | "money" | "age" | "duration" | "ident" | "year"
    additional: bool = False  # "another 1,000"
    written: str = "digits"  # "digits" | "words" | "vague"


_NUMWORD = r"(?:" + alternation([*UNITS, *TENS]) + r")"
_ALL_WORDS = alternation([*UNITS, *TENS, *SCALES])
_WORDS_RE = (
    r"(?:(?:\ba|\ban)(?=\s+(?:hundred|thousand|million)\b)|" + _NUMWORD + r")"
    r"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+)(?:" + _ALL_WORDS + r"))*"
)
#: Thousands separators besides the comma: a space, a no-break space (U+00A0), a narrow
#: no-break space (U+202F), a thin space (U+2009), an apostrophe ("12 000", "24\u202f200",
#: "12'000"). One separator throughout a figure, groups of exactly three digits, and no digit
#: after the last group, so "in 2019 200" and "3 1000" stay two numbers.
THOUSANDS_SEPARATORS = (" ", "\u00a0", "\u202f", "\u2009", "'", "\u2019")
_GROUPED = "|".join(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+(?![\d'\u2019]|[.,]\d)" for sep in THOUSANDS_SEPARATORS[1:])
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d|[.,]\d)|" + _GROUPED + r"|\d+)(?:\.\d+)?"
_SEPARATORS_RE = re.compile("[," + "".join(THOUSANDS_SEPARATORS) + "]")
_SCALE_RE = r"(?:\s*(?:million|billion|trillion|thousand|lakhs?|crores?|mln|mn|bn|tn|m|k)\b)?"
_VAGUE_RE = alternation(VAGUE)
_QUAL_RE = alternation(QUALIFIERS)

NUMBER_RE = re.compile(
    r"(?P<qual>\b(?:" + _QUAL_RE + r")\s+)?"
    r"(?P<another>\b(?:another|an additional|a further)\s+)?"
    # "two dozen" is 24, so the dozen reading is tried before the bare number. A capitalised
    # number word hyphened to a word is part of a name ("Typhoon Nok-Ten"), not a number.
    r"(?:(?P<dozen>\b(?:half\s+a|a|" + _NUMWORD + r"|(?<![\w.,])\d+)\s+dozens?\b)"
    r"|(?P<between>\bbetween\s+)?"
    r"(?P<num>(?<![\w.,:$€£])" + _DIGITS_RE + _SCALE_RE + r"|\b(?!(?<=[A-Za-z]-)(?-i:[A-Z]))" + _WORDS_RE + r"\b)"
    r"|(?P<half>\bhalf\s+a\s+(?:million|billion)\b)"
    r"|(?P<vague>\b(?:" + _VAGUE_RE + r")\b))",
    re.IGNORECASE,
)

RANGE_TAIL_RE = re.compile(
    r"(?P<rsep>\s*(?:-|–|—|to|and)\s*)"
    r"(?P<num2>(?<![\w.,])" + _DIGITS_RE + _SCALE_RE + r"|\b" + _WORDS_RE + r"\b)",
    re.IGNORECASE,
)
_UPDATE_FROM = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|increased|jumped|grew|went up|soared|revised)"
    r"(?:\s+\w+)?\s+from\s+$",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# Hot patterns, compiled once (a module-level `re.sub(pattern, ...)` looks up its cache per call).
_FIGURE_TEXT = re.compile(r"(" + _DIGITS_RE + r")\s*([a-z]+)?")
_GLUED_BEFORE = re.compile(r"[A-Za-z]-?\Z")
_GLUED_AFTER = re.compile(r"[:/]\d|[A-Za-z]")
_SPACES = re.compile(r"\s+")
_AFTER_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s*cent\b|pc\b)", re.IGNORECASE)
_AFTER_MONEY = re.compile(
    r"\s*(?:dollars?|euros?|pounds?|manats?|rubles?|roubles?|dinars?|rupees?|yuan|usd|eur)\b",
    re.IGNORECASE,
)
_BEFORE_MONEY = re.compile(r"(?:[$€£]|\bUS\$|\bUSD\s?|\bEUR\s?)\s*$", re.IGNORECASE)
_AGE_DURATION = re.compile(
    r"[\s-]*(?P<u>years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))"
    r"(?P<old>[\s-]*old)?\b",
    re.IGNORECASE,
)
_BEFORE_IDENT = re.compile(
    r"(?:\bno\.?|\bnumber|\bresolution|\barticle|\bregiment|\bbrigade|\bdivision|\bunit|"
    r"\bbattalion|\bchapter|\bsection|\bflight|\broute|\bhighway|\bpage|\bkm|\bnr\.?|#)\s*\Z",
    re.IGNORECASE,
)


def words_to_number(words: str) -> float | None:
    """'one thousand two hundred' -> 1200; 'twenty-five' -> 25; None if not a number."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen = False
    prev = ""
    for tok in tokens:
        # "five six" or "twenty thirty" are two numbers, not one.
        if (prev in UNITS and tok in UNITS) or (prev in TENS and (tok in TENS or UNITS.get(tok, 0) >= 10)):
            return None
        if prev in UNITS and tok in TENS:
            return None
        prev = tok
        if tok in ("a", "an"):
            current = max(current, 1)
            seen = True
        elif tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok == "hundred":
            current = max(current, 1) * 100
            seen = True
        elif tok in SCALES:
            total += max(current, 1) * SCALES[tok]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_figure(text: str) -> float | None:
    """'1,275' -> 1275; '3.5 million' -> 3500000; 'twenty-five' -> 25."""
    t = text.strip().lower()
    m = _FIGURE_TEXT.fullmatch(t)
    if m:
        base = float(_SEPARATORS_RE.sub("", m.group(1)))
        scale = m.group(2)
        if scale is None:
            return base
        if scale in SCALES:
            return base * SCALES[scale]
        if scale in SHORT_SCALES:
            return base * SHORT_SCALES[scale]
        return None
    return words_to_number(t)


def _bounds(value: float, rule: str) -> tuple[float, float]:
    if rule == "around":
        # The epsilon keeps float noise (200 * 1.1 = 220.00000000000003) out of the bound.
        return float(math.floor(value * 0.9 + 1e-9)), float(math.ceil(value * 1.1 - 1e-9))
    if rule == "below":
        return float(math.floor(value * 0.9 + 1e-9)), value
    return value, value


_PREFIX_REACH = max(end_width(rx.pattern, rx.flags) for rx in (_BEFORE_MONEY, _BEFORE_IDENT))


def _classify(text: str, start: int, end: int, digits: bool) -> tuple[str, int]:
    """What kind of number ends at `end`; returns (kind, new_end)."""
    after = text[end : end + 40]
    before = text[max(0, start - 30) : start]
    # Both look-behind patterns end in "\s*$" and their words are short: searching from just
    # before the trailing whitespace finds what a full search finds.
    near = max(0, len(before.rstrip()) - _PREFIX_REACH)
    if digits and _ORDINAL_SUFFIX.match(after):
        return "ordinal", end + _ORDINAL_SUFFIX.match(after).end()  # type: ignore[union-attr]
    pm = _AFTER_PERCENT.match(after)
    if pm:
        return "percent", end + pm.end()
    mm = _AFTER_MONEY.match(after)
    if mm or _BEFORE_MONEY.search(before, near):
        return "money", end + (mm.end() if mm else 0)
    am = _AGE_DURATION.match(after)
    if am:
        return ("age" if am.group("old") else "duration"), end + am.end()
    if digits:
        if _BEFORE_IDENT.search(before, near):
            return "ident", end
        # Glued to letters or code-like punctuation: "MH17", "F-16", "COVID-19", "10:30".
        glued = _GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after)
        if glued and not re.match(r"(?:km2|km²|sq)", after, re.IGNORECASE):
            return "ident", end
    return "cardinal", end


#: What every NUMBER_RE match contains: a digit, or a number word or a vague amount's words at
#: the start of a word, as NUMBER_RE reads them ("someone", "often", "behalf", "Germany" hold
#: none: each would cost a NUMBER_RE search running on to the next figure).
_CORE_RE = re.compile(
    r"\d|\b(?:" + alternation([*UNITS, *TENS, "hundred", "thousand", "million", "dozen", "half", *VAGUE]) + ")",
    re.IGNORECASE,
)
#: Words a match may hold before its first core word: a qualifier ("no fewer than"), "an
#: additional", "between", "a" ("a hundred"); one more for the word the core sits in.
_PREFIX_WORDS = max(len(q.split()) for q in QUALIFIERS) + 2 + 1 + 1 + 1


def _words_back(text: str, floor: int, at: int, n: int) -> int:
    """The start of the `n`th whitespace-separated word before `at` (the word holding `at`
    counts), never before `floor`."""
    i = at
    for _ in range(n):
        while i > floor and not text[i - 1].isspace():
            i -= 1
        while i > floor and text[i - 1].isspace():
            i -= 1
        if i <= floor:
            return floor
    return i


#: Every NUMBER_RE branch starts with a word character after a non-word one (a qualifier, a
#: number word, a digit after `(?<![\w.,:$€£])`): no match starts anywhere else.
_WORD_START = re.compile(r"\b(?=\w)")


def _first_match(text: str, lo: int, core: int, stop: int) -> re.Match[str] | None:
    """`NUMBER_RE.search(text, lo, stop)`, tried at the word starts up to the core word only
    (a search tries its long pattern at every character)."""
    for w in _WORD_START.finditer(text, lo, core + 1):
        m = NUMBER_RE.match(text, w.start(), stop)
        if m is not None:
            return m
    return NUMBER_RE.search(text, core + 1, stop)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> tuple[NumberMention, ...]:
    """Every figure in text[start:end]; spans are absolute offsets into `text`."""
    stop = len(text) if end is None else end
    out: list[NumberMention] = []
    pos = start
    while pos < stop:
        # NUMBER_RE tries a long list at every letter; the words every figure contains are found
        # faster, and no figure starts more than a few words before the first of them.
        core = _CORE_RE.search(text, pos, stop)
        if core is None:
            break
        m = _first_match(text, _words_back(text, pos, core.start(), _PREFIX_WORDS), core.start(), stop)
        if m is None:
            break
        mention = _mention(text, m, stop)
        if mention is not None:
            out.append(mention)
            pos = mention.span[1]
        else:
            pos = m.end()
    return tuple(out)


def _whole(text: str, m: re.Match[str], group: str, value: float, bounds: tuple[float, float],
           qualifier: str, additional: bool, written: str) -> NumberMention:  # fmt: skip
    """A mention whose words are one regex group ("dozens", "half a million", "two dozen")."""
    ns, ne = m.span(group)
    return NumberMention(
        span=(m.start(), ne), number_span=(ns, ne), text=text[m.start() : ne], value=value,
        low=bounds[0], high=bounds[1], qualifier=qualifier, kind="cardinal",
        additional=additional, written=written,
    )  # fmt: skip


def _mention(text: str, m: re.Match[str], stop: int) -> NumberMention | None:
    qual_text = (m.group("qual") or "").strip().lower()
    qualifier, rule = QUALIFIERS.get(_SPACES.sub(" ", qual_text), ("exact", "closed"))
    additional = bool(m.group("another"))
    if m.group("vague"):
        key = re.sub(r"\s+", " ", m.group("vague").lower())
        vq, value, low, high = VAGUE[key]
        if qualifier != "exact":
            # "more than a dozen": the stated figure stays, the qualifier says which way.
            low, high = _bounds(value, rule) if rule != "closed" else (low, high)
        else:
            qualifier = vq
        return _whole(text, m, "vague", value, (low, high), qualifier, additional, "vague")
    if m.group("half"):
        value = SCALES[m.group("half").split()[-1].lower()] / 2
        return _whole(text, m, "half", value, _bounds(value, rule), qualifier, additional, "words")
    if m.group("dozen"):
        head = m.group("dozen").lower().split()[0]
        fig = 0.5 if head == "half" else (1 if head == "a" else parse_figure(head))
        mult = 1 if fig is None else fig
        value = 12 * mult
        return _whole(text, m, "dozen", value, _bounds(value, rule), qualifier, additional, "words")
    ns, ne = m.span("num")
    raw = m.group("num")
    value_or_none = parse_figure(raw)
    while value_or_none is None and " " in raw.strip():
        # Keep the longest prefix that reads as one number ("five six" -> "five").
        raw = raw.strip().rsplit(None, 1)[0]
        ne = ns + len(raw)
        value_or_none = parse_figure(raw)
    if value_or_none is None:
        return None
    value = value_or_none
    digits = raw[0].isdigit()
    # "one" alone is mostly a pronoun ("one of the worst"); let the extractor decide.
    kind, kind_end = _classify(text, ns, ne, digits)
    low, high = _bounds(value, rule)
    span_end = ne
    tail = RANGE_TAIL_RE.match(text, ne, stop) if kind == "cardinal" else None
    if tail is not None and _UPDATE_FROM.search(text, max(0, ns - 40), ns):
        tail = None  # "rose from 12 to 40" is an update, not a range
    if tail is not None:
        second = parse_figure(tail.group("num2"))
        sep = tail.group("rsep").strip().lower()
        n2s, n2e = tail.span("num2")
        k2, k2_end = _classify(text, n2s, n2e, tail.group("num2")[0].isdigit())
        is_range = (
            second is not None
            and second > value
            and k2 == "cardinal"
            and (sep in ("-", "–", "—", "to") or (sep == "and" and bool(m.group("between"))))
        )
        if is_range and second is not None:
            low, high = value, second
            qualifier = "approx" if qualifier == "exact" else qualifier
            span_end = n2e
        elif sep in ("-", "–", "—") and k2 in ("age", "duration"):
            kind, span_end = k2, k2_end  # "two-to-three-year-old" style
    start = m.start("between") if m.group("between") and span_end != ne else m.start()
    if kind != "cardinal":
        span_end = max(span_end, kind_end)
    return NumberMention(
        span=(start, span_end),
        number_span=(ns, span_end if span_end != ne and kind == "cardinal" else ne),
        text=text[start:span_end],
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        kind=kind,
        additional=additional,
        written="digits" if digits else "words",
    )
