"""Trigger words: the declared word tables -> the stems whose absence lets a sentence skip every
count rule (issue 23's pre-filter, scan/cues.py).

Why it is sound: a count claim has a category, and a category is only ever named by a word (a
cue verb, a category noun, a toll, a completing word such as "dead" or "hostage", "among the
dead"). A sentence that holds none of those words can give no count claim, whatever its
numbers. Stems are matched as substrings, ASCII case-insensitively, so glued words
("peoplewere killed") and every inflection keep their sentence; a few non-ASCII letters that
Python's case-insensitive patterns equate with ASCII ones (Kelvin sign, long s, dotted and
dotless i) keep it too (`FOLDS_TO_ASCII`).

Two sources, one set: every word of the verb and noun tables the rules read (so a new cue verb
declared there is a trigger without further work), and `STEMS` below for the words written
inside cue patterns. tests/test_cues.py checks, on every corpus it can read, that the pre-filter
changes no output: a rule that learns a new word fails there until the word is declared here.

Companions: a verb that tells a count again or runs it on ("grew", "revised", "bringing") names
no category; it gives a claim only after a category word (a trigger anyway: "the death toll grew
to 40") or after a count noun whose category it inherits ("the total grew to 58", "bringing
the tally to 30": lexicon's `_COUNT_NOUN_UPDATE` and running-total cues). So `companion_stems()`
flag a sentence only together with one of `COUNT_NOUNS` (scan/cues.py's `PairedCues`), and
"Exports grew by 5.5 percent." costs no rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from tollbook.extract.grammar import injury_patterns as injury
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.lexicon import CATEGORY_NOUNS, UPDATE_VERBS
from tollbook.extract.grammar.literals import FOLDS_TO_ASCII

__all__ = ["COUNT_NOUNS", "FOLDS_TO_ASCII", "RUNNING_TOTAL_VERBS", "STEMS", "companion_stems", "trigger_stems"]

#: Stems written inside cue patterns (lexicon's left and right cues, zeros, tolls, housing,
#: displacement, unquantified deaths), grouped by category. Substrings: "injur" keeps
#: "injured", "injuries", "injuring".
STEMS: tuple[str, ...] = (
    # killed
    "kill", "dead", "death", "dying", "fatal", "lives", "lost", "toll", "murder", "massacr", "execution",
    "assassin", "behead", "decapitat", "lynch", "slain", "slay", "slaughter", "strangl", "martyr",
    "perish", "succumb", "body", "bodies", "corpse", "remains", "skull", "skelet", "human", "victim",
    "shot", "shoot", "stab", "burn", "tortur", "crush", "knif", "suffocat", "trampl", "drown",
    "wiped", "blew", "blow", "fire", "ablaze", "alight", "fate",
    # an attacker's own death (attacker_patterns: "detonate themselves", "turned the gun on himself")
    "detonat", "himself", "herself", "themselves",
    # wounded, casualties (care and wounds: injury_patterns' tables, and "in critical condition")
    "wound", "injur", "hurt", "harmed", "maim", "casualt", "condition",
    # hostage, detained, missing
    "hostage", "abduct", "kidnap", "captur", "captive", "prisoner", "seiz", "detain", "arrest",
    "jail", "custody", "imprison", "rounded", "rounding", "missing", "disappear", "unaccounted", "whereabouts", "away",
    "carried", "carrying", "whisk", "spirited", "gunpoint", "captor", "hijack",
    # displaced, returned, orphaned: the verbs, and the shelters' and camps' own words
    "displac", "uproot", "evacu", "fled", "flee", "flight", "exodus", "refug", "idp", "homeless",
    "shelter", "camps", "tents", "collective", "relief", "transit", "temporar", "emergency",
    "staying", "living", "hosted", "forc", "relocat", "arrived", "pushed", "pushing", "crossed",
    "moved", "return", "repatriat", "orphan", "driven", "chased",
    # housing
    "destroy", "destruct", "damag", "collaps", "flatten", "razed", "razing", "levelled", "leveled",
    "demolish", "gutted", "washed", "swept", "homes", "houses", "housing", "dwelling", "huts",
    "residential",
)  # fmt: skip

#: The verbs of a running total (lexicon's cumulative left cues and `TOTAL_AHEAD`: "bringing the
#: total to 40", "brings to 332,000 the number of people displaced"): companions, like
#: `UPDATE_VERBS`; "pushing" stays a trigger of its own ("pushed across the border").
RUNNING_TOTAL_VERBS: tuple[str, ...] = ("bring", "brought", "raising", "raises", "taking", "takes")

#: The nouns a companion's figure inherits a category through (lexicon's `_COUNT_NOUN_UPDATE`,
#: the cumulative cues, `TOTAL_AHEAD`): "the figure was raised to 58" is a killed claim.
COUNT_NOUNS: tuple[str, ...] = ("count", "figure", "number", "total", "tally")

#: FOLDS_TO_ASCII (declared in literals.py, which the grammar's word gates import): a sentence
#: holding one keeps its rules, since a cue may be spelled with it; tests/test_cues.py derives
#: the set again from `re`.


#: Words too common to stand for a phrase: "gun down" keeps its sentences by "gun".
_FUNCTION_WORDS = frozenset(
    "a an and as at by down for from his her in is of on or out the their to up was were with".split()
)


def _uncovered(entries: Iterable[str], stems: set[str]) -> set[str]:
    """One word for each entry none of whose words holds a stem yet: its longest, not a function
    word where it has another (any word of a phrase is needed for the phrase to match)."""
    out: set[str] = set()
    for entry in entries:
        parts = [p for p in entry.lower().replace("-", " ").split() if p.isalpha()]
        if not parts or any(stem in p for p in parts for stem in stems | out):
            continue
        content = [p for p in parts if p not in _FUNCTION_WORDS] or parts
        out.add(max(content, key=len))
    return out


def trigger_stems() -> tuple[str, ...]:
    """Every trigger: `STEMS` and a word of each entry of the declared verb and noun tables that
    no stem covers yet, lower case, without a stem that another stem already contains (sorted)."""
    return _minimal(_triggers())


def companion_stems() -> tuple[str, ...]:
    """The update and running-total verbs no trigger covers: each flags a sentence only with a
    count noun in it (`COUNT_NOUNS`; a trigger flags it anyway), sorted."""
    triggers = _triggers()
    words = _uncovered(UPDATE_VERBS, triggers) | _uncovered(RUNNING_TOTAL_VERBS, triggers)
    return _minimal(words)


def _minimal(words: set[str]) -> tuple[str, ...]:
    # "killing" needs no entry of its own beside "kill": the automaton is smaller, same answer.
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _triggers() -> set[str]:
    words = set(STEMS)
    tables: list[Iterable[str]] = [
        (form for _cat, participle, ing in vb.CUE_VERBS for form in (participle, ing)),
        vb.VICTIM_VERBS, vb.PRESENT_CUE_VERBS, vb.HEADLINE_PREDICATES, vb.VICTIM_BEFORE,
        CATEGORY_NOUNS, vb.MORE_DEATH_PREDICATES, vb.DIED_PREDICATES, vb.MANNER_VERBS,
        vb.WOUND_NOUNS, injury.WOUND_NOUNS, injury.CARE_PLACES, injury.HARM_PARTICIPLES,
        injury.HIT_VERBS, injury.PROJECTILES,
    ]  # fmt: skip
    for table in tables:
        words |= _uncovered(table, words)
    return words
