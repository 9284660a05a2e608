"""Subjects of a lethal or wounding passive no other rule read: sentence text -> Victim* (one person each).

"Major Ilan Perry, U.S. military attache in Tamsin, was shot to death", "The Italian Ambassador
was assassinated", "Party leader Omar Dallo was shot dead", "A German priest who ran the mission
north of Kelda, was shot and killed": a singular predicate that kills (victims.predicate_at:
"was killed", "was shot dead", "died of his wounds") says that one person died, whoever its
subject is. The subject runs from the clause's start (grammar/subjects.CLAUSE_OPENERS,
punctuation) to the predicate; the verb agrees ("was"), so it is one person, however its words
are spelled (titles, initials, capitalised roles, apposition) -- the rules that read names and
roles (victims.py, postmodified.py) need them spelled their way.

Guards: nothing read already overlaps the subject (a figure, a name, a role); the predicate's
own guards hold (negation, "nearly", hypotheticals, background deaths); a fatal wound is a death
("was fatally injured": fatal.fatal_predicate_at); a relative pronoun
right before the predicate makes it a relative clause ("a man who was killed last year"); the
subject holds at least one word, no figure but one, and its last word is no auxiliary and names no
thing (grammar/subjects.NOT_SUBJECT_HEADS, lexicon.NON_PERSON); a clause of another time ("five
days after the mayor was killed") is background.

A wounding predicate is read the same way, as wounded (grammar/subjects.CATEGORIES: "The Saudi
Consul in Karachi was seriously injured", "His mother and sister were wounded"); a wounded pair
whose first member a rule read is left to leading.py, which adds the second.
"""

from __future__ import annotations

import re

from tollbook.extract import member_lists, victims
from tollbook.extract.fatal import fatal_predicate_at
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import member_list_patterns as ml
from tollbook.extract.grammar import numberwords as nw
from tollbook.extract.grammar import subjects as sj
from tollbook.extract.grammar.subject_patterns import AND as _AND
from tollbook.extract.grammar.subject_patterns import BOUNDARY as _BOUNDARY
from tollbook.extract.grammar.subject_patterns import FINITE as _FINITE
from tollbook.extract.grammar.subject_patterns import FRONTED as _FRONTED
from tollbook.extract.grammar.subject_patterns import LIST_AND as _LIST_AND
from tollbook.extract.grammar.subject_patterns import PREDICATE_AHEAD as _PREDICATE_AHEAD
from tollbook.extract.grammar.subject_patterns import PREDICATE_START as _PREDICATE_START
from tollbook.extract.grammar.subject_patterns import WORD as _WORD
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span, overlaps

__all__ = ["find_clause_subjects", "plural_value", "subject_span"]


def _subject(text: str, start: int, at: int, plural: bool = False) -> Span | None:
    """The span of the subject that ends at `at`: from the clause's start, past a fronted
    adverbial. None when no clause start is in reach or the clause tells an earlier time. A
    plural subject may hold "and" ("the mayor and his driver were killed") unless a finite
    verb stands before it ("Eight were hurt and two guards were killed")."""
    lo = max(start, at - sj.MAX_SUBJECT)
    a = lo
    opener = ""
    for bound in _BOUNDARY.finditer(text, lo, at):
        if plural and bound.group(0).lower() == "and":
            continue
        a, opener = bound.end(), bound.group(0).lower()
    if (a == lo and lo > start) or opener in sj.BACKGROUND_OPENERS:
        return None
    if plural:
        verbs = list(_FINITE.finditer(text, a, at))
        if verbs:
            joined = _AND.search(text, verbs[-1].end(), at)
            if joined is None:
                return None
            a = joined.end()
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


def _plural_value(text: str, span: Span) -> float | None:
    """How many people a plural subject counts: the figure it opens with ("Six nurses working
    for an aid group"), or two for "A and B" ("The judge and his clerk"); None otherwise."""
    a, b = span
    nums = [n for n in find_numbers(text, a, b) if n.kind == "cardinal"]
    if nums:
        first = nums[0]
        comma = text.find(",", a, b)
        head_end = b if comma < 0 else comma  # an apposition after a comma restates the group
        if first.span[0] != a or first.written not in ("digits", "words") or first.value < 2 \
                or any(n.span[0] < head_end for n in nums[1:]):  # fmt: skip
            return None
        noun = next((w for w in _WORD.findall(text, first.span[1], head_end) if w.islower() and w not in sj.HEAD_STOPS), "")
        if noun.rstrip(".") in lx.NON_PERSON:
            return None  # "seven vehicles were stoned": things (the first common noun after the figure)
        return None if _LIST_AND.search(text, first.span[1], head_end) else first.value
    members = _AND.split(text[a:b])
    if len(members) != 2 or "," in text[a:b] or any(not _singular(m) for m in members):
        return None
    return 2.0


def subject_span(text: str, start: int, at: int) -> Span | None:
    """The span of a subject (plural or singular, "and" allowed) that ends at `at`, or None."""
    return _subject(text, start, at, plural=True)


def plural_value(text: str, span: Span) -> float | None:
    """How many people a plural subject counts ("Six nurses", "The judge and his clerk"), or None."""
    return _plural_value(text, span)


