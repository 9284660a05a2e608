"""Post-modifier grammar read by extract/postmodified.py ("a man from the village was killed"), declared as
named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import modifiers as md
from tollbook.extract.grammar.alternation import alternation

DET = re.compile(r"\b(?P<det>an?|the)(?=\s)", re.IGNORECASE)
OPENER = re.compile(
    r"\s+(?:" + alternation([*md.PREPOSITIONS, *md.PARTICIPLES, *md.RELATIVES]) + r")\b", re.IGNORECASE
)
#: A word of the post-modifier: letters, an inner apostrophe or hyphen, a possessive; a closing
#: parenthesis group ("(NDS)") is one word too.
WORD = re.compile(r"\s+(?P<w>\([^()]{1,30}\)|[A-Za-z][\w'’-]*)(?=[\s(,])")
