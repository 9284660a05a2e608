"""Number mentions: text -> NumberMention* (value, bounds, qualifier, what kind of number).

Reads digits with separators ("1,275"), words ("twenty-five", "one thousand two hundred"),
scaled figures ("3.5 million", "2m"), ranges ("10 to 12", "between 10 and 12"), and vague
amounts ("dozens of", "hundreds", "several") with the conventions of docs/annotation.md.
Each mention says whether it is a plain cardinal or something that must never become a
count of people (ordinal, percentage, money, age, duration, identifier).

parse_numbers: text -> ParsedNumber*, every figure read with general conventions instead of
casualty ones: signs ("-5", "minus five"), suffixes ("10k", "1.2b"), grouped digits
("1 234 567"), digit + word mixes ("3 hundred and 21"), parts of scales ("half a million").
`tollbook eval numbers` / `ranges` and ranges.py use it; it shares the word tables.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from .alternation import alternation, end_width
from .model import Span

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
_DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
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
        base = float(m.group(1).replace(",", ""))
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


# --- parse_numbers: every figure, general conventions (see the module docstring) ---------------
_SUFFIXES = {"k": 3, "m": 6, "mm": 6, "mil": 6, "mn": 6, "mln": 6, "b": 9, "bn": 9, "bln": 9,
             "g": 9, "t": 12, "tn": 12, "tln": 12}  # fmt: skip
#: word -> (token kind, value); kinds: u(nit) t(ens) h(undred) s(cale) dz a and neg part
_WORD_KINDS: dict[str, tuple[str, Decimal]] = {
    **{w: ("u", Decimal(v)) for w, v in {**UNITS, "nought": 0, "naught": 0}.items()},
    **{w: ("t", Decimal(v)) for w, v in TENS.items()},
    **{w: ("s", Decimal(v)) for w, v in SCALES.items()}, "hundred": ("h", Decimal(100)),
    **dict.fromkeys(("dozen", "dozens", "dz", "dzs", "doz", "dozs"), ("dz", Decimal(12))),
    "half": ("part", Decimal("0.5")), "quarter": ("part", Decimal("0.25")),
    "quarters": ("part", Decimal("0.25")), "a": ("a", Decimal(1)), "an": ("a", Decimal(1)),
    "and": ("and", Decimal(1)), "minus": ("neg", Decimal(-1)), "negative": ("neg", Decimal(-1)),
}  # fmt: skip
_TOKEN_RE = re.compile(
    # dotted, dashed or slashed chains are several numbers: "192.168.1.2", "5/17/2018"
    r"(?P<chain>(?<![\w.,/-])\d+(?:[./-]\d+){2,})"
    r"|(?P<frac>(?<![\w./-])\d+/\d+(?![\w/]|[-.]\d))"
    r"|(?P<spaced>(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3}(?![\d,]))+(?:\.\d+)?)"
    r"|(?P<commas>(?<![\w.,])\d+(?:,\d+)+(?:\.\d+)?)"
    r"|(?P<plain>(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?|(?<![\w.])\.\d+)"
    r"|(?P<word>\b[a-z]+\b)",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(r"\s*(" + "|".join(sorted(_SUFFIXES, key=len, reverse=True)) + r")(?!\w)",
                        re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """One number as written: where it is and its value ("minus five" -> -5)."""

    span: Span
    text: str
    value: float


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "d" for digits, else as in _WORD_KINDS
    value: Decimal
    start: int
    end: int
    glued: bool  # joined to the previous token by spaces (or a hyphen between words)
    solo: bool = False  # part of a chain or signed: never joined with its neighbours


def _signed(text: str, pos: int) -> int | None:
    """Start of a minus sign written before the digits at `pos` ("-1", "- 10 k", "<-30")."""
    m = re.search(r"-\s*\Z", text[:pos])
    if m is None:
        return None
    before = text[: m.start()]
    # "1000 - 5000" is a range and "SCP-173" a name: the sign needs a non-figure before it.
    if before and not (before[-1].isspace() or before[-1] in "<>=([:"):
        return None
    prev = before.rstrip()
    return None if prev and prev[-1].isalnum() and prev[-1].isdigit() else m.start()


def _tokens(text: str) -> list[_Tok]:
    toks: list[_Tok] = []

    def add(kind: str, value: Decimal, start: int, end: int, solo: bool = False) -> None:
        gap = text[toks[-1].end : start] if toks else "."
        words = kind != "d" and toks and toks[-1].kind != "d"
        glued = bool(re.fullmatch(r"\s*", gap) or (words and re.fullmatch(r"\s*-\s*", gap)))
        glued = glued and not (solo or text[start] == "-")  # a sign starts a new number
        toks.append(_Tok(kind, value, start, end, glued, solo))

    for m in _TOKEN_RE.finditer(text):
        if m.group("word"):
            wt = _WORD_KINDS.get(m.group("word").lower())
            if wt is not None:
                add(wt[0], wt[1], m.start(), m.end())
            continue
        if m.group("chain") or (m.group("commas") and not _is_grouped(m.group("commas"))):
            for d in re.finditer(r"\d+", m.group()):
                add("d", Decimal(d.group()), m.start() + d.start(), m.start() + d.end(), solo=True)
            continue
        raw, end = m.group(), m.end()
        if m.group("frac"):
            num, den = raw.split("/")
            value = Decimal(num) / Decimal(den) if int(den) else Decimal(num)
        elif re.fullmatch(r"\d+,\d{1,2}", raw):
            value = Decimal(raw.replace(",", "."))  # decimal comma: "5,00"
        else:
            value = Decimal(re.sub(r"[,\s\u00a0\u202f]", "", raw))
        suffix = _SUFFIX_RE.match(text, end)
        if suffix is not None:
            value, end = value.scaleb(_SUFFIXES[suffix.group(1).lower()]), suffix.end()
        if re.match(r"[A-Za-z]", text[end : end + 1]):
            continue  # glued to a unit or an ordinal suffix: "29km", "4th"
        start, sign = m.start(), _signed(text, m.start())
        if sign is not None:
            start, value = sign, -value
        add("d", value, start, end)
    return toks


def _is_grouped(digits: str) -> bool:
    """'1,234,567' groups thousands; '5,00' is a decimal comma; '22,24,26' is a list."""
    return bool(re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}", digits))


def parse_numbers(text: str) -> tuple[ParsedNumber, ...]:
    """Every number in `text`, signs and scales applied; spans are offsets into `text`."""
    toks = _tokens(text)
    out: list[ParsedNumber] = []
    i = 0
    while i < len(toks):
        got = _phrase(toks, i)
        if got is None:
            i += 1
            continue
        value, j = got
        start, end = toks[i].start, toks[j - 1].end
        out.append(ParsedNumber((start, end), text[start:end], float(value)))
        i = j
    return tuple(out)


def parse_number(text: str) -> float | None:
    """The value of `text` when all of it is one number ("twenty-one trillion"), else None."""
    found = parse_numbers(text)
    if len(found) == 1 and found[0].text == text.strip():
        return found[0].value
    return None


def _next(toks: list[_Tok], i: int, *kinds: str) -> bool:
    return i < len(toks) and toks[i].glued and not toks[i].solo and toks[i].kind in kinds


def _phrase(toks: list[_Tok], i: int) -> tuple[Decimal, int] | None:
    """One number starting at token i: sign, then segments of decreasing scale."""
    sign = Decimal(1)
    if toks[i].kind == "neg":
        if not _next(toks, i + 1, "d", "u", "t", "a", "h", "part"):
            return None
        sign, i = Decimal(-1), i + 1
    if toks[i].solo:
        return toks[i].value * sign, i + 1
    seg = _segment(toks, i)
    if seg is None:
        return None
    value, scale, i = seg
    total = value * scale
    while scale > 1:
        k = i + 1 if _next(toks, i, "and") else i
        if not _next(toks, k, "d", "u", "t", "a", "h", "part"):
            break
        nxt = _segment(toks, k)
        # "twenty-one trillion three hundred": each part smaller than the scale before it.
        if nxt is None or nxt[0] <= 0 or nxt[0] * nxt[1] >= scale:
            break
        value, scale, i = nxt
        total += value * scale
    return sign * total, i


def _small(toks: list[_Tok], i: int) -> tuple[Decimal, int]:
    """'fifty - two' -> 52; 'three' -> 3 (two units in a row are two numbers)."""
    value = toks[i].value
    if toks[i].kind == "t" and _next(toks, i + 1, "u") and 0 < toks[i + 1].value < 10:
        return value + toks[i + 1].value, i + 2
    return value, i + 1


def _half_after(toks: list[_Tok], i: int) -> Decimal | None:
    """'and a half' / 'and three quarters' at token i."""
    if _next(toks, i, "and") and _next(toks, i + 1, "a", "u") and _next(toks, i + 2, "part"):
        return toks[i + 1].value * toks[i + 2].value
    return None


def _segment(toks: list[_Tok], i: int) -> tuple[Decimal, Decimal, int] | None:
    """value below a scale, the scale after it, next token: 'three hundred and two thousand'."""
    t, start = toks[i], i
    amount: Decimal | None = None
    if t.kind == "part" and _next(toks, i + 1, "a") and _next(toks, i + 2, "dz"):
        return t.value * 12, Decimal(1), i + 3  # "half a dozen"
    if t.kind in ("a", "u") and t.value == 1 and _next(toks, i + 1, "part"):
        amount, i = toks[i + 1].value, i + 2  # "a half", "one quarter"
    elif t.kind == "part":
        skip_a = _next(toks, i + 1, "a") and _next(toks, i + 2, "s")  # "half a million"
        amount, i = t.value, i + (2 if skip_a else 1)
    elif t.kind == "u" and _next(toks, i + 1, "part") and toks[i + 1].value == Decimal("0.25"):
        amount, i = t.value * toks[i + 1].value, i + 2  # "three quarters"
    elif t.kind == "d":
        amount, i = t.value, i + 1
    elif t.kind in ("u", "t"):
        amount, i = _small(toks, i)
    elif t.kind == "a" and _next(toks, i + 1, "h", "s", "dz"):
        amount, i = Decimal(1), i + 1
    elif t.kind != "h":
        return None
    if amount is not None and _next(toks, i, "dz"):
        return amount * 12, Decimal(1), i + 1  # "3 dozens"
    half = _half_after(toks, i) if amount is not None else None
    if half is not None:
        amount, i = amount + half if amount is not None else half, i + 3  # "five and a half"
    if _next(toks, i, "h") or (t.kind == "h" and i == start):
        amount, i = (amount if amount is not None else Decimal(1)) * 100, i + 1
        amount, i = _hundred_tail(toks, i, amount)
    if amount is None:
        return None
    scale = Decimal(1)
    while _next(toks, i, "s"):
        scale, i = scale * toks[i].value, i + 1
    half = _half_after(toks, i) if scale > 1 and not _next(toks, i + 3, "s") else None
    if half is not None:
        amount, i = amount + half, i + 3  # "3 million and a half"
    return amount, scale, i


def _hundred_tail(toks: list[_Tok], i: int, amount: Decimal) -> tuple[Decimal, int]:
    """After 'N hundred': '[and] 21', '[and] two dozens'; not '[and] 2 hundred' (a new number)."""
    k = i + 1 if _next(toks, i, "and") else i
    if not _next(toks, k, "d", "u", "t"):
        return amount, i
    if toks[k].kind == "d":
        extra, k2 = toks[k].value, k + 1
        if extra != extra.to_integral_value() or not 0 < extra < 100:
            return amount, i
    else:
        extra, k2 = _small(toks, k)
    if extra <= 0 or _next(toks, k2, "h"):
        return amount, i
    if _next(toks, k2, "dz"):
        extra, k2 = extra * 12, k2 + 1
    return amount + extra, k2
