"""Subjects with a post-modifier: sentence text -> Victim* (one person each).

"The Lebanese consul in Barranquilla was shot dead", "A French national living in Algiers was
shot to death", "An Iraqi who works with coalition forces was killed": a singular role noun
phrase (victims.role_np) followed by a phrase that still belongs to it -- a prepositional
phrase, a reduced relative clause or a relative clause (grammar/modifiers.py) -- maybe an
apposition naming the person ("The mayor of Pailitas, Joel Rincon, was kidnapped and
murdered"), and then a singular passive or dying predicate (victims.predicate_at). The verb agrees with the head
("was", not "were"), so the phrase names one person.

Guards: the post-modifier holds no figure (the count rules read those), no finite verb of its
own and no clause break; the subject starts a clause and follows no preposition; the
predicate's own guards (undone, hypothetical, background deaths) hold.
"""

from __future__ import annotations

from tollbook.extract import victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import modifiers as md
from tollbook.extract.grammar.postmodified_patterns import DET as _DET
from tollbook.extract.grammar.postmodified_patterns import OPENER as _OPENER
from tollbook.extract.grammar.postmodified_patterns import WORD as _WORD
from tollbook.model import Span, overlaps

__all__ = ["find_subjects"]


def _postmodifier_ends(text: str, pos: int, end: int) -> list[int]:
    """Where a post-modifier starting at `pos` may end (after each of its words), or []."""
    opener = _OPENER.match(text, pos, end)
    if opener is None:
        return []
    ends: list[int] = []
    p = opener.end()
    for _ in range(md.MAX_WORDS):
        m = _WORD.match(text, p, end)
        if m is None:
            break
        word = m.group("w").lower()
        if word in md.FINITE_STOPS or word in md.RELATIVES:
            break  # a verb of its own, or a relative clause inside the modifier ("who was kidnapped")
        p = m.end()
        if word not in md.PREPOSITIONS and word not in md.PARTICIPLES:
            ends.append(p)
    return ends


def find_subjects(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """One person for each post-modified singular subject of a lethal (or wounding) passive
    in text[start:end], unless its words overlap a `taken` span."""
    out: list[victims.Victim] = []
    if " was " not in text[start:end] and " died" not in text[start:end]:
        return out
    for d in _DET.finditer(text, start, end):
        if not victims.clause_subject_at(text, start, d.start()):
            continue
        opener = _OPENER.search(text, d.end(), min(end, d.end() + 80))
        if opener is None:
            continue
        np = victims.role_np(text, d.end(), opener.start())  # the head ends where the modifier opens
        if np is None or np[0] != opener.start():
            continue
        np_end, head = np
        if text[np_end - len(head) : np_end][:1].isupper() and d.group("det").lower() == "the":
            continue  # "the Taliban": a group
        for stop in _postmodifier_ends(text, np_end, end):
            category = victims.predicate_at(text, start, stop, end, appositive=True)
            if category is None:
                continue
            span = (d.start(), stop)
            if not overlaps(span[0], span[1], taken) \
                    and not overlaps(span[0], span[1], (v.span for v in out)):  # fmt: skip
                population, cls = lx.POPULATIONS.get(head, ("people", "unknown", "people"))[:2]
                out.append(victims.Victim((d.start(), np_end), category, population, cls, "role"))
            break
    return out
