"""Grammar of a counted first conjunct read by extract/leading.py ("A Turkish woman and her
brother-in-law were injured"), declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

#: The joint right after the counted first conjunct: "A woman and", "A steward, a guard, and".
JOINT_AFTER = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
#: The plural predicate the coordination is the subject of, looked for within REACH characters
#: of the first conjunct; the words between are the other conjuncts. Only a plural auxiliary:
#: "One of the victims, Amir Simhon, died" is one person with his name.
PREDICATE = re.compile(r"\s+(?:were|have\s+been|had\s+been|both\s+(?:died|were))\b", re.IGNORECASE)
#: A joint that is a comma: a name right after it is the first conjunct's apposition ("A
#: businessman, Ali Noor, and his son were hurt" is two), so the subject is not read.
COMMA = re.compile(r"\s*,")
REACH = 120
#: A kin compound names one person by its first word: "her brother-in-law" is a brother's kind.
KIN_COMPOUND = re.compile(r"-in-law\b", re.IGNORECASE)