def _pair_free(text: str, span: Span, taken: list[Span], out: list[victims.Victim], at: int) -> bool:
    """"The customs chief and his deputy were shot dead": a rule that read the first member of
    the pair (and not the second) counted one of the two; the pair still counts (the tally
    keeps the larger)."""
    joined = _AND.search(text, span[0], span[1])
    return joined is not None and not find_numbers(text, span[0], span[1]) \
        and not overlaps(joined.start(), span[1], taken) \
        and not overlaps(span[0], at, (v.span for v in out))  # fmt: skip


def _list_free(span: Span, out: list[victims.Victim], at: int) -> bool:
    """A list whose members a rule read in part still counts them all (the tally keeps the
    larger); only a subject this module read already is not read again."""
    return not overlaps(span[0], at, (v.span for v in out))


def _singular(member: str) -> bool:
    """Does a member of "A and B" name one person ("his wife", "Ana Dorn"), not a group?"""
    words = member.split()
    if not words:
        return False
    last = words[-1].strip("().")
    low = last.lower()
    if low in sj.PLURAL_HEADS or low in lx.NON_PERSON:
        return False
    return not (last.islower() and low.endswith("s") and not low.endswith(("ss", "us", "is")))


def _predicate_starts(text: str, start: int, end: int) -> list[re.Match[str]]:
    """`PREDICATE_START.finditer(text, start, end)`, tried only where a match may start: in the
    spaces and comma before a predicate word (PREDICATE_AHEAD finds the last space before each),
    leftmost first, as the search would."""
    out: list[re.Match[str]] = []
    pos = start
    for ahead in _PREDICATE_AHEAD.finditer(text, start, end):
        at = ahead.start()  # the space before the word: a match holds it
        if at < pos:
            continue
        a = at
        while a > pos and (text[a - 1].isspace() or text[a - 1] == ","):  # str.isspace is re's \s
            a -= 1
        for p in range(a, at + 1):
            m = _PREDICATE_START.match(text, p, end)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
    return out


def find_clause_subjects(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people killed for each lethal predicate in text[start:end] whose subject no `taken`
    span overlaps: one for a singular predicate, the subject's own count for a plural one."""
    out: list[victims.Victim] = []

    def free(span: Span, at: int) -> bool:
        return not overlaps(span[0], at, taken) and not overlaps(span[0], at, (v.span for v in out))

    for m in _predicate_starts(text, start, end):
        # The predicate's own guards look at the predicate only; the words before the subject
        # are asked apart ("Two peasants, accused of ties with rebels, were killed": the
        # accusation is the subject's, not a hypothetical killing).
        plural_cat = None if m.group("one") else victims.plural_predicate_at(text, m.start(), m.end() - 1, end)
        if plural_cat in sj.CATEGORIES:
            span = _subject(text, start, m.start(), plural=True)
            value = _plural_value(text, span) if span is not None else None
            listed = value is None and span is not None and plural_cat in ml.CATEGORIES
            if listed and span is not None:
                value = member_lists.list_value(text, span)  # "A steward, a guard, and a worker"
            if span is not None and value is not None and not victims.undone_before(text, start, span[0]):
                # a wounded pair whose first member a rule read is leading.py's (it adds the second)
                if free(span, m.start()) or (value == 2 and plural_cat == "killed" and _pair_free(text, span, taken, out, m.start())) \
                        or (listed and _list_free(span, out, m.start()) and member_lists.unread(text, span, taken)):  # fmt: skip
                    out.append(victims.Victim(span, plural_cat, "people", "unknown", "clause_subject", value=value))
                continue
        if m.group("many"):
            continue
        category = "killed" if fatal_predicate_at(text, m.start(), end) else victims.predicate_at(text, m.start(), m.end() - 1, end)
        if category not in sj.CATEGORIES:
            continue
        span = _subject(text, start, m.start())
        if span is None or victims.undone_before(text, start, span[0]):
            continue
        words = [w.group(0) for w in _WORD.finditer(text, span[0], span[1])]
        last = words[-1].lower().rstrip(".")
        lows = [w.lower() for w in words]
        # "Another occupant of the car": the head stands before "of" (a thing after it is its complement)
        of = lows.index("of") if "of" in lows[1:4] else 0
        head = lows[of - 1] if of and words[of - 1].islower() and lows[of - 1] not in nw.NUMBER_WORDS else last
        if last in sj.RELATIVES or head in sj.NOT_SUBJECT_HEADS or head in lx.NON_PERSON or last in sj.AUXILIARIES:
            continue
        if len(words) == 1 and words[0].islower() and last.endswith(sj.ADVERB_SUFFIX) and last not in lx.POPULATIONS:
            continue  # "and subsequently succumbed": an adverb, the subject was told before
        if last.endswith(("'s", "’s")) or any(w.lower() in sj.INDEFINITE_PRONOUNS for w in words):
            continue  # "The SUV's had been slashed"; "whether anyone was injured": nobody counted
        if len(words) == 1 and last in sj.NOT_SUBJECT_WORDS:
            continue  # "who was sitting on the bench as well, was also injured": "as" opens no clause here
        if any(w.lower() in sj.NEGATIVE for w in words):
            continue  # "Nobody was killed", "No one was killed": a zero (counts.find_zeros)
        if any(n.kind == "cardinal" and n.value != 1 for n in find_numbers(text, span[0], span[1])):
            continue  # "Several hundred Palestinians died": a figure the count rules read or not
        if free(span, m.start()):
            out.append(victims.Victim(span, category, "people", "unknown", "clause_subject"))
    return out
