"""Head-noun grammar read by extract/heads.py, declared as named patterns, compiled once: the noun
phrases after a number ("members of the security forces", "17 of whom were", "6 rebel fatalities").
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.populations import ORGANISATION_POPULATIONS
from tollbook.extract.grammar.verbs import participles

# Hot patterns, compiled once: `re.match(pattern, ...)` pays a cache lookup on every call.
SCALE_END = re.compile(r"(?:hundred|thousand|million|dozen)\Z", re.I)

SPACES = re.compile(r"\s+")

CATEGORY_NOUN = re.compile(r"(?:more\s+|other\s+)?(" + "|".join(lx.CATEGORY_NOUNS) + r")\b", re.I)

EVENT_AFTER = re.compile(r"\s+(fatalities|fatality|deaths|death|casualties)\b", re.IGNORECASE)

PLURAL_END = re.compile(r"(?:[^s]s|men|people|children|ren)\Z", re.IGNORECASE)

NEXT_POP = re.compile(r"[ ]+(" + lx.POP_RE.pattern + ")", re.IGNORECASE)

DEAD_WORD = re.compile(r"dead\s+", re.IGNORECASE)

MODIFIER = re.compile(r"[A-Za-z][\w'’./-]*")

SENTENCE_END_WORD = re.compile(r"[a-z]{3,}\.")

DISPLACED_POP = ("displaced persons", "displaced people")

EVENT_COORDINATED = re.compile(
    r"\s+(?!(?:and|or)\b)[a-z][a-z-]*\s+(?:and|or)\s+[a-z][a-z-]*\s+(displacements|deaths|injuries|fatalities)\b"
)

# "more" after a number is read with the number (counts._with_more: "150,000 more"), so only
# "other" is left to skip here.
OTHER_POP = re.compile(r"\s+other\s", re.IGNORECASE)

#: Participles used as nouns that a figure may reach across degree adverbs: "2.4 million
#: internally displaced", "eleven seriously injured", "five slightly wounded" (any -ly word, as
#: "Internally Displaced" in titles); a fatal adverb makes the wound a death, which
#: extract/fatal.py reads ("three fatally injured" is no wounded count).
ADVERBED_NOUNS = frozenset("displaced injured wounded".split())
DEGREE_ADVERB = re.compile(r"[a-z]+ly\Z", re.IGNORECASE)
#: After such a participle, a people noun is the head ("eleven seriously injured people").
ADVERBED_NOT_BEFORE = re.compile(r"\s+(?:" + lx.POP_RE.pattern + r")", re.IGNORECASE)

EVENT_NOUNS = frozenset("displacements deaths fatalities casualties injuries".split())
#: Category nouns that are only ever nouns (never a participle or an adjective standing as the
#: predicate: "dead", "missing", "wounded"), so they head their phrase after modifiers too:
#: "3,200 additional IDPs", "five Afghan hostages".
HEAD_ONLY_NOUNS = frozenset("hostages abductees idps returnees orphans".split())

#: The singular of an event noun after modifiers counts one event when the figure is one ("one
#: reported death", "One Boko Haram death reported") and the noun ends its phrase: a phrase
#: boundary or a function word follows, never a noun it modifies ("one more death threat").
SINGULAR_EVENT_NOUNS = frozenset("death fatality".split())
SINGULAR_EVENT_END = re.compile(
    r"(?=\s*(?:[,.;:)]|\Z)|\s+(?:was|is|has|had|reported|confirmed|recorded|and|in|on|at|after|during|"
    r"from|when|while|as|following|plus|with)\b)",
    re.IGNORECASE,
)

#: "members of the security forces": the organisation says who they are; it ends before a
#: predicate, its auxiliary left out or not ("and three members of his family wounded").
#: "family members of the judge" are his relatives (populations: "family members"), not an
#: organisation's members.
MEMBERS_OF = re.compile(
    r"^\s+(?:(?!(?:family|household)\s)[\w'’-]+\s+)?(?:members?|personnel|elements)\s+of\s+(?:the\s+)?(?P<org>[^,.;]{1,50}?)"
    r"(?=\s+(?:were|was|are|who|had|have|in|on|at|and|during|died|hurt|" + participles() + r")\b|\s*\(|[,.;]|$)",
    re.IGNORECASE,
)

#: "members" after a group's noun in a partitive: "five of his family members".
MEMBERS_AFTER = re.compile(r"\s+members\b", re.IGNORECASE)
OF_OWN = re.compile(r"^\s+of\s+(?:our|their|its|his|her|the)\s+(?:own\s+)?", re.IGNORECASE)
#: "65 rebels and 13 of its own were killed": "own" with its noun left out is the head, the
#: people of the side the sentence speaks for (heads.head_of).
OF_OWN_ELIDED = re.compile(
    r"^\s+of\s+(?:our|their|its|his|her)\s+own(?=\s*(?:[,.;:)]|\Z)|\s+(?:were|was|are|is|had|have|killed|dead|died|wounded|injured)\b)",
    re.IGNORECASE,
)

WERE_POP = re.compile(r"\s+(?:were|was|are|being)\s+(?:\w+\s+)?", re.IGNORECASE)

OF_THEM = re.compile(r"^\s+(?:of\s+(?:them|whom|those|the\s+(?:dead|victims|wounded|injured)))\b",
                      re.IGNORECASE)  # fmt: skip

#: "dozens of civilians": the "of" a vague amount or scale word takes before its people.
OF_THE = re.compile(r"\s+of(?:\s+the)?(?=\s)")
#: "a dead man": the article's own words say the person was killed.
DEAD_IN = re.compile(r"\bdead\b", re.IGNORECASE)

#: The organisations whose members are counted, compiled from populations.ORGANISATION_POPULATIONS.
ORGANISATION_RES = tuple((re.compile(pat), pop) for pat, pop in ORGANISATION_POPULATIONS)
