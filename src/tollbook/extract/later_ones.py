"""A bare figure told dying later: sentence text -> Victim* (the wounded who died).

"Two Israelis were wounded in a shooting attack. One later died of his wounds" (1 killed, 1
wounded, as RAND and GTD code it), "Three guards were injured; two died later in hospital": a
figure with no noun opens a clause whose predicate is a later death (grammar/later_patterns.
OWN_DEATH: "later died", "died of his wounds", "succumbed"), and a wounding is told shortly
before it. Its people are the wounded told before: the figure is read wounded, and
later.read_later_deaths makes it a killed figure flagged `additional` and `of_wounds` (the
tally adds it to the dead and takes it from the wounded).

Guards: the figure is a cardinal of words or digits at a clause's start, not a partitive ("One
of them" is the count rules'), a year or an ordinal; a wounding word within
grammar/later.WOUND_REACH characters before it; no rule read it already.
"""

from __future__ import annotations

from tollbook.extract.grammar.later import WOUND_REACH
from tollbook.extract.grammar.later_patterns import BARE_OPENER as _BARE_OPENER
from tollbook.extract.grammar.later_patterns import OWN_DEATH as _OWN_DEATH
from tollbook.extract.grammar.later_patterns import WOUND_BEFORE as _WOUND_BEFORE
from tollbook.extract.numbers import numbers_in
from tollbook.extract.victims import Victim, unread
from tollbook.model import Span

__all__ = ["find_later_ones"]


def find_later_ones(text: str, start: int, end: int, taken: list[Span]) -> list[Victim]:
    """The bare figures of text[start:end] told dying later after a wounding, as wounded people
    (later.py reads their deaths), unless a `taken` span overlaps them."""
    out: list[Victim] = []
    sentence_start = -1  # where the sentence's first word starts, found once when a figure asks
    for n in numbers_in(text, start, end):  # the sentence's marks, not a second scan
        if n.kind != "cardinal" or n.written not in ("words", "digits") or n.value < 1:
            continue
        a, b = n.span
        if sentence_start < 0:
            sentence_start = start + len(text[start:end]) - len(text[start:end].lstrip())
        if a != sentence_start and not _BARE_OPENER.search(text, max(start, a - 6), a):
            continue
        if _OWN_DEATH.match(text, b, end) is None or text[b:].lstrip().lower().startswith("of "):
            continue
        if _WOUND_BEFORE.search(text, max(0, a - WOUND_REACH), a) is None:
            continue
        if unread(a, b, taken, out):
            out.append(Victim((a, b), "wounded", "people", "unknown", "later", value=n.value))
    return out
