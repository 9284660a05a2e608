"""Bodies found: the words of "His body was found", "Police recovered the bodies of two
farmers", "The body of the mayor was discovered" -> tables extract/bodies.py reads.

A body found is a death reported (one per body), whether or not the text says how the person died.
"""

from __future__ import annotations

from typing import Final

from tollbook.extract.grammar.collective_patterns import COLLECTIVE_SIZES
from tollbook.extract.grammar.loader import WordTable

#: The nouns of a dead person's remains, singular and plural.
BODY_NOUNS: Final[dict[str, bool]] = WordTable({"body": False, "corpse": False, "bodies": True, "corpses": True})
#: Participles of finding (or leaving) a body, after "was"/"were" or an elided auxiliary.
FOUND_VERBS: Final[tuple[str, ...]] = (
    "found", "discovered", "recovered", "retrieved", "located", "dumped", "exhumed", "unearthed",
    "pulled from", "fished out", "washed up", "handed over", "returned",
)
#: Active verbs whose object is the body: "police found his body", "troops recovered the bodies".
FIND_ACTIVE: Final[tuple[str, ...]] = (
    "found", "discovered", "recovered", "retrieved", "located", "exhumed", "unearthed", "finds", "discover",
)
#: Determiners and possessives that open a body's noun phrase ("no bodies" is a zero, not a body).
BODY_DETERMINERS: Final[tuple[str, ...]] = ("his", "her", "their", "the", "a", "an", "one", "its")
#: What an of-complement of "body" names when it is no person ("a body of water", "the body of
#: evidence"); with a collective modifier, "body" is an institution ("the governing body").
NOT_REMAINS: Final[frozenset[str]] = frozenset(
    """water evidence work literature knowledge research law laws opinion experts troops men
    governing student legislative advisory regulatory electoral ruling main whole entire
    armour armor car ship aircraft plane vehicle""".split()
)
#: Words before the verb that undo finding: "was never found", "have not been recovered".
NEGATIONS: Final[tuple[str, ...]] = ("not", "never", "yet to be", "still not")
#: A couple is two people: "the bodies of an Israeli couple" (the collectives of two in
#: collective_patterns.COLLECTIVE_SIZES, the one table of collective nouns).
PAIR_NOUNS: Final[frozenset[str]] = frozenset(n for n, size in COLLECTIVE_SIZES.items() if size == 2)
#: What may stand before the figure of an of-complement: "the bodies of (all) the two climbers".
BEFORE_FIGURE: Final[frozenset[str]] = frozenset({"", "the", "all", "all the"})
#: What may open a possessor before "body": "the driver's body", "his son's body".
BEFORE_OWNER: Final[frozenset[str]] = frozenset("the his her their a an".split())
#: Determiners of plural bodies that point back at a group counted before ("their bodies").
ANAPHORIC: Final[frozenset[str]] = frozenset({"their", "the"})
