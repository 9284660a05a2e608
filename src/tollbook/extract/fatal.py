"""Wounds said to be fatal: a sentence's figures -> the same, with the wounded who died relabelled.

"Dr. Hamshari was fatally wounded when he answered his telephone", "The mayor was mortally
wounded in the entrance of his block", "fatally wounding a guard": a fatal wound is a death. A
figure the rules read as wounded whose own predicate (right after it, maybe past an apposition)
or verb (right before it) carries "fatally"/"mortally" is killed; subjects.py asks
`fatal_predicate_at` for subjects no rule read ("The policeman who was guarding the school was
fatally injured").

Guards: the adverb modifies the figure's own verb ("fatally" elsewhere in the sentence changes
nothing); only wounded figures change.
"""

from __future__ import annotations

from tollbook.extract.grammar.fatal_patterns import FATAL_BEFORE as _FATAL_BEFORE
from tollbook.extract.grammar.fatal_patterns import FATAL_PASSIVE as _FATAL_PASSIVE
from tollbook.extract.records import Figure

__all__ = ["fatal_predicate_at", "relabel_fatal"]


def fatal_predicate_at(text: str, pos: int, end: int) -> bool:
    """Does a fatal wounding predicate start at `pos` ("was fatally wounded")?"""
    return _FATAL_PASSIVE.match(text, pos, end) is not None


def relabel_fatal(text: str, start: int, end: int, figures: list[Figure]) -> None:
    """Make killed each wounded figure whose own predicate or verb is fatal."""
    for fig in figures:
        if fig.category != "wounded":
            continue
        if _FATAL_PASSIVE.match(text, fig.span[1], end) or _FATAL_BEFORE.search(text, max(start, fig.span[0] - 40), fig.span[0]):
            fig.category = "killed"
            fig.rule = fig.rule.replace(":wounded", ":killed") + "+fatal"
