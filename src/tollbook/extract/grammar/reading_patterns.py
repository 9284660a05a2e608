"""Reading grammar read by extract/readings.py, declared as named patterns, compiled once."""

from __future__ import annotations

import re

#: Between an agent and its victims: an active verb, no passive ("X was killed and his aide
#: was injured": the first figure is a victim too).
AGENT_GAP = re.compile(r"^(?![^,;:.()]*\b(?:was|were|is|are|been)\b)[^,;:.()]{1,40}$", re.IGNORECASE)

#: A later death from wounds: "succumbed (to his wounds)", "died of their injuries", "later
#: died (in hospital)". The people it counts were wounded first and add to the dead counted
#: before them (readings._died_of_wounds).
_WOUNDS = r"(?:his|her|their|the|its)\s+(?:\w+\s+)?(?:wounds|injuries|injury|wound|burns)"
DIED_OF_WOUNDS = re.compile(
    r"(?:\s+(?:victims|people|persons|others|ones|patients))?"  # "three injured victims succumbed"
    r"(?:\s+(?:were|was|are|is|had|have|has))?(?:\s+(?:later|subsequently|eventually|also|then|since))?\s+"
    r"(?:succumb(?:ed|s)?\b|died\s+(?:of|from)\s+" + _WOUNDS + r"|died\s+(?:later|in\s+(?:the\s+)?hospital)\b"
    r"|(?<=later\s)died\b)",
    re.IGNORECASE,
)
#: "All five died of their injuries": the people counted before, not more of them.
SAME_PEOPLE = re.compile(r"\b(?:all|all\s+of\s+the|the\s+same|these|those)\s+\Z", re.IGNORECASE)
