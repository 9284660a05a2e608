"""People set on fire or burned to death, the object between the verb and its result:
sentence text -> Victim* ("A vigilante mob set a suspected robber alight", "set four suspected
thieves alight", "captured a suspected kidnapper and set her alight", "A landlord burns his
tenant's son to death", and the passive "An elderly woman is set ablaze").

Reports of mob justice say the burning and mean the death; the count rules read the verb
before its figure ("set alight four thieves"), not an object standing between the verb and
its result, nor a subject set on fire. The
object is one person (an article, a possessive or "one" before a singular people noun, or
"him"/"her") or a figure before people ("four suspected thieves"); grammar/burning_patterns.py.

Guards: the object's head must be a people noun (grammar/lexicon.POPULATIONS), not a thing
("set the house ablaze", "set two vehicles on fire"); the result must fit the verb ("set ...
alight", "burn ... to death": "burned the village alive" does not parse); an undone or
hypothetical verb ("tried to set him alight", "threatened to burn") starts nothing; in the
passive, an owner ("a man's house was set on fire", "the car of a man was set alight") is not
the subject.
"""

from __future__ import annotations

from tollbook.extract import victims
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.burning_patterns import BURN_RESULTS, SET_RESULTS
from tollbook.extract.grammar.burning_patterns import HEAD as _HEAD
from tollbook.extract.grammar.burning_patterns import NOT_IN_OBJECT as _NOT_IN_OBJECT
from tollbook.extract.grammar.burning_patterns import OPENER as _OPENER
from tollbook.extract.grammar.burning_patterns import PASSIVE as _PASSIVE
from tollbook.extract.grammar.burning_patterns import POSSESSIVE as _POSSESSIVE
from tollbook.extract.grammar.burning_patterns import PRONOUN as _PRONOUN
from tollbook.extract.grammar.burning_patterns import SPLIT as _SPLIT
from tollbook.extract.grammar.burning_patterns import SUBJECT_WORDS as _SUBJECT_WORDS
from tollbook.extract.grammar.burning_patterns import WORD_BEFORE as _WORD_BEFORE
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span, overlaps

__all__ = ["find_burnings"]


def _value(text: str, a: int, b: int) -> float | None:
    """How many people the object text[a:b] counts; None when it names no people."""
    np = text[a:b]
    if _NOT_IN_OBJECT.search(np):
        return None
    if _PRONOUN.match(np):
        return 1.0
    head = _HEAD.search(np)
    if head is None:
        return None
    word = head.group("head").lower()
    if word not in lx.POPULATIONS or word in lx.NON_PERSON:
        return None
    # the figure opens the object, or follows its article or possessive ("the two drivers")
    opener = _OPENER.match(np)
    at = a if opener is None or np[opener.end() : opener.end() + 1] != " " else a + opener.end() + 1
    nums = [n for n in find_numbers(text, a, b) if n.kind == "cardinal" and n.span[0] in (a, at)]
    if nums:
        return float(nums[0].value) if nums[0].written != "vague" else None
    if _OPENER.match(np) and word in lx.SINGULARS:
        return 1.0
    return None


def _subject(text: str, start: int, b: int) -> tuple[int, int, float] | None:
    """The shortest noun phrase of people ending at `b` ("An elderly woman", "Two suspected
    thieves"): (start, end, how many), or None when the words before `b` make none (an owner,
    "a man's house"; a list, "houses ... and a man"; a thing)."""
    a = b
    for _ in range(_SUBJECT_WORDS):
        w = _WORD_BEFORE.search(text, start, a)
        if w is None or _NOT_IN_OBJECT.fullmatch(w.group("w")):
            return None
        a = w.start("w")
        if _POSSESSIVE.search(text, a, b + 1):
            return None
        value = _value(text, a, b) if _OPENER.fullmatch(w.group("w")) or w.group("w")[:1].isdigit() \
            or find_numbers(text, a, w.end("w")) else None  # fmt: skip
        if value is not None and not _PRONOUN.match(text, a, b):
            return (a, b, value) if victims.clause_subject_at(text, start, a) else None  # not "the car of a man"
    return None


def find_burnings(text: str, start: int, end: int, taken: list[Span]) -> list[victims.Victim]:
    """One victim (with its count) for each person or group set on fire or burned to death
    in text[start:end] whose words overlap none of the `taken` spans."""
    out: list[victims.Victim] = []
    for m in _SPLIT.finditer(text, start, end):
        result = " ".join(m.group("res").lower().split())
        if result not in (SET_RESULTS if m.group("set") else BURN_RESULTS):
            continue
        a, b = m.span("np")
        if overlaps(a, b, taken) or victims.undone_before(text, start, m.start()):
            continue
        value = _value(text, a, b)
        if value is None:
            continue
        head = _HEAD.search(text[a:b])
        word = head.group("head").lower() if head else ""
        population, cls = lx.POPULATIONS.get(word, ("people", "unknown", "people"))[:2]
        out.append(victims.Victim((a, b), "killed", population, cls, "burned", value=value))
    for m in _PASSIVE.finditer(text, start, end):
        subject = _subject(text, start, m.start())
        if subject is None or victims.undone_before(text, start, m.start()):
            continue
        a, b, value = subject
        if not victims.unread(a, b, taken, out):
            continue
        head = _HEAD.search(text[a:b])
        population, cls = lx.POPULATIONS.get(head.group("head").lower() if head else "", ("people", "unknown", "people"))[:2]
        out.append(victims.Victim((a, b), "killed", population, cls, "burned", value=value))
    return out
