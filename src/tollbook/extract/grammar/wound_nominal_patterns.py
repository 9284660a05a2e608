"""The grammar of wounds named by a noun (extract/wound_nominals.py): "caused severe injuries to
a Greek citizen", "resulted in the death of one guard and the injury of two others", "left two
employees with minor injuries", declared as named patterns and tables, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar import nominals as nm
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.injury_patterns import LIMBS

#: The nouns of a wound given to someone.
WOUND_NOUNS: Final[tuple[str, ...]] = ("injuries", "injury", "wounds", "wound", "burns")
#: Modifiers of the wound ("severe", "minor", "serious", "gunshot").
_ADJ = r"(?:(?-i:[a-z])[\w-]*\s+){0,2}?"
#: A verb of causing, the wound, "to" or "of": the wounded follow.
CAUSED = re.compile(
    r"\b(?:" + alternation([*nm.CAUSING, "inflicted", "inflicting"]) + r")\s+(?:the\s+)?" + _ADJ
    + r"(?:" + alternation(WOUND_NOUNS) + r")\s+(?:to|of|on)\s+",
    re.IGNORECASE,
)
#: "... the death of one guard and the injury of two others": a wound coordinated after the
#: caused death (the verb of causing stands before, in CAUSING_BEFORE).
#: The nouns of a wound coordinated after a caused death ("and the injury of").
INJURY_NOMINALS: Final[tuple[str, ...]] = ("injury", "injuries", "injuring", "wounding", "wounds")
AND_THE_INJURY = re.compile(
    r"\band\s+the\s+(?:" + alternation(INJURY_NOMINALS) + r")\s+of\s+",
    re.IGNORECASE,
)
CAUSING_BEFORE = re.compile(r"\b(?:" + alternation(nm.CAUSING) + r")\b", re.IGNORECASE)
#: "left two ministry employees with minor injuries": "left", the people, then the wound.
LEFT = re.compile(r"\bleft\s+", re.IGNORECASE)
WITH_WOUND = re.compile(
    r"\s+(?:with|suffering(?:\s+from)?)\s+" + _ADJ + r"(?:" + alternation(WOUND_NOUNS) + r")\b", re.IGNORECASE
)
#: "injuries to his leg": a limb of one person ("his", "her") is that person, wounded.
BODY_PARTS: Final[tuple[str, ...]] = (*LIMBS, "face", "head", "chest", "back", "body", "neck", "stomach", "eyes", "eye")
ONE_BODY = re.compile(
    r"(?:his|her)\s+(?:(?:left|right|lower|upper)\s+)?(?:" + alternation(BODY_PARTS) + r")\b", re.IGNORECASE
)
