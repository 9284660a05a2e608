"""The grammar of a coordinated list of people (extract/member_lists.py): "A Yugoslav steward, a
French guard, and a French worker", "the First Secretary, his driver and two others", declared
as named patterns and tables, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

#: Between two members: a comma (an Oxford comma may come before "and"), or "and".
SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
#: A word of a member.
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
#: Words that open a member naming one person ("a French guard", "his driver", "the pilot").
ONE_OPENERS: Final[frozenset[str]] = frozenset("a an the his her their its one another".split())
#: The categories whose lists are read (killed lists are the count rules' and conjuncts.py's).
CATEGORIES: Final[frozenset[str]] = frozenset({"wounded"})
#: The most members a list is read with.
MAX_MEMBERS: Final[int] = 6
#: Indefinite openers: such a member after a definite one, with only a comma between, is its
#: apposition ("The director of the plant, a French citizen, and his bodyguard").
INDEFINITE: Final[frozenset[str]] = frozenset("a an".split())
