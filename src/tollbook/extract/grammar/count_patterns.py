"""Count grammar read by extract/counts.py, declared as named patterns and word sets, compiled once:
what may stand between a figure and its cue (appositions, origins, relative pronouns), list and
breakdown joints, and the categories a noun gives people.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.numberwords import TENS, spelled
from tollbook.extract.grammar.verbs import BE, participles


def _words_b(low: int, high: int) -> str:
    r""" "one\b|two\b|three\b": spelled numbers, each a whole word."""
    return "|".join(w + r"\b" for w in spelled(low, high).split("|"))


EVENT_END = re.compile(r"\b(?:fatalities|fatality|deaths|casualties)\Z", re.IGNORECASE)

POSSESSIVE = re.compile(r"(?:his|her|their)\b", re.I)

AND_NEXT = re.compile(
    r"\s*(?:,\s*)?(?:and\s+|&\s*|as\s+well\s+as\s+)(?:\d|an?\b|the\b|his\b|her\b|their\b|" + _words_b(1, 3) + ")", re.I
)

#: "including five with disabilities and 90 infants": a part the rules could not read (no head
#: noun) still opens the list, so the next figure is a part too, not a new group.
UNREAD_PART = re.compile(
    r"\s*(?:\d[\d,]*|" + spelled(1, 12) + r"|dozens|scores|"
    r"hundreds|several|some)\s+(?:with|in|on|under|over|from|of|aged|who\s+\w+)\s+[^,;:.()\d]{0,40}?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)\Z",
    re.IGNORECASE,
)

#: Unnumbered members of a breakdown before a numbered one: "including police officers and a
#: journalist", "including Daud and five relatives" (names, roles, an aside in brackets; no
#: verb, so "including the driver, were killed and a soldier" is not one).
UNNUMBERED_PART = re.compile(
    r"(?:\s*(?!(?:was|were|is|are|has|have|had|been|who|which|that|while|when)\b)(?:[^,;:.()\d\s]+|\([^()]{1,40}\))"
    r"(?:\s+(?!(?:was|were|is|are|has|have|had|been|who|which|that|while|when)\b)(?:[^,;:.()\d\s]+|\([^()]{1,40}\))){0,7}"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))+",
    re.IGNORECASE,
)

#: Where a breakdown closes before its whole's predicate: "..., including X and a journalist, were".
BREAKDOWN_CLOSE = re.compile(r"\s*[,)]")

#: ", and" between a breakdown's member and a figure with its own predicate: a new clause.
COMMA_AND = re.compile(r"\s*,\s*and\s+$", re.IGNORECASE)
#: A predicate right after a figure (before any comma): "nine others were injured".
CUE_NEXT = re.compile(r"\s+(?:(?:" + BE + r")\s+)?(?:\w+ly\s+)?(?:" + participles() + r"|hurt|slain|dead|died|missing)\b",
                      re.IGNORECASE)  # fmt: skip

#: A comma splice after an active verb's object: "killing four elders, three others were
#: abducted" (a bare comma, then a figure with its own finite predicate): a new clause, not
#: another member of the object.
#: The joint may be "and" too: "security forces killed one raider and one guard was injured"
#: (the second member's own finite predicate makes it a clause, not a second object).
COMMA_ONLY = re.compile(r"\s*,\s*$|\s*,?\s+and\s+$", re.IGNORECASE)
#: The participles of a displacement, a fate with no cue verb row: "and 500,000 people were driven
#: from their homes" opens a clause of its own after a killing verb's objects.
DISPLACED_PARTICIPLES = r"displaced|driven\s+(?:from|out)|forced\s+(?:from|out|to\s+flee)|uprooted|evacuated|made\s+homeless"
FINITE_NEXT = re.compile(r"\s+(?:" + BE + r")\s+(?:\w+ly\s+){0,2}(?:" + participles() + r"|hurt|slain|dead|missing|"
                         + DISPLACED_PARTICIPLES + r")\b", re.IGNORECASE)  # fmt: skip

POSTED = re.compile(r"arriv|\bbases?\b|\bcompounds?\b", re.IGNORECASE)

#: "More than 150 people, the whole population of Sarn, were displaced": an apposition
#: (closed by its comma) may stand between a figure and its predicate.
APPOSITION = re.compile(
    r"\s*,\s+(?:the|a|an|mostly|mainly|many|most|all|almost|nearly|some)\s[^,;.:()]{0,80}?"
    r"(?:\([^()]{0,60}\))?\s*,(?=\s)", re.IGNORECASE
)

#: "About 400 people from the town of Pital in the south-east sought refuge": an origin phrase
#: may hold the predicate further off than other words do.
FROM_ORIGIN = re.compile(r"\s+from\s+(?:the\s+)?(?:[A-Z]|(?:town|village|city|district|area|region|province)s?\b)")

BY_BEFORE = re.compile(r"\bby\s+\Z")

#: After "and", the subject of a new clause: other people ("and many more wounded"), or a noun
#: phrase with its own singular finite verb ("An observer was killed and his aide was injured":
#: the aide, read by extract/victims.py), or a pair with its own plural verb ("and his son and
#: driver were injured": extract/subjects.py counts two). "and another soldier was injured" and a
#: plural ("and their parents were injured") are left out: no rule counts those phrases yet, so
#: the twin of the first figure stands for them.
NEW_SUBJECT = re.compile(
    r"\s*(?:many|more|others?|several|some|few|dozens|scores|hundreds|thousands|numerous|countless|"
    r"a\s+(?:number|few|handful)|an\s+unknown|one\s+other|another|the\s+other)\b"
    r"|\s*(?:his|her|their|its|the|a|an)\s+(?:[\w'’-]+\s+){1,6}?(?:was|is|has)\b"
    # its auxiliary left out: "... was killed and his chauffeur wounded"
    r"|\s*(?:his|her|their|its|the|a|an)\s+(?:(?!(?:was|were|is|are|has|have|had|been)\s)[\w'’-]+\s+){1,3}?"
    r"(?:hurt|" + participles() + r")\b"
    # a pair with its own plural verb, read by extract/subjects.py: "and his son and driver were injured"
    r"|\s*(?:his|her|their|its|the|a|an|(?-i:[A-Z])[\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,3}?and\s+"
    r"(?:(?:his|her|their|its|the|a|an)\s+)?(?:[\w'’-]+\s+){1,3}?(?:were|are|have)\b"
    # a named person with their own verb: "... were killed and (village head) Obaja Nang was injured"
    r"|\s*(?:(?-i:[a-z])[\w-]+\s+){0,2}(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,4}\s+(?:was|is|has)\b",
    re.IGNORECASE)

#: Categories a noun gives people before the event: killing or wounding them changes nothing.
STATUS_CATEGORIES = frozenset({"hostage", "detained", "displaced", "missing"})

MORE = re.compile(r"\s+more\b(?!\s+than\b)", re.IGNORECASE)

#: "The bodies of nine are discovered", "the bodies of three Fulanis were found": after "bodies
#: of" the figure counts dead people whatever is said of the bodies next, so the passive of
#: their finding may follow it as freely as a phrase boundary (`BODIES_PASSIVE_NEXT`).
BODIES_OF = re.compile(r"\b(?:bodies|remains|corpses)\s+of\s*\Z", re.IGNORECASE)
BODIES_PASSIVE_NEXT = re.compile(r"^\s*(?:were|was|are|is|have\s+been|had\s+been|has\s+been)\b", re.IGNORECASE)
#: The word after a bare figure: a thing's noun there ("neutralised 3 IEDs") makes it no count of people.
NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
FREE_AFTER = re.compile(
    r"^\s*(?:(?-i:[A-Z]{2,}[\w/-]*)\b|[,.;:()\]]|—|–|-\s|and\b|or\b|in\b|on\b|at\b|near\b|during\b|when\b|after\b|"
    r"as\b|since\b|across\b|around\b|amid\b|amidst\b|so\s+far|last\b|this\b|overnight\b|$|"
    # a subordinate clause or an adjunct after the bare figure: "killing four while one was
    # wounded", "killing one with a rocket", "killed 12 before fleeing"; a parenthesis
    # ("killing 8 (later raised to 14)") is matched by the "(" above
    r"while\b|whereas\b|with\b|before\b|following\b|including\b|inside\b|outside\b|between\b)",
    re.IGNORECASE,
)

OR_WOUNDED = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+or\s+|\s*/\s*)(?:injured|wounded|hurt)\b(?!\s+(?:\d|an?\b|the\b|his\b|her\b|" + _words_b(1, 5) + r"|several\b|dozens\b|others?\b|many\b|more\b))",
                         re.IGNORECASE)  # fmt: skip

#: A second predicate of the same people, past an agent or a place: "were abducted by gunmen and
#: killed", "were abducted from Marwar and later found shot dead".
COORDINATED = re.compile(r"(?:\s+(?:by|from|in|near|at|outside)\s+[^,.;]{1,40}?)?\s*,?\s+(?:and|before\s+being|then)\s",
                         re.IGNORECASE)  # fmt: skip

UNKNOWN_FATE = re.compile(r"\b(?:unknown|unclear|not\s+known|undetermined)\b", re.IGNORECASE)

CONTAINER_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b)(?:among|of)\s+the\s*$", re.IGNORECASE)

#: A gloss in parentheses right after a noun phrase (a name, an acronym), read past: "One ward
#: administrator (U Than Zaw) was killed".
GLOSS = re.compile(r"\A\s*\([^()]{1,60}\)")

WERE_AMONG = re.compile(r"^\s*(?:" + BE + r")\s+(?:also\s+)?among\s+(?:the\s+)?$", re.IGNORECASE)

WERE_FIRST = re.compile(r"(?:who\s+|that\s+)?(?:were|are|have)\b", re.IGNORECASE)

FAMILY_OF = re.compile(r"\b(?:a|one|an\s+entire|a\s+whole)\s+family\s+of\s+\Z", re.IGNORECASE)

REL_PRONOUN = re.compile(r"\s*,?\s*(?:who|that)\b", re.IGNORECASE)

ALSO_BEFORE = re.compile(r"\balso\s+\Z", re.IGNORECASE)

ALSO_IN = re.compile(r"\s*(?:were|was|have\s+been|had\s+been|has\s+been)\s+also\b", re.IGNORECASE)

ORDINAL = re.compile(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)

# "2 more policemen" is flagged by _with_more, which reads "more" with the number.
OTHER_AFTER = re.compile(r"\s+(?:other|additional|further)\b(?!\s+than)", re.IGNORECASE)

OTHER_BEFORE = re.compile(r"\b(?:the\s+)?other\s+\Z", re.IGNORECASE)

#: Patterns the count rules once wrote inline, named here with the rest of their grammar.
#: "and" (or the coders' "&": "15 Islamists & 2 French killed") between two coordinated figures.
JOINED_BY_AND = re.compile(r"^\s*,?\s*(?:and\s+|&\s*|as\s+well\s+as\s+)$")
DEAD_AFTER = re.compile(r"\s+(?:dead|killed|to\s+death)\b")  # "shot him dead", "beat her to death"
HUMAN_OR_SKULL = re.compile(r"human|skull", re.I)
PREDICATE_NEXT = re.compile(r"^\s+(?:were|was|are|who|that|had|have)\b")
#: A bare figure whose breakdown stands between it and its predicate: "Fourteen, including a
#: teenage girl, were reportedly killed" (the subject's own comma may be missing).
BREAKDOWN_THEN_PREDICATE = re.compile(
    r"\s*,\s*(?:including|among\s+them)\s+[^,;:.()]{1,60}?,?\s+(?:were|are|have\s+been|had\s+been)\s",
    re.IGNORECASE,
)
WERE_OR_COMMA_END = re.compile(r"(?:\bwere|\bwas|,)\s*$")
OR_BETWEEN = re.compile(r"^\s*(?:\(|,?\s*or)\s*$")
AND_BETWEEN = re.compile(r"^\s*(?:were\s+\w+\s+)?and\s+$")
#: What a zero ("nobody was hurt") denies: harm words make it a zero of the wounded.
HARM_WORDS = re.compile(r"injur|hurt|wound|harm")

#: A determiner after a partitive or collective "of" starts no count of its own: "five members
#: of an indigenous guard" (5, not 1).
#: A numbered part before its whole: "seven of the 90 passengers were injured" counts seven (the
#: whole is the set they belong to; extract/victims.py reads the partitive).
NUMBERED_PART_BEFORE = re.compile(
    r"\b(?:\d[\d,]*|" + spelled(1, 19) + "|" + "|".join(TENS) + r")\s+of\s+(?:the|those|these)\s+\Z", re.IGNORECASE
)

#: Only "of" between a figure and a determiner: "The first secretary of the embassy": the
#: determiner's phrase is the figure's complement, never a figure of its own.
OF_ONLY = re.compile(r"\s+of\s+", re.IGNORECASE)

OF_COMPLEMENT = re.compile(
    r"(?:\b(?:members?|some|most|many|all|each|none|several|dozens|hundreds|scores|part|rest|remainder|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d)\s+of\s+\Z", re.IGNORECASE
)

#: "A trader who had refused to pay the levy was murdered": a determiner's noun phrase inside a
#: relative clause still open before it is that clause's object, not the subject of the
#: predicate after it (the subject is the noun before "who"). A reporting verb closes the
#: clause ("People who fled said the driver was killed"). Searched on the 80 characters before
#: the determiner.
REL_CLAUSE_OPEN = re.compile(
    r"\b(?:who|whom)\s+(?:(?!(?:said|says|say|told|tells|stated|states|reported|reports|claimed|claims|added|adds)\b)"
    r"[^\s,;:.()\"“”]+\s+){1,8}\Z",
    re.IGNORECASE,
)

#: "the bodies of two young men and a third severely wounded were found": a list member with
#: its own wounding participle right after it was wounded, whatever the list's cue before it
#: says. The participle closes the member (no noun after it: "a third wounded soldier" is a
#: noun phrase). categorise._assign.
OWN_WOUND_AFTER = re.compile(
    r"\s+(?:(?:severely|seriously|critically|badly|gravely|slightly|lightly|also)\s+)?(?:wounded|injured|hurt)"
    r"(?=\s*(?:[,.;:)]|\Z)|\s+(?:were|was|and|in|at|by|near|on|while|when|after|during)\b)",
    re.IGNORECASE,
)
