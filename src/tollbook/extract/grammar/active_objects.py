"""Objects of an active lethal verb that no other rule read: the words of "killing its civilian
driver and a soldier", "killed a U.S. Marine", "killing all 47 passengers", "murdered them"
-> tables extract/active_objects.py reads.
"""

from __future__ import annotations

from typing import Final

from tollbook.extract.grammar import verbs as vb

#: Active forms whose object dies (VICTIM_VERBS of the killed category, and a manner verb with
#: its result or coordinated with "killed": "shot dead", "stabbed to death", "shot and killed").
KILLING_VERBS: Final[tuple[str, ...]] = tuple(v for v, c in vb.VICTIM_VERBS.items() if c == "killed")
#: Their historic present ("Gunmen kill APC deputy ward chairman", "Soldiers kill two suspected
#: Boko Haram bombers"), read unless an infinitive, a modal or a negation stands before it.
KILLING_PRESENT: Final[tuple[str, ...]] = tuple(v for v, c in vb.PRESENT_VICTIM_VERBS.items() if c == "killed")
KILLING_RESULTS: Final[tuple[str, ...]] = ("dead", "to death", "and killed", "and killing")
#: Active forms whose object is hurt: the wounding VICTIM_VERBS, the stabbing verbs (a harm
#: with no lethal result: "stabbed an Israeli woman"), and a manner verb coordinated with a
#: wounding one ("shot and injured one of the perpetrators").
WOUNDING_VERBS: Final[tuple[str, ...]] = (
    *(v for v, c in vb.VICTIM_VERBS.items() if c == "wounded"), "stabbed", "stabbing", "knifed", "knifing",
)  # fmt: skip
WOUNDING_RESULTS: Final[tuple[str, ...]] = ("and wounded", "and wounding", "and injured", "and injuring")
#: Determiners that open a singular object ("its civilian driver").
DETERMINERS: Final[frozenset[str]] = frozenset("a an the his her its their this that one another".split())
#: Words before the verb that make it passive or a noun ("was killed by", "the killing of"), or
#: a toll over time ("armed groups have killed 15 candidates this year").
NOT_ACTIVE_BEFORE: Final[frozenset[str]] = frozenset(
    """was were is are be been being the a an his her their its of have has""".split()
)
#: Words that end an object noun phrase: prepositions, subordinators, relatives.
NP_STOPS: Final[frozenset[str]] = frozenset(
    """in at on near with while as during after before by from for when who whom which that whose
    because outside inside into to instantly immediately later then and or but including along
    among aboard there here""".split()
)
#: The word after which a noun phrase's complement follows: the head stands before it ("the
#: mules of the convoy" names mules, "the head of the council" a person).
COMPLEMENT_OF: Final[str] = "of"
#: Objects that are no victims of the deed: reflexives (attackers.py reads "killing himself"),
#: zeros ("killed nobody"), a pronoun subject's own words.
NOT_OBJECTS: Final[frozenset[str]] = frozenset(
    "himself herself themselves itself nobody none no anyone anybody everyone everybody".split()
)
#: Personal pronouns for one person as the object: "killing him instantly".
ONE_PRONOUNS: Final[frozenset[str]] = frozenset({"him", "her"})
#: "them both", "both of them": two people.
BOTH: Final[frozenset[str]] = frozenset({"both"})
#: Plural heads that count an unknown number of people ("their bodyguards", "civilians").
PLURAL_NOUN_ENDINGS: Final[tuple[str, ...]] = ("s",)
NOT_PLURAL_ENDINGS: Final[tuple[str, ...]] = ("ss", "us", "is")
#: Words after the verb that make it part of a mixed toll ("killing or wounding", "killed and
#: injured"): how many died is not said.
MIXED_AFTER: Final[frozenset[str]] = frozenset("or".split())
#: A copula right after the verb makes it a reduced relative, not an active verb with an
#: object: "the 20 people killed were Colombians" (the set is the count rules' own).
COPULA_AFTER: Final[frozenset[str]] = frozenset("were was are is".split())
#: Hedges right before the verb: "possibly wounded the terrorist" reports no deed.
HEDGES: Final[frozenset[str]] = frozenset("possibly probably perhaps maybe allegedly".split())
#: The same before the second verb: "killed or wounded five soldiers".
MIXED_BEFORE: Final[frozenset[str]] = frozenset("or".split())
#: Verbs before a gerund that report no deed: "suggested killing her", "threatened executing them".
GERUND_UNDONE: Final[frozenset[str]] = frozenset(
    "suggested proposed considered threatened planned discussed contemplated avoided debated".split()
)
#: Quantifiers that are no title before a name: "killed many Georgians" says no number.
QUANTIFIERS: Final[frozenset[str]] = frozenset(
    "many several some few most more numerous various dozens hundreds thousands other countless".split()
)
