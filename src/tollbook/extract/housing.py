"""Housing destroyed or damaged: sentence text -> Figure* counting dwellings.

"The typhoon destroyed about 14,000 homes", "more than 500 houses collapsed", "2,000 houses
were damaged", "7,300 collapsed houses", "damage to 61,000 homes". Displacement monitors (IDMC's
"destroyed housing", "partially destroyed housing") read such a figure as displacement, a
household per dwelling. tollbook records it as written, not as people: category `displaced`,
population and unit `dwellings`, detail `housing destroyed` or `housing damaged` (partly
destroyed, or "damaged or destroyed" together). Tallies count people only, so dwellings never
add to a displaced total. Only these verbs count: "set fire to 40 houses", "40 houses remain
in ruins", "built 300 homes" are not claims; "may be destroyed" is a projection ("may have
been destroyed" is kept, hedged).
"""

from __future__ import annotations

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar.housing_patterns import AFTER as _AFTER
from tollbook.extract.grammar.housing_patterns import ANY_NOUN_GATE as _ANY_NOUN_GATE
from tollbook.extract.grammar.housing_patterns import BEFORE as _BEFORE
from tollbook.extract.grammar.housing_patterns import PARTIAL as _PARTIAL
from tollbook.extract.numbers import NumberMention, numbers_in
from tollbook.extract.records import Figure
from tollbook.model import Span, overlaps

__all__ = ["RULE", "find_housing"]

RULE = "count.housing"


def _detail(words: str) -> str:
    """'partially destroyed' and 'damaged or destroyed' count damage: IDMC's partly destroyed."""
    return (
        "housing damaged"
        if _PARTIAL.search(words)
        else "housing destroyed"
    )


def find_housing(text: str, start: int, end: int, exclude: list[Span]) -> list[Figure]:
    """Dwellings destroyed or damaged in text[start:end], outside the spans in `exclude`."""
    out: list[Figure] = []
    if not literals.gate(text, start, end, _ANY_NOUN_GATE):
        return out  # most sentences name no dwelling: skip reading their numbers again
    for num in numbers_in(text, start, end):
        if num.kind != "cardinal" or overlaps(*num.number_span, exclude):
            continue
        after = _AFTER.match(text, num.span[1], end)
        if after is None:
            continue
        before = _BEFORE.search(text, max(start, num.span[0] - 40), num.span[0])
        status = (
            after.group("adj") or after.group("verb") or (before.group("verb") if before else None)
        )
        if status is None or lx.IRREALIS_RE.search(text, max(start, num.span[0] - 60), num.span[0]):
            continue
        out.append(_figure(num, (num.span[0], after.end("noun")), _detail(status),
                           bool(lx.HEDGE_RE.search(text, start, end)),
                           "before" if before and not (after.group("adj") or after.group("verb")) else "after"))  # fmt: skip
    return out


def _figure(num: NumberMention, span: Span, detail: str, hedged: bool, where: str) -> Figure:
    return Figure(num=num, span=span, population="dwellings", population_class="unknown",
                  unit="dwellings", category="displaced", detail=detail, rule=f"{RULE}.{where}",
                  flags=["hedged"] if hedged else [], has_head=True)  # fmt: skip
