"""Heads: the people a number counts, read from the words after it -> (population, class,
unit, end of the noun phrase, category the noun names).

"63 children", "70 elderly citizens", "members of the security forces", "17 of whom were
students", "6 rebel fatalities", "a rebel commander".
"""

from __future__ import annotations

import re

from tollbook.extract import phrases
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.fatal import FATAL_ADVERBS as _FATAL_ADVERBS
from tollbook.extract.grammar.head_patterns import ADVERBED_NOT_BEFORE as _ADVERBED_NOT_BEFORE
from tollbook.extract.grammar.head_patterns import ADVERBED_NOUNS as _ADVERBED_NOUNS
from tollbook.extract.grammar.head_patterns import CATEGORY_NOUN as _CATEGORY_NOUN
from tollbook.extract.grammar.head_patterns import DEAD_IN as _DEAD_IN
from tollbook.extract.grammar.head_patterns import DEAD_WORD as _DEAD_WORD
from tollbook.extract.grammar.head_patterns import DEGREE_ADVERB as _DEGREE_ADVERB
from tollbook.extract.grammar.head_patterns import DISPLACED_POP as _DISPLACED_POP
from tollbook.extract.grammar.head_patterns import EVENT_AFTER as _EVENT_AFTER
from tollbook.extract.grammar.head_patterns import EVENT_COORDINATED as _EVENT_COORDINATED
from tollbook.extract.grammar.head_patterns import EVENT_NOUNS as _EVENT_NOUNS
from tollbook.extract.grammar.head_patterns import HEAD_ONLY_NOUNS as _HEAD_ONLY_NOUNS
from tollbook.extract.grammar.head_patterns import MEMBERS_AFTER as _MEMBERS_AFTER
from tollbook.extract.grammar.head_patterns import MEMBERS_OF as _MEMBERS_OF
from tollbook.extract.grammar.head_patterns import MODIFIER as _MODIFIER
from tollbook.extract.grammar.head_patterns import NEXT_POP as _NEXT_POP
from tollbook.extract.grammar.head_patterns import OF_OWN as _OF_OWN
from tollbook.extract.grammar.head_patterns import OF_OWN_ELIDED as _OF_OWN_ELIDED
from tollbook.extract.grammar.head_patterns import OF_THE as _OF_THE
from tollbook.extract.grammar.head_patterns import OF_THEM as OF_THEM
from tollbook.extract.grammar.head_patterns import ORGANISATION_RES as _ORGANISATION_RES
from tollbook.extract.grammar.head_patterns import OTHER_POP as _OTHER_POP
from tollbook.extract.grammar.head_patterns import PLURAL_END as _PLURAL_END
from tollbook.extract.grammar.head_patterns import SCALE_END as _SCALE_END
from tollbook.extract.grammar.head_patterns import SENTENCE_END_WORD as _SENTENCE_END_WORD
from tollbook.extract.grammar.head_patterns import SINGULAR_EVENT_END as _SINGULAR_EVENT_END
from tollbook.extract.grammar.head_patterns import SINGULAR_EVENT_NOUNS as _SINGULAR_EVENT_NOUNS
from tollbook.extract.grammar.head_patterns import SPACES as _SPACES
from tollbook.extract.grammar.head_patterns import WERE_POP as _WERE_POP
from tollbook.extract.grammar.populations import ORGANISATION_DEFAULT
from tollbook.extract.numbers import NumberMention
from tollbook.extract.records import Head

__all__ = ["OF_THEM", "head_of", "singular_head", "were_population"]


def _population_for_org(org: str) -> tuple[str, str]:
    o = org.lower()
    pop = next((pop for rx, pop in _ORGANISATION_RES if rx.search(o)), ORGANISATION_DEFAULT)
    return pop.population, pop.population_class


