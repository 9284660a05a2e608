"""Headline grammar read by extract/headlines.py ("2 soldiers killed, 3 injured"), declared as
named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation, final_words
from tollbook.extract.grammar.literals import gate_of

#: The results that make a manner verb's participle lethal in a headline ("Two hacked to death").
_RESULTS = ("dead", "to death")
#: A headline's predicates: HEADLINE_PREDICATES, and every participle of a killing verb and
#: killing predicate ("One beheaded, another kidnapped", "Two hacked to death in Kaduna", "One
#: shot dead, three injured"), so that a figure's headline reading does not hang on its verb.
PREDICATES: dict[str, str] = {
    **{v: c for v, c in vb.VICTIM_VERBS.items() if c == "killed" and not any(w.endswith("ing") for w in v.split())},
    **dict.fromkeys(vb.MORE_DEATH_PREDICATES, "killed"),
    **{f"{v} {r}": "killed" for v in sorted(vb.MANNER_VERBS) if not v.endswith("ing") for r in _RESULTS},
    **vb.HEADLINE_PREDICATES,
}  # fmt: skip

PREDICATE = re.compile(
    r"\s+(?:(?P<pop>others|more)\s+|(?P<group>(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,2})\s+)?"
    r"(?:(?:" + alternation(vb.HEADLINE_DEGREE) + r")\s+)?"
    r"(?P<cue>" + alternation(PREDICATES) + r")\b"
    r"(?=\s*(?:[,;.:()—–]|-\s|$)|\s+(?:in|as|after|and|while|when|during|at|on|near|by|from|following|amid|over|"
    r"since|across|outside|inside|overnight|yesterday|today|last|this)\b)",
    re.IGNORECASE,
)
#: Where a telegraphic chain may start: the sentence start (after a date or a place and a
#: colon or dash), a semicolon or bracket; later items follow an item (`CHAIN`).
CLAUSE_START = re.compile(r"(?:^|[;:(—–\"“]|\s-)\s*\Z", re.IGNORECASE)
#: A figure after a comma starts a telegraphic clause of a coder's note ("clashed in Ajigin,
#: three reported dead"; "attacked a mosque, at least 30 dead, many others injured") only when
#: its predicate closes the clause at once (`CLAUSE_END`): "a comma, 3 killed in X" is read by
#: the count rules.
COMMA_START = re.compile(r",\s*\Z")
#: A number that is part of a date or a time ("23/10", "10:30"), not a figure before a comma.
DATE_PART = re.compile(r"\d[/:.]\d")
CLAUSE_END = re.compile(r"\s*(?:[,;.()]|$|(?:and|plus|while)\b)", re.IGNORECASE)
CHAIN = re.compile(r"^\s*(?:,|;|and|,\s*and|while|with)\s*$", re.IGNORECASE)
ANOTHER = re.compile(r"\b(?:another|one\s+more|a\s+further)\b", re.IGNORECASE)
#: Word gates (literals.gate; proven in tests/test_gates.py): ANOTHER's and AND_ANOTHER's words.
ANOTHER_GATE = gate_of(("another", "more", "further"))
AND_ANOTHER_GATE = gate_of(("another",))
ACTIVE = re.compile(r"\b(?P<verb>" + alternation(vb.VICTIM_BEFORE) + r")\s+\Z", re.IGNORECASE)
#: The words an ACTIVE verb can end with, read from it: a figure after any other word is no
#: object of one, and the search before it is skipped (issue 23).
ACTIVE_ENDS = tuple(sorted(final_words(ACTIVE.pattern, ACTIVE.flags) or ()))
#: Words right before an ACTIVE verb that undo it: "tried to lynch three men", "nearly drowned two".
ACTIVE_UNDONE = re.compile(r"\b(?:" + alternation(vb.NON_LETHAL_BEFORE) + r")\s+\Z", re.IGNORECASE)
#: After a figure that follows an ACTIVE verb: its people noun (up to two words before it), then
#: the end of the phrase: punctuation, a preposition or a reduced relative ("lynch two thieves
#: accused of sorcery", "two men who ...").
AFTER_ACTIVE = re.compile(
    r"(?:\s+(?:[\w'’-]+\s+){0,2}?(?P<pop>[\w'’-]*(?:men|people|children)|[\w'’-]+s))?(?=\s*(?:[,;.:)]|$)|\s+(?:in|at|on|near|after|"
    r"as|and|for|during|over|from|outside|inside|who|[a-z]+ed)\b)",
    re.IGNORECASE,
)
#: "killed two servicemen and seriously wounded another": one more person, the object of the
#: last verb ("and another (was) injured" is the count rules' own).
AND_ANOTHER = re.compile(
    r"(?:,\s*|\s)and\s+(?:(?:" + alternation(vb.HEADLINE_DEGREE) + r")\s+)?"
    r"(?P<verb>" + alternation([v for v in vb.VICTIM_VERBS if not v.endswith("ing")]) + r"|shot\s+dead)\s+(?P<a>another)\b",
    re.IGNORECASE,
)

NOUN_NEXT = re.compile(r"\s+[a-z]")
PHRASE_NEXT = re.compile(r"\s+(?:in|at|on|as|and|near|when|while|during|after|before)\b")
