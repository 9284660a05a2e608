"""Grammar read by extract/fatal.py ("was fatally wounded"), compiled once."""

from __future__ import annotations

import re

from tollbook.extract.grammar import fatal as ft
from tollbook.extract.grammar.alternation import alternation

_FATAL = r"(?:" + alternation(ft.FATAL_ADVERBS) + r")"
#: After a subject: "was fatally wounded", ", a guard, were mortally wounded".
FATAL_PASSIVE = re.compile(
    r"(?:\s+(?:of|in|from|at)\s+[^,;.]{1,60}?)?(?:\s*,[^,;.]{1,90},)?\s*,?\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+(?:(?-i:[a-z])\w+ly\s+)?"
    + _FATAL + r"\s+(?:" + alternation(ft.WOUND_PARTICIPLES) + r")\b",
    re.IGNORECASE,
)
#: Before an object: "fatally wounding a guard", "mortally wounded two soldiers".
FATAL_BEFORE = re.compile(
    r"\b" + _FATAL + r"\s+(?:" + alternation([*ft.WOUND_PARTICIPLES, *ft.WOUND_GERUNDS]) + r")\s+\Z", re.IGNORECASE
)
