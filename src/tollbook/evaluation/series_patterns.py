"""The words of a series of incidents, declared as data -> compiled patterns for
`evaluation.series`.

A text that codes one incident of several says so ("This was one of three related attacks in
Kunduz on this date") and states some figures for the whole series ("Seven assailants were
killed across both attacks", "... injured between two of the attacks"), others for its own
incident ("... killed in this attack"). The incident nouns are an open class of event words
(attacks, bombings, clashes, arsons...); a population ("one of two women") is not one.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.loader import load_words
from tollbook.extract.grammar.numberwords import UNITS

__all__ = ["INCIDENT_NOUNS", "OWN_INCIDENT_RE", "SCOPE_SIZE_RE", "SERIES_RE", "SERIES_SCOPE_RE", "SIZE_WORDS"]

#: Event nouns that name one incident of a series, in the plural a series is written with.
INCIDENT_NOUNS = load_words("SERIES_INCIDENT_NOUNS", tuple("""
    attacks incidents bombings explosions blasts assaults clashes raids strikes airstrikes shootings
    ambushes arsons abductions kidnappings launches defusals operations killings massacres hijackings
    events attempts""".split()))
#: A series' size as written: "two" ... "nineteen", digits, and "both".
SIZE_WORDS: dict[str, int] = {**{w: int(v) for w, v in UNITS.items() if v >= 2}, "both": 2}

_NOUN = r"(?:" + "|".join(sorted(INCIDENT_NOUNS, key=len, reverse=True)) + r")"
_SIZE = r"(?:" + "|".join(sorted(SIZE_WORDS, key=len, reverse=True)) + r"|\d{1,2})"
#: Up to three modifiers before the noun: "related", "coordinated", "rocket", "church".
_MODIFIERS = r"(?:[a-z-]+\s+){0,3}?"

#: "This was one of (at least) three related attacks": the size in group 1.
SERIES_RE = re.compile(
    r"\bone\s+of\s+(?:at\s+least\s+|the\s+)?(" + _SIZE + r")\s+" + _MODIFIERS + _NOUN + r"\b",
    re.IGNORECASE,
)
#: A figure stated for the series: "across the attacks", "across both (of the) incidents",
#: "across all three clashes", "between two of the attacks", "in all four attacks", "in the
#: three raids". "in the blasts" alone may be one incident's blasts: after "in", "during" or
#: "between" the series needs "all", "both" or its size.
SERIES_SCOPE_RE = re.compile(
    r"\bacross\s+(?:(?:all|both)\s+(?:of\s+)?)?(?:the\s+|these\s+)?"
    r"(?:" + _SIZE + r"\s+(?:of\s+the\s+)?)?" + _MODIFIERS + _NOUN + r"\b"
    r"|\b(?:in|during|between)\s+(?:(?:all|both)\s+(?:of\s+)?(?:the\s+)?|(?:the\s+)?(?=" + _SIZE + r"\s))"
    r"(?:" + _SIZE + r"\s+(?:of\s+the\s+)?)?" + _MODIFIERS + _NOUN + r"\b"
    r"|\b(?:in|during)\s+the\s+(?:ensuing\s+)?" + _NOUN + r"\b"
    r"|\bbetween\s+this\s+(?:one\s+)?and\s+(?:an?|the)\s+(?:other\s+)?(?:attack|incident|clash|bombing)\b",
    re.IGNORECASE,
)
#: The series' size written in a scope: "both", "three" ("across all three attacks").
SCOPE_SIZE_RE = re.compile(r"\b(" + _SIZE + r")\b", re.IGNORECASE)
#: A figure stated for the incident itself: "in this attack", "in the attack", "in the blast".
OWN_INCIDENT_RE = re.compile(
    r"\b(?:in|during|from|by)\s+(?:this|the|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attack|incident|bombing|explosion|blast|assault|clash|raid|strike|shooting|ambush|arson)\b",
    re.IGNORECASE,
)
