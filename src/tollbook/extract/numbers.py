"""Number mentions: text -> NumberMention* (value, bounds, qualifier, what kind of number).

Reads digits with separators ("1,275"), words ("twenty-five", "one thousand two hundred"),
scaled figures ("3.5 million", "2m"), ranges ("10 to 12", "between 10 and 12"), and vague
amounts ("dozens of", "hundreds", "several") with the conventions of docs/annotation.md.
Each mention says whether it is a plain cardinal or something that must never become a
count of people (ordinal, percentage, money, age, duration, identifier).

evaluation/numparse.py reads numbers with general conventions instead; both read the number words
declared in extract/grammar/numberwords.py.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from tollbook.extract.grammar.alternation import end_width
from tollbook.extract.grammar.number_patterns import AFTER_ANY as _AFTER_ANY
from tollbook.extract.grammar.number_patterns import AFTER_MONEY as _AFTER_MONEY
from tollbook.extract.grammar.number_patterns import AFTER_PERCENT as _AFTER_PERCENT
from tollbook.extract.grammar.number_patterns import AGE_DURATION as _AGE_DURATION
from tollbook.extract.grammar.number_patterns import BEFORE_IDENT as _BEFORE_IDENT
from tollbook.extract.grammar.number_patterns import BEFORE_MONEY as _BEFORE_MONEY
from tollbook.extract.grammar.number_patterns import DECIMAL_COMMA as _DECIMAL_COMMA
from tollbook.extract.grammar.number_patterns import DOT_GROUPED as _DOT_GROUPED
from tollbook.extract.grammar.number_patterns import FIGURE_TEXT as _FIGURE_TEXT
from tollbook.extract.grammar.number_patterns import GLUED_AFTER as _GLUED_AFTER
from tollbook.extract.grammar.number_patterns import GLUED_BEFORE as _GLUED_BEFORE
from tollbook.extract.grammar.number_patterns import NUMBER_RE as NUMBER_RE
from tollbook.extract.grammar.number_patterns import NUMBER_SCAN as _NUMBER_SCAN
from tollbook.extract.grammar.number_patterns import ORDINAL_SUFFIX as _ORDINAL_SUFFIX
from tollbook.extract.grammar.number_patterns import RANGE_TAIL_RE as RANGE_TAIL_RE
from tollbook.extract.grammar.number_patterns import SEPARATORS as _SEPARATORS
from tollbook.extract.grammar.number_patterns import SPACES as _SPACES
from tollbook.extract.grammar.number_patterns import UPDATE_FROM as _UPDATE_FROM
from tollbook.extract.grammar.number_patterns import UPDATE_UP_TO as _UPDATE_UP_TO
from tollbook.extract.grammar.numberwords import (
    QUALIFIERS,
    SCALES,
    SHORT_SCALES,
    TENS,
    UNITS,
    VAGUE,
)
from tollbook.model import Span

__all__ = ["NUMBER_RE", "QUALIFIERS", "RANGE_TAIL_RE", "SCALES", "SHORT_SCALES", "TENS", "UNITS", "VAGUE",
           "NumberMention", "find_numbers", "numbers_in", "parse_figure", "words_to_number"]  # fmt: skip


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
    if t.isascii() and t.isdigit():
        return float(t)  # plain digits ("25", most figures): what FIGURE_TEXT's `\d+` reads
    m = _FIGURE_TEXT.fullmatch(t)
    if m:
        digits, scale = m.group(1), m.group(2)
        if scale is None and _DOT_GROUPED.fullmatch(digits):
            digits = digits.replace(".", "")  # "2.300 people": dots group thousands
        elif scale is not None and _DECIMAL_COMMA.fullmatch(digits):
            digits = digits.replace(",", ".")  # "3,5 million": a decimal comma
        base = float(_SEPARATORS.sub("", digits))
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


def qualifier_bounds(value: float, qualifier: str) -> tuple[float, float]:
    """Low and high of a figure with this qualifier, as the extractor bounds it: "approx"
    spans about 10% either side, the others are closed on the figure (reviewers' corrections)."""
    return _bounds(value, "around" if qualifier == "approx" else "closed")


_PREFIX_REACH = max(end_width(rx.pattern, rx.flags) for rx in (_BEFORE_MONEY, _BEFORE_IDENT))


def _classify(text: str, start: int, end: int, digits: bool) -> tuple[str, int]:
    """What kind of number ends at `end`; returns (kind, new_end)."""
    before = text[start - 30 if start > 30 else 0 : start]
    # Both look-behind patterns end in "\s*$" and their words are short: searching from just
    # before the trailing whitespace finds what a full search finds.
    near = len(before.rstrip()) - _PREFIX_REACH
    if near < 0:
        near = 0
    # AFTER_ANY matched on text[end:end + 40] or bounded by endpos: the same match (no branch
    # looks behind its start, and endpos ends the string as the slice does).
    if _AFTER_ANY.match(text, end, end + 40) is None:
        # No pattern after the figure matches (nor does "km2|sq", whose first letter GLUED_AFTER
        # takes), so the words before it decide, in the order below (most figures end here).
        if _BEFORE_MONEY.search(before, near):
            return "money", end
        # GLUED_BEFORE is one or two characters at the window's end: searched from there.
        if digits and (_BEFORE_IDENT.search(before, near) or _GLUED_BEFORE.search(before, max(0, len(before) - 2))):
            return "ident", end
        return "cardinal", end
    after = text[end : end + 40]
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


def find_numbers(text: str, start: int = 0, end: int | None = None) -> tuple[NumberMention, ...]:
    """Every figure in text[start:end]; spans are absolute offsets into `text`.

    A figure's search starts where the last one ended. NUMBER_SCAN is NUMBER_RE tried only
    where a match can start (issue 23), so each search is NUMBER_RE's own search from there."""
    stop = len(text) if end is None else end
    out: list[NumberMention] = []
    pos = start
    while pos < stop:
        m = _NUMBER_SCAN.search(text, pos, stop)
        if m is None:
            break
        mention = _mention(text, m, stop)
        if mention is not None:
            out.append(mention)
            pos = mention.span[1]
        else:
            pos = m.end()
    return tuple(out)


@lru_cache(maxsize=8)
def numbers_in(text: str, start: int, end: int) -> tuple[NumberMention, ...]:
    """`find_numbers(text, start, end)`, read once per sentence (issue 23's number marks): the
    housing, telegraphic, count and partitive rules each asked for the same sentence's numbers
    and each scanned it again (4 scans per sentence, 20% of the dense path). A memo of a pure
    function over immutable values, so no caller can see it; the last few sentences only
    (the key holds the text, which may be a whole document)."""
    return find_numbers(text, start, end)


def _whole(text: str, m: re.Match[str], group: str, value: float, bounds: tuple[float, float],
           qualifier: str, additional: bool, written: str) -> NumberMention:  # fmt: skip
    """A mention whose words are one regex group ("dozens", "half a million", "two dozen")."""
    ns, ne = m.span(group)
    return NumberMention(
        span=(m.start(), ne), number_span=(ns, ne), text=text[m.start() : ne], value=value,
        low=bounds[0], high=bounds[1], qualifier=qualifier, kind="cardinal",
        additional=additional, written=written,
    )  # fmt: skip


#: NUMBER_SCAN's groups in the order the pattern declares them (qual, another, dozen, between,
#: num, half, vague: tests/test_scan_figures.py), read in one call (issue 23: seven `group`
#: calls per figure before).
_GROUPS = tuple(_NUMBER_SCAN.groupindex)


def _mention(text: str, m: re.Match[str], stop: int) -> NumberMention | None:
    qual, another, dozen, between, raw, half, vague = m.group(*_GROUPS)
    verb_particle = False
    if qual:
        qual_text = qual.strip().lower()
        qualifier, rule = QUALIFIERS.get(_SPACES.sub(" ", qual_text), ("exact", "closed"))
        # "revised up to 114": the verb's particle, not "at most" (the figure starts at its number)
        verb_particle = qual_text == "up to" and raw is not None \
            and _UPDATE_UP_TO.search(text[max(0, m.start() - 24) : m.start()]) is not None  # fmt: skip
        if verb_particle:
            qualifier, rule = "exact", "closed"
    else:
        qualifier, rule = QUALIFIERS.get("", ("exact", "closed"))  # what no qualifier read as
    additional = bool(another)
    if vague:
        key = re.sub(r"\s+", " ", vague.lower())
        vq, value, low, high = VAGUE[key]
        if qualifier != "exact":
            # "more than a dozen": the stated figure stays, the qualifier says which way.
            low, high = _bounds(value, rule) if rule != "closed" else (low, high)
        else:
            qualifier = vq
        return _whole(text, m, "vague", value, (low, high), qualifier, additional, "vague")
    if half:
        value = SCALES[half.split()[-1].lower()] / 2
        return _whole(text, m, "half", value, _bounds(value, rule), qualifier, additional, "words")
    if dozen:
        head = dozen.lower().split()[0]
        fig = 0.5 if head == "half" else (1 if head == "a" else parse_figure(head))
        mult = 1 if fig is None else fig
        value = 12 * mult
        return _whole(text, m, "dozen", value, _bounds(value, rule), qualifier, additional, "words")
    ns, ne = m.span("num")
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
    low, high = (value, value) if rule == "closed" else _bounds(value, rule)
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
            and (sep in ("-", "–", "—", "to") or (sep == "and" and bool(between)))
        )
        if is_range and second is not None:
            low, high = value, second
            qualifier = "approx" if qualifier == "exact" else qualifier
            span_end = n2e
        elif sep in ("-", "–", "—") and k2 in ("age", "duration"):
            kind, span_end = k2, k2_end  # "two-to-three-year-old" style
    start = m.start("between") if between and span_end != ne else (ns if verb_particle else m.start())
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
