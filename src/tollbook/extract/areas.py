"""Area extraction: text -> AreaFigure* (a territory's size, normalised to km²).

"territory 289 km2", "1,200 hectares", "50 square miles", "4,400 sq km". The label of a
list row ("Shusha: ...") is the place the area belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.numbers import parse_figure
from tollbook.model import Span

#: unit as written -> factor to km²
UNITS: tuple[tuple[str, float], ...] = (
    (r"km2|km²|km\^2|sq\.?\s*km|square\s+kilomet(?:re|er)s?|kilomet(?:re|er)s?\s+squared", 1.0),
    (r"hectares?|ha\b", 0.01),
    (r"square\s+miles?|sq\.?\s*mi(?:les?)?\b|mi2|mi²", 2.589988),
    (r"acres?", 0.004046856),
)
_UNIT_RE = "|".join(f"(?:{u})" for u, _ in UNITS)
AREA_RE = re.compile(
    r"(?P<num>(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:thousand|million))?)\s*"
    r"(?P<unit>" + _UNIT_RE + r")(?![A-Za-z])",
    re.IGNORECASE,
)


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
