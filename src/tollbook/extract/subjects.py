"""Subjects of a lethal passive no other rule read: sentence text -> Victim* (one person each).

"Major Ilan Perry, U.S. military attache in Tamsin, was shot to death", "The Italian Ambassador
was assassinated", "Party leader Omar Dallo was shot dead", "A German priest who ran the mission
north of Kelda, was shot and killed": a singular predicate that kills (victims.predicate_at:
"was killed", "was shot dead", "died of his wounds") says that one person died, whoever its
subject is. The subject runs from the clause's start (grammar/subjects.CLAUSE_OPENERS,
punctuation) to the predicate; the verb agrees ("was"), so it is one person, however its words
are spelled (titles, initials, capitalised roles, apposition) -- the rules that read names and
roles (victims.py, postmodified.py) need them spelled their way.

Guards: nothing read already overlaps the subject (a figure, a name, a role); the predicate's
own guards hold (negation, "nearly", hypotheticals, background deaths); a relative pronoun
right before the predicate makes it a relative clause ("a man who was killed last year"); the
subject holds at least one word, no figure but one, and its last word is no auxiliary and names no
thing (grammar/subjects.NOT_SUBJECT_HEADS, lexicon.NON_PERSON); a clause of another time ("five
days after the mayor was killed") is background; the category is killed only.
"""

from __future__ import annotations

from tollbook.extract import victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import subjects as sj
from tollbook.extract.grammar.subject_patterns import BOUNDARY as _BOUNDARY
from tollbook.extract.grammar.subject_patterns import FRONTED as _FRONTED
from tollbook.extract.grammar.subject_patterns import PREDICATE_START as _PREDICATE_START
from tollbook.extract.grammar.subject_patterns import WORD as _WORD
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span

__all__ = ["find_clause_subjects"]


def _subject(text: str, start: int, at: int) -> Span | None:
    """The span of the subject that ends at `at`: from the clause's start, past a fronted
    adverbial. None when no clause start is in reach or the clause tells an earlier time."""
    lo = max(start, at - sj.MAX_SUBJECT)
    a = lo
    opener = ""
    for bound in _BOUNDARY.finditer(text, lo, at):
        a, opener = bound.end(), bound.group(0).lower()
    if (a == lo and lo > start) or opener in sj.BACKGROUND_OPENERS:
        return None
    fronted = _FRONTED.match(text[a:at].lstrip())
    if fronted is not None:
        a += len(text[a:at]) - len(text[a:at].lstrip()) + fronted.end()
    words = list(_WORD.finditer(text, a, at))
    if not words:
        return None
    b = words[-1].end()
    if text[b:at].strip().startswith(")"):
        b = text.index(")", b) + 1  # "General Tomas Ubel (also a former minister)"
    return words[0].start(), b


def find_clause_subjects(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """One person killed for each singular lethal predicate in text[start:end] whose subject no
    `taken` span overlaps."""
    out: list[victims.Victim] = []
    for m in _PREDICATE_START.finditer(text, start, end):
        if victims.predicate_at(text, start, m.end() - 1, end) != "killed":
            continue
        span = _subject(text, start, m.start())
        if span is None:
            continue
        words = [w.group(0) for w in _WORD.finditer(text, span[0], span[1])]
        last = words[-1].lower().rstrip(".")
        if last in sj.RELATIVES or last in sj.NOT_SUBJECT_HEADS or last in lx.NON_PERSON or last in sj.AUXILIARIES:
            continue
        if any(w.lower() in sj.NEGATIVE for w in words):
            continue  # "Nobody was killed", "No one was killed": a zero (counts.find_zeros)
        if any(n.kind == "cardinal" and n.value != 1 for n in find_numbers(text, span[0], span[1])):
            continue  # "Several hundred Palestinians died": a figure the count rules read or not
        if any(s < m.start() and span[0] < e for s, e in taken) or any(v.span[0] < m.start() and span[0] < v.span[1] for v in out):
            continue
        out.append(victims.Victim(span, "killed", "people", "unknown", "clause_subject"))
    return out
