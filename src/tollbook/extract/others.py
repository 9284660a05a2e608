"""One more person with an elided head: sentence text -> Victim* (one person each).

"Two soldiers were killed and one other was wounded", "a guard was shot dead and another
injured", "the bomb killed one and injured another", "one died and the other was hurt": the
figure is one person whose noun the sentence leaves out, with the category of its own
predicate (grammar/other_patterns.py). A noun after "another" ("another soldier") is the count
rules' own; an "another" that is the agent of an active verb ("another injured two") or whose
predicate is denied ("another was not hurt") counts nobody.
"""

from __future__ import annotations

import re

from tollbook.extract.cues import irrealis
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.other_patterns import BOUNDARY as _BOUNDARY
from tollbook.extract.grammar.other_patterns import CLAUSE_BEFORE as _CLAUSE_BEFORE
from tollbook.extract.grammar.other_patterns import OBJECT as _OBJECT
from tollbook.extract.grammar.other_patterns import OBJECT_VERBS as _OBJECT_VERBS
from tollbook.extract.grammar.other_patterns import SUBJECT as _SUBJECT
from tollbook.extract.victims import Victim, undone_before, unread
from tollbook.model import Span

__all__ = ["find_others"]


def _key(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


def find_others(text: str, start: int, end: int, taken: list[Span]) -> list[Victim]:
    """Elided "other" people in text[start:end] that overlap none of the `taken` spans."""
    out: list[Victim] = []

    def free(a: int, b: int) -> bool:
        return unread(a, b, taken, out)

    for m in _SUBJECT.finditer(text, start, end):
        if text[start : m.start()].strip() and not _CLAUSE_BEFORE.search(text[max(start, m.start() - 12) : m.start()]):
            continue  # "killed another was ...": not a subject
        if not m.group("aux") and not _BOUNDARY.match(text, m.end(), end):
            continue  # "another injured two": an agent
        if irrealis(text, start, m.start()) or undone_before(text, start, m.start("cue")):
            continue
        if free(m.start("a"), m.end("a")):
            category = vb.HEADLINE_PREDICATES[_key(m.group("cue"))]
            out.append(Victim(m.span("a"), category, "people", "unknown", "another"))
    for m in _OBJECT.finditer(text, start, end):
        if not _BOUNDARY.match(text, m.end(), end):
            continue  # "wounding another soldier": the count rules read the noun
        if irrealis(text, start, m.start()) or undone_before(text, start, m.start()):
            continue
        if free(m.start("a"), m.end("a")):
            out.append(Victim(m.span("a"), _OBJECT_VERBS[_key(m.group("verb"))], "people", "unknown", "another"))
    return out
