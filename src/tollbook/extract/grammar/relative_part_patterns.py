"""Relative partitives with a predicate of their own, read by extract/relative_parts.py: "At
least eight people, three of whom had been held hostage, were killed", "Nine soldiers, two of
whom had been wounded earlier, died in the ambush", declared as named patterns, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

#: Between the whole and its part: a comma ("eight people, three of whom").
WHOLE_TO_PART: Final[re.Pattern[str]] = re.compile(r"\s*,\s*\Z")
#: The part itself: a figure, then "of whom" or "of them".
OF_WHOM: Final[re.Pattern[str]] = re.compile(r".*\bof\s+(?:whom|them)\s*\Z", re.IGNORECASE | re.DOTALL)
#: The part's own predicate up to the comma that closes the relative clause: ", three of whom
#: had been briefly held hostage,".
RELATIVE_CLAUSE: Final[re.Pattern[str]] = re.compile(r"[^,;:.()]{3,90}?,", re.IGNORECASE)
