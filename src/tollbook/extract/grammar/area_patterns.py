"""Area grammar read by extract/areas.py: the units of a territory's size as written (km², hectares,
square miles, acres) with their factor to km², and the figure-and-unit pattern, compiled once.
"""

from __future__ import annotations

import re

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
#: What every AREA_RE match holds from its number's last digit on, searched once in a whole
#: document: where it is absent, no sentence or row of it holds an area (areas.none_in).
AREA_GATE = re.compile(
    r"\d(?:\s*(?:thousand|million))?\s*(?:" + _UNIT_RE + r")(?![A-Za-z])", re.IGNORECASE
)
