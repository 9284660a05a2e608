"""A counted first conjunct: a sentence's figures -> Figure* for the single people coordinated
after it before a plural predicate ("A Turkish woman and her brother-in-law were injured": two
wounded; "A steward, a guard and a worker were injured": three).

The count rules read the first conjunct ("A Turkish woman") with the cue after the whole
subject; the people named after it ("her brother-in-law") go uncounted. conjuncts.py reads the
mirror case (the counted figure last). Here, when a figure that opens its clause is followed by
a joint, conjuncts that each name one person (conjuncts.one_person) and a plural predicate
("were"), each of those counts one, and all of them form a list with the figure. Not read: a
conjunct that names no single person (a plural, a thing, a clause with its own verb), a
conjunct another rule read in another category, a figure not at its clause's start.
"""

from __future__ import annotations

from tollbook.extract.conjuncts import listed, one_person, pieces_of
from tollbook.extract.grammar.conjunct_patterns import CLAUSE_MARK as _CLAUSE_MARK
from tollbook.extract.grammar.conjunct_patterns import OPENING as _OPENING
from tollbook.extract.grammar.conjunct_patterns import SINGLE_DETERMINERS as _SINGLE_DETERMINERS
from tollbook.extract.grammar.leading_patterns import COMMA as _COMMA
from tollbook.extract.grammar.leading_patterns import JOINT_AFTER as _JOINT_AFTER
from tollbook.extract.grammar.leading_patterns import KIN_COMPOUND as _KIN_COMPOUND
from tollbook.extract.grammar.leading_patterns import PREDICATE as _PREDICATE
from tollbook.extract.grammar.leading_patterns import REACH as _REACH
from tollbook.extract.records import Figure
from tollbook.model import Span, overlaps

__all__ = ["find_followers"]

RULE = "count.conjunct"


def find_followers(text: str, start: int, end: int, figures: list[Figure], taken: list[Span]) -> list[Figure]:
    """Figures for the single people coordinated after a counted figure that opens its clause
    in text[start:end]; `taken` are spans other rules read."""
    out: list[Figure] = []
    for first in figures:
        joint = _JOINT_AFTER.match(text, first.span[1])
        # One person first: "Two soldiers, X and Y, were hurt" names the two (an apposition).
        if first.category is None or first.parent is not None or first.rule.endswith("+list") \
                or joint is None or first.num.value != 1:  # fmt: skip
            continue
        marks = list(_CLAUSE_MARK.finditer(text, start, first.span[0]))
        opened = _OPENING.match(text, marks[-1].end() if marks else start)
        if opened is None or opened.end() != first.span[0]:
            continue
        pred = _PREDICATE.search(text, first.span[1], min(end, first.span[1] + _REACH))
        if pred is None:
            continue
        pieces = pieces_of(text, first.span[1], pred.start())
        if not pieces or any(overlaps(a, b, taken) for a, b in pieces):
            continue
        read = {p: f for p in pieces for f in figures if f is not first and f.span[0] < p[1] and p[0] < f.span[1]
                and f.category is not None}  # fmt: skip
        if any(f.category != first.category or f.parent is not None for f in read.values()):
            continue
        if _COMMA.match(joint.group(0)) and _is_name(text[pieces[0][0] : pieces[0][1]]):
            continue  # "A businessman, Ali Noor, and his son": the first one's name
        named = [(p, one_person(_KIN_COMPOUND.sub("", text[p[0] : p[1]]))) for p in pieces if p not in read]
        people = [(p, pop) for p, pop in named if pop is not None]
        if not people or len(people) < len(named):
            continue
        out += listed(text, people, list(read.values()), first)
    return out


def _is_name(words: str) -> bool:
    """A conjunct that is a name: one person (conjuncts.one_person) with no determiner."""
    first = words.split()[0].lower() if words.split() else ""
    return one_person(words) is not None and first not in _SINGLE_DETERMINERS and not first.endswith(("'s", "’s"))
