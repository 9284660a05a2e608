"""Victim grammar read by extract/victims.py (named people and roles: "Col. X was killed", "gunmen
shot dead his driver"), declared as named patterns and word tables, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import injury_patterns as injury
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.literals import gate_of
from tollbook.extract.grammar.numberwords import TENS, UNITS
from tollbook.geo.regionwords import DIVISION_NOUNS

PARTICLE = r"(?:al|el|bin|ibn|ben|de|del|da|dos|van|von|ur|ul|abu|wa|la|le|di|bint)"
CAP = r"(?:(?-i:[A-Z])[a-z]{0,3}\.(?=\s+(?-i:[A-Z]))|(?-i:[A-Z])[\w'’-]*)"  # "Col. Hamidullah", never "Brazil. Lopes"
NAME_RE = re.compile(rf"(?P<name>{CAP}(?:(?:\s+{PARTICLE}[\s-]+|\s+){CAP}){{0,5}})")
RESULT = alternation(vb.RESULT_PHRASES)
VERB = alternation(vb.VICTIM_VERBS)
VERBS_ANY_TENSE = {**vb.VICTIM_VERBS, **vb.PRESENT_VICTIM_VERBS}
#: A passive's verb may also be a harm with no lethal result: "was stabbed in the back" wounds
#: (a verb group that is none of VERBS_ANY_TENSE is this one: category wounded).
HURT = injury.HARMED
#: An active verb before its object may be in the historic present ("gunmen shoot and kill X").
ACTIVE_VERB = alternation(VERBS_ANY_TENSE)
PRESENT_NOT_AFTER = re.compile(r"(?:\b|(?<=n))(?:" + alternation(vb.PRESENT_NOT_AFTER) + r")\s+\Z", re.IGNORECASE)
MANNER = alternation(vb.MANNER_VERBS)
AND_POSSESSIVE = re.compile(r"\s+and\s+(?P<det>his|her|their)\b", re.IGNORECASE)
WORD = re.compile(r"\s+(?P<w>(?-i:[a-z])[\w-]*)")


#: A title before a name is lowercase words that are neither function words nor verbs.
#: A number word is no title either: "killed six Dozos" counts six people (the count rules' own),
#: not one person named "Dozos".
TITLE_WORD = rf"(?!(?:{alternation([*lx.MODIFIER_STOP, *vb.NOT_TITLES, *vb.VICTIM_VERBS, *vb.MANNER_VERBS, 'the', 'a', 'an', *UNITS, *TENS, 'dozen', 'dozens', 'several', 'hundred', 'hundreds'])})\b)"
ACTIVE = re.compile(
    rf"\b(?:(?P<verb>{ACTIVE_VERB})|(?P<manner>{MANNER})(?:\s+(?P<res1>{RESULT}))?)\s+"
    rf"(?P<title>(?:{TITLE_WORD}(?-i:[a-z])[\w-]+\s+){{0,3}})(?P<name>{CAP}(?:(?:\s+{PARTICLE}[\s-]+|\s+){CAP}){{0,5}})"
    rf"(?P<res2>\s+(?:{RESULT})\b)?",
    re.IGNORECASE,
)
#: An active verb right before a determiner: "shot and killed a ...", "shot dead an ...".
ACTIVE_BEFORE = re.compile(
    r"\b(?:(?P<verb>" + ACTIVE_VERB + r")|(?P<manner>" + MANNER + r")\s+(?:" + RESULT + r"))"
    r"(?:\s+and\s+(?:then\s+)?(?-i:[a-z])\w+ed)?\s+\Z",  # "killed and mutilated a guard"
    re.IGNORECASE,
)
ADVERB = r"(?:(?:reportedly|allegedly|also|later|subsequently|then|eventually|fatally|brutally|\w+ly)\s+){0,2}"
#: "shot in the chest and killed": where the blow landed, before its coordinated result.
WHERE_HIT = r"(?:\s+(?:in|at|on)\s+[^,.;:()]{1,40}?)?"
#: A chain of passives whose last conjunct is the person's fate: "was kidnapped by rebels and
#: later killed", "was seriously wounded and later died of his injuries" (any participle first).
CHAIN = (rf"(?:{MANNER}|(?-i:[a-z])[a-z]+(?:ed|en))(?:\s+\w+ly)?(?:\s+(?:in|at|on|by|from|near|during)\s+[^,.;:()]{{1,40}}?)?"
          rf"\s+and\s+(?:(?:then|later|subsequently|eventually|also|(?!fatally)\w+ly)\s+)?")  # fmt: skip
APPOS = r"(?P<appos>\s*,(?:[^,;:.()]|\([^()]{1,40}\)){1,90},)?"
#: A name or gloss in brackets after the subject: "An Army porter (Showkat Clark) was injured".
GLOSS = r"(?:\s*\([^()]{1,60}\))?"
#: The singular passive; "is" too: coders summarise in the historic present ("A pastor is shot
#: dead", "An Ahmadu Bello University professor is mobbed and killed").
PASSIVE = re.compile(
    rf"{GLOSS}{APPOS}\s+(?:was|is|has\s+been|had\s+been|is\s+said\s+to\s+have\s+been|got)\s+"
    rf"(?:{injury.DEGREE_NEGATION}|(?P<neg>(?:not|never)\s+))?{ADVERB}(?:found\s+)?"
    rf"(?:(?P<c1>{CHAIN})(?P<died>died|succumbed|perished)|(?P<c2>{CHAIN})?(?:(?P<verb>{VERB}|{HURT})|(?P<manner>{MANNER})\s+(?P<res>{RESULT})))\b",
    re.IGNORECASE,
)
#: A passive whose auxiliary is left out, after "and" that joins it to a finite passive clause:
#: "The consul was killed and his chauffeur wounded" (GAPPED_BEFORE must hold before the subject).
GAPPED = re.compile(rf"\s+{ADVERB}(?P<verb>{VERB}|{HURT})\b(?!\s+(?:by|the|a|an|his|her|their)\s)", re.IGNORECASE)
GAPPED_BEFORE = re.compile(
    rf"\b(?:was|were|is|are)\s+{ADVERB}(?:{VERB}|{HURT})\b[^,;:.]{{0,40}}?,?\s+and\s+\Z", re.IGNORECASE
)
#: The plural passive after a list of people: "Nazari and his driver were killed" ("are killed").
PASSIVE_PLURAL = re.compile(
    rf"{APPOS}\s+(?:were|are|have\s+been|had\s+been)\s+{ADVERB}(?:(?:{CHAIN})?(?:(?P<verb>{VERB}|{HURT})|(?P<manner>{MANNER})\s+"
    rf"(?P<res>{RESULT}))|(?P<found>found\s+dead))\b|\s+(?:both\s+)?{ADVERB}(?P<died>died|perished)\b",
    re.IGNORECASE,
)
#: A dying predicate ("died", "succumbed", "was later found dead": an adverb may split the last).
DIED = re.compile(
    rf"{APPOS}\s+{ADVERB}(?:(?P<verb>{alternation(vb.DIED_PREDICATES)}|(?:was|is)\s+{ADVERB}found\s+dead)|(?P<hurt>{alternation(vb.WOUNDED_PREDICATES)})"
    rf"\s+(?:\w+\s+){{0,2}}?(?:{alternation(vb.WOUND_NOUNS)}))\b",
    re.IGNORECASE,
)
#: Word gates (literals.gate; tests/test_gates.py proves them against the patterns): every
#: match of ACTIVE (and ACTIVE_BEFORE) holds one of ACTIVE_GATE's words, every match of
#: PASSIVE, PASSIVE_PLURAL, GAPPED and DIED one of PREDICATE_GATE's: a sentence without them
#: has no victim of that form, so extract/victims.py skips the search.
ACTIVE_GATE = gate_of((*VERBS_ANY_TENSE, *vb.MANNER_VERBS))
PREDICATE_GATE = gate_of((*vb.VICTIM_VERBS, *injury.HARM_PARTICIPLES, *injury.HIT_VERBS, "shot", *vb.MANNER_VERBS, "died", "succumbed",
                          "perished", "dead", *vb.DIED_PREDICATES, *vb.WOUNDED_PREDICATES))  # fmt: skip
NON_LETHAL = re.compile(rf"\b(?:{alternation(vb.NON_LETHAL_BEFORE)})\s+(?:be\s+|been\s+|being\s+)?\Z", re.IGNORECASE)
NOMINAL = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
BACKGROUND = re.compile(rf"\b(?:{alternation(vb.BACKGROUND_WORDS)})\b", re.IGNORECASE)
COUNT_BACKGROUND = re.compile(rf"\b(?:{alternation(vb.COUNT_BACKGROUND_WORDS)})\b", re.IGNORECASE)
#: Between a background word and a killing: a conjunction that opens the clause of a new event
#: ("condemned the army after troops shot dead a fisherman"; categorise._background).
NEW_CLAUSE = re.compile(r"\b(?:after|when|as|because|since|while|before)\b", re.IGNORECASE)
#: What may follow a named object: punctuation or a word that starts the next phrase.
NEXT_PHRASE = """in on at and or while after during as when who with from for because following by to over
shortly but whose was were had has reportedly allegedly""".split()
AFTER_NAME = re.compile(
    r"\s*(?:[,.;:()\[\]—–]|$)|\s+(?:" + alternation([*NEXT_PHRASE, *vb.NOT_TITLES]) + r")\b", re.IGNORECASE
)
#: "He was killed with an axe", "she later died": one person, maybe one counted before
#: (the tally reads the pronoun as someone already named).
PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
#: What a subject name may follow: a sentence or clause start, possibly after a title.
CLAUSE_OPENERS = ("and", "but", "while", "as", "when", "after", "where")
CLAUSE_PUNCT_CLASS = r'[.,;:(\"“]'
CLAUSE_DETERMINERS = ("the", "a", "an")
CLAUSE_START = re.compile(r"(?:^|" + CLAUSE_PUNCT_CLASS + "".join(r"|\b" + w for w in CLAUSE_OPENERS) + r")\s*"
                          r"(?:(?:" + "|".join(CLAUSE_DETERMINERS) + r")\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)  # fmt: skip
#: CLAUSE_START read backwards, from the end of the reversed text (the same parts, each reversed):
#: `CLAUSE_START_BACK.match(s[::-1])` holds when `CLAUSE_START.search(s)` does (victims.clause_start),
#: an anchored match instead of a search from every position.
CLAUSE_START_BACK = re.compile(r"(?:\s+[\w-]+){0,2}(?:\s+(?:" + "|".join(d[::-1] for d in CLAUSE_DETERMINERS) + r"))?\s*"
                               r"(?:\Z|" + CLAUSE_PUNCT_CLASS + "".join("|" + w[::-1] + r"\b" for w in CLAUSE_OPENERS) + ")",
                               re.IGNORECASE)  # fmt: skip
PREPOSITION_BEFORE = re.compile(r"\b(?:of|from|in|at|near|to|by|for|with|on|into|against|outside|inside)\s+\Z",
                                 re.IGNORECASE)  # fmt: skip


ROLE_TOKEN = re.compile(r"\s*(?P<paren>\([^()]{1,30}\))|\s+(?P<w>[A-Za-z][\w'’.-]*)")
JOINERS = frozenset({"of", "and", "for", "de", "du"})
ROLE_STOP = frozenset([*lx.MODIFIER_STOP, *vb.NOT_TITLES, *vb.VICTIM_VERBS, *vb.MANNER_VERBS, *lx.IRREGULAR_VERBS])
ROLE_DET = re.compile(r"\b(?P<det>an?|the|one|his|her)\b", re.IGNORECASE)  # "Her driver was injured"
INDEFINITE = frozenset({"a", "an"})
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozen dozens several".split())


PAIR_MEMBER = rf"(?:one\s+of\s+(?:his|her|their|the)\s+(?-i:[a-z])[\w-]*s\b|{CAP}(?:(?:\s+{PARTICLE}[\s-]+|\s+){CAP}){{0,5}}|(?:his|her|their|a|an)\s+(?:{TITLE_WORD}(?-i:[a-z])[\w-]+\s+)?{TITLE_WORD}(?-i:[a-z])[\w-]+\b)"
PAIR = re.compile(
    rf"(?P<m1>{PAIR_MEMBER})(?P<ap1>\s*,(?:[^,;:.()]|\([^()]{{1,40}}\)){{1,90}},)?\s*,?\s+and\s+(?P<m2>{PAIR_MEMBER})"
)


#: Endings of plural nouns and peoples' names, never of one person's name ("Flores" is one).
PLURAL_ENDINGS = ("ians", "ans", "ers", "ors", "ists", "ites", "ees", "ies", "ses", "men", "ches")


UNDONE_PREDICATE = re.compile(
    r"\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+)?(?:" + alternation(vb.NON_LETHAL_BEFORE)
    + r")\s+(?:be\s+|been\s+|being\s+)?(?:" + VERB + r"|" + MANNER + r")\b",
    re.IGNORECASE,
)
#: Every match of UNDONE_PREDICATE holds the longest word of one of NON_LETHAL_BEFORE's phrases
#: ("nearly", "tried" of "tried to", "about" of "was about to"; tests/test_gates.py proves it):
#: a sentence without them has no figure undone, and readings.complete asks no figure.
UNDONE_GATE = gate_of(max(w.split(), key=len) for w in vb.NON_LETHAL_BEFORE)


#: The first auxiliary after a subject's post-modifier ("Two guards of the depot were not
#: injured"), where an undone predicate is looked for again; punctuation ends the search.
AUX_AHEAD = re.compile(r"\s+(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\b", re.IGNORECASE)
CLAUSE_PUNCT = re.compile(r"[,.;:()]")


#: "An Israeli was killed and another injured": one more person, after the victim's clause.
ANOTHER_AFTER = re.compile(
    r"\s*,?\s+and\s+(?P<a>another)\s+(?:(?:was|is)\s+)?(?:\w+ly\s+)?(?P<cue>injured|wounded|hurt|killed|abducted)\b",
    re.IGNORECASE,
)


PARTITIVE = re.compile(
    r"\s+of\s+(?:his|her|their|its|our|the|those|these|(?-i:[A-Z])[\w-]*['’]s)\s+(?:[\w-]+\s+){0,2}?"  # "of Farahi's"
    r"(?P<head>(?-i:[a-z])[\w-]*(?:s|men|people|children))\b",
    re.IGNORECASE,
)

#: "..., Edo State is shot and killed", "in Kelda, Varno District was killed": a capitalised
#: name ending in a division noun is a place (a comma-joined locative), not a person's name.
PLACE_NAME_HEADS = frozenset(DIVISION_NOUNS | {"lga"})
