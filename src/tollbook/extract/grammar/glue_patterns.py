"""Glued-word grammar read by extract/glue.py, declared as word sets and patterns, compiled once:
the words of displacement reporting and the function words PDF extraction glues to them, the
words a figure may follow or precede glued, glued auxiliaries, real words never split, and the
patterns that find where a repair may be needed.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation

#: Words that carry the reporting: cue verbs, nouns, population heads, number scales.
CONTENT = frozenset(
    """displaced displacement displacements evacuated evacuation evacuations evacuees forced
    fled flee fleeing uprooted relocated homeless refuge shelter shelters sheltered sheltering
    living staying camps camp returned returnees destroyed damaged collapsed houses homes
    people persons families households individuals residents civilians children villagers
    internally newly new million thousand hundred killed dead died injured wounded missing
    shelling fighting violence floods flooding clashes storm typhoon cyclone hurricane earthquake
    landslides damage destruction""".split()
)
#: Function words that PDF extraction glues to their neighbours.
FUNCTION = frozenset(
    """were was are is have has had been be being still already to in at from by of the and
    who about around more than nearly almost some over between seek sought seeking took taken
    taking find found following after during amid""".split()
)
WORDS = CONTENT | FUNCTION
#: Words a figure may follow directly when glued to it ("Around1.6 million", "least140,000").
BEFORE_DIGIT = frozenset(
    "about around almost nearly some over approximately least than with of and by from another".split()
)
AFTER_DIGIT = frozenset("million thousand hundred people persons families households".split())
#: Auxiliaries glued together: no English word is spelt so, and the figure rules read them.
AUX_PAIRS = frozenset(
    "mayhave mighthave couldhave havebeen hasbeen hadbeen tobe willbe werebeing wasbeing".split()
)
#: Real words that happen to be made of listed words: never split.
REAL = frozenset("overstaying infighting newfound newsome".split())

_W = alternation(sorted(WORDS))
#: Where a repair may be needed, found without IGNORECASE (on the lower-cased text where case
#: does not matter) so that the word tries branch on their first letter: most sentences cost
#: two searches and a look at their hyphens.
LOWER_CANDIDATE = re.compile(
    rf"(?<![a-z])(?:{_W})(?:(?:{_W}){{1,2}}(?![a-z])|\d)"
    rf"|(?<![a-z])(?:{alternation(sorted(BEFORE_DIGIT))})\d"
    rf"|(?<![a-z]){alternation(sorted(AUX_PAIRS))}(?![a-z])"
    rf"|\d(?:{alternation(sorted(AFTER_DIGIT))})(?![a-z])"
)
CASED_CANDIDATE = re.compile(
    rf"(?<![A-Za-z])(?:{_W})[A-Z]|[A-Z]{{2}}(?:{_W})(?![A-Za-z])|[a-z]{{3}}\.[A-Z][a-z]"
)
HYPHEN = re.compile(r"([A-Za-z]+)-([a-z]+)")
FULL_STOP = re.compile(r"([a-z]{3,}\.)([A-Z][a-z]+)")
GLUE_TOKEN = re.compile(
    r"[a-z]{3,}\.[A-Z][a-z]+|[A-Za-z]+\d[\d,.]*|\d[\d,.]*[A-Za-z]+|[A-Za-z]+-[a-z]+|[A-Za-z]+"
)
