"""Grammar read by extract/incidents.py: a figure that totals several incidents ("Nine people
were injured across both attacks", "20 others were injured across the clashes" after "This was
one of four related attacks"), declared as named patterns, compiled once.

Three kinds of phrase:
- DECLARED: the document says its incident is one of a series: "This was one of two related
  attacks", "one of the three attacks", "one of at least nine attacks targeting outposts", "the
  second of two similar bombings". Group `n` is the number of incidents.
- SCOPE: where the clause after a figure says its events happened. A counted scope names the
  number of incidents itself (`n`: "across both attacks", "in the two attacks", "between two of
  the attacks"; `extra`: "in this and two unrelated attacks" is one more; `pair`: "between this
  incident and a similar bombing" is two); an open plural scope ("across the clashes", "in the
  attacks") counts the incidents DECLARED elsewhere in the document; a singular scope ("in the
  attack", "in this attack") is one incident and ends the search.
- LEADING_SCOPE: the same scope written before the clause, at the sentence's start ("Across
  both attacks, 11 people were injured").
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.literals import gate_of
from tollbook.extract.grammar.loader import WordTable
from tollbook.extract.grammar.numberwords import TENS, UNITS

#: The events a series is made of, singular and plural.
EVENT_NOUNS = (
    ("attack", "attacks"), ("incident", "incidents"), ("bombing", "bombings"), ("blast", "blasts"),
    ("explosion", "explosions"), ("clash", "clashes"), ("assault", "assaults"), ("raid", "raids"),
    ("ambush", "ambushes"), ("shooting", "shootings"), ("strike", "strikes"), ("attempt", "attempts"),
    ("firefight", "firefights"), ("engagement", "engagements"), ("operation", "operations"),
)  # fmt: skip
#: Words counting the incidents of a scope or a series ("both" is two).
INCIDENT_NUMBER_WORDS = WordTable({**{w: v for w, v in UNITS.items() if v >= 2}, **TENS, "both": 2})

_ONE = r"\b(?:" + alternation(s for s, _ in EVENT_NOUNS) + r")\b"
_MANY = r"\b(?:" + alternation(p for _, p in EVENT_NOUNS) + r")\b"
_N = r"(?:\d{1,3}|" + alternation(w for w in INCIDENT_NUMBER_WORDS if w != "both") + r")\b"
_MODS = r"(?:[\w-]+\s+){0,3}?"  # "related", "coordinated", "rocket", "similar grenade"

_SERIES = r"(?:one|the\s+(?:first|second|third|fourth|fifth|sixth|last|latest|final))\s+of\s"
DECLARED = re.compile(
    r"\b" + _SERIES + r"+"
    r"(?:the\s+|these\s+)?(?:at\s+least\s+|some\s+|around\s+|about\s+)?(?P<n>" + _N + r")\s+" + _MODS + _MANY,
    re.IGNORECASE,
)
#: Where a DECLARED match can start, searched case-sensitively in the folded text
#: (literals.fold): its opening words without the \b before them, so every start of a match is
#: one of its starts (extract/incidents.py tries DECLARED only there).
DECLARED_START = re.compile(_SERIES)

_PREP = r"(?:across|in|during|between|from|following|over|throughout)"
_ENSUING = r"(?:(?:ensuing|subsequent|resulting|related|separate)\s+)?"
_ALTERNATIVES = (
    # "between this incident and a similar bombing", "between this and an attack in Ghor"
    r"(?P<pair>between\s+this\s+(?:" + _ONE + r"\s+)?and\s+(?:an?|another|one)\s+" + _MODS + _ONE + r")",
    # "in this and two unrelated attacks"
    r"(?:in|during|between)\s+this\s+(?:" + _ONE + r"\s+)?and\s+(?P<extra>" + _N + r")\s+" + _MODS + _MANY,
    # "between two of the attacks"
    _PREP + r"\s+(?P<of>" + _N + r")\s+of\s+(?:the|these|those)\s+" + _MODS + _MANY,
    # "across both attacks", "in the two attacks", "across all four incidents"
    _PREP + r"\s+(?:(?P<both>both)(?:\s+of\s+the)?|(?:all\s+)?(?:the|these|those)\s+(?P<n>" + _N + r")"
    + r"|all\s+(?P<all>" + _N + r"))\s+" + _MODS + _MANY,
    # "across the clashes", "across the ensuing clashes", "in the attacks"
    r"(?P<open>(?:across\s+(?:all\s+(?:of\s+)?)?(?:the\s+|these\s+|those\s+)?"
    + r"|(?:in|during|from|following|throughout)\s+(?:all\s+(?:of\s+)?)?(?:the|these|those)\s+)" + _ENSUING + _MANY + r")",
    # "in the attack", "in this attack", "in the ensuing clash": one incident
    r"(?P<single>" + _PREP + r"\s+(?:the|this|that|each)\s+" + _ENSUING + _ONE + r")",
)
SCOPE = re.compile(r"\b(?:" + "|".join(_ALTERNATIVES) + r")", re.IGNORECASE)
#: Word gate of SCOPE (literals.gate; proven in tests/test_gates.py): every scope names its events.
SCOPE_GATE = gate_of(w for pair in EVENT_NOUNS for w in pair)
#: The same scope opening the sentence: "Across both attacks, ...".
LEADING_SCOPE = re.compile(r"\s*(?:" + SCOPE.pattern + r")\s*,", re.IGNORECASE)

#: The flag a claim carries when its figure totals several incidents: "incidents:4".
FLAG_PREFIX = "incidents:"

#: A sentence opened by an additive adverb ("Additionally, two police officers were abducted",
#: "In addition, 12 other border force members were abducted"): it goes on with the sentence
#: before it, so a figure without a scope of its own shares that sentence's scope.
ADDITIVE_OPENING = re.compile(r"\s*(?:in\s+addition|additionally)\s*,", re.IGNORECASE)