def head_of(text: str, num: NumberMention, stop: int) -> Head | None:
    """(population, class, unit, end of noun phrase, category named by the noun) or None."""
    end = num.span[1]
    after = text[end : min(stop, end + 80)]
    framed = _framed_head(text, after, end, stop)
    if framed is not None:
        return framed
    if num.written == "vague" or _SCALE_END.search(num.text):
        of = _OF_THE.match(after)  # "dozens of civilians"
        if of:
            after = " " * of.end() + after[of.end() :]
    # Up to three modifiers before the head noun: "three Palestinian civilians".
    pos = 0
    other = _OTHER_POP.match(after)
    if other and lx.POP_RE.match(after, other.end()):
        pos = other.end() - 1  # "150,000 other people": "other" does not end the phrase
    coordinated = _EVENT_COORDINATED.match(after)  # "438,000 new and repeated displacements"
    if coordinated:
        category, population = lx.CATEGORY_NOUNS[coordinated.group(1).lower()]
        return Head(population, "unknown", "people", end + coordinated.end(), category)
    adverbs = True  # only adverbs so far: "2.4 million internally displaced people"
    for _ in range(4):
        ws = _SPACES.match(after[pos:])
        if not ws:
            break
        p = pos + ws.end()
        cat = _CATEGORY_NOUN.match(after[p:])
        # Nouns of events may follow modifiers: "38,000 conflict-related displacements".
        if cat and (p == ws.end() or cat.group(1).lower() in _EVENT_NOUNS | _HEAD_ONLY_NOUNS
                    or (adverbs and _adverbed(after, cat, p))
                    or _one_event(after, num, cat, p)):  # fmt: skip
            return _category_head(after, end, cat.group(1).lower(), p + cat.end())
        dead = _DEAD_WORD.match(after[p:]) if p > ws.end() else None
        pm = lx.POP_RE.match(after, p + (dead.end() if dead else 0))
        if pm and (dead is None or pm.group(0).lower() != "dead"):
            return _people_head(after, end, pm, dead is not None)
        word = _MODIFIER.match(after[p:])
        # An all-capitals word is a name ("IS", "BH/IS", "ELN"), never the verb "is".
        if not word or (word.group(0).lower() in lx.MODIFIER_STOP and not word.group(0).isupper()):
            break
        pos = p + word.end()
        adverbs = adverbs and _DEGREE_ADVERB.match(word.group(0)) is not None \
            and word.group(0).lower() not in _FATAL_ADVERBS  # fmt: skip
        if _SENTENCE_END_WORD.fullmatch(word.group(0)):
            break  # "224 temporary shelters.Many others": a lost space after a full stop
    return None


def _adverbed(after: str, cat: re.Match[str], p: int) -> bool:
    """ "eleven seriously injured", "2.4 million internally displaced": a participle used as a noun
    past degree adverbs, unless a people noun follows it ("eleven seriously injured people")."""
    noun = cat.group(1).lower()
    if noun == "displaced":  # "internally displaced people": the noun says who (_category_head)
        return True
    return noun in _ADVERBED_NOUNS and _ADVERBED_NOT_BEFORE.match(after, p + cat.end()) is None


def _one_event(after: str, num: NumberMention, cat: re.Match[str], p: int) -> bool:
    """ "one reported death": a singular event noun after modifiers, counting one, ending its phrase."""
    return num.value == 1 and cat.group(1).lower() in _SINGULAR_EVENT_NOUNS \
        and _SINGULAR_EVENT_END.match(after, p + cat.end()) is not None  # fmt: skip


