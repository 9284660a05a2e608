"""Reading grammar read by extract/readings.py, declared as named patterns, compiled once."""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar import active_objects as ob
from tollbook.extract.grammar import burning_patterns as bp
from tollbook.extract.grammar import nominals as nm
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar import wound_nominal_patterns as wn
from tollbook.extract.grammar.alternation import alternation

#: Between an agent and its victims: an active verb, no passive ("X was killed and his aide
#: was injured": the first figure is a victim too).
AGENT_GAP = re.compile(r"^(?![^,;:.()]*\b(?:was|were|is|are|been)\b)[^,;:.()]{1,40}$", re.IGNORECASE)

#: The words without which a reading cannot produce anything in a sentence (issue 23): its
#: patterns need one of them inside text[start:end], so readings.complete skips the reading
#: where none occurs. Each list is derived from the tables its patterns are built from; a
#: phrase counts by its last word ("gunshot wounds": "wounds"). Declare only what the
#: reading's code shows it cannot fire without; a reading not listed always runs.
READING_ANCHORS: Final[dict[str, tuple[str, ...]]] = {
    # CAUSED and WITH_WOUND need a wound noun, AND_THE_INJURY its nominal
    "wound_nominals": (*wn.WOUND_NOUNS, *wn.INJURY_NOMINALS),
    # RECEIVED needs a wound noun
    "sustained": tuple(vb.WOUND_NOUNS),
    # SUBJECT and OBJECT need "another", "one other", "the other", "a second" ...
    "others": ("other", "second", "third", "fourth", "fifth"),
    # SPLIT and PASSIVE need a result ("alight", "to death", ...)
    "burning": (*bp.SET_RESULTS, *bp.BURN_RESULTS),
    # SHOT needs "shot" in the sentence (the survival may come after it)
    "survivors": ("shot",),
    # PRONOUN_OBJECT needs "them", "him" or "her"
    "objects": ("them", "him", "her"),
    # NOMINAL needs a killing or death noun, or "fatal" before its noun
    # VERB needs a killing verb (past, present, or a manner verb's result), WOUND_VERB a
    # wounding verb or a manner verb's wounding result
    "active_objects": (*ob.KILLING_VERBS, *ob.KILLING_PRESENT, *ob.KILLING_RESULTS, *ob.WOUNDING_VERBS,
                       *ob.WOUNDING_RESULTS),  # fmt: skip
    "nominals": (*nm.KILLING_NOUNS, *nm.DEATH_NOUNS, "fatal"),
    # RELATIVE needs the relative pronoun
    "relatives": ("who",),
    # FRONTED needs besides_patterns.ADDITIVE: "in addition to", "besides", "aside from", "apart from"
    "besides": ("addition", "besides", "aside", "apart"),
}


def _anchor_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words' last words, case-blind as the readings' patterns are."""
    return re.compile(alternation(sorted({w.split()[-1].lower() for w in words})), re.IGNORECASE)


#: READING_ANCHORS compiled: one search of the sentence per reading says whether it may fire.
ANCHORS: Final[dict[str, re.Pattern[str]]] = {name: _anchor_pattern(w) for name, w in READING_ANCHORS.items()}
