"""Coordinated-subject grammar read by extract/conjuncts.py ("The judge, his wife and his two
sons were killed"), declared as named patterns and word sets, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

#: Where the subject may start: the sentence, or a clause after ";", ":" or "that" (CLAUSE_MARK), with
#: an opening adverbial ("In addition, ...") set aside (OPENING).
CLAUSE_MARK = re.compile(r"[;:]|\bthat\b", re.IGNORECASE)
OPENING = re.compile(r"\s*(?:(?:in\s+addition|additionally|meanwhile|however|later|separately),\s*)?", re.IGNORECASE)
#: The joint before the last conjunct (the counted figure): "... and", "..., and his".
LAST_JOINT = re.compile(r"\s*,?\s+and\s+(?:(?:his|her|their|the)\s+)?\Z", re.IGNORECASE)
#: The joints between the conjuncts before it.
JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
#: A plural predicate after the last conjunct: the coordination is its subject.
PLURAL_PREDICATE = re.compile(r"\s+(?:were|have\s+been|had\s+been|both\s+died|died|have\s+died|had\s+died)\b",
                              re.IGNORECASE)  # fmt: skip
#: A gloss in parentheses ("(NDS)", "(Hisham Abdel Bari)"), read past.
GLOSS = re.compile(r"\s*\([^()]{1,60}\)")
#: Words that open a conjunct naming one person ("the judge", "his wife", "another civilian").
SINGLE_DETERMINERS: Final[frozenset[str]] = frozenset("the a an his her their one another".split())
#: Longest conjunct read, in words ("a National Directorate of Security member").
LONGEST_CONJUNCT: Final[int] = 8
#: Words that end a conjunct's noun phrase: a verb or a clause in it makes it no conjunct.
NOT_IN_CONJUNCT: Final[frozenset[str]] = frozenset(
    """was were is are be been being had has have who which that whose when while after before
    said says killed died wounded injured abducted attacked shot""".split()
)
#: How a counted figure that closes a list of its own is written: a numeral ("his wife and their
#: three sons"), not an article or a name another rule read.
NUMERAL_KINDS: Final[tuple[str, ...]] = ("digits", "words")
