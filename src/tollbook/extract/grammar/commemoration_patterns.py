"""Commemoration: the words that make a toll in a sentence the remembered past, not an event the
sentence reports -> the patterns extract/commemoration.py reads.

"Relatives marked the 30th anniversary of the Srebrenica genocide, in which 8,372 people were
killed", "The memorial lists the names of the 69 villagers killed by soldiers in 1985": the
figure describes what is commemorated (a relative clause after the commemoration word, or a
date long past right after the figure's cue). "On the anniversary of the coup, police killed 3
protesters" reports a new event: no relative clause, no past date.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.literals import gate_of

__all__ = ["COMMEMORATION", "PAST_DATE_AFTER", "RELATIVE_BETWEEN"]

#: A word that remembers: anniversary, memorial, commemoration, remembrance, mourning the dead of
#: long ago.
#: Word gate of COMMEMORATION (literals.gate; proven in tests/test_gates.py).
COMMEMORATION_GATE = gate_of(("anniversar", "memorial", "commemorat", "remembrance", "remembered", "monument",
                              "cenotaph", "wreath"))  # fmt: skip
COMMEMORATION = re.compile(
    r"\b(?:anniversary|anniversaries|memorial|memorials|commemorat\w*|remembrance|remembered|"
    r"monument|cenotaph|wreaths?)\b",
    re.IGNORECASE,
)
#: Between the commemoration word and the figure: a relative clause that describes the past event
#: ("..., in which 8,372 people were killed").
#: Not "where" or "when": a memorial is also a place and a time where new violence happens ("a
#: memorial service where a bomb killed five").
RELATIVE_BETWEEN = re.compile(r"(?:,\s*|\s)(?:in|during)\s+which\s", re.IGNORECASE)
#: Right after the figure's noun phrase and its cue: a date long past ("killed by soldiers in
#: 1985", "killed 20 years ago").
PAST_DATE_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:in|since)\s+(?:(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+)?(?:19\d\d|20\d\d)\b|^[^.;]{0,60}?\b(?:\d+|\w+)\s+(?:years|decades)\s+ago\b",
    re.IGNORECASE,
)
