"""The words the event stages read, declared as data -> word sets and compiled patterns.

Event names a text gives incidents ("the Khojaly genocide", "the Port Castellan market
shelling": their head nouns and the words that open a sentence rather than a name), role
words inside an institution ("a ministry spokesman" is the ministry), the metadata line a
document may open with, and the populations that never overlap. `events.documents`,
`events.origins` and `events.reconcile` import them; the words live here, read by the one
grammar loader (`tollbook.extract.grammar.loader`). Wire-copy words the extractor shares
(roll-ups, background cues, datelines) are in `tollbook.extract.grammar.wire`.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.loader import WordTable, load_words

__all__ = [
    "EVENT_NAME_HEADS",
    "EVENT_NAME_RE",
    "EXCLUSIVE_POPULATIONS",
    "META_LINE_RE",
    "NOT_NAME_WORDS",
    "ROLE_WORDS",
    "SITE_RE",
    "site_of",
]

#: Head nouns of an incident's name: "the Khojaly genocide", "the Mapinga attacks".
EVENT_NAME_HEADS = (
    "massacre|genocide|bombing|bombings|shelling|attack|attacks|ambush|raid|siege|tragedy|"
    "explosion|blast|airstrike|air strike|strike|killings|clashes|offensive|assault|fire|"
    "shooting|uprising|pogrom|carnage|atrocity|events"
)
#: One to four capitalised words, an optional place noun, then a head noun.
EVENT_NAME_RE = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){1,4}?)((?:market|city|town|village|camp|school)\s+)?("
    + EVENT_NAME_HEADS
    + r")\b"
)
#: Capitalised words that open a sentence, not a name: dropped from a name's front.
NOT_NAME_WORDS = load_words(
    "NOT_NAME_WORDS",
    "the, a, an, on, in, this, that, these, those, its, his, her, their, our, after, before, "
    "during, since, when, while, as, at, of, for, by, with, from",
)

#: Words that name a role inside an institution rather than a different speaker: "a ministry
#: spokesman" is the ministry (`events.origins.speaker_key` drops them).
ROLE_WORDS = load_words(
    "ROLE_WORDS",
    "a, an, the, of, for, and, in, on, at, to, its, his, her, their, said, says, statement, "
    "statements, spokesman, spokeswoman, spokesperson, spokespeople, press, service, office, "
    "official, officials, representative, representatives, source, sources, affairs, "
    "department, head, chief, "
    # an institution's member or level speaks for it: "a police officer", "the regional
    # police commander Abdullahi Hassan", "the provincial health department" are the police
    # and the health department named in full elsewhere in the incident
    "officer, officers, commander, commanders, provincial, regional, district, municipal",
)

#: The metadata line a document may open with ("date 2023-05-01 (Reuters)"): not copied text.
META_LINE_RE = re.compile(r"^\s*date\s+\S+.*\(.*\)\s*$")

#: Populations that never overlap: a person is not both (sex/age groups are handled apart).
EXCLUSIVE_POPULATIONS = (
    frozenset({"men", "women", "children"}),
    frozenset({"children", "elderly"}),
    frozenset({"boys", "girls", "men", "women"}),
    frozenset({"soldiers", "police", "militants", "civilians", "combatants", "fighters"}),
)


#: The site of an incident inside a town, where the text puts the figure's incident: "at the
#: crowded cattle market", "outside a mosque", "stormed a church". Two reports at one town on
#: one day at different sites ("a market bombing in the morning, a shooting at a mosque in the
#: evening") are two incidents. Only a locative word or a verb of attack before an article:
#: "taken to hospital" names where victims were treated (hospitals and clinics are no sites).
_SITE_NOUNS = WordTable({
    "market": "market", "marketplace": "market", "mosque": "mosque", "church": "church",
    "cathedral": "church", "school": "school", "checkpoint": "checkpoint", "station": "station",
    # "an army camp" and "a military base" are one site: a camp is never told apart
    "base": "base", "barracks": "base", "camp": "base", "hotel": "hotel",
    "restaurant": "restaurant", "bar": "bar", "stadium": "stadium", "prison": "prison",
    "university": "school", "college": "school", "temple": "temple", "synagogue": "temple",
    "wedding": "wedding", "funeral": "funeral", "bank": "bank", "mall": "market",
})
SITE_RE = re.compile(
    r"\b(?:at|in|on|outside|near|inside|into|stormed|attacked|targeted|struck|hit|raided|"
    r"bombed)\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?P<site>"
    + "|".join(sorted(_SITE_NOUNS, key=len, reverse=True))
    + r")(?:es|s)?\b(?!\s+(?:town|village|city|district|area|region)\b)",  # "the market town of"
    re.IGNORECASE,
)


def site_of(sentence: str) -> frozenset[str]:
    """The incident sites a sentence names ("at the cattle market" -> {"market"})."""
    return frozenset(_SITE_NOUNS[m["site"].lower()] for m in SITE_RE.finditer(sentence))
