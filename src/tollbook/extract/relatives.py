"""A relative clause that tells a person's harm: sentence text -> Victim* (one person each).

"The bomb was found by a gardener who was slightly injured in the explosion", "Casanova, who
was slightly wounded during the kidnap action, was released", "an officer who was killed in the
ambush": the relative clause's own passive (victims.predicate_at, with its guards: negation,
"nearly", hypotheticals, background deaths) says what befell its antecedent, a singular role
noun phrase (victims.role_np: "a gardener", "his bodyguard") or a name. The main clause may
say anything else. Each is one person; the tally reads a role or a name as possibly someone
counted already.

Guards: the verb agrees ("who was", not "who were"); the relative clause tells no other time
than the report's ("a man who was wounded in last year's attack was arrested":
grammar/relative_patterns.OTHER_TIME); the antecedent overlaps nothing read already (a rule that
read "Two men who were wounded" or "A nurse, who was injured," keeps it); a capitalised
antecedent must read as a person's name (not "the Taliban", "Police").
"""

from __future__ import annotations

from tollbook.extract import victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.relative_patterns import CLAUSE_END as _CLAUSE_END
from tollbook.extract.grammar.relative_patterns import DETERMINER as _DETERMINER
from tollbook.extract.grammar.relative_patterns import NAME_BEFORE as _NAME_BEFORE
from tollbook.extract.grammar.relative_patterns import OTHER_TIME as _OTHER_TIME
from tollbook.extract.grammar.relative_patterns import REACH
from tollbook.extract.grammar.relative_patterns import RELATIVE as _RELATIVE
from tollbook.model import Span

__all__ = ["find_relatives"]


def _antecedent(text: str, start: int, np_end: int) -> tuple[Span, str] | None:
    """The span and head of the singular person that ends at `np_end`: a role noun phrase
    opened by a determiner ("a gardener"), else a name ("Casanova"); None otherwise."""
    lo = max(start, np_end - REACH)
    for d in reversed(list(_DETERMINER.finditer(text, lo, np_end))):
        np = victims.role_np(text, d.end(), np_end)
        if np is not None and np[0] == np_end:
            return (d.start(), np_end), np[1]
    m = _NAME_BEFORE.search(text, lo, np_end)
    if m is not None and victims.is_name(m.group("name")):
        return (m.start("name"), np_end), m.group("name").split()[-1].lower()
    return None


def find_relatives(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """One person for each antecedent in text[start:end] whose relative clause tells a lethal
    or wounding passive, unless its words overlap a `taken` span."""
    out: list[victims.Victim] = []
    for m in _RELATIVE.finditer(text, start, end):
        category = victims.predicate_at(text, start, m.end(), end)
        if category is None:
            continue
        stop = _CLAUSE_END.search(text, m.end(), end)
        if _OTHER_TIME.search(text, m.end(), stop.start() if stop else end) is not None:
            continue  # a harm of another time: background to the report
        found = _antecedent(text, start, m.start())
        if found is None:
            continue
        span, head = found
        if not victims.unread(*span, taken, out):
            continue
        population, cls = lx.POPULATIONS.get(head, ("people", "unknown", "people"))[:2]
        out.append(victims.Victim(span, category, population, cls, "relative"))
    return out
