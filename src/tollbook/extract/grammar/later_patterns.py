"""Grammar read by extract/later.py ("later died", "died of his wounds"), compiled once."""

from __future__ import annotations

import re

from tollbook.extract.grammar import later as lt
from tollbook.extract.grammar.alternation import alternation

_ADV = r"(?:(?:" + alternation([*lt.LATER, *lt.BETWEEN]) + r")\s+)"
_VERB = r"(?:" + alternation(lt.DIE_VERBS) + r")"
_WOUNDS = r"(?:of|from|to)\s+(?:his|her|their|the|its)\s+(?:\w+\s+)?(?:" + alternation(lt.WOUNDS) + r")\b"
#: Right after a subject: an optional apposition, then a later death ("later died", "died later",
#: "died of his wounds", "succumbed to their injuries", "died in hospital").
LATER_DEATH = re.compile(
    r"\s*(?:,[^,.;]{1,90},)?\s*(?:\(\s*and\s+)?(?:"
    + _ADV + r"*(?:" + alternation(lt.LATER) + r")\s+" + _ADV + r"*" + _VERB + r"\b"  # "later died"
    + r"|" + _ADV + r"*" + _VERB + r"\s+(?:" + alternation(lt.LATER) + r"\b|" + _WOUNDS + r"|in\s+(?:the\s+)?hospital\b)"
    + r"|" + _ADV + r"*succumbed\b"
    + r")",
    re.IGNORECASE,
)
#: A figure that restates a whole group: "All five", "Both".
RESTATED = re.compile(r"\b(?:all|both)\b", re.IGNORECASE)
#: A definite phrase points back at someone told before: "The victim", "the man", "his brother".
DEFINITE = re.compile(r"(?:the|this|that|these|those|his|her|their)\b", re.IGNORECASE)
