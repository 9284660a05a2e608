"""Commemorated tolls: a sentence and a figure -> whether the figure counts the dead a
commemoration remembers, not people the sentence reports hurt ("marked the 30th anniversary of
the genocide, in which 8,372 people were killed": no claim). categorise.categorise asks it; the
words are grammar/commemoration_patterns.py.

Only a figure after a commemoration word, and only when a relative clause stands between them or
a past date follows the figure: "On the anniversary of the coup, police killed 3 protesters" is a
new event and counts.
"""

from __future__ import annotations

from tollbook.extract.grammar import literals
from tollbook.extract.grammar.commemoration_patterns import (
    COMMEMORATION,
    COMMEMORATION_GATE,
    PAST_DATE_AFTER,
    RELATIVE_BETWEEN,
)

__all__ = ["commemorated"]


def commemorated(text: str, start: int, at: int, after: int, end: int) -> bool:
    """Is the figure at text[at:after] (in the sentence text[start:end]) the remembered toll of a
    commemoration before it?"""
    m = COMMEMORATION.search(text, start, at) if literals.gate(text, start, at, COMMEMORATION_GATE) else None
    if m is None:
        return False
    return bool(RELATIVE_BETWEEN.search(text, m.end(), at)) or bool(PAST_DATE_AFTER.match(text[after:end]))
