"""Heads: the people a number counts, read from the words after it -> (population, class,
unit, end of the noun phrase, category the noun names).

"63 children", "70 elderly citizens", "members of the security forces", "17 of whom were
students", "6 rebel fatalities", "a rebel commander".
"""

from __future__ import annotations

import re

from tollbook.extract import phrases
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.numbers import NumberMention

# Hot patterns, compiled once: `re.match(pattern, ...)` pays a cache lookup on every call.
_SCALE_END = re.compile(r"(?:hundred|thousand|million|dozen)\Z", re.I)
_SPACES = re.compile(r"\s+")
_CATEGORY_NOUN = re.compile(r"(?:more\s+|other\s+)?(" + "|".join(lx.CATEGORY_NOUNS) + r")\b", re.I)
_EVENT_AFTER = re.compile(r"\s+(fatalities|fatality|deaths|death|casualties)\b", re.IGNORECASE)
_PLURAL_END = re.compile(r"(?:[^s]s|men|people|children|ren)\Z", re.IGNORECASE)
_NEXT_POP = re.compile(r"[ ]+(" + lx.POP_RE.pattern + ")", re.IGNORECASE)
_DEAD_WORD = re.compile(r"dead\s+", re.IGNORECASE)
_MODIFIER = re.compile(r"[A-Za-z][\w'’./-]*")
_SENTENCE_END_WORD = re.compile(r"[a-z]{3,}\.")
_DISPLACED_POP = ("displaced persons", "displaced people")
_EVENT_COORDINATED = re.compile(
    r"\s+(?!(?:and|or)\b)[a-z][a-z-]*\s+(?:and|or)\s+[a-z][a-z-]*\s+(displacements|deaths|injuries|fatalities)\b"
)
# "more" after a number is read with the number (counts._with_more: "150,000 more"), so only
# "other" is left to skip here.
_OTHER_POP = re.compile(r"\s+other\s", re.IGNORECASE)
_EVENT_NOUNS = frozenset("displacements deaths fatalities casualties injuries".split())
_MEMBERS_OF = re.compile(
    r"^\s+(?:[\w'’-]+\s+)?(?:members?|personnel|elements)\s+of\s+(?:the\s+)?(?P<org>[^,.;]{1,50}?)"
    r"(?=\s+(?:were|was|are|who|had|have|in|on|at|and|during|died|killed)\b|\s*\(|[,.;]|$)",
    re.IGNORECASE,
)
_OF_OWN = re.compile(r"^\s+of\s+(?:our|their|its|his|her|the)\s+(?:own\s+)?", re.IGNORECASE)
_WERE_POP = re.compile(r"\s+(?:were|was|are|being)\s+(?:\w+\s+)?", re.IGNORECASE)
OF_THEM = re.compile(r"^\s+(?:of\s+(?:them|whom|those|the\s+(?:dead|victims|wounded|injured)))\b",
                      re.IGNORECASE)  # fmt: skip
def _population_for_org(org: str) -> tuple[str, str]:
    o = org.lower()
    if re.search(r"police|gendarm", o):
        return "police", "combatant"
    if re.search(r"army|armed\s+forces|military|security\s+forces|defen[cs]e\s+forces|troops|navy|guard", o):
        return "soldiers", "combatant"
    if re.search(r"famil|household|communit|congregation|press|media|public", o):
        return "people", "unknown"
    return "militants", "combatant"


