"""The open-class person test: a head noun and the verb on it -> whether it names people
(grammar/person_patterns.py).

How the project decides person or thing: a noun a people table lists (lexicon.POPULATIONS) is
people; one lexicon.NON_PERSON lists is a thing; any other noun is an open-class head, read as
people next to its cue (counts._adjacent, headlines' active verbs, phrases.open_np). The test
here decides the open class where the context does not: after a verb that also takes things
("hanged two banners", "set ablaze two tankers") and as what a force "lost" ("the cartel lost
nine sicarios"), only a noun whose form names a person (an agent or people ending: -er, -or,
-ist, -ian, -eer, -men, -ero, -ista, -ario; not a thing so ending, "tankers"), one a
person-only modifier opens ("two suspected looters") or, as a last resort, a listed person
noun is people.
"""

from __future__ import annotations

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.person_patterns import FORCE_BEFORE as _FORCE_BEFORE
from tollbook.extract.grammar.person_patterns import MIN_STEM as _MIN_STEM
from tollbook.extract.grammar.person_patterns import PERSON_ENDINGS as _ENDINGS
from tollbook.extract.grammar.person_patterns import PERSON_MODIFIERS as _PERSON_MODIFIERS
from tollbook.extract.grammar.person_patterns import PERSON_NOUNS as _PERSON_NOUNS
from tollbook.extract.grammar.person_patterns import PERSON_RESULT as _PERSON_RESULT
from tollbook.extract.grammar.person_patterns import THING_NOUNS as _THING_NOUNS
from tollbook.extract.grammar.person_patterns import THING_VERBS as _THING_VERBS
from tollbook.extract.grammar.person_patterns import WORD as _WORD

__all__ = ["force_before", "names_person", "person_object"]


def names_person(noun: str) -> bool:
    """Does the noun name people by itself: listed as people, a last-resort person noun, or
    formed as one ("sicarios", "mototaxistas", "Colombians"), and not a listed thing?"""
    word = noun.lower()
    if word in lx.NON_PERSON:
        return False
    if word in lx.POPULATIONS or word in _PERSON_NOUNS:
        return True
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if stem in _THING_NOUNS:
        return False
    return any(stem.endswith(e) and len(stem) - len(e) >= _MIN_STEM for e in _ENDINGS)


def person_object(verb: str, noun: str, modifiers: str = "") -> bool:
    """May the open-class noun after `verb` (the cue's words, as written) be people? After a
    verb only people undergo the caller's own tests decide (True here); after one that also
    takes things, only when names_person or a person-only modifier opens it (`modifiers`: the
    words between the number and the noun)."""
    words = _WORD.findall(verb.lower())
    if not words or words[0] not in _THING_VERBS or _PERSON_RESULT.search(verb):
        return True
    if any(w in _PERSON_MODIFIERS for w in _WORD.findall(modifiers.lower())):
        return noun.lower() not in lx.NON_PERSON
    return names_person(noun)


def force_before(text: str, start: int, at: int) -> bool:
    """Does a force ("the cartel", "the army", "rebels") stand in the clause before `at`?"""
    return _FORCE_BEFORE.search(text, start, at) is not None
