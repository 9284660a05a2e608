"""Nominal-killing grammar read by extract/nominals.py ("claimed responsibility for the
assassination of X", "caused the deaths of four passersby"), declared as named patterns.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import nominals as nm
from tollbook.extract.grammar.alternation import alternation

_PLACE = r"(?:\s+(?:in|at|on|near)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})?"
_ADJ = r"(?:(?-i:[a-z])[\w-]*\s+){0,2}?"
#: A report of the deed, "the", the noun (maybe a place) and "of": the victim follows.
NOMINAL = re.compile(
    r"\b(?:(?:" + alternation(nm.RESPONSIBILITY) + r")\s+the\s+(?P<adj>" + _ADJ + r")(?P<n>" + alternation(nm.KILLING_NOUNS)
    + r"|fatal\s+(?:" + alternation(nm.FATAL_NOUNS) + r"))"
    + r"|(?:" + alternation(nm.CAUSING) + r")\s+the\s+(?P<adj2>" + _ADJ + r")(?P<d>" + alternation([*nm.DEATH_NOUNS, *nm.KILLING_NOUNS])
    + r"))" + _PLACE + r"\s+of\s+",
    re.IGNORECASE,
)
NOT_AFTER = re.compile(r"\s+(?:" + alternation(nm.NOT_AFTER) + r")\b", re.IGNORECASE)
NOT_BEFORE = re.compile(r"\b(?:" + alternation(nm.NOT_BEFORE) + r")\b", re.IGNORECASE)
