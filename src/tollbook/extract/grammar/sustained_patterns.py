"""The grammar of a subject that received a wound (extract/sustained.py): "Three Americans
received minor injuries", "All three sustained minor injuries", "Arbi Ibragimov suffered
injuries", declared as named patterns and tables, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.injury_patterns import RECEIVE_VERBS

#: The predicate: a verb whose object is a wound, up to two modifiers, the wound ("received
#: minor injuries", "sustained only minor injuries", "suffered serious burns").
RECEIVED = re.compile(
    r"\s+(?:(?:also|only|reportedly|later)\s+)?(?P<verb>" + alternation(RECEIVE_VERBS) + r")\s+"
    r"(?P<mods>(?:[\w-]+\s+){0,2}?)(?:" + alternation(vb.WOUND_NOUNS) + r")\b",
    re.IGNORECASE,
)
#: Modifiers that deny the wound: "suffered no injuries", "sustained hardly any wounds".
DENIED: Final[frozenset[str]] = frozenset("no any hardly neither never".split())
#: "All three", "all five": the figure after "all" is the subject's.
ALL = re.compile(r"all\s+(?=\S)", re.IGNORECASE)
#: Subjects that count nobody new: personal pronouns (someone told before) and indefinites.
PRONOUNS: Final[frozenset[str]] = frozenset(
    "he she they it we i you who which that this these those someone anyone nobody everyone".split()
)
#: Words opening a subject that names one person ("a", "the", "his").
ONE_OPENERS: Final[frozenset[str]] = frozenset("a an the his her their its one another".split())
