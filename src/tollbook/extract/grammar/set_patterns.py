"""Grammar of sets named by a noun and a participle and of the parts said of them, read by
extract/sets.py: "three of the 11 people killed were children", "two of the nine hostages freed
were foreigners" (the set is the category's figure; the part is a breakdown of it).
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.verbs import BE

#: A post-nominal participle starts after plain space: no auxiliary ("11 people were killed" is
#: the clause's own predicate, read by the count rules), no comma.
PARTICIPLE_GAP = re.compile(r"[ \t]+(?!(?:" + BE + r"|had|has|have)\b)", re.IGNORECASE)

#: The clause's finite verb after the set ("the 11 people killed (in the attack on Monday) were"):
#: it makes the participle a reduced relative, not the headline's predicate of the part ("Two of
#: the five soldiers killed in ambush": two killed). Up to twelve words (the participle and its adjuncts) between them;
#: a comma, a clause mark or a conjunction ends the search.
CLAUSE_VERB = re.compile(
    r"(?:\s+(?!(?:and|but|while|after|when|as)\b)[^\s,.;:()]+){0,12}?\s+(?P<verb>were|was|are|is)\b", re.IGNORECASE
)

#: The part's own predicate: "were children", "were all police officers", "was a journalist",
#: "were foreign nationals": the copula and its determiners; the people noun (lexicon.POP_RE)
#: follows after up to two modifiers.
PART_PEOPLE = re.compile(
    r"(?:were|was|are|is)\s+(?:all\s+|also\s+)?(?:(?:an?|the)\s+)?",
    re.IGNORECASE,
)

#: Between the part's number and its set: "three of the", "Two of those".
PART_OF = re.compile(r"\s+of\s+(?:the|those|these)\s+", re.IGNORECASE)

#: One modifier before the part's people noun: "were foreign nationals", "were off-duty police".
MODIFIER = re.compile(r"[\w-]+\s+")

#: People nouns that name a fate or a role in the event, not who the part's people are: "three of
#: the 11 people killed were victims of ..." says nothing of them.
NOT_PART_PEOPLE = frozenset({"dead", "casualties", "victims", "lives", "wounded", "injured", "fatalities"})

#: A word that ends the part's noun phrase (punctuation or the sentence's end follows): "were
#: foreigners,", "were Colombians." (an open-class person noun, persons.names_person).
WORD_END = re.compile(r"(?P<w>[\w'’-]+)(?=\s*(?:[,.;:)]|$))")
