"""Grammar read by extract/along.py ("killed along with his driver"), compiled once."""

from __future__ import annotations

import re

from tollbook.extract.grammar import along as al
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation

ALONG = re.compile(r"\b(?:" + alternation(al.ALONG) + r")\s+", re.IGNORECASE)
#: A verb of the victim families, or a verb of dying: the nearest one says what happened.
VERB = re.compile(
    r"\b(?P<v>" + alternation([*vb.VICTIM_VERBS, *vb.DIED_PREDICATES]) + r")\b|\b(?:" + alternation(sorted(vb.MANNER_VERBS))
    + r")\s+(?P<r>" + alternation(vb.RESULT_PHRASES) + r")\b",
    re.IGNORECASE,
)
#: What stands between a verb and its "along with": no clause break.
BREAK = re.compile(r"[;:]|\b(?:but|while|whereas|although|after|before)\b", re.IGNORECASE)
#: A determiner right before a participle makes it an adjective ("the decapitated body").
ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|his|her|their|its)\s+\Z", re.IGNORECASE)
