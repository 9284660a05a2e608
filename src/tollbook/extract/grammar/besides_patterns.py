"""Besides grammar read by extract/besides.py ("In addition to the assailant, four people were
killed"), declared as named patterns and word sets, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar.numberwords import spelled

#: Prepositions that add someone to the people the clause after them counts.
ADDITIVE: Final[str] = r"in\s+addition\s+to|besides|aside\s+from|apart\s+from"

#: A fronted additive phrase closed by a comma: "In addition to the suicide bomber, ...",
#: "Besides the two gunmen, ...", "Aside from the death of the assailant, ...". The noun
#: phrase is short (a determiner or a number, a few words); its head is checked by the reader.
FRONTED = re.compile(
    r"(?P<prep>" + ADDITIVE + r")\s+(?P<death>the\s+deaths?\s+of\s+)?"
    r"(?P<np>(?:the|an?|one|both|" + spelled(2, 19) + r"|\d{1,3})\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s*,",
    re.IGNORECASE,
)
#: Where a fronted phrase may stand: the start of the sentence (after its date) or of a clause
#: ("police said that in addition to the driver, ...").
CLAUSE_START = re.compile(r"(?:^|[,;:]|^\d{1,2}/\d{1,2}/\d{2,4}:|\bthat)\s*$", re.IGNORECASE)
#: Between the phrase and the figure of its clause: nothing, or a few words of the clause
#: ("In addition to the assailant, the blast killed four people"), no other clause.
CLAUSE_GAP = re.compile(r"[^,;:.()]{0,40}$")
#: Words that leave the phrase's people uncounted or not added: "an unknown number of
#: assailant casualties", "several assailants", "the other passengers".
UNCOUNTED = re.compile(r"\b(?:unknown|number|several|some|many|dozens|scores|other|others|those|these)\b",
                       re.IGNORECASE)  # fmt: skip
#: "the two assailants": the number inside the phrase.
NUMBER_IN = re.compile(r"\b(?P<n>" + spelled(1, 19) + r"|\d{1,3})\b(?!-)", re.IGNORECASE)
