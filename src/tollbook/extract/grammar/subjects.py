"""Subjects of a lethal passive that no other rule read: the words that bound a clause's subject
("Major Ilan Perry, military attache in Tamsin, was shot to death", "The Italian Ambassador was
assassinated", "Party leader Omar Dallo was shot dead") -> tables extract/subjects.py reads.
"""

from __future__ import annotations

from typing import Final

from tollbook.extract.grammar.attribution_patterns import SPEECH_VERBS

#: Words after which a new clause (and its subject) starts.
CLAUSE_OPENERS: Final[frozenset[str]] = frozenset(
    """and but while when after before as that because although though where whereas then until
    since if once however meanwhile later""".split()
) | frozenset(SPEECH_VERBS)
#: A relative pronoun right before the predicate: the predicate belongs to a relative clause
#: ("a man who was killed last year"), whose antecedent is background, not the subject told.
RELATIVES: Final[frozenset[str]] = frozenset("who whom which that whose".split())
#: The ending of an adverb: a lone lowercase word so ending is a manner or time, not a subject
#: ("was injured and subsequently succumbed": the nurse is the subject, told before "and").
ADVERB_SUFFIX: Final[str] = "ly"
#: Words that, as the subject's last word, name no person ("the plan was killed", "the deal").
NOT_SUBJECT_HEADS: Final[frozenset[str]] = frozenset(
    """plan plans deal deals bill bills project projects idea ideas proposal proposals motion
    talks process it this which there engine signal story order orders program programme""".split()
)
#: Clause openers of another time: "five days after the mayor was killed", "since the judge
#: was murdered" tell an earlier death, the background of the event reported.
BACKGROUND_OPENERS: Final[frozenset[str]] = frozenset("after before since until once".split())
#: Auxiliaries: a subject never ends with one ("the fuse had died out").
AUXILIARIES: Final[frozenset[str]] = frozenset("was were is are had has have be been being".split())
#: Words of a negative subject: "Nobody was killed" is a zero, read by counts.find_zeros.
NEGATIVE: Final[frozenset[str]] = frozenset("nobody no none neither nothing noone".split())
#: Words that open a new member of a coordinated subject ("two nurses and a child").
MEMBER_OPENERS: Final[frozenset[str]] = frozenset(
    """a an the his her their its one two three four five six seven eight nine ten several some
    another other""".split()
)
#: Plural heads a singular member of "A and B" never ends with.
PLURAL_HEADS: Final[frozenset[str]] = frozenset("people men women children police".split())
#: Finite auxiliaries: inside a plural subject's span, one ends a clause before the subject.
FINITE_VERBS: Final[frozenset[str]] = frozenset("was were is are had has have".split())
#: The longest subject read, in characters.
MAX_SUBJECT: Final[int] = 220
#: The categories a clause subject is read for: the lethal predicates and the wounding ones
#: ("The Saudi Consul in Karachi was seriously injured", "His mother and sister were wounded").
CATEGORIES: Final[frozenset[str]] = frozenset({"killed", "wounded"})
#: Words that stand alone after a clause opener but are no subject: "as well", "as such".
NOT_SUBJECT_WORDS: Final[frozenset[str]] = frozenset("well such also too".split())
#: Indefinite pronouns: "whether anyone was injured", "someone was hurt" count nobody known.
INDEFINITE_PRONOUNS: Final[frozenset[str]] = frozenset("anyone anybody someone somebody everyone everybody".split())
#: Function words skipped when looking for the first common noun after a subject's figure
#: ("Two Communist Party of India supporters": "supporters"; "seven vehicles": a thing).
HEAD_STOPS: Final[frozenset[str]] = frozenset("of in at on from with near by who which that whose for".split())
