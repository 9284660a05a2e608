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
"""

from __future__ import annotations

from collections.abc import Iterable

from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.lexicon import CATEGORY_NOUNS

__all__ = ["FOLDS_TO_ASCII", "STEMS", "trigger_stems"]

#: Stems written inside cue patterns (lexicon's left and right cues, zeros, tolls, housing,
#: displacement, unquantified deaths), grouped by category. Substrings: "injur" keeps
#: "injured", "injuries", "injuring".
STEMS: tuple[str, ...] = (
    # killed
    "kill", "dead", "death", "die", "dying", "fatal", "lives", "life", "lost", "toll", "murder",
    "massacr", "execut", "assassin", "behead", "decapitat", "lynch", "slain", "slay", "slew",
    "slaughter", "strangl", "hang", "martyr", "perish", "succumb", "bod", "corpse", "remains",
    "skull", "skelet", "victim", "gun", "shot", "shoot", "stab", "beat", "hack", "burn", "ston",
    "bludgeon", "club", "tortur", "axe", "crush", "knif", "suffocat", "trampl", "bur", "alive",
    "claim", "cost", "fate", "drown", "wiped", "blew", "blow",
    # wounded, casualties
    "wound", "injur", "hurt", "harm", "maim", "casualt", "hospital", "treat", "sustain", "suffer",
    # hostage, detained, missing
    "hostage", "abduct", "kidnap", "captur", "captive", "seiz", "prisoner", "held", "hold",
    "took", "tak", "detain", "arrest", "jail", "custody", "imprison", "round", "missing",
    "disappear", "unaccounted",
    # displaced, returned, housing, orphaned
    "displac", "uproot", "evacu", "fled", "flee", "flight", "exodus", "refug", "idp", "homeless",
    "shelter", "camp", "forc", "relocat", "left", "leav", "return", "repatriat", "orphan",
    "destroy", "destruct", "damag", "collaps", "flatten", "raz", "level", "demolish", "gutted",
    "washed", "swept", "homes", "house", "dwelling", "hut", "arriv", "push", "cross", "moved",
    "centre", "center", "site", "tent", "host", "base", "compound", "ablaze", "alight", "fire",
    # parts and tallies read with a category from elsewhere in the sentence
    "among", "toll", "tally", "number", "total", "count", "bring", "brought", "rais",
)  # fmt: skip

#: Non-ASCII letters that Python's IGNORECASE patterns equate with ASCII letters (K: Kelvin
#: sign, s: long s, i: dotted capital and dotless small i). A sentence holding one keeps its
#: rules, since a cue may be spelled with it; tests/test_cues.py derives the set again from `re`.
FOLDS_TO_ASCII: tuple[str, ...] = ("\u212a", "\u017f", "\u0130", "\u0131")


def _words(entries: Iterable[str]) -> set[str]:
    """One word of each entry (its longest): any word of a phrase is needed for it to match."""
    out = set()
    for entry in entries:
        parts = [p for p in entry.lower().replace("-", " ").split() if p.isalpha()]
        if parts:
            out.add(max(parts, key=len))
    return out


def trigger_stems() -> tuple[str, ...]:
    """Every trigger: `STEMS` and one word of each entry of the declared verb and noun tables,
    lower case, without a stem that another stem already contains (sorted)."""
    words = set(STEMS)
    words |= _words(form for _cat, participle, ing in vb.CUE_VERBS for form in (participle, ing))
    for table in (vb.VICTIM_VERBS, vb.PRESENT_VICTIM_VERBS, vb.HEADLINE_PREDICATES, vb.VICTIM_BEFORE,
                  CATEGORY_NOUNS):  # fmt: skip
        words |= _words(table)
    for seq in (vb.MORE_DEATH_PREDICATES, vb.DIED_PREDICATES, vb.MANNER_VERBS, vb.WOUND_NOUNS):
        words |= _words(seq)
    # "killing" needs no entry of its own beside "kill": the automaton is smaller, same answer.
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))
