"""Body grammar read by extract/bodies.py ("His body was found", "the bodies of two farmers
were recovered"), declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import bodies as bd
from tollbook.extract.grammar.alternation import alternation

#: The body noun itself.
BODY = re.compile(r"\b(?P<n>" + alternation(bd.BODY_NOUNS) + r")\b", re.IGNORECASE)
#: "of" and its complement, up to the predicate or a clause break.
OF_COMPLEMENT = re.compile(r"\s+of\s+(?P<c>[^;:]{1,160}?)(?=\s*,?\s+(?:was|were|had|has|have|is|are)\b)", re.IGNORECASE)
#: A complement that stops at the noun phrase's end (after an active verb's object).
OF_OBJECT = re.compile(r"\s+of\s+(?P<c>[^;:,.]{1,80}?)(?=\s*(?:[,.;:]|$|\s+(?:from|in|at|near|on|with|after|and\s+(?-i:[a-z]))\b))",
                       re.IGNORECASE)  # fmt: skip
ADVERBS = r"(?:(?:\w+ly|also|later|then|subsequently|eventually|only)\s+){0,2}"
#: The passive of finding after the noun phrase: "was found", "were later discovered", "had been
#: dumped"; `neg` holds a negation ("was never found").
PASSIVE = re.compile(
    r"\s*,?\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+(?P<neg>(?:" + alternation(bd.NEGATIONS)
    + r")\s+(?:been\s+)?)?" + ADVERBS + r"(?P<v>" + alternation(bd.FOUND_VERBS) + r")\b",
    re.IGNORECASE,
)
#: The elided passive of a second clause: "and his body dumped on a road", ", their bodies recovered".
ELIDED = re.compile(r"\s+" + ADVERBS + r"(?P<v>" + alternation(bd.FOUND_VERBS) + r")\b", re.IGNORECASE)
ELIDED_BEFORE = re.compile(r"(?:,|\band)\s*\Z", re.IGNORECASE)
#: An active verb of finding right before the noun phrase: "police found his body".
ACTIVE_BEFORE = re.compile(r"\b(?P<v>" + alternation(bd.FIND_ACTIVE) + r")\s+\Z", re.IGNORECASE)
#: A negation or a search before an active verb: "never found", "failed to find", "searching for".
NEG_BEFORE = re.compile(r"\b(?:not|never|no|failed\s+to|yet\s+to)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
#: Members of a coordinated complement: "X, his driver and Y".
LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
#: A word before the noun, read back from it.
TOKEN = re.compile(r"[\w'’-]+")
#: "from where the bodies were found": the clause names a place, not a finding told.
PLACE_BEFORE = re.compile(r"\bwhere\s+\Z", re.IGNORECASE)
