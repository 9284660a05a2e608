"""Attacker grammar read by extract/attackers.py ("blew himself up", "suicide bomber"), declared as
named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation

SELF = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|(?:blew|blowing|blows)(?:\s+up)?|blown|shot|shooting)\s+(?:only\s+)?"
    r"(?P<self>himself|herself)\b"
    r"|\bturn(?:ed|ing|s)?\s+(?:the|his|her)\s+(?:gun|weapon|rifle)\s+on\s+(?P<self2>himself|herself)\b",
    re.IGNORECASE,
)
THEMSELVES = re.compile(
    r"\b(?:kill(?:ed|ing)?|(?:blew|blowing)(?:\s+up)?|blown)\s+(?P<self>themselves)\b", re.IGNORECASE
)
ATTACKER_WORD = re.compile(r"\b(?:" + alternation(vb.ATTACKER_NOUNS) + r")\b", re.IGNORECASE)
#: "A suicide bomber blew himself up ... a police officer who killed himself": the sentence
#: must name an attacker (or a suicide attack, or a militant) for "himself" to be one.
ATTACK_CONTEXT = re.compile(r"\bsuicide\b|\b(?:" + alternation(vb.ATTACKER_NOUNS) + r")\b|\bexplosives?\b|"
                            r"\bdetonat|\bmilitants?\b", re.IGNORECASE)  # fmt: skip
