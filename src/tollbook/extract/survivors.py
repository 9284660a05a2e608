"""A shooting its victims survived: sentence text (and what follows it) -> Victim* (wounded).

"Jose Jaramillo, the mayor of Puerto Triunfo, was shot by unidentified gunmen. Jaramillo
survived the attack" (1), "An American aid worker and a companion were shot by rebels. Both
survived." (2), "Kowit Suebpradit was shot by gunmen as he drove to work. He was reported in
stable condition" (1): "was shot" with no result wounds or kills (the count rules leave it
alone); survival told after it, with no death between, says it wounded. The subject is counted
as sustained.py counts one (a figure, a pair, a list, one person named or described).

Guards: survival within grammar/survivor_patterns.REACH characters of the shooting's sentence,
no death word from the shooting's sentence to the survival's end; "shot dead", "shot at", "shot
down" are not this passive; a subject read already, an undone or hypothetical shooting, a
pronoun subject count nobody.
"""

from __future__ import annotations

from tollbook.extract import subjects, sustained, victims
from tollbook.extract.grammar.survivor_patterns import DEATH as _DEATH
from tollbook.extract.grammar.survivor_patterns import REACH
from tollbook.extract.grammar.survivor_patterns import SHOT as _SHOT
from tollbook.extract.grammar.survivor_patterns import SURVIVED as _SURVIVED
from tollbook.model import Span

__all__ = ["find_survivors"]


def find_survivors(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people shot in text[start:end] whom a later survival says were wounded, unless a
    `taken` span overlaps their subject."""
    out: list[victims.Victim] = []
    for m in _SHOT.finditer(text, start, end):
        survived = _SURVIVED.search(text, m.end(), min(len(text), end + REACH))
        if survived is None or _DEATH.search(text, start, min(len(text), survived.end() + 80)) is not None:
            continue
        span = subjects.subject_span(text, start, m.start())
        if span is None or victims.undone_before(text, start, m.end()):
            continue
        if not victims.unread(*span, taken, out):
            continue
        value = sustained.subject_value(text, span)
        if value is not None:
            out.append(victims.Victim(span, "wounded", "people", "unknown", "survivor", value=value))
    return out
