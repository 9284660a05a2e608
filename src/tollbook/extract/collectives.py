"""Collective nouns that state a number: a sentence's figures -> the same figures, resized, and
Figure* for the collectives no rule read (grammar/collective_patterns.py: one table of nouns
and sizes).

"A couple was shot dead in Culiacan" counts two, "the trio were abducted" three, "Twins were
among the dead" two, "twin brothers were killed" two. A figure the count rules read as one
person ("a couple", "an activist couple") takes the collective's size; a collective no rule
read is counted where a category cue follows it ("were killed") or precedes it ("killed the
twins"). Not read: "a couple of farmers" (a number, numberwords.py), "a trio of gunmen", "the
couple's house was burned" (a possessive), "twin blasts" (no people).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tollbook.extract import phrases, victims
from tollbook.extract.cues import irrealis, left_cue, right_cue
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar.collective_patterns import COLLECTIVE as _COLLECTIVE
from tollbook.extract.grammar.collective_patterns import COLLECTIVE_GATE as _COLLECTIVE_GATE
from tollbook.extract.grammar.collective_patterns import COLLECTIVE_SIZES as _SIZES
from tollbook.extract.records import Figure

__all__ = ["read_collectives"]

RULE = "count.collective"


def read_collectives(text: str, start: int, end: int, figures: list[Figure]) -> list[Figure]:
    """Resize the figures that count a collective as one; the figures for collectives no rule read."""
    if not literals.gate(text, start, end, _COLLECTIVE_GATE) or not _COLLECTIVE.search(text, start, end):
        return []
    out: list[Figure] = []
    for m in _COLLECTIVE.finditer(text, start, end):
        size = _size(m)
        over = [f for f in figures if f.span[0] < m.end() and m.start() < f.span[1]]
        one = [f for f in figures if f.num.value == 1 and f.num.written in ("article", "determiner", "name")
               and f.span[0] <= m.start() + 3 and m.start() <= f.span[1] <= m.end()]  # fmt: skip
        for f in one:  # "A couple was shot dead", "An activist couple was arrested": read as one
            f.num = replace(f.num, value=float(size), low=float(size), high=float(size))
            f.span = (f.span[0], m.end())
        if over:
            continue
        category = _category(text, start, end, m)
        if category is None:
            continue
        population, cls, unit = lx.POPULATIONS.get(m.group("kin").lower(), ("people", "unknown", "people")) \
            if m.group("kin") else ("people", "unknown", "people")  # fmt: skip
        out.append(Figure(num=phrases.mention(m.span(), m.group(0), float(size), "collective"), span=m.span(),
                          population=population, population_class=cls, unit=unit, category=category,
                          rule=f"{RULE}:{category}", has_head=True))  # fmt: skip
    return out


def _size(m: re.Match[str]) -> int:
    if m.group("twin"):
        return 2
    return _SIZES[(m.group("noun") or m.group("bare")).lower()]


def _category(text: str, start: int, end: int, m: re.Match[str]) -> str | None:
    """The category a cue after the collective ("were killed") or before it ("abducted the
    twins") gives it; None when neither does."""
    cue = right_cue(text, m.end(), end)
    if cue is not None and cue.detail is None:
        last = text.rfind(" ", m.end(), cue.end) + 1  # the cue's last word: "could have been killed"
        return None if irrealis(text, start, last) or victims.undone_after(text, m.end(), end) else cue.category
    left = left_cue(text, start, m.start())
    if left is not None and left.category not in ("toll", "inherit") and not left.note \
            and not irrealis(text, start, left.start) and not victims.undone_before(text, start, left.start):  # fmt: skip
        return left.category  # not "threatened to kill the couple", "tried to abduct the twins"
    return None
