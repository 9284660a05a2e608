"""Breakdown grammar read by extract/including.py ("Five people, including the mayor and his
driver, were killed"), declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

#: A breakdown opened after a whole's noun phrase: ", including".
OPENS = re.compile(r"\s*,\s*including\s+", re.IGNORECASE)
#: A comma inside the breakdown, with what follows it (its closing comma is followed by the
#: whole's predicate: ", were killed").
COMMA = re.compile(r",\s*")
#: What a breakdown may not run across: another clause (the sentence ends it anyway).
STOPS = re.compile(r"[;:]")
#: ", and" closing a breakdown whose members so far are joined without commas: "including the
#: police chief, and 25 assailants were killed" (25 assailants beside the whole, not in it).
COMMA_AND = re.compile(r",\s*and\s+\Z", re.IGNORECASE)
#: An apposition enumerating a whole's members one by one: "Two people, an engineer and a
#: teacher, were killed" (it opens with "a"/"an" right after the whole's comma).
ENUMERATION_OPENS = re.compile(r"\s*,\s*(?=an?\s)", re.IGNORECASE)
#: The joints between the enumerated members.
MEMBER_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
