"""Later-fate grammar read by extract/fates.py ("was wounded in the attack and later died of
his injuries"), declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

#: Death after the wounds, in the same clause as the wounding: "and (later) died",
#: "and subsequently succumbed", "before succumbing to his wounds", "before dying". No
#: clause break (";", ".", "while", "but") and no new subject before it: "and" or "before"
#: is followed by the verb itself (an adverb allowed).
LATER_DEATH = re.compile(
    r"(?:(?!\b(?:while|but|whereas|although)\b)[^;.:])*?\b(?:and\s+(?:(?:later|subsequently|eventually|then|"
    r"afterwards)\s+)?(?:died|succumbed)|before\s+(?:succumbing|dying))\b",
    re.IGNORECASE,
)
