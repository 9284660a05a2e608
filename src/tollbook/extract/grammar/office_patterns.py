"""Office-title grammar read by extract/offices.py ("killed the former Chairman of the
committee", "shoot and kill the Chief Magistrate for Enugu South"), declared as a word table
and named patterns, compiled once.

An office is written title-case before the body it belongs to: "the" + at most two lowercase
modifiers + at most four capitalised words, the last of them an office title (`OFFICE_TITLES`),
+ "of", "for" or "representing". The body's own name ("the Ministry of Defence") ends in no
office title.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation

#: Titles of one person's office, singular, lower case: the heads an office may end in.
OFFICE_TITLES: tuple[str, ...] = (
    "chairman", "chairwoman", "chairperson", "secretary", "magistrate", "superintendent",
    "commissioner", "chieftain", "councillor", "councilor", "director", "governor", "minister",
    "president", "treasurer", "coordinator", "inspector", "commandant", "principal", "registrar",
    "speaker", "senator", "lawmaker", "legislator", "mayor", "judge", "chief", "leader",
    "official", "officer", "head", "commander", "deputy", "lecturer", "professor", "emir", "imam",
    "pastor", "priest", "bishop", "sheikh", "ruler", "organiser", "organizer", "spokesman",
    "spokesperson", "administrator", "manager", "headmaster", "rector", "dean", "vice-chairman",
)  # fmt: skip

OFFICE = re.compile(
    r"\b(?P<det>the)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}"
    r"(?:(?-i:[A-Z])[\w'’-]*\s+){0,3}(?P<head>(?-i:[A-Z])[a-z-]+)(?=\s+(?:of|for|representing)\b)",
)
TITLE_HEADS = re.compile(r"(?:" + alternation(OFFICE_TITLES) + r")\Z", re.IGNORECASE)
