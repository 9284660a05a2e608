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

from tollbook.evaluation.numeral_patterns import JOIN_RE, ORDINAL_RE, ORDINALS, RANGE_PATTERNS
from tollbook.evaluation.numparse import parse_numbers
from tollbook.extract.grammar.numberwords import TENS
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


_COMPILED = [(re.compile(p, re.IGNORECASE), lc, hc, side) for p, lc, hc, side in RANGE_PATTERNS]


def _figures(text: str) -> list[tuple[int, int, float]]:
    """Figures as (start, end, value): parse_numbers, plus 'the tenth' (ranks in a range)."""
    found = [(n.span[0], n.span[1], n.value) for n in parse_numbers(text)]
    for m in ORDINAL_RE.finditer(text):
        tens = TENS[m.group("tens").lower()] if m.group("tens") else 0
        value = ORDINALS[m.group("ord").lower()] + tens
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
        if out and JOIN_RE.fullmatch(text, out[-1][1], r[0]):
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
