"""Wounds named by a noun, given to people: sentence text -> Victim* (wounded).

"A bomb caused severe injuries to a Greek citizen passing by" (1), "The attack resulted in the
death of one security guard and the injury of two others" (2), "The explosion left two
ministry employees with minor injuries" (2), "exploded and caused serious injuries to his leg"
(1: the limb's owner): a wound caused to, or left with, people counts them as the object of
"wounded" counts (active_objects.members: a determiner, a figure, a name, a pair).

Guards: "the injury of" counts only after a verb of causing in its sentence ("resulted in the
death of X and the injury of Y"); "left" needs its wound after the people ("left two dead" is
the count rules'); an object already read is not read again; undone or hypothetical causes
(victims.undone_before) count nobody.
"""

from __future__ import annotations

from tollbook.extract import active_objects, victims
from tollbook.extract.grammar.active_object_patterns import OTHERS as _OTHERS
from tollbook.extract.grammar.wound_nominal_patterns import AND_THE_INJURY as _AND_THE_INJURY
from tollbook.extract.grammar.wound_nominal_patterns import CAUSED as _CAUSED
from tollbook.extract.grammar.wound_nominal_patterns import CAUSING_BEFORE as _CAUSING_BEFORE
from tollbook.extract.grammar.wound_nominal_patterns import LEFT as _LEFT
from tollbook.extract.grammar.wound_nominal_patterns import ONE_BODY as _ONE_BODY
from tollbook.extract.grammar.wound_nominal_patterns import WITH_WOUND as _WITH_WOUND
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span

__all__ = ["find_wound_nominals"]


def _object(text: str, pos: int, end: int) -> tuple[Span, float] | None:
    """The people the object at `pos` counts, and its span."""
    body = _ONE_BODY.match(text, pos, end)
    if body is not None:
        return body.span(), 1.0  # "injuries to his leg": one person
    both = active_objects.members(text, pos, end)
    if both is not None:
        return (pos, both[1]), both[2]
    others = _OTHERS.match(text, pos, end)  # "the injury of two others"
    nums = [n for n in find_numbers(text, others.start(), others.end()) if n.kind == "cardinal"] if others else []
    return (others.span(), nums[0].value) if others is not None and nums else None


def find_wound_nominals(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people wounds named by a noun in text[start:end] count, unless a `taken` span
    overlaps them."""
    found: list[tuple[int, Span, float]] = []
    for m in _CAUSED.finditer(text, start, end):
        got = _object(text, m.end(), end)
        if got is not None:
            found.append((m.start(), *got))
    for m in _AND_THE_INJURY.finditer(text, start, end):
        if _CAUSING_BEFORE.search(text, start, m.start()) is None:
            continue
        got = _object(text, m.end(), end)
        if got is not None:
            found.append((m.start(), *got))
    for m in _LEFT.finditer(text, start, end):
        both = active_objects.members(text, m.end(), end)
        if both is not None and _WITH_WOUND.match(text, both[1], end):
            found.append((m.start(), (m.end(), both[1]), both[2]))
    out: list[victims.Victim] = []
    for at, span, value in sorted(found):
        if victims.undone_before(text, start, at):
            continue
        if not victims.unread(*span, taken, out):
            continue
        out.append(victims.Victim(span, "wounded", "people", "unknown", "wound_nominal", value=value))
    return out
