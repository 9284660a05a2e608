"""Area extraction: text -> AreaFigure* (a territory's size, normalised to km²).

"territory 289 km2", "1,200 hectares", "50 square miles", "4,400 sq km". The label of a
list row ("Shusha: ...") is the place the area belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.grammar.area_patterns import AREA_RE as AREA_RE
from tollbook.extract.grammar.area_patterns import UNITS as UNITS
from tollbook.extract.numbers import parse_figure
from tollbook.model import Span


@dataclass(frozen=True, slots=True)
class AreaFigure:
    span: Span  # number and unit
    number_span: Span
    value_km2: float
    written_unit: str
    text: str


def find_areas(text: str, start: int = 0, end: int | None = None) -> list[AreaFigure]:
    stop = len(text) if end is None else end
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
