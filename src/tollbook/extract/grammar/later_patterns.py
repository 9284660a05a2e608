"""Grammar of later deaths of the wounded, read by extract/later.py ("One of the wounded later
died", "was wounded and later died of his injuries"), compiled once from grammar/later.py.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import later as lt
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.numberwords import spelled

_ADV = r"(?:(?:" + alternation([*lt.LATER, *lt.BETWEEN, "then", "since"]) + r")\s+)"
_VERB = r"(?:" + alternation(lt.DIE_VERBS) + r")"
_WOUNDS = r"(?:of|from|to)\s+(?:his|her|their|the|its)\s+(?:\w+\s+)?(?:" + alternation(lt.WOUNDS) + r")\b"
#: The death as the figure's own predicate, right after it: an optional apposition, a noun
#: ("three injured victims"), an auxiliary, then a later death ("later died", "died later",
#: "died of his wounds", "succumbed to their injuries", "died in hospital").
OWN_DEATH = re.compile(
    r"\s*(?:,[^,.;]{1,90},)?(?:\s+(?:" + alternation(lt.PEOPLE) + r"))?(?:\s+(?:" + alternation(lt.AUXILIARIES)
    + r"))?\s*(?:\(\s*and\s+)?(?:"
    + _ADV + r"*(?:" + alternation(lt.LATER) + r")\s+" + _ADV + r"*" + _VERB + r"\b"  # "later died"
    + r"|" + _ADV + r"*" + _VERB + r"\s+(?:" + alternation(lt.LATER) + r"\b|(?P<wounds>" + _WOUNDS + r")|in\s+(?:the\s+)?hospital\b)"
    + r"|" + _ADV + r"*(?P<succumbed>succumb(?:ed|s)?)\b"
    + r")",
    re.IGNORECASE,
)
#: The wounds a death is of, right after its verb: "later died of his wounds", "died later from
#: their injuries".
OF_WOUNDS = re.compile(r"\s*(?:(?:" + alternation(lt.LATER) + r")\s+)?" + _WOUNDS, re.IGNORECASE)
#: The death as a second predicate of the wounded, in the clause of the wounding: "and (later)
#: died", "and subsequently succumbed", "before succumbing to his wounds", "before dying". No
#: clause break (";", ".", "while", "but") and no new subject: "and" or "before" is followed by
#: the verb itself (an adverb allowed).
SECOND_DEATH = re.compile(
    r"(?:(?!\b(?:" + alternation(lt.CLAUSE_ENDS) + r")\b)[^;.:])*?\b(?:and\s+(?:(?:" + alternation(lt.THEN)
    + r")\s+)?" + _VERB + r"|before\s+(?:" + alternation(lt.DIE_GERUNDS) + r"))\b",
    re.IGNORECASE,
)
#: A figure that restates a whole group: "All five", "Both".
RESTATED = re.compile(r"\b(?:all|both)\b", re.IGNORECASE)
#: Right before a figure, words that restate the people counted before: "All five", "these two".
SAME_PEOPLE = re.compile(r"\b(?:" + alternation(lt.SAME_PEOPLE) + r")\s+\Z", re.IGNORECASE)
#: A definite phrase points back at someone told before: "The victim", "the man", "his brother".
DEFINITE = re.compile(r"(?:the|this|that|these|those|his|her|their)\b", re.IGNORECASE)
#: A bare figure that opens a clause (the sentence's start, ";", ", and", "and"): "One later
#: died of his wounds", "; two died later in hospital". Its noun is left out: the people are
#: the wounded told before (extract/later_ones.py).
BARE_OPENER = re.compile(r"(?:\A|(?<=[.;])|(?<=,\s)and|(?<=\s)and)\s*\Z", re.IGNORECASE)
#: The wounding told before the bare figure, within lt.WOUND_REACH characters: its people are
#: those who die ("Two Israelis were wounded ... One later died").
WOUND_BEFORE = re.compile(r"\b(?:" + alternation(lt.WOUND_WORDS) + r")\b", re.IGNORECASE)
#: A figure whose words point back at people told before: a bare number ("two died later"), or
#: a partitive of them or of the wounded ("One of them later died", "one of the injured
#: succumbed"); after a wounding, its death is of the wounded.
POINTS_BACK = re.compile(
    r"\A\S+(?:\s+of\s+(?:them|the\s+(?:" + alternation(lt.WOUND_WORDS) + r")(?:\s+\w+)?))?\Z", re.IGNORECASE
)
#: A part of the people just counted who died, its noun elided: ", and one died", ", but two
#: of them later succumbed", "; one later died", ", one of whom later died". The number stands alone as the subject (no
#: noun: "and one soldier died" may be someone else), "of them" allowed, then a death.
PART_DEATH = re.compile(
    r"(?P<gap>[^.;:]*?)(?:\s*[,;]\s*(?:(?:" + alternation(lt.PART_JOINS) + r")\s+)?|\s+(?:"
    + alternation(lt.PART_JOINS) + r")\s+)"
    r"(?P<num>" + spelled(1, 19) + r"|\d{1,3})\s+(?:of\s+(?:them|those|whom)\s+)?(?:"
    + alternation(lt.AUXILIARIES) + r"\s+)?" + _ADV + r"*(?P<verb>" + _VERB + r"|succumb(?:ed|s)?)\b",
    re.IGNORECASE,
)
#: A harm in the clause of the people before the part's death: the others were wounded.
HARMED = re.compile(r"\b(?:" + alternation(lt.HARMS) + r")\b", re.IGNORECASE)
#: A passive right after a figure no cue categorised: its people are the subject of the harm
#: ("Two farmers were shot; one died").
PASSIVE = re.compile(r"\s+(?:were|was|have\s+been|had\s+been|has\s+been)\b", re.IGNORECASE)
#: The death in a relative clause right after the wounded: "wounded another who succumbed the
#: following day", "two farmers, who later died of their wounds". The pronoun is theirs, so it
#: holds after the object of an active wounding too.
RELATIVE_DEATH = re.compile(
    r"\s*,?\s*(?:who|that)\s+(?:(?:" + alternation(lt.AUXILIARIES) + r")\s+)?" + _ADV + r"*(?:" + _VERB
    + r"|succumb(?:ed|s)?)\b",
    re.IGNORECASE,
)
#: What tells a part's death came after the wounding, right after its verb: "of his wounds",
#: "in hospital", "the next morning" (or "later", "succumbed" in the death itself).
LATER_AFTER = re.compile(
    r"\s+(?:" + _WOUNDS + r"|(?:" + alternation(lt.LATER_PLACES) + r")\b|(?:the\s+)?(?:next|following)\s+(?:"
    + alternation(lt.LATER_TIMES) + r")\b|" + alternation(lt.LATER) + r"\b)",
    re.IGNORECASE,
)
#: A later time in the death itself: "one later died", "two subsequently succumbed".
LATER_IN = re.compile(r"\b(?:" + alternation(lt.LATER) + r"|succumb\w*)\b", re.IGNORECASE)
