"""Plural anaphors whose people were counted before: sentence text -> Victim* (the group).

"Dozo militiamen abducted four Fulani men in Sewere, they were executed", "Gunmen seized
seven monks. The hostages were later found dead": a plural pronoun (grammar/anaphora.py) or
"the" + a plural people noun, at a clause start and subject of a plural passive or dying
predicate (victims.plural_predicate_at, maybe after an apposition or a relative clause: "The
hostages, all medical workers, were killed"), stands for the last group counted before it (a
cardinal figure of two or more with a plural people noun, within grammar/anaphora.REACH
characters). The group's fate is the predicate's; the figure is the antecedent's.

Guards: "the X" must name the antecedent's noun or a generic one (hostages, victims...); a
group already said to be dead between the two (anaphora.ALREADY_DEAD) is not counted again; a
figure after the antecedent that is not one of its people breaks the reference (the nearest
group wins).
"""

from __future__ import annotations

from tollbook.extract import victims
from tollbook.extract.grammar import anaphora as an
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.anaphora_patterns import ANAPHOR as _ANAPHOR
from tollbook.extract.grammar.anaphora_patterns import DEAD as _DEAD
from tollbook.extract.grammar.anaphora_patterns import NOUN_AFTER as _NOUN_AFTER
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span, overlaps

__all__ = ["antecedent", "find_anaphors"]


def antecedent(text: str, at: int, noun: str | None) -> tuple[float, str] | None:
    """(value, noun) of the last group of two or more people counted before `at` (the group a
    plural anaphor stands for: "murdered them", "their bodies")."""
    lo = max(0, at - an.REACH)
    for num in reversed(find_numbers(text, lo, at)):
        if num.kind != "cardinal" or num.written == "vague":
            continue
        m = _NOUN_AFTER.match(text, num.span[1], at)
        if m is None or m.group("noun").lower() not in lx.POPULATIONS:
            return None  # the nearest figure counts something else
        if num.value < 2 or _DEAD.search(text, m.end(), at):
            return None
        head = m.group("noun").lower()
        if noun is not None and noun not in an.GENERIC_NOUNS and noun != head:
            return None
        return num.value, head
    return None


def find_anaphors(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The groups plural anaphors in text[start:end] point back at, with their fate."""
    out: list[victims.Victim] = []
    if " were " not in text[start:end] and " died" not in text[start:end] and " been " not in text[start:end]:
        return out
    for m in _ANAPHOR.finditer(text, start, end):
        noun = m.group("noun").lower() if m.group("noun") else None
        if noun is not None and noun not in lx.POPULATIONS and noun not in an.GENERIC_NOUNS:
            continue
        if not victims.clause_subject_at(text, start, m.start()) or overlaps(m.start(), m.end(), taken):
            continue
        # "The hostages, all medical workers, were killed": the apposition is the group's own.
        category = victims.plural_predicate_at(text, start, m.end(), end, appositive=True)
        if category is None:
            continue
        found = antecedent(text, m.start(), noun)
        if found is not None:
            population, cls = lx.POPULATIONS[found[1]][:2]
            out.append(victims.Victim(m.span("a"), category, population, cls, "anaphor", value=found[0]))
    return out