def head_of(text: str, num: NumberMention, stop: int) -> tuple[str, str, str, int, str | None] | None:
    """(population, class, unit, end of noun phrase, category named by the noun) or None."""
    end = num.span[1]
    after = text[end : min(stop, end + 80)]
    m = _MEMBERS_OF.match(after)
    if m:
        pop, cls = _population_for_org(m.group("org"))
        return pop, cls, "people", end + m.end(), None
    m = OF_THEM.match(after)
    if m:
        named = were_population(text, end + m.end(), stop)
        if named:  # "17 of whom were students"
            (population, cls, unit), np_end = named
            return population, cls, unit, np_end, None
        return "people", "unknown", "people", end + m.end(), None
    m = _OF_OWN.match(after)
    if m:
        pm = lx.POP_RE.match(after, m.end())
        if pm:
            population, cls, unit = lx.POPULATIONS[pm.group(0).lower()]
            return population, cls, unit, end + pm.end(), None
    if num.written == "vague" or _SCALE_END.search(num.text):
        of = re.match(r"\s+of(?:\s+the)?(?=\s)", after)  # "dozens of civilians"
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
        return population, "unknown", "people", end + coordinated.end(), category
    adverbs = True  # only adverbs so far: "2.4 million internally displaced people"
    for _ in range(4):
        ws = _SPACES.match(after[pos:])
        if not ws:
            break
        p = pos + ws.end()
        cat = _CATEGORY_NOUN.match(after[p:])
        # Nouns of events may follow modifiers: "38,000 conflict-related displacements".
        if cat and (p == ws.end() or cat.group(1).lower() in _EVENT_NOUNS
                    or (adverbs and cat.group(1).lower() == "displaced")):  # fmt: skip
            category, population = lx.CATEGORY_NOUNS[cat.group(1).lower()]
            _, cls, unit = lx.POPULATIONS.get(population, (population, "unknown", "people"))
            np_end = p + cat.end()
            who = lx.POP_RE.match(after, np_end + 1) if category == "displaced" and after[np_end : np_end + 1] == " " else None
            if who:  # "14,593 internally displaced households": the noun says who
                (population, cls, unit), np_end = lx.POPULATIONS[who.group(0).lower()], who.end()
            return population, cls, unit, end + np_end, category
        dead = _DEAD_WORD.match(after[p:]) if p > ws.end() else None
        pm = lx.POP_RE.match(after, p + (dead.end() if dead else 0))
        if pm and (dead is None or pm.group(0).lower() != "dead"):
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
                return population, cls, unit, end + event.end(), category
            # "three handcuffed dead women": the modifier names the category.
            # "internally displaced people": the modifier names the category too.
            noun_cat = "killed" if dead else "displaced" if pm.group(0).lower().endswith(_DISPLACED_POP) else None
            return population, cls, unit, end + np_end, noun_cat
        word = _MODIFIER.match(after[p:])
        # An all-capitals word is a name ("IS", "BH/IS", "ELN"), never the verb "is".
        if not word or (word.group(0).lower() in lx.MODIFIER_STOP and not word.group(0).isupper()):
            break
        pos = p + word.end()
        adverbs = adverbs and word.group(0).lower().endswith("ly")
        if _SENTENCE_END_WORD.fullmatch(word.group(0)):
            break  # "224 temporary shelters.Many others": a lost space after a full stop
    return None


def singular_head(text: str, num: NumberMention, stop: int) -> tuple[str, str, str, int, str | None] | None:
    m = lx.SINGULAR_RE.match(text, num.span[0], stop)
    if not m:
        return None
    population, cls, unit = lx.POPULATIONS[m.group("n").lower()]
    # "a rebel commander": the listed noun may modify the real head.
    more = phrases.open_np(text, m.end(), stop, plural=False)
    known = more is not None and more[1] in lx.POPULATIONS
    dead = "killed" if re.search(r"\bdead\b", m.group(0), re.IGNORECASE) else None  # "a dead man"
    return population, cls, unit, more[0] if more and known else m.end(), dead


def were_population(text: str, pos: int, end: int) -> tuple[tuple[str, str, str], int] | None:
    """The people named after "were" at `pos` ("... were students"), and where the noun ends."""
    were = _WERE_POP.match(text, pos, end)
    pm = lx.POP_RE.match(text, were.end(), end) if were else None
    if pm is None:
        return None
    return lx.POPULATIONS[pm.group(0).lower()], pm.end()


