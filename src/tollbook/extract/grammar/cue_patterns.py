"""Cue grammar read by extract/cues.py, declared as named patterns and word tables, compiled once:
the barriers that end a right-cue window, the passive auxiliaries and transitive verbs that decide
who is the victim, the words a toll names, the relative clauses a cue may stand behind.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.lexicon import IRREGULAR_VERBS
from tollbook.extract.grammar.loader import WordTable
from tollbook.extract.grammar.numberwords import TENS, spelled
from tollbook.extract.grammar.verbs import (
    BE,
    MANNER_VERBS,
    MORE_DEATH_PREDICATES,
    VICTIM_BEFORE,
    VICTIM_VERBS,
    participles,
)

CUE_TOKEN = re.compile(r"[^\s,]+")

#: "may have been destroyed" says what perhaps happened (kept, flagged hedged by lx.HEDGE_RE);
#: "may be displaced" says what may yet happen (a barrier).
EPISTEMIC_PAST = re.compile(r"(?:may|might|could)\s+(?:well\s+)?have\s+", re.IGNORECASE)

OWNER_BEFORE = re.compile(r"(?<![\w'’])(?:his|her|their|its|our)\s+\Z", re.IGNORECASE)

BARRIER_WORDS = frozenset(
    "could might may would will should can cannot but while whereas although though if "
    "unless threatened threatens vowed plans planned claimed denied".split()
)

PASSIVE_AUX = re.compile(r"\b(?:" + BE + r"|been|being|be|got|get|remain\w*|still)\b", re.IGNORECASE)

TRANSITIVE = re.compile(
    r"\b(?:killed|slaughtered|shot\s+dead|gunned\s+down|maimed|"
    # "Two men stabbed to death a thief": the result before the object leaves the verb active
    r"(?:" + "|".join(sorted(MANNER_VERBS)) + r")\s+to\s+death|"
    r"fatally\s+(?:shot|stabbed|wounded|injured|assaulted|attacked|beat|hit|struck)|" + participles() + r")\s*$",
    re.IGNORECASE,
)

#: "villagers lynched and burned a thief", "gunmen beheaded, mutilated and killed two men": past
#: verbs coordinated after an active cue verb share its object, so the object may come after them
#: (cues.right_cue skips them before looking for it). A past form is "-ed" or an irregular past.
_PAST = r"(?:[a-z]{2,}ed|" + "|".join(sorted(IRREGULAR_VERBS)) + r")"
COORDINATED_PAST = re.compile(
    r"(?:\s*,\s*" + _PAST + r")*\s*,?\s+(?:and|then)\s+(?:then\s+)?" + _PAST + r"\b(?:\s+to\s+death\b)?",
    re.IGNORECASE,
)

#: The same coordination right before a figure: "villagers killed and burned two thieves",
#: "gunmen murdered, mutilated and dumped three farmers": the cue is the first verb's
#: (cues.left_cue looks for it before the coordination when the last verb is no cue).
TRAILING_COORDINATED_PAST = re.compile(
    r"(?:\s*,\s*" + _PAST + r")*\s*,?\s+(?:and|then)\s+(?:then\s+)?" + _PAST + r"\s+\Z", re.IGNORECASE
)

#: Last verbs that another reader counts their object with ("abducted and hanged a mother":
#: extract/active_objects.py), so the first verb does not take their object.
OWN_VICTIM_VERBS = frozenset(
    w for w in (*VICTIM_VERBS, *VICTIM_BEFORE, *MORE_DEATH_PREDICATES) if " " not in w
)

OBJECT_NEXT = re.compile(
    r"\s+(?:himself|herself|themselves|them|him|her|(?:his|their|its)\b|at\s+least|some|about|more\s+than|\d|"
    # any spelled number: "a device wounded fifteen passengers", "injured one man" (the agent is no victim)
    r"(?:a|an|the|" + spelled(1, 19) + "|" + "|".join(TENS) + r"|dozens|scores|hundreds)\b)",
    re.IGNORECASE,
)

TOLL_WORDS = (
    (r"wound|injur", "wounded"), (r"missing", "missing"), (r"displac|idps|evacuee", "displaced"),
    (r"detain|arrest", "detained"), (r"hostage", "hostage"), (r"casualt", "casualties"),
    (r"returnee", "returned"),
)  # fmt: skip

#: A running total whose words name no deaths ("bringing the total for 2031 to 13,000 families")
#: totals what the sentence counted before it; see counts._categorise.
DEATH_WORDS = re.compile(r"toll|death|dead|kill|fatalit|victim|li(?:fe|ves)")

NO_BEFORE = re.compile(r"\b(?:no|not|any|every|each|no\s+other)[\s-]+\Z", re.IGNORECASE)

#: "and one was killed", "One is dead", "one has been killed": the copula in any tense.
ONE_WAS = re.compile(r"\s+(?=(?:was|were|is|has\s+been)\s)", re.IGNORECASE)

REL_START = re.compile(
    r"\s*,?\s*(?:\(|(?:who|that|whose|suspected|accused|allegedly|reportedly|belonging|affiliated|"
    r"linked|from|of|with)\b)", re.IGNORECASE,
)

#: The subject's own auxiliary after its modifier, past or historic present ("a man who had
#: defected ... is murdered"); extract/cues.relative_cue wants it to agree with the figure.
REL_AUX = re.compile(r"(?:,\s*|\)\s*|\s)(was|were|is|are)\s", re.IGNORECASE)
#: The auxiliaries of one person and of more.
REL_AUX_ONE = frozenset({"was", "is"})
REL_AUX_MORE = frozenset({"were", "are"})

REL_OPEN = re.compile(r"\b(?:who|that|which|whom)\s+(?:[\w']+\s+){0,3}\Z", re.IGNORECASE)

REL_BARRIER = re.compile(r"[;:]|\b(?:but|while|whereas|although|though|when|because|if|could|might|"
                          r"would|may|will)\b", re.IGNORECASE)  # fmt: skip

LEFT_VERB = re.compile(r"\s*(?:left|leaving|leaves|leave)\b", re.IGNORECASE)

LEFT_RESULT = re.compile(r"(?:\s+\w+){0,2}?\s*\b(dead|killed|injured|wounded|homeless|missing)\b", re.IGNORECASE)

RESULT_CATEGORY = WordTable({"dead": "killed", "killed": "killed", "injured": "wounded", "wounded": "wounded",
                    "homeless": "displaced", "missing": "missing"})  # fmt: skip

#: "shot and killed": a verb completed by its own coordinated killing.
AND_KILL = re.compile(r"\s*\w+\s+and\s+kill", re.IGNORECASE)

#: Words after which a right cue is a modifier, not a predicate: "the head of a displaced persons'
#: camp committee was shot dead" (cues.right_cue). Indefinite only: "the dead" and "the
#: wounded" are nouns that cues may start with.
ATTRIBUTIVE_ARTICLES = frozenset({"a", "an"})
#: "is expected to visit the wounded", "will visit the dead": after "the", a cue adjective is a
#: noun, the object of some other verb, not the figure's predicate, unless a preposition of
#: membership puts the figure among them ("were among the dead", "one of the wounded").
DEFINITE_ARTICLE = "the"
MEMBERSHIP_BEFORE_DEFINITE = frozenset({"among", "amongst", "of", "including", "included", "include",
                                        "join", "joined", "joining", "joins"})

#: A toll's figure is a number: "the dead at the morgue", "the toll at the hospital" put a
#: determiner's noun phrase after the toll's preposition, a place, not its count (cues.left_cue).
#: "A"/"an" may open a toll's number ("rose to a dozen", "an estimated 40"), so they are not here.
TOLL_NOT_FIGURE = re.compile(r"(?:the|this|that|these|those|its|his|her|their)\b(?!\s+\d)", re.IGNORECASE)
