"""Number ranges: text -> NumberRange* (an interval with open or closed ends, and its span).

Reads comparatives ("more than 30", "no less than 30", "under 170", ">= 30", "up to 700"),
postfix bounds ("500 or more", "200 or greater"), equalities ("equal to 20"), two-number
ranges ("between 20 and 30", "from 1000 to 1500", "1000-5000", "20~100", "20 through 100")
and pairs of bounds joined by "and", "but" or a comma ("above 1000 and below 1500").
Conventions follow the Microsoft Recognizers-Text NumberRange model: a two-number range
includes its first figure and excludes its last ("[20,30)"). Figures come from
numparse.parse_numbers; "the tenth" reads as 10 inside a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.evaluation.numparse import parse_numbers
from tollbook.extract.grammar.numberwords import TENS, UNITS
from tollbook.model import Span


@dataclass(frozen=True, slots=True)
class NumberRange:
    """An interval; None for an unbounded end. `notation()` writes it as '[20,30)'."""

    span: Span
    text: str
    low: float | None
    high: float | None
    low_closed: bool
    high_closed: bool

    def notation(self) -> str:
        def num(v: float | None) -> str:
            return "" if v is None else (str(int(v)) if float(v).is_integer() else repr(v))

        return (("[" if self.low_closed else "(") + num(self.low) + "," + num(self.high)
                + ("]" if self.high_closed else ")"))  # fmt: skip


_IRREGULAR = {"one": "first", "two": "second", "three": "third", "five": "fifth",
              "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip
_ORDINALS = {_IRREGULAR.get(w, w + "th"): v for w, v in UNITS.items() if v}
_ORDINALS.update({w[:-1] + "ieth": v for w, v in TENS.items()})
_ORDINAL_RE = re.compile(
    r"\bthe\s+(?:(?P<tens>" + "|".join(TENS) + r")[\s-]+)?(?P<ord>"
    + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)  # fmt: skip

N = r"#(\d+)#"  # a figure, in the masked text
_NO_FIGURE_AFTER = r"(?!\s*(?:than\s*|to\s*)?#)"
_MORE = r"(?:more|greater|larger|bigger|higher)"
_LESS = r"(?:less|fewer|smaller|lower)"
_OR_EQUAL = r"(?:\s+or\s+equal|\s+than\s+or\s+equal\s+to|\s+or\s+equal\s+than)"

#: (pattern over the masked text, lower bound closed?, upper bound closed?, which side).
#: side: "low" the figure is a lower bound, "high" an upper bound, "eq" both, "pair" two figures.
_PATTERNS: list[tuple[str, bool, bool, str]] = [
    (rf"\bbetween\s+{N}\s+and\s+{N}", True, False, "pair"),
    (rf"\bfrom\s+{N}\s+to\s+{N}", True, False, "pair"),
    # not inside a phone number or a date: "+1-222-2222", "1995-01-03"
    (rf"(?<![-+/#\w]){N}\s*(?:-|–|—|~|to|through|thru)\s*{N}(?!\s*[-/]\s*#)", True, False, "pair"),
    (rf"\b{_MORE}{_OR_EQUAL}\s*{N}", True, False, "low"),
    (
        rf"\b(?:equal\s+to\s+or\s+{_MORE}\s+than|at\s+least(?:\s+or\s+equal\s+to)?|no\s+less\s+than"
        rf"|not\s+less\s+than|no\s+fewer\s+than|a\s+minimum\s+of)\s*{N}",
        True,
        False,
        "low",
    ),
    (rf"(?:>\s*=|≥)\s*{N}", True, False, "low"),
    (rf"\b{_MORE}\s+than\s*{N}\s+or\s+equal(?:\s+to)?{_NO_FIGURE_AFTER}", True, False, "low"),
    (
        rf"\b(?:{_MORE}\s+than|over|above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|in\s+excess\s+of)"
        rf"\s*{N}",
        False,
        False,
        "low",
    ),
    (rf"(?<![<=>])>(?!=)\s*{N}", False, False, "low"),
    (rf"{N}\s+(?:or|and)\s+(?:{_MORE}|above)(?:\s+than)?{_NO_FIGURE_AFTER}", True, False, "low"),
    (rf"\b{_LESS}{_OR_EQUAL}\s*{N}", False, True, "high"),
    (
        rf"\b(?:equal\s+to\s+or\s+{_LESS}\s+than|at\s+most|no\s+more\s+than|not\s+more\s+than"
        rf"|up\s+to|a\s+maximum\s+of)\s*{N}",
        False,
        True,
        "high",
    ),
    (rf"(?:<\s*=|≤)\s*{N}", False, True, "high"),
    (rf"\b{_LESS}\s+than\s*{N}\s+or\s+equal(?:\s+to)?{_NO_FIGURE_AFTER}", False, True, "high"),
    (rf"\b(?:{_LESS}\s+than|below|under)\s*{N}", False, False, "high"),
    (rf"(?<![<=>])<(?![=>])\s*{N}", False, False, "high"),
    (rf"{N}\s+(?:or|and)\s+(?:{_LESS}|below)(?:\s+than)?{_NO_FIGURE_AFTER}", False, True, "high"),
    (rf"\bequal\s+to\s*{N}\s+or\s+{_MORE}(?:\s+than)?{_NO_FIGURE_AFTER}", True, False, "low"),
    (rf"\bequal\s+to\s*{N}\s+or\s+{_LESS}(?:\s+than)?{_NO_FIGURE_AFTER}", False, True, "high"),
    (rf"\b(?:equals?|equaling)(?:\s+to)?\s*{N}", True, True, "eq"),
    # "2 in 5 or more": a proportion as the bound
    (rf"{N}\s+in\s+{N}\s+or\s+(?:{_MORE}|above){_NO_FIGURE_AFTER}", True, False, "ratio"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), lc, hc, side) for p, lc, hc, side in _PATTERNS]
_JOIN = re.compile(r"\s*(?:,\s*(?:and|but)?|and|but)\s*", re.IGNORECASE)


def _figures(text: str) -> list[tuple[int, int, float]]:
    """Figures as (start, end, value): parse_numbers, plus 'the tenth' (ranks in a range)."""
    found = [(n.span[0], n.span[1], n.value) for n in parse_numbers(text)]
    for m in _ORDINAL_RE.finditer(text):
        tens = TENS[m.group("tens").lower()] if m.group("tens") else 0
        value = _ORDINALS[m.group("ord").lower()] + tens
        found = [f for f in found if f[1] <= m.start() or f[0] >= m.end()]
        found.append((m.start(), m.end(), float(value)))
    return sorted(found)


def parse_ranges(text: str) -> tuple[NumberRange, ...]:
    """Every range in `text`, left to right; spans are offsets into `text`."""
    figures = _figures(text)
    masked, offsets = _mask(text, figures)
    candidates: list[tuple[int, int, float | None, float | None, bool, bool]] = []
    for rx, low_closed, high_closed, side in _COMPILED:
        for m in rx.finditer(masked):
            vals = [figures[int(g)][2] for g in m.groups()]
            low: float | None
            high: float | None
            if side == "pair":
                if vals[0] >= vals[1]:
                    continue  # "1995-01" is not a range
                low, high = vals
            elif side == "ratio":
                low, high = (vals[0] / vals[1] if vals[1] else None), None
            else:
                low = vals[0] if side in ("low", "eq") else None
                high = vals[0] if side in ("high", "eq") else None
            span = (offsets[m.start()], offsets[m.end()])
            candidates.append((*span, low, high, low_closed, high_closed))
    chosen: list[tuple[int, int, float | None, float | None, bool, bool]] = []
    for cand in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if not chosen or cand[0] >= chosen[-1][1]:
            chosen.append(cand)
    return tuple(NumberRange((c[0], c[1]), text[c[0] : c[1]], *c[2:]) for c in _merge(text, chosen))


def _mask(text: str, figures: list[tuple[int, int, float]]) -> tuple[str, list[int]]:
    """Replace each figure by '#i#'; offsets[k] is the position in `text` of masked index k."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for i, (start, end, _) in enumerate(figures):
        parts.append(text[pos:start])
        offsets.extend(range(pos, start))
        tag = f"#{i}#"
        parts.append(tag)
        offsets.extend([start] * len(tag))  # the boundary after a tag is the next entry: `end`
        pos = end
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(parts), offsets


def _merge(text: str, ranges: list[tuple[int, int, float | None, float | None, bool, bool]]
           ) -> list[tuple[int, int, float | None, float | None, bool, bool]]:  # fmt: skip
    """'above 1000 and below 1500' -> one range, when one side is open-ended on each."""
    out: list[tuple[int, int, float | None, float | None, bool, bool]] = []
    for r in ranges:
        if out and _JOIN.fullmatch(text, out[-1][1], r[0]):
            p = out[-1]
            lows = [x for x in (p, r) if x[2] is not None and x[3] is None]
            highs = [x for x in (p, r) if x[2] is None and x[3] is not None]
            # "more than 40 and less than 10" are two ranges: merge only a non-empty interval.
            if lows and highs and lows[0][2] < highs[0][3]:  # type: ignore[operator]
                lo, hi = lows[0], highs[0]
                out[-1] = (p[0], r[1], lo[2], hi[3], lo[4], hi[5])
                continue
        out.append(r)
    return out
