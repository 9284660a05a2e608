"""The grammar of a shooting its victims survived (extract/survivors.py): "Jaramillo was shot
by gunmen. He survived the attack", "Two aid workers were shot. Both survived", declared as
named patterns and tables, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

#: The passive of "shoot" with no result: "was shot", "were shot four times" (not "shot dead",
#: "shot and killed", "shot to death", "shot down", "shot at").
SHOT = re.compile(
    r"\s+(?:was|were)\s+(?:(?-i:[a-z])\w+ly\s+)?shot\b(?!\s+(?:dead|and\s+killed|to\s+death|down|at)\b)",
    re.IGNORECASE,
)
#: Survival told after the shooting: "survived", "in stable condition", "recovering", "was
#: hospitalized", "taken to hospital", "her wound was not serious".
SURVIVED = re.compile(
    r"\bsurviv\w*|\bin\s+(?:a\s+)?(?:stable|serious|critical|grave|satisfactory)\s+condition|\brecover(?:ed|ing|s)\b"
    r"|\bhospitali[sz]ed|\b(?:taken|rushed)\s+to\s+(?:a\s+|the\s+)?hospital|\bwounds?\s+(?:was|were)\s+not\s+serious",
    re.IGNORECASE,
)
#: A death anywhere from the shooting's sentence to the survival makes the outcome unclear.
DEATH = re.compile(r"\b(?:died|dies|dead|killed|death|deaths|succumbed|fatal\w*|slain|murdered)\b", re.IGNORECASE)
#: How far after the shooting's sentence the survival may be told, in characters.
REACH: Final[int] = 400
