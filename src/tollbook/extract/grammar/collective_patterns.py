"""Collective nouns that state how many people they name, read by extract/collectives.py: "a
couple was shot dead" (2), "the trio were abducted" (3), "twin brothers were killed" (2). One
table: each noun and its size. "a couple of", "a pair of" are numbers (numberwords.py: "a couple
of" is approx 2-3, docs/annotation.md), not collectives; a possessive ("the couple's house") is
no person.
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.literals import gate_from
from tollbook.extract.grammar.loader import WordTable

#: A collective noun and the number of people it names.
COLLECTIVE_SIZES: Final[dict[str, int]] = WordTable({
    "couple": 2,
    "pair": 2,
    "duo": 2,
    "twins": 2,
    "trio": 3,
    "triplets": 3,
    "quartet": 4,
    "quadruplets": 4,
    "quintuplets": 5,
})
#: Collectives that are plural by form and need no determiner: "Twins were among the dead".
_BARE = ("twins", "triplets", "quadruplets", "quintuplets")
#: "twin" before a plural of these counts two: "twin brothers", "twin girls"; "twin blasts" is
#: no people.
TWIN_NOUNS: Final[tuple[str, ...]] = ("brothers", "sisters", "sons", "daughters", "boys", "girls", "babies",
                                      "children", "infants")  # fmt: skip

_SINGULAR = alternation([n for n in COLLECTIVE_SIZES if n not in _BARE])
#: A collective noun phrase: a determiner, up to two modifiers, the noun ("an elderly couple",
#: "the Kurdish pair", "the trio"); a bare plural collective ("newborn triplets"); "twin" and a
#: plural of TWIN_NOUNS. Not followed by a possessive or "of" (a number: "a couple of farmers";
#: "a trio of gunmen": the gunmen's count).
COLLECTIVE = re.compile(
    r"\b(?:(?P<det>an?|the|this|both)\s+(?:(?!(?:of|and|or|with|by|in)\b)[\w-]+\s+){0,2}?(?P<noun>"
    + _SINGULAR + r"|" + alternation(_BARE) + r")"
    + r"|(?P<bare>" + alternation(_BARE) + r")"
    + r"|(?P<twin>twin)\s+(?P<kin>" + alternation(TWIN_NOUNS) + r"))\b(?!['’]s?\b|\s+of\b)",
    re.IGNORECASE,
)
#: Every match of COLLECTIVE holds one of these (read from its parse by literals.required: the
#: nouns, "twin"; proven in tests/test_gates.py): a sentence without them has no collective,
#: and collectives.py asks no search.
COLLECTIVE_GATE = gate_from(COLLECTIVE)
