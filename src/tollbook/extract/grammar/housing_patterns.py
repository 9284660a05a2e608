"""Housing grammar read by extract/housing.py, declared as named patterns, compiled once: the verbs,
degrees and nouns of destroyed or damaged homes ("300 houses were destroyed").
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.literals import gate_of
from tollbook.extract.grammar.verbs import BE

DESTROYED = (
    r"destroyed|collapsed|flattened|razed|levelled|leveled|demolished|gutted|"
    r"washed\s+away|swept\s+away|burn(?:ed|t)\s+down"
)

VERB = rf"(?:destroyed|damaged)\s+or\s+(?:destroyed|damaged)|damaged|{DESTROYED}"

DEGREE = r"(?:completely|totally|fully|entirely|partially|partly|badly|severely|heavily)"

NOUN = (
    # Not "shelters": "destroyed 9 rebel shelters" are hideouts.
    r"(?:houses|homes|dwellings|housing\s+units|residential\s+buildings|huts|family\s+homes)\b"
)

ANY_NOUN = re.compile(r"houses|homes|dwellings|housing|huts|residential", re.IGNORECASE)
#: ANY_NOUN's words as a gate (literals.gate): the same answer, from the sentence folded once.
ANY_NOUN_GATE = gate_of(("houses", "homes", "dwellings", "housing", "huts", "residential"))

#: Words between the number and the noun: "300 mud-brick houses", never a clause.
MODS = r"(?:(?!(?:of|and|or|in|on|at|by|were|was|are|have|had|been|more)\b)[a-z][\w-]*\s+){0,2}?"

#: "7,300 collapsed houses", "2,000 houses were damaged", "up to 30,000 homes may have been destroyed".
AFTER = re.compile(
    rf"\s+(?:(?P<adj>(?:{DEGREE}\s+)?(?:{VERB}))\s+)?{MODS}(?P<noun>{NOUN})"
    rf"(?:\s*,?\s+(?:(?:{BE}|have\s+been|has\s+been|had\s+been|"
    rf"(?:may|might|could)\s+(?:well\s+)?have\s+been|reportedly|also|all|either)\s+){{0,3}}"
    rf"(?P<verb>(?:{DEGREE}\s+)?(?:{VERB}))\b)?",
    re.IGNORECASE,
)

#: "destroyed about 14,000 homes", "damage to 61,000 homes", "the destruction of 300 houses".
BEFORE = re.compile(
    rf"\b(?P<verb>(?:{DEGREE}\s+)?(?:{VERB}|destroying|damaging|razing|flattening|demolishing)"
    r"|damage\s+(?:to|of)|destruction\s+of)\s+(?:another\s+|a\s+further\s+)?\Z",
    re.IGNORECASE,
)

#: Words that make the housing figure partly destroyed or damaged.
PARTIAL = re.compile(r"partial|partly|damag", re.IGNORECASE)
