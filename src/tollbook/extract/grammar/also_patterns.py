"""The grammar of people said to add to those counted before (extract/also.py): "Shahid Khan, a
private citizen, was also injured", "Another passerby was also slightly wounded", declared as
named patterns, compiled once.
"""

from __future__ import annotations

import re

#: What may stand between the subject's figure and its predicate: an apposition or a relative
#: clause between commas (", a private citizen,", ", who was sitting on the bench as well,").
_BETWEEN = r"(?:\s*,[^,.;]{1,90},)?"
#: "also" or "too" inside the predicate after the subject: "was also injured", "were also
#: wounded", "had also been shot dead".
ALSO_PREDICATE = re.compile(
    _BETWEEN + r"\s*,?\s*(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:also|too)\b",
    re.IGNORECASE,
)
#: A subject opened by "another" ("Another passerby", "Another man, Mehmet Yasar,"): one more.
ANOTHER_OPENS = re.compile(r"another\b", re.IGNORECASE)
#: "Another man, Mehmet Yasar, ... was injured": the name read after "another" and its noun.
ANOTHER_BEFORE_NAME = re.compile(r"\banother\s+[a-z]+\s*,\s*\Z", re.IGNORECASE)
#: A sentence opened by an additive adverb before its subject: "In addition, at least seven
#: staff members were abducted", "Additionally, two police officers were kidnapped": the subject
#: adds to people counted before (captives.py flags the figure right after it).
FRONTED_ADDITIVE = re.compile(r"\s*(?:in\s+addition|additionally)\s*,\s*\Z", re.IGNORECASE)
