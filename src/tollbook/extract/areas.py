"""Area extraction: text -> AreaFigure* (a territory's size, normalised to km²); text and
scopes -> whether none of them holds one (`none_in`, one search for most documents).

"territory 289 km2", "1,200 hectares", "50 square miles", "4,400 sq km". The label of a
list row ("Shusha: ...") is the place the area belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tollbook.extract.grammar.area_patterns import AREA_GATE as _AREA_GATE
from tollbook.extract.grammar.area_patterns import AREA_RE as AREA_RE
from tollbook.extract.grammar.area_patterns import UNITS as UNITS
from tollbook.extract.numbers import parse_figure
from tollbook.model import Segment, Span


@dataclass(frozen=True, slots=True)
class AreaFigure:
    span: Span  # number and unit
    number_span: Span
    value_km2: float
    written_unit: str
    text: str


def find_areas(text: str, start: int = 0, end: int | None = None) -> list[AreaFigure]:
    stop = len(text) if end is None else end
    if not _open_end(text, stop):
        # Every match holds an AREA_GATE match starting at its number's last digit, in the
        # whole text too unless the scope ends before a word character (`none_in`): where no
        # gate match starts inside the scope, none is searched (issue 23: 2,300 scans of
        # sentences by a pattern tried at every position, for a few areas).
        starts = _gate_starts(text)
        at = bisect_left(starts, start)
        if at == len(starts) or starts[at] >= stop:
            return []
    out: list[AreaFigure] = []
    for m in AREA_RE.finditer(text, start, stop):
        value = parse_figure(m.group("num"))
        if value is None:
            continue
        unit = m.group("unit")
        factor = next(f for u, f in UNITS if re.fullmatch(u, unit, re.IGNORECASE))
        out.append(
            AreaFigure(
                span=m.span(),
                number_span=m.span("num"),
                value_km2=round(value * factor, 4),
                written_unit=unit,
                text=m.group(0),
            )
        )
    return out


def none_in(text: str, scopes: Sequence[Segment]) -> bool:
    """`not any(find_areas(text, s.start, s.end) for s in scopes)`, for most documents in one
    search of the whole text: every match in a scope holds, from its number's last digit on, a
    match of AREA_GATE, which also matches in the whole text unless the scope ends right
    before a word character (the match's closing `\\b` and `(?![A-Za-z])` see the scope's end
    as the text's end). Only a sentence cut mid-word (segment.py MAX_SENTENCE) ends so; where
    one does, or where the gate matches, every scope is searched."""
    if _AREA_GATE.search(text) is None and not any(_open_end(text, s.end) for s in scopes):
        return True
    return not any(find_areas(text, s.start, s.end) for s in scopes)


@lru_cache(maxsize=4)
def _gate_starts(text: str) -> tuple[int, ...]:
    """Where AREA_GATE matches start in the whole text, overlapping ones included (each search
    starts one past the last match's start): one scan of a document for all its scopes (a
    memo of a pure function of an immutable text, the last few documents only)."""
    out: list[int] = []
    m = _AREA_GATE.search(text)
    while m is not None:
        out.append(m.start())
        m = _AREA_GATE.search(text, m.start() + 1)
    return tuple(out)


def _open_end(text: str, end: int) -> bool:
    """Whether text[end] is a word character (re's `\\w`: alphanumeric or '_')."""
    return end < len(text) and (text[end].isalnum() or text[end] == "_")
