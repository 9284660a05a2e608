"""Anaphora grammar read by extract/anaphora.py ("they", "the hostages"), declared as named
patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import anaphora as an
from tollbook.extract.grammar.alternation import alternation

ANAPHOR = re.compile(
    r"\b(?P<a>" + alternation(an.PLURAL_PRONOUNS) + r"|the\s+(?:[\w-]+\s+)?(?P<noun>(?-i:[a-z])[\w-]*s|men|women|children))\b",
    re.IGNORECASE,
)
NOUN_AFTER = re.compile(r"\s+(?:(?-i:[A-Za-z])[\w'’-]*\s+){0,3}?(?P<noun>men|women|children|people|(?-i:[a-z])[\w-]*s)\b")
DEAD = re.compile(r"\b(?:" + alternation(an.ALREADY_DEAD) + r")\b", re.IGNORECASE)
