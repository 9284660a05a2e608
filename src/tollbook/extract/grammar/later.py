"""Deaths of the wounded, told after the toll: the words of "One of the wounded later died",
"He died of his wounds the next day", "Four later succumbed to their injuries" -> tables
extract/later.py reads.
"""

from __future__ import annotations

from typing import Final

#: Verbs of dying.
DIE_VERBS: Final[tuple[str, ...]] = ("died", "succumbed", "passed away", "perished")
#: Adverbs of a later time before or after the verb: "later died", "died later".
LATER: Final[tuple[str, ...]] = ("later", "subsequently", "soon", "eventually", "afterwards", "afterward")
#: What the wounded die of: "died of his wounds", "succumbed to their injuries".
WOUNDS: Final[tuple[str, ...]] = ("wounds", "injuries", "wound", "injury", "burns")
#: Words that may stand between the subject and the verb ("also", "both", an apposition).
BETWEEN: Final[tuple[str, ...]] = ("also", "both", "all", "too")
