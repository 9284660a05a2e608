"""Relative partitives with a predicate of their own: a sentence's figures -> the same, corrected.

"At least eight people, three of whom had been briefly held hostage, were killed in the attack":
the count rules read the part's predicate ("held hostage") for the whole and make the three a
part of eight hostages, so that nobody is killed. The relative clause between commas is the
part's; the predicate after its closing comma ("were killed") is the whole's. Here the whole
takes that category and the part keeps its own, as a subset of the whole (its people are among
the eight, in another category: "Of the 64 people abducted, 19 are still missing").

Guards: only a part written "N of whom" / "N of them" right after the whole and a comma; only
when a cue of another category starts right after the clause's closing comma.
"""

from __future__ import annotations

from tollbook.extract.cues import right_cue
from tollbook.extract.grammar.relative_part_patterns import OF_WHOM, RELATIVE_CLAUSE, WHOLE_TO_PART
from tollbook.extract.records import Figure

__all__ = ["split_relative_parts"]


def split_relative_parts(text: str, end: int, figures: list[Figure]) -> None:
    """Give each whole the predicate after its part's relative clause (in place)."""
    for part in figures:
        if part.relation != "part" or part.parent is None or part.category is None:
            continue
        whole = figures[part.parent]
        if whole.category != part.category or whole.parent is not None \
                or not WHOLE_TO_PART.match(text, whole.span[1], part.num.span[0]) \
                or not OF_WHOM.match(text, part.num.span[0], part.span[1]):  # fmt: skip
            continue
        clause = RELATIVE_CLAUSE.match(text, part.span[1], end)
        if clause is None or right_cue(text, part.span[1], clause.end()) is None:
            continue  # the part's own predicate is inside the clause
        cue = right_cue(text, clause.end(), end, reach=4)
        if cue is None or cue.category == whole.category:
            continue
        old = whole.category
        whole.category = cue.category
        whole.rule = whole.rule.replace(f":{old}", f":{cue.category}", 1)
        part.relation = "subset"
        part.rule = part.rule.removesuffix("+part")
