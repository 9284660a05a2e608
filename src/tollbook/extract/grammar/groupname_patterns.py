"""Group-name grammar read by extract/groupnames.py ("dozens of Boko Haram", "several Taliban",
"a number of al-Shabaab"), declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

#: The "of" between a vague amount and the group ("scores of", "dozens of the"); "a number of"
#: holds its own.
OF_GROUP = re.compile(r"\s+of(?:\s+the)?(?=\s)", re.IGNORECASE)
#: A word of the group's name: capitalised, or a lowercase particle glued to one ("al-Shabaab").
NAME_WORD = re.compile(r"\s+(?P<w>(?:[a-z]{1,3}-)?[A-Z][\w’'-]*)")
#: The most words a group's name holds.
MAX_NAME_WORDS = 4
