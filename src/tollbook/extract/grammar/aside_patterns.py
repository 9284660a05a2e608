"""Aside grammar read by extract/asides.py ("Eleven (some sources claim 20) are dead"), declared
as a named pattern, compiled once.

An aside is a short parenthesis written right after a bare figure (digits or number words, or a
range of them, no noun) and right before the figure's verb: a copula or auxiliary. A figure
followed by a noun keeps its parenthesis: the noun rules read it ("Three people (two soldiers
and a civilian) were killed" is a breakdown).
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.number_patterns import NUMWORD

_FIGURE = r"(?:\d[\d,]*|" + NUMWORD + r")"
#: The most characters an aside holds; a longer parenthesis is a sentence of its own.
MAX_CHARS = 60
#: The figure, its aside, and where the aside ends: its closing parenthesis.
_BODY = (
    rf"(?<![\w-]){_FIGURE}(?:\s+(?:and|to|or)\s+{_FIGURE}|\s*[-–]\s*{_FIGURE})?"
    rf"\s*(?P<aside>\([^()]{{1,{MAX_CHARS}}}\))"
)
#: The figure's verb, right after the aside.
VERB_AFTER = r"(?=\s+(?:are|were|was|is|have|has|had|remain|remained)\b)"
ASIDE = re.compile(_BODY + VERB_AFTER, re.IGNORECASE)
#: ASIDE without its verb: read between a closing parenthesis and the one before it
#: (extract/asides.py; the only ")" an aside holds is its last character).
ASIDE_BODY = re.compile(_BODY, re.IGNORECASE)
#: Where an aside can end: a closing parenthesis before the figure's verb.
ASIDE_END = re.compile(r"\)" + VERB_AFTER, re.IGNORECASE)
