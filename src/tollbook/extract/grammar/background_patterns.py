"""Background-killing grammar read by extract/background.py ("lynched a man accused of
murdering a woman", "accused of killing a farm worker", "in revenge for the killing of two
herders"), declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation

#: Words that make the killing after them a charge, a suspicion or a motive: an earlier deed
#: the report gives as background, not a death of the event it reports.
#: Not "suspected of", "responsible for", "blamed for": summaries name the perpetrators of the
#: event itself so ("The AUC are suspected of killing three people").
CHARGES: tuple[str, ...] = (
    "accused of", "charged with", "convicted of", "sentenced for", "wanted for", "tried for",
    "guilty of", "in revenge for", "in retaliation for", "to avenge", "avenging", "avenged",
    "revenged", "in reprisal for",
)  # fmt: skip
#: The charge right before the killing's cue, an article or "allegedly" between them
#: ("accused of allegedly killing", "in revenge for the killing of").
CHARGE_BEFORE = re.compile(
    r"\b(?:" + alternation(CHARGES) + r")\s+(?:(?:the|having|allegedly|earlier|previously)\s+){0,2}\Z",
    re.IGNORECASE,
)
#: How far before the cue the charge is looked for.
REACH = 48
