"""Zero-article singular people in telegraphic syntax: sentence text -> Victim* (one each).

Headlines and coders' notes drop the article as well as the verb "to be": "Customs officer
kidnapped, killed", "Malian army officer killed by unknown gunmen", "Young man beheaded by
presumed militants", "AQLM chief reportedly killed", and the object "Armed men killed forest
guard". A singular people noun (grammar/lexicon.SINGULARS) with at most a few modifiers and no
determiner, at a clause start and right before a victim participle (grammar/verbs.VICTIM_VERBS,
HEADLINE_PREDICATES), or right after an active victim verb and before a phrase boundary, is one
person; the predicate's category is the last of a chain ("kidnapped, killed": killed). So is a
zero-article singular conjunct of a telegraphic list ("2 militants, soldier killed", "Policeman,
civilian injured").

Guards: a determiner, possessive or figure before the noun leaves it to the other readings; the
predicate must end the clause or be followed by a phrase word (grammar/modifiers.TELEGRAPHIC_NEXT);
an undone or hypothetical verb (victims.predicate guards) starts nothing.
"""

from __future__ import annotations

import re

from tollbook.extract import victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar.bare_patterns import LIST as _LIST
from tollbook.extract.grammar.bare_patterns import LIST_FIGURE_LAST as _LIST_FIGURE_LAST
from tollbook.extract.grammar.bare_patterns import OBJECT as _OBJECT
from tollbook.extract.grammar.bare_patterns import OBJECT_GATE as _OBJECT_GATE
from tollbook.extract.grammar.bare_patterns import OBJECT_VERBS as _OBJECT_VERBS
from tollbook.extract.grammar.bare_patterns import OPENING as _OPENING
from tollbook.extract.grammar.bare_patterns import PARTICIPLE_GATE as _PARTICIPLE_GATE
from tollbook.extract.grammar.bare_patterns import PARTICIPLES as _PARTICIPLES
from tollbook.extract.grammar.bare_patterns import SUBJECT as _SUBJECT
from tollbook.extract.grammar.victim_patterns import PRESENT_NOT_AFTER as _PRESENT_NOT_AFTER
from tollbook.model import Span, overlaps

__all__ = ["find_bare"]


def _category(word: str) -> str:
    return _PARTICIPLES.get(re.sub(r"\s+", " ", word.lower()), "killed")


def _opening(pattern: re.Pattern[str], sentence: str, opens: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(sentence)` for a pattern that opens at OPENS (bare_patterns: the start,
    or right after an OPENING character): matched only where one may start, the `opens`."""
    out: list[re.Match[str]] = []
    pos = 0
    for p in opens:
        if p >= pos and (m := pattern.match(sentence, p)) is not None:
            out.append(m)
            pos = m.end()
    return out


def find_bare(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """One person for each zero-article singular victim in text[start:end] whose words
    overlap none of the `taken` spans."""
    out: list[victims.Victim] = []

    def add(span: Span, category: str, head: str) -> None:
        if overlaps(span[0], span[1], taken) \
                or overlaps(span[0], span[1], (v.span for v in out)):  # fmt: skip
            return
        population, cls = lx.POPULATIONS.get(head.lower(), ("people", "unknown", "people"))[:2]
        out.append(victims.Victim(span, category, population, cls, "role"))

    # Matched in the sentence alone: its first word is a clause start ("^"), which a search
    # from `start` inside the document would not see after the first sentence.
    participle = literals.gate(text, start, end, _PARTICIPLE_GATE)
    sentence = text[start:end] if participle else ""
    opens = [0, *(o.end() for o in _OPENING.finditer(sentence))] if participle else []
    for m in _opening(_SUBJECT, sentence, opens):
        if victims.undone_before(text, start, start + m.start("pred")):
            continue
        np_start, np_end = m.span("np")
        add((start + np_start, start + np_end), _category(m.group("pred2") or m.group("pred")), m.group("head"))
    lists = [*_opening(_LIST, sentence, opens), *_opening(_LIST_FIGURE_LAST, sentence, opens)]
    for m in lists:  # "2 militants, soldier killed", "Soldier, 2 militants killed": members add up
        if victims.undone_before(text, start, start + m.start("pred")):
            continue
        category = _category(m.group("pred"))
        spans = [(start + m.start(g), start + m.end(g), m.group(h)) for g, h in (("np1", "head1"), ("np", "head"))
                 if g in m.re.groupindex and m.group(g)]  # fmt: skip
        if any(overlaps(a, b, taken) for a, b, _ in spans):
            continue
        for a, b, head in spans:
            population, cls = lx.POPULATIONS.get(head.lower(), ("people", "unknown", "people"))[:2]
            out.append(victims.Victim((a, b), category, population, cls, "list"))
        if m.group("fig"):  # the figure the count rules read is a member of the same list
            fig = (start + m.start("fig"), start + m.end("fig"))
            out.append(victims.Victim(fig, category, "people", "unknown", "list", counted=True))
    for m in _OBJECT.finditer(text, start, end) if literals.gate(text, start, end, _OBJECT_GATE) else ():
        if victims.undone_before(text, start, m.start("verb")) \
                or _PRESENT_NOT_AFTER.search(text, max(start, m.start("verb") - 12), m.start("verb")):  # fmt: skip
            continue  # "killed Taliban commander Omar" never gets here: a name is no boundary
        add(m.span("np"), _OBJECT_VERBS[re.sub(r"\s+", " ", m.group("verb").lower())], m.group("head"))
    return out
