"""Comitative grammar read by extract/comitative.py ("was killed along with three officers"),
declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

#: The comitative after a casualty predicate: "along with", "together with".
ALONG_WITH = re.compile(r"\b(?:along|together)\s+with\s+", re.IGNORECASE)
#: What may not stand between the predicate's figure and the comitative: another clause.
CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|whereas)\b|\bwhile\b", re.IGNORECASE)
#: The end of a one-person companion's noun phrase: a preposition, a clause, the sentence.
COMPANION_END = re.compile(r"\s*(?:[,;:.()]|\b(?:in|on|at|near|during|when|after|before|as|while|by|and|from)\b|$)",
                           re.IGNORECASE)  # fmt: skip
