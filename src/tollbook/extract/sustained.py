"""Subjects that received a wound, no other rule read: sentence text -> Victim* (wounded).

"Three Americans received minor injuries" (3), "All three sustained minor injuries" (3),
"General Kroesen and his wife sustained only minor injuries" (2), "Arbi Ibragimov suffered
injuries" (1): a verb whose object is a wound (grammar/injury_patterns.RECEIVE_VERBS, the
wound nouns of grammar/verbs.WOUND_NOUNS) says its subject was hurt. The subject is found as
subjects.py finds a plural one (from the clause's start); it counts its figure (after "all"),
two for a pair, its members for a list (member_lists.py), or one when it opens with a
determiner or a name and ends in a singular noun.

Guards: a denied wound ("suffered no injuries"); a pronoun subject (someone told before, or
nobody); a subject overlapping a span read already; an undone or hypothetical verb
(victims.undone_before); a subject that names things (lexicon.NON_PERSON) or a plural noun
without a figure ("Villagers suffered burns": how many is not said).
"""

from __future__ import annotations

from tollbook.extract import member_lists, subjects, victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.member_list_patterns import SEPARATOR as _SEPARATOR
from tollbook.extract.grammar.subject_patterns import WORD as _WORD
from tollbook.extract.grammar.sustained_patterns import ALL as _ALL
from tollbook.extract.grammar.sustained_patterns import DENIED, ONE_OPENERS, PRONOUNS
from tollbook.extract.grammar.sustained_patterns import RECEIVED as _RECEIVED
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span, overlaps

__all__ = ["find_sustained", "subject_value"]


def subject_value(text: str, span: Span) -> float | None:
    """How many people the subject text[span] counts, or None."""
    a, b = span
    words = [w.group(0) for w in _WORD.finditer(text, a, b)]
    if not words or words[0].lower() in PRONOUNS:
        return None
    every = _ALL.match(text, a, b)
    if every is not None:
        nums = [n for n in find_numbers(text, every.end(), b) if n.kind == "cardinal"]
        if nums and nums[0].span[0] == every.end() and text[nums[0].span[1] : b].strip() in ("", "of them"):
            return nums[0].value  # "All three", "all five of them"
        return None
    value = subjects.plural_value(text, span)
    if value is None:
        value = member_lists.list_value(text, span)
    if value is not None:
        return value
    comma = text.find(",", a, b)
    if comma > a and " and " not in text[a:b]:  # "Jose Jaramillo, the mayor of Puerto Triunfo": the apposition restates
        words = [w.group(0) for w in _WORD.finditer(text, a, comma)] or words
        b = comma
    last = words[-1].lower().rstrip(".")
    if find_numbers(text, a, b) or last in lx.NON_PERSON:
        return None
    plural = (words[-1].islower() or last in lx.POPULATIONS) and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    if plural:
        return None
    if words[0].lower() in ONE_OPENERS or all(w[:1].isupper() for w in words):
        return 1.0
    return None


def _parts(text: str, span: Span) -> list[Span]:
    """The members of the subject text[span], split at commas and "and" (one when none)."""
    a, b = span
    bounds = [a]
    for sep in _SEPARATOR.finditer(text, a, b):
        bounds += [sep.start(), sep.end()]
    bounds.append(b)
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def find_sustained(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """The people said to have received a wound in text[start:end], whose subject no `taken`
    span overlaps."""
    out: list[victims.Victim] = []
    for m in _RECEIVED.finditer(text, start, end):
        if any(w.lower() in DENIED for w in m.group("mods").split()):
            continue
        span = subjects.subject_span(text, start, m.start())
        if span is None or victims.undone_before(text, start, m.start("verb")):
            continue
        if overlaps(span[0], span[1], (v.span for v in out)):
            continue
        value = subject_value(text, span)
        if value is None:
            continue
        # a member a rule read ("General Kroesen and his wife": "his wife") leaves the others
        # unread: the whole still counts (the tally keeps the larger)
        parts = [(a, b) for a, b in _parts(text, span)]
        if all(overlaps(a, b, taken) for a, b in parts):
            continue
        if value is not None:
            out.append(victims.Victim(span, "wounded", "people", "unknown", "sustained", value=value))
    return out
