"""The "lost" construction: a sentence + a number -> whether the number counts a relation noun
after "lost" ("130 children lost one parent", "lost their two sons"), and the head an elided
second conjunct takes ("... and 25 lost both"), and the combatants a force lost ("the army lost
17 soldiers": 17 dead). counts.find_figures reads them; the words are declared in
grammar/relations.py.
"""

from __future__ import annotations

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import relations
from tollbook.extract.numbers import NumberMention
from tollbook.extract.records import Figure

__all__ = ["elided_head", "lost_combatants", "lost_relation"]


def lost_relation(text: str, start: int, num: NumberMention, end: int) -> int | None:
    """Where "lost" starts when the figure is its object and counts a relation noun ("lost
    one parent", "lost their two sons"); None otherwise."""
    window = max(start, num.span[0] - 24)
    if "lost" not in text[window : num.span[0]]:
        return None
    m = relations.LOST_BEFORE.search(text, window, num.span[0])
    return m.start() if m and relations.RELATION_AFTER.match(text, num.span[1], end) else None


def elided_head(text: str, num: NumberMention, end: int, figures: list[Figure]) -> Figure | None:
    """The figure whose head a bare number after "and" takes: the first conjunct's, when a
    cue follows the number directly ("... and 25 lost both")."""
    if not figures or not figures[-1].has_head or num.written not in ("digits", "words"):
        return None
    if not relations.ELIDED_AND.match(text, figures[-1].span[1], num.span[0]) \
            or not text[num.span[1] : num.span[1] + 1].isspace():  # fmt: skip
        return None
    return figures[-1] if lx.RIGHT_CUE_ANY.match(text, num.span[1] + 1, end) else None


def lost_combatants(text: str, start: int, num: NumberMention, np_end: int, end: int) -> int | None:
    """Where "lost" starts when the figure (a counted noun phrase ending at np_end whose head
    the caller found to name combatants) is its object: "the army lost 17 soldiers" counts 17
    dead; None when no "lost" stands right before it or the combatants were lost another way
    ("lost 40 soldiers to desertion")."""
    m = relations.LOST_FORCE_BEFORE.search(text, max(start, num.span[0] - 24), num.span[0])
    if m is None or relations.LOST_FORCE_OTHERWISE.match(text, np_end, end):
        return None
    return m.start()
