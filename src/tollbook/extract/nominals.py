"""Killings named by a noun whose victim follows "of": sentence text -> Victim*.

"Islamic Jihad claimed responsibility for the assassination of Malcolm Kerr" (1), "claimed
responsibility for the fatal stabbing of two Israeli soldiers" (2), "the murder in Anglet of
militant Juan Lopategui" (1), "the explosion caused the deaths of four passersby" (4): the noun
of a killing, reported by a claim or charge of responsibility (grammar/nominals.RESPONSIBILITY)
or by a verb of causing, counts its of-complement as the object of "killed" counts
(active_objects.member: a determiner, a figure, a name, a pair).

Guards: only after those reports -- a killing named as background ("in retaliation for the
killing of", "the anniversary of the death of") counts nobody; no attempt ("the assassination
attempt", "the attempted murder"); a complement already read is not read again.
"""

from __future__ import annotations

from tollbook.extract import active_objects, victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.nominal_patterns import NOMINAL as _NOMINAL
from tollbook.extract.grammar.nominal_patterns import NOT_AFTER as _NOT_AFTER
from tollbook.extract.grammar.nominal_patterns import NOT_BEFORE as _NOT_BEFORE
from tollbook.model import Span

__all__ = ["find_nominals"]


def find_nominals(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people killings named by a noun in text[start:end] count, unless a `taken` span
    overlaps their of-complement."""
    out: list[victims.Victim] = []
    for m in _NOMINAL.finditer(text, start, end):
        noun = "n" if m.group("n") else "d"
        adj = m.group("adj") if noun == "n" else m.group("adj2")
        if _NOT_AFTER.match(text, m.end(noun), end) or (adj and _NOT_BEFORE.search(adj)):
            continue
        if victims.undone_before(text, start, m.start()):
            continue
        both = active_objects.members(text, m.end(), end)
        if both is None:
            continue
        span, value, second = (m.end(), both[1]), both[2], both[1] != both[0]
        if not victims.unread(*span, taken, out):
            continue
        pop = lx.POP_RE.search(text, span[0], span[1]) if not second else None
        population, cls = lx.POPULATIONS[pop.group(0).lower()][:2] if pop else ("people", "unknown")
        out.append(victims.Victim(span, "killed", population, cls, "nominal", value=value))
    return out
