"""Captives grammar read by extract/captives.py (issue 20: hostages and kidnappings), declared
as named patterns and tables, compiled once:

- a second object joined to a person already read as the object of an active victim verb
  ("abducted a trader and his driver", "abducted Rosa Perez, a nurse, and her sister");
- a kidnapping told before the killing of the same people ("kidnapped and later killed a
  priest", "abducted, tortured and killed two farmers"): they were hostages too, as incident
  databases code them (GTD's nhostkid counts kidnapping victims later killed);
- hostages said to be released, freed, rescued or to have escaped: a subset of those taken
  before, not new hostages ("Six hostages were freed on Monday").
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar import active_objects as ob
from tollbook.extract.grammar import numberwords as nw
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation

#: The categories whose active verbs take a second object here (the victims' families):
#: captives.find_second_objects is the one reader of "killed a thief and his accomplice",
#: "abducted a trader and his driver", "wounded a pastor and his companion".
OBJECT_CATEGORIES: Final[tuple[str, ...]] = ("hostage", "killed", "wounded")
#: The possessives that tie a second object to the first ("and his accomplice", "and her two
#: children", "and its crew"): the second is its first member's companion, or a clause of its
#: own when a predicate follows ("and his shop was looted": count_patterns.NEW_SUBJECT).
POSSESSIVES: Final[frozenset[str]] = frozenset({"his", "her", "their", "its"})
#: Heads of a second object that name a group of untold size, not one person: "killed a chief
#: and his entourage" (how many is not said).
COLLECTIVE_HEADS: Final[frozenset[str]] = frozenset(
    "entourage crew team staff delegation clan convoy escort escorts family household tribe gang band".split()
)

#: The categories whose subject after a fronted "In addition," adds to those counted before
#: (also_patterns.FRONTED_ADDITIVE).
FRONTED_CATEGORIES: Final[tuple[str, ...]] = ("hostage", "killed", "wounded")

#: Past forms whose object is taken: the hostage VICTIM_VERBS and CUE_VERBS, and the words of
#: the same deed that no table lists yet ("snatched", "carried off").
KIDNAP_VERBS: Final[tuple[str, ...]] = tuple(dict.fromkeys([
    *(v for v, c in vb.VICTIM_VERBS.items() if c == "hostage" and " " not in v and not v.endswith("ing")),
    *(p for c, p, _ in vb.CUE_VERBS if c == "hostage"),
    "snatched", "took hostage", "taken hostage", "held hostage", "took captive", "taken captive",
]))  # fmt: skip
#: Past forms whose object dies (VICTIM_VERBS of the killed category, no -ing form).
KILL_VERBS: Final[tuple[str, ...]] = tuple(
    v for v, c in vb.VICTIM_VERBS.items() if c == "killed" and not v.endswith("ing")
)
#: Verbs of violence on the way from the kidnapping to the killing: "abducted, tortured and
#: killed", "kidnapped, beat and shot dead".
_BETWEEN_VERBS = alternation([*sorted(vb.MANNER_VERBS), "beat", "raped", "robbed", "held", "interrogated"])
_ADVERBS = r"(?:(?:later|then|subsequently|eventually|allegedly|reportedly|brutally)\s+){0,2}"
_KILLED = (
    r"(?:" + alternation(KILL_VERBS) + r"|(?:" + alternation(sorted(vb.MANNER_VERBS)) + r")\s+(?:dead|and\s+killed))"
)
#: Every active form whose object dies or is hurt, the gerund too ("killing a policeman and his
#: driver", "wounding a guard and her son"): the active-object grammar's verbs.
_KILLING_ANY = (
    r"(?:" + alternation(ob.KILLING_VERBS) + r"|(?:" + alternation(sorted(vb.MANNER_VERBS)) + r")\s+(?:"
    + alternation(ob.KILLING_RESULTS) + r"))"
)
_WOUNDING_ANY = (
    r"(?:" + alternation(ob.WOUNDING_VERBS) + r"|(?:" + alternation(sorted(vb.MANNER_VERBS)) + r")\s+(?:"
    + alternation(ob.WOUNDING_RESULTS) + r"))"
)

#: An active verb right before the object a rule read: "abducted ", "shot and killed ".
VERB_BEFORE: Final[dict[str, re.Pattern[str]]] = {
    "hostage": re.compile(r"\b(?:" + alternation(KIDNAP_VERBS) + r")\s+(?:\w+ly\s+)?\Z", re.IGNORECASE),
    "killed": re.compile(r"\b(?:" + _KILLED + "|" + _KILLING_ANY + r")\s+(?:\w+ly\s+)?\Z", re.IGNORECASE),
    "wounded": re.compile(r"\b(?:" + _WOUNDING_ANY + r")\s+(?:\w+ly\s+)?\Z", re.IGNORECASE),
}
#: Words before the verb that make it passive, a noun or undone ("was abducted by", "the killing
#: of", "tried to kidnap", "attempted to abduct").
NOT_ACTIVE_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:was|were|is|are|be|been|being|the|of|to|not|never|tried|attempted|failed)\s+(?:\w+ly\s+)?\Z",
    re.IGNORECASE,
)
#: A kidnapping verb and a determiner before a figure no cue read: "kidnapped the two daughters
#: of a businessman", "abducted his three children", "seized its 18 crew members".
VERB_AND_DETERMINER: Final[re.Pattern[str]] = re.compile(
    r"\b(?:" + alternation(KIDNAP_VERBS) + r")\s+(?:\w+ly\s+)?(?:the|his|her|their|its|all|all\s+the)\s+(?:other\s+)?\Z",
    re.IGNORECASE,
)
#: What may stand between the first object and "and": an apposition between commas (", a local
#: trader,", ", the daughter of a judge,", ", 42,"), free of verbs of a new clause.
APPOSITION: Final[re.Pattern[str]] = re.compile(
    r"\s*,(?P<inner>(?:[^,;:.()]|\([^()]{1,40}\)){1,90}),", re.IGNORECASE
)
#: A possessive before the figure of a second object: "her two children", "their three sons".
POSSESSIVE_FIGURE: Final[re.Pattern[str]] = re.compile(
    r"(?:" + alternation(sorted(POSSESSIVES)) + r")\s+(?:other\s+)?", re.IGNORECASE
)
#: Between an object and a figure that opens a new clause with its own predicate: "abducted 13
#: people, and one hostage was killed" (a comma, then "and").
COMMA_AND: Final[re.Pattern[str]] = re.compile(r"\s*,\s*and\s+\Z", re.IGNORECASE)
#: A complement of the first object before "and": "the wife of a local politician and her two
#: children", "a deputy governor of Nangarhar and his driver" (a name needs no determiner).
OF_COMPLEMENT: Final[re.Pattern[str]] = re.compile(
    r"\s+of\s+(?:(?:a|an|the|his|her|their|its)\s+|(?=(?-i:[A-Z])))(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s*,?\s+and\s)",
    re.IGNORECASE,
)
#: Words an apposition may not hold: a clause of its own ("who was later freed") or a list
#: ("identified as A, B and C").
APPOSITION_NOT: Final[re.Pattern[str]] = re.compile(
    r"\b(?:who|which|that|was|were|and|or|identified|named|including|while|when|after|before)\b", re.IGNORECASE
)
#: "and" before the second object.
AND: Final[re.Pattern[str]] = re.compile(r"\s*,?\s+and\s+(?!then\b|later\b|also\b)", re.IGNORECASE)
#: ", and" then a lowercase word that opens no noun phrase (no determiner, possessive or figure):
#: a predicate of its own ("injuring 13 persons, and struck Israeli targets in Cyprus").
CLAUSE_AND: Final[re.Pattern[str]] = re.compile(
    r"\s*,\s*and\s+(?!(?:" + alternation(sorted({*ob.DETERMINERS, *POSSESSIVES, *nw.NUMBER_WORDS})) + r")\b)(?-i:[a-z])",
    re.IGNORECASE,
)
#: A second object that is the rest of a set already counted: "injuring two people, one of them
#: a soldier, and the other a passer-by" (a part, not one more person).
REST_OF_SET: Final[re.Pattern[str]] = re.compile(r"the\s+(?:others?|rest|remaining)\b", re.IGNORECASE)
#: A relative pronoun after a possessed second object: its verb is the relative clause's ("and
#: his wife who has worked in the school"), not a clause of its own (count_patterns.NEW_SUBJECT
#: is read up to it).
RELATIVE: Final[re.Pattern[str]] = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)
#: What may follow the second object: the end of the clause or a phrase that is not a verb.
AFTER_OBJECT: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:[.,;:()]|$|(?:in|at|on|near|from|outside|inside|along|during|while|after|before|as|when|"
    r"who|whom|to|into|for|and|with|late|early|last|this|on)\b)",
    re.IGNORECASE,
)
#: A verb inside what active_objects.member took for the second object: a clause of its own
#: ("killed Anton Weir and his shop was looted"), not a person.
VERB_IN_OBJECT: Final[re.Pattern[str]] = re.compile(
    r"\b(?:" + alternation([*vb.BE_FORMS, "had", "has", "have", "been", "did", "does", "do"]) + r")\b"
    r"|\b(?-i:[a-z])\w+(?:ed|ing)\s*\Z",
    re.IGNORECASE,
)
#: "a father and son", "a man and wife": a singular kin noun sharing the first object's
#: article.
SHARED_ARTICLE_FIRST: Final[re.Pattern[str]] = re.compile(r"(?:a|an|the|his|her|their)\s", re.IGNORECASE)
KIN_NOUNS: Final[frozenset[str]] = frozenset(
    "son daughter wife husband brother sister father mother nephew niece cousin uncle aunt grandson "
    "granddaughter child baby".split()
)
SHARED_ARTICLE_SECOND: Final[re.Pattern[str]] = re.compile(
    r"(?P<noun>" + alternation(sorted(KIN_NOUNS)) + r")\b", re.IGNORECASE
)

#: A kidnapping told, in the same clause, before the killing that a figure after it was read
#: with: "kidnapped and later killed ", "abducted, tortured and killed ", "were abducted and
#: shot dead" is read by the passive cues already.
KIDNAP_THEN_KILL: Final[re.Pattern[str]] = re.compile(
    r"\b(?:" + alternation(KIDNAP_VERBS) + r")(?:\s*,\s*(?:" + _BETWEEN_VERBS + r"))*\s*,?\s+and\s+" + _ADVERBS
    + r"(?:(?:" + _BETWEEN_VERBS + r")\s*,?\s+(?:and\s+)?" + _ADVERBS + r")?" + _KILLED + r"\s+(?:\w+ly\s+)?\Z",
    re.IGNORECASE,
)

#: The same told of a subject in the passive, after it: "Juan Perez was abducted and later
#: killed", "was kidnapped, tortured and shot dead".
KIDNAPPED_THEN_KILLED_AFTER: Final[re.Pattern[str]] = re.compile(
    r"\s*,?\s*(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:" + alternation(KIDNAP_VERBS) + r")"
    r"(?:\s+(?:by|from|in|at|near|on)\s+[^,.;:()]{1,40}?)?(?:\s*,\s*(?:" + _BETWEEN_VERBS + r"))*\s*,?\s+and\s+"
    + _ADVERBS + r"(?:(?:" + _BETWEEN_VERBS + r")\s*,?\s+(?:and\s+)?" + _ADVERBS + r")?" + _KILLED + r"\b",
    re.IGNORECASE,
)

#: The end of a hostage's captivity, told after the figure ("were released", "have been freed",
#: "was rescued", "escaped"): those people were counted as taken, earlier.
_FREED = r"(?:released|freed|rescued|set\s+free|let\s+go|liberated|escaped|returned\s+home|reunited)"
RELEASED_AFTER: Final[re.Pattern[str]] = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:who\s+|that\s+)?(?:(?:were|was|are|is|have|has|had|been|being|later|"
    r"also|all|eventually|subsequently|safely|reportedly|since|successfully|unharmed)\s+){0,4}" + _FREED + r"\b",
    re.IGNORECASE,
)
#: The same, active, before the figure: "the kidnappers released 46 hostages", "troops freed
#: four captives".
RELEASED_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:released|freed|rescued|liberated|set\s+free|freeing|releasing|rescuing|liberating)\s+"
    r"(?:the\s+(?:remaining\s+|other\s+)?|another\s+|(?:all|the\s+rest)\s+(?:of\s+the\s+)?)?\Z",
    re.IGNORECASE,
)
#: A hijacked vehicle and the people it carried: "hijacked a plane carrying 120 passengers and
#: eight crew members", "hijacked a bus with 40 passengers on board": those aboard are hostages.
HIJACKED_CARRYING: Final[re.Pattern[str]] = re.compile(
    r"\bhijack(?:ed|ing|s)?\s+(?:a|an|the|their|its)\s+(?:[\w'’-]+\s+){0,4}?(?:plane|aircraft|airliner|jet|flight|"
    r"bus|coach|minibus|van|ship|ferry|vessel|boat|train|tanker)\s*,?\s+(?:carrying|with|holding|transporting)\s+"
    r"(?:(?:a\s+total\s+of|some|about|around|nearly|at\s+least|more\s+than)\s+)?\Z",
    re.IGNORECASE,
)
#: Between the people aboard listed one after another: "120 passengers, eight crew members and".
ABOARD_LIST: Final[re.Pattern[str]] = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\Z", re.IGNORECASE)
#: A clause whose subject names attackers, after a dateline if any, and whose verb detains or
#: arrests ("Assailants stopped and briefly detained a
#: journalist", "Gunmen detained four travellers"): the people they hold are hostages, not
#: detainees of the state.
ATTACKERS_SUBJECT: Final[re.Pattern[str]] = re.compile(
    r"\W*(?:\d[\d/.-]*\s*:\s*)?(?:(?:the|a|an|some|several|unknown|unidentified|armed|masked|suspected|\d+|two|three|four|five)\s+){0,3}"
    r"(?:" + alternation(sorted(vb.ATTACKER_NOUNS)) + r"|armed\s+men)\b[^.;:]*?\b(?:detain|arrest)(?:ed|ing)\s+(?:\w+ly\s+)?\Z",
    re.IGNORECASE,
)

#: The flag captives.py gives a freed figure: claims.py makes it a subset of the latest
#: hostage figure before it, if one is at least as large.
SUBSET_FLAG: Final[str] = "subset_of_previous"
