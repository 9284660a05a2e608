"""Object grammar read by extract/active_objects.py ("killing its driver and a soldier", "killed a U.S.
Marine", "killing all 47 passengers"), declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import active_objects as ob
from tollbook.extract.grammar import numberwords as nw
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.literals import gate_from

#: An active lethal verb and what may follow it before its object (an adverb).
VERB = re.compile(
    r"\b(?:(?P<v>" + alternation(ob.KILLING_VERBS) + r")|(?P<present>" + alternation(ob.KILLING_PRESENT)
    + r")|(?:" + alternation(sorted(vb.MANNER_VERBS))
    + r")\s+(?:" + alternation(ob.KILLING_RESULTS) + r"))\s+(?:(?-i:[a-z])\w+ly\s+)?",
    re.IGNORECASE,
)
#: An active wounding verb ("wounding the three people in the vehicle", "stabbed and injured
#: three farmers"), the same shape as VERB.
WOUND_VERB = re.compile(
    r"\b(?:(?P<v>" + alternation(ob.WOUNDING_VERBS) + r")|(?:" + alternation(sorted(vb.MANNER_VERBS))
    + r")\s+(?:(?-i:[a-z])\w+ly\s+)?(?:" + alternation(ob.WOUNDING_RESULTS) + r"))\s+(?:(?-i:[a-z])\w+ly\s+)?",
    re.IGNORECASE,
)
#: Every match of VERB, of WOUND_VERB, holds one of these (read from the pattern's parse by
#: literals.required; proven in tests/test_gates.py): a sentence without them is not searched.
VERB_GATE = gate_from(VERB)
WOUND_VERB_GATE = gate_from(WOUND_VERB)
#: A lethal result after a wounding verb's object: "stabbed him to death", "knifed a guard,
#: fatally": a death, not a wound.
LETHAL_AFTER_OBJECT = re.compile(r"\s*,?\s*(?:to\s+death|dead|fatally|and\s+kill)", re.IGNORECASE)
#: A pronoun that restates the object with a wounding verb: "stabbed a boy, wounding him" (the
#: pronoun is read, one person).
RESTATED_AFTER = re.compile(r"\s*,?\s*(?:" + alternation(ob.WOUNDING_VERBS) + r")\s+(?:him|her|them)\b", re.IGNORECASE)
#: A word of the object (abbreviations such as "U.S." and initials are one word).
WORD = re.compile(r"\s*(?P<w>(?:[A-Za-z]\.){2,}|[A-Za-z][\w'’-]*\.?|\d[\d,]*)")
#: The word before the verb.
LAST_WORD = re.compile(r"([A-Za-z']+)\s+\Z")
#: "and" before a second member of the object: a determiner, a figure or a name follows.
AND_MEMBER = re.compile(r"\s*,?\s+and\s+(?=(?:" + alternation(sorted({*ob.DETERMINERS, *nw.NUMBER_WORDS})) + r")\b|\d|(?-i:[A-Z]))",
                        re.IGNORECASE)  # fmt: skip
#: A comma or "and" before a further member of a listed object: a determiner, a figure or a name follows.
LIST_MEMBER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:" + alternation(sorted({*ob.DETERMINERS, *nw.NUMBER_WORDS}))
                         + r")\b|\d|(?-i:[A-Z]))", re.IGNORECASE)  # fmt: skip
#: "two others" closing a list of people: more people ("others" alone names no one).
OTHERS = re.compile(r"(?P<n>\d+|" + alternation(sorted(nw.NUMBER_WORDS)) + r")\s+others\b", re.IGNORECASE)
#: "them both", "both of them", "injuring both.": two people.
THEM = re.compile(r"(?P<them>them)(?:\s+(?P<both>both))?\b|(?P<both2>both)(?:\s+of\s+them\b|(?=\s*(?:[.,;:]|$)))", re.IGNORECASE)
#: "the three people in the vehicle", "the other two": a definite object that states its figure.
THE_FIGURE = re.compile(r"the\s+(?:other\s+)?(?=\d|(?:" + alternation(sorted(nw.NUMBER_WORDS)) + r")\b)", re.IGNORECASE)
#: "all 47 passengers", "all the 29 aboard": the figure after "all".
ALL = re.compile(r"all\s+(?:the\s+|of\s+the\s+)?(?=\d|(?-i:[a-z]))", re.IGNORECASE)
#: "one of the clerics": one person of a group.
ONE_OF = re.compile(r"one\s+of\s", re.IGNORECASE)
