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

import re

from tollbook.extract.counts import Figure
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.numbers import NumberMention, find_numbers
from tollbook.model import Span

RULE = "count.housing"

_DESTROYED = (
    r"destroyed|collapsed|flattened|razed|levelled|leveled|demolished|gutted|"
    r"washed\s+away|swept\s+away|burn(?:ed|t)\s+down"
)
_VERB = rf"(?:destroyed|damaged)\s+or\s+(?:destroyed|damaged)|damaged|{_DESTROYED}"
_DEGREE = r"(?:completely|totally|fully|entirely|partially|partly|badly|severely|heavily)"
_NOUN = (
    # Not "shelters": "destroyed 9 rebel shelters" are hideouts.
    r"(?:houses|homes|dwellings|housing\s+units|residential\s+buildings|huts|family\s+homes)\b"
)
_ANY_NOUN = re.compile(r"houses|homes|dwellings|housing|huts|residential", re.IGNORECASE)
#: Words between the number and the noun: "300 mud-brick houses", never a clause.
_MODS = r"(?:(?!(?:of|and|or|in|on|at|by|were|was|are|have|had|been|more)\b)[a-z][\w-]*\s+){0,2}?"

#: "7,300 collapsed houses", "2,000 houses were damaged", "up to 30,000 homes may have been destroyed".
_AFTER = re.compile(
    rf"\s+(?:(?P<adj>(?:{_DEGREE}\s+)?(?:{_VERB}))\s+)?{_MODS}(?P<noun>{_NOUN})"
    rf"(?:\s*,?\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|"
    rf"(?:may|might|could)\s+(?:well\s+)?have\s+been|reportedly|also|all|either)\s+){{0,3}}"
    rf"(?P<verb>(?:{_DEGREE}\s+)?(?:{_VERB}))\b)?",
    re.IGNORECASE,
)
#: "destroyed about 14,000 homes", "damage to 61,000 homes", "the destruction of 300 houses".
_BEFORE = re.compile(
    rf"\b(?P<verb>(?:{_DEGREE}\s+)?(?:{_VERB}|destroying|damaging|razing|flattening|demolishing)"
    r"|damage\s+(?:to|of)|destruction\s+of)\s+(?:another\s+|a\s+further\s+)?\Z",
    re.IGNORECASE,
)


def _detail(words: str) -> str:
    """'partially destroyed' and 'damaged or destroyed' count damage: IDMC's partly destroyed."""
    return (
        "housing damaged"
        if re.search(r"partial|partly|damag", words, re.IGNORECASE)
        else "housing destroyed"
    )


def find_housing(text: str, start: int, end: int, exclude: list[Span]) -> list[Figure]:
    """Dwellings destroyed or damaged in text[start:end], outside the spans in `exclude`."""
    out: list[Figure] = []
    if not _ANY_NOUN.search(text, start, end):
        return out  # most sentences name no dwelling: skip reading their numbers again
    for num in find_numbers(text, start, end):
        if num.kind != "cardinal" or any(
            s < num.number_span[1] and num.number_span[0] < e for s, e in exclude
        ):
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
