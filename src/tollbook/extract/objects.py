"""Pronoun objects of a victim verb: sentence text -> Victim* ("Gunmen seized two drivers and
murdered them": two killed; "the assailants beat, shot, and beheaded him": one killed).

A plural pronoun ("them", "both of them", "all of them") after a victim verb (grammar/verbs.py
VICTIM_VERBS) stands for the last group of two or more people counted before the verb
(anaphora.antecedent: its number, its noun); a singular one ("him", "her") for one person.
The pronoun's fate is the verb's. Not read: a verb under a hypothetical or a threat ("vowed to
kill them", cues.irrealis), a group already said to be dead between the two (anaphora's
guard), "her" before a noun ("killed her husband": the noun is the victim), a reflexive
("killed himself": extract/attackers.py), a pronoun other rules read.
"""

from __future__ import annotations

from tollbook.extract import anaphora, victims
from tollbook.extract.cues import irrealis
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.object_patterns import OBJECT_END as _OBJECT_END
from tollbook.extract.grammar.object_patterns import PRONOUN_OBJECT as _PRONOUN_OBJECT
from tollbook.model import Span, overlaps

__all__ = ["find_objects"]


def find_objects(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people pronoun objects of victim verbs in text[start:end] stand for, with their fate."""
    out: list[victims.Victim] = []
    for m in _PRONOUN_OBJECT.finditer(text, start, end):
        a, b = m.span("pro")
        if overlaps(a, b, taken) or irrealis(text, start, m.start()):
            continue
        category = vb.VICTIM_VERBS[" ".join(m.group("verb").lower().split())]
        if m.group("plural"):
            found = anaphora.antecedent(text, m.start(), None)
            if found is None:
                continue
            population, cls = lx.POPULATIONS[found[1]][:2]
            out.append(victims.Victim((a, b), category, population, cls, "object_pronoun", value=found[0]))
        elif m.group("singular").lower() == "him" or _OBJECT_END.match(text, b, end):
            out.append(victims.Victim((a, b), category, "people", "unknown", "object_pronoun"))
    return out
