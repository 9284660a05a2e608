"""Grammar of counts without a numeral, read by extract/phrases.py, declared as named patterns,
compiled once: determiners, pronoun victims ("killing him"), uncounted deaths ("incurring fatalities").
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.literals import gate_of

DETERMINER = re.compile(r"\b(?P<a>an?|the|his|her|their|both)\s+(?=[A-Za-z])", re.IGNORECASE)

#: Prepositions of place and time that end an open noun phrase as the count rules' own stop
#: words do ("killed six Dozos near the village": the people are "six Dozos", not "Dozos near").
OPEN_NP_STOP = frozenset(
    """near outside inside around across along between behind beyond toward towards within
    without against through throughout via upon off above below beside opposite
    will would shall should can could might must""".split()
)  # modal auxiliaries end the noun phrase: "the governor will visit the injured"
NP_WORD = re.compile(r"\s+(?P<w>[A-Za-z][\w’'./-]*)")

EITHER_NUMBER = frozenset("police personnel staff militia youth".split())

#: Word gate of UNQUANTIFIED (literals.gate; proven in tests/test_gates.py): its nouns.
UNQUANTIFIED_GATE = gate_of(("fatalities", "deaths", "casualties"))
UNQUANTIFIED = re.compile(
    r"\b(?:incurr?(?:ing|ed)?|caus(?:ing|ed|e)|result(?:ing|ed)?\s+in|suffer(?:ing|ed)?|"
    r"sustain(?:ing|ed)?|inflict(?:ing|ed)?|leaving|with|report(?:ing|ed)?)\s+"
    r"(?:(?:some|heavy|many|numerous|multiple|unspecified)\s+)?(?P<n>fatalities|deaths|casualties)\b"
    r"|\b(?P<m>fatalities|deaths|casualties)\s+(?:\w+\s+){0,4}?(?:were|was|have\s+been|had\s+been)"
    r"\s+(?:also\s+)?reported\b",
    re.IGNORECASE,
)

NEGATED = re.compile(r"\b(?:no|without|not|never|any|avoid\w*|zero)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)

#: "The leader of a local group was shot dead": a cue may follow an of-complement.
OF_TAIL = re.compile(r"\s+of\s+(?:[\w'’.-]+\s+){0,5}[\w'’.-]+")

#: What may follow an object after its verb: "killed the chief of ...", "stabbed him to death".
AFTER_OBJECT = re.compile(r"\s+(?:of|who|whose|from|to\s+death|dead)\b|\s*\(", re.IGNORECASE)

#: "killed him", "wounding him", "fatally shot her", and a manner verb whose result follows the pronoun ("shot
#: him dead", "beat her to death"; the left cue's completion reads the result).
PRONOUN_VICTIM = re.compile(
    r"\b(?:killing|killed|murdering|murdered|executing|executed|assassinating|assassinated|"
    r"shot\s+and\s+killed|shooting\s+and\s+killing|stabbing|stabbed|leaving|left|"
    r"wounding|wounded|injuring|injured|maiming|maimed|"  # "fired at an informer, wounding him"
    r"fatally\s+(?:shot|shooting|stabbed|stabbing|wounded|wounding)|"
    r"(?:shot|shooting|beat|beating|hacked|hacking|stoned|stoning|clubbed|clubbing|burned|burnt|burning|"
    r"bludgeoned|bludgeoning|strangled|strangling)(?=\s+(?:him|her)\s+(?:dead|to\s+death)\b))"
    r"\s+(?P<a>him|her)\b(?!\s*self)",
    re.IGNORECASE,
)

#: Where PRONOUN_VICTIM's object can be: a sentence without it holds no match.
HIM_OR_HER = re.compile(r"\b(?:him|her)\b", re.IGNORECASE)

#: "shot a civilian, resulting in his death", "the clashes led to another death": one person.
ONE_DEATH = re.compile(
    r"\b(?:result(?:ing|ed|s)?\s+in|le(?:d|ads|ading)\s+to|caus(?:ing|ed|es)|bringing\s+about)\s+"
    r"(?P<a>his|her|another|one\s+more)\s+death\b",
    re.IGNORECASE,
)

DEAD_BODY = re.compile(r"(?:(?:dead|lifeless|female|male|decomposed|mutilated|charred|burned|burnt)\s+)*"
                       r"(?:body|corpse)$", re.IGNORECASE)  # fmt: skip

HUMAN_REMAINS = re.compile(r"\s+(?:human\s+)?(?:heads?|skulls?)\b", re.IGNORECASE)
