"""People said to add to those counted before: a sentence's figures -> the same, flagged.

"Shahid Khan, a private citizen, was also injured", "Another passerby was also slightly
wounded", "Another man, Mehmet Yasar, was injured": a subject whose predicate holds "also"
(past an apposition or a relative clause between commas), or a subject opened by "another",
names people beyond those counted before. The count rules flag their own figures
(categorise.py); the names, roles and clause subjects read by readings.py are flagged here
`additional`, so the tally adds them to what came before rather than taking the larger.

Guards: killed and wounded only; the victims' readings only (measured: flagging the count
rules' figures past an apposition as well, "The mayor's bodyguards, two police agents, were
also killed", moved ACLED-2020's halves apart, +1 read / -2 check); a part of a larger figure
(its `parent`) is inside that whole already; a figure already flagged is left alone.
"""

from __future__ import annotations

from tollbook.extract.grammar.also_patterns import ALSO_PREDICATE as _ALSO_PREDICATE
from tollbook.extract.grammar.also_patterns import ANOTHER_BEFORE_NAME as _ANOTHER_BEFORE_NAME
from tollbook.extract.grammar.also_patterns import ANOTHER_OPENS as _ANOTHER_OPENS
from tollbook.extract.records import Figure

__all__ = ["flag_also"]

CATEGORIES = ("killed", "wounded")
#: The rules of readings.py's victims (names, roles, clause subjects): the figures flagged here.
VICTIM_RULE = ".victim_"


def flag_also(text: str, start: int, end: int, figures: list[Figure]) -> None:
    """Flag `additional` the figures in text[start:end] said to add to people counted before."""
    for fig in figures:
        if fig.category not in CATEGORIES or fig.parent is not None or "additional" in fig.flags:
            continue
        if VICTIM_RULE not in fig.rule:
            continue  # the count rules read "also" after their own figures (categorise.py)
        a, b = fig.span
        another = _ANOTHER_BEFORE_NAME.search(text, max(start, a - 30), a)
        if another is not None and any(f is not fig and f.category is not None and another.start() <= f.span[0] < a
                                       for f in figures):  # fmt: skip
            another = None  # "Another man, Ivo Marsh": a rule read "Another man", which adds already
        if _ALSO_PREDICATE.match(text, b, end) or _ANOTHER_OPENS.match(text, a, b) or another is not None:
            fig.flags.append("additional")
