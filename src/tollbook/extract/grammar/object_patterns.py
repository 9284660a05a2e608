"""Pronoun-object grammar read by extract/objects.py ("killing them", "beheaded him"), declared
as named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation

#: A victim verb with a pronoun object: plural ("them", "both of them", "them all") or
#: singular ("him", "her"; not "himself", not "her" before a noun: "killed her husband").
PRONOUN_OBJECT = re.compile(
    r"\b(?P<verb>" + alternation(vb.VICTIM_VERBS) + r")\s+"
    r"(?P<pro>(?P<plural>them\s+all|them|both\s+of\s+them|all\s+of\s+them)|(?P<singular>him|her))\b"
    r"(?!\s*(?:self|selves))",
    re.IGNORECASE,
)
#: After "her": the end of the object (a possessive "her husband" goes on to its noun).
OBJECT_END = re.compile(r"\s*(?:[,;:.]|$|\b(?:and|as|when|while|after|before|in|at|on|near|with|by|instantly|"
                        r"immediately|later|outright|too|also)\b)", re.IGNORECASE)  # fmt: skip