def _framed_head(text: str, after: str, end: int, stop: int) -> Head | None:
    """People named by a frame rather than a noun after the number: "members of the security
    forces", "17 of whom were students", "of their own soldiers"; None when there is none."""
    m = _MEMBERS_OF.match(after)
    if m:
        pop, cls = _population_for_org(m.group("org"))
        return Head(pop, cls, "people", end + m.end(), None)
    m = OF_THEM.match(after)
    if m:
        named = were_population(text, end + m.end(), stop)
        if named:  # "17 of whom were students"
            (population, cls, unit), np_end = named
            return Head(population, cls, unit, np_end, None)
        return Head("people", "unknown", "people", end + m.end(), None)
    m = _OF_OWN.match(after)
    if m:
        pm = lx.POP_RE.match(after, m.end())
        if pm:
            population, cls, unit = lx.POPULATIONS[pm.group(0).lower()]
            if unit != "people":  # "five of his family (members)": people of the family, not families
                more = _MEMBERS_AFTER.match(after, pm.end())
                return Head("people", cls, "people", end + (more.end() if more else pm.end()), None)
            return Head(population, cls, unit, end + pm.end(), None)
    elided = _OF_OWN_ELIDED.match(after)
    if elided:
        return Head("people", "unknown", "people", end + elided.end(), None)
    return None


def _category_head(after: str, end: int, noun: str, np_end: int) -> Head:
    """A noun that names the category itself: "27 dead", "38,000 conflict-related displacements"."""
    category, population = lx.CATEGORY_NOUNS[noun]
    _, cls, unit = lx.POPULATIONS.get(population, (population, "unknown", "people"))
    who = lx.POP_RE.match(after, np_end + 1) if category == "displaced" and after[np_end : np_end + 1] == " " else None
    if who:  # "14,593 internally displaced households": the noun says who
        (population, cls, unit), np_end = lx.POPULATIONS[who.group(0).lower()], who.end()
    return Head(population, cls, unit, end + np_end, category)


def _people_head(after: str, end: int, pm: re.Match[str], dead: bool) -> Head:
    """A people noun (`pm`) and what follows it: more people words, a category noun."""
    population, cls, unit = lx.POPULATIONS[pm.group(0).lower()]
    np_end = pm.end()
    # "12 rebel fighters", "two police commanders": the last people word is the head,
    # unless it says less ("3 civilian victims" stay civilians). A plural ends the noun
    # phrase: "took 40 soldiers prisoner".
    while not _PLURAL_END.search(after, 0, np_end) and (more := _NEXT_POP.match(after, np_end)) is not None \
            and more.group(1).lower() not in lx.CATEGORY_NOUNS:  # fmt: skip
        np_end = more.end()
        if lx.POPULATIONS[more.group(1).lower()][0] != "people":
            population, cls, unit = lx.POPULATIONS[more.group(1).lower()]
    # "6 rebel fatalities", "3 civilian deaths": the people word modifies a category noun.
    event = _EVENT_AFTER.match(after, np_end)
    if event and not dead:
        category = lx.CATEGORY_NOUNS[event.group(1).lower()][0]
        return Head(population, cls, unit, end + event.end(), category)
    # "three handcuffed dead women": the modifier names the category.
    # "internally displaced people": the modifier names the category too.
    noun_cat = "killed" if dead else "displaced" if pm.group(0).lower().endswith(_DISPLACED_POP) else None
    return Head(population, cls, unit, end + np_end, noun_cat)


def singular_head(text: str, num: NumberMention, stop: int) -> Head | None:
    m = lx.SINGULAR_RE.match(text, num.span[0], stop)
    if not m:
        return None
    population, cls, unit = lx.POPULATIONS[m.group("n").lower()]
    # "a rebel commander": the listed noun may modify the real head.
    more = phrases.open_np(text, m.end(), stop, plural=False)
    known = more is not None and more[1] in lx.POPULATIONS
    dead = "killed" if _DEAD_IN.search(m.group(0)) else None  # "a dead man"
    return Head(population, cls, unit, more[0] if more and known else m.end(), dead)


def were_population(text: str, pos: int, end: int) -> tuple[tuple[str, str, str], int] | None:
    """The people named after "were" at `pos` ("... were students"), and where the noun ends."""
    were = _WERE_POP.match(text, pos, end)
    pm = lx.POP_RE.match(text, were.end(), end) if were else None
    if pm is None:
        return None
    return lx.POPULATIONS[pm.group(0).lower()], pm.end()


