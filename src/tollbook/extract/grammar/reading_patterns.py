"""Reading grammar read by extract/readings.py, declared as named patterns, compiled once."""

from __future__ import annotations

import re

#: Between an agent and its victims: an active verb, no passive ("X was killed and his aide
#: was injured": the first figure is a victim too).
AGENT_GAP = re.compile(r"^(?![^,;:.()]*\b(?:was|were|is|are|been)\b)[^,;:.()]{1,40}$", re.IGNORECASE)
