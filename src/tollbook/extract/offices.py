"""Office holders named by their title-cased office: sentence text -> Victim* (one person
each). "Unidentified gunmen killed the former Chairman of Peremabiri Community Development
Committee", "shoot and kill the Chief Magistrate for Enugu South", "shot and killed the
Secretary of the Electoral Commission".

Coders copy an office as the source writes it, capitalised; victims.role_np reads a
capitalised word as a name or an organisation, and so "the secretary of" counts one person
where "the Secretary of" counted none. An office (grammar/office_patterns.py: "the" + its
title-case words, ending in an office title, before "of", "for" or "representing") right after
an active victim verb (victim_patterns.ACTIVE_BEFORE) is one person.

Guards: the last capitalised word must be an office title, so a body ("killed the Ministry of
...") is nobody; the verb must come right before "the"; an undone, hypothetical or background
verb ("tried to kill", "protested the killing of") or a present form after "to" or a modal
("vowed to kill the Chairman of") starts nothing.
"""

from __future__ import annotations

import re

from tollbook.extract import victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.office_patterns import OFFICE as _OFFICE
from tollbook.extract.grammar.office_patterns import TITLE_HEADS as _TITLE_HEADS
from tollbook.extract.grammar.victim_patterns import ACTIVE_BEFORE as _ACTIVE_BEFORE
from tollbook.extract.grammar.victim_patterns import PRESENT_NOT_AFTER as _PRESENT_NOT_AFTER
from tollbook.extract.grammar.victim_patterns import VERBS_ANY_TENSE as _VERBS_ANY_TENSE
from tollbook.model import Span

__all__ = ["find_offices"]


def find_offices(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """One person for each office holder the object of a victim verb in text[start:end]
    whose words overlap none of the `taken` spans."""
    out: list[victims.Victim] = []
    for m in _OFFICE.finditer(text, start, end):
        if not _TITLE_HEADS.match(m.group("head")):
            continue
        a, b = m.start("det"), m.end("head")
        if not victims.unread(a, b, taken, out):
            continue
        verb = _ACTIVE_BEFORE.search(text[max(start, a - 40) : a])
        if verb is None:
            continue
        at = a - len(text[max(start, a - 40) : a]) + verb.start()
        word = re.sub(r"\s+", " ", (verb.group("verb") or "").lower())
        if victims.undone_before(text, start, at) or (
            word in vb.PRESENT_VICTIM_VERBS and _PRESENT_NOT_AFTER.search(text, max(start, at - 12), at)
        ):
            continue
        category = _VERBS_ANY_TENSE.get(word, "killed") if verb.group("verb") else "killed"
        population, cls = lx.POPULATIONS.get(m.group("head").lower(), ("people", "unknown", "people"))[:2]
        out.append(victims.Victim((a, b), category, population, cls, "office"))
    return out
