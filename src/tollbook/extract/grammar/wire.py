"""The grammar of wire copy, declared as data -> compiled patterns.

Datelines ("NIAMEY, March 14 (Reuters) -"), the words that date a statement rather than an
incident ("said on Friday"), indefinite sources and their kinds ("a local official",
"residents"), toll qualifiers that are not speakers ("a provisional toll"), roll-up cues
(weekly, monthly, year-to-date and regional totals) and background cues (older incidents
recalled). Rule modules import the compiled patterns; the words live here.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.loader import WordTable

__all__ = [
    "AGGREGATE_RE",
    "BACKGROUND_RE",
    "DATELINE_RE",
    "HEDGED_QUALIFIERS",
    "INDEFINITE_KINDS",
    "MEDIA_RELAY_RE",
    "PLACE_MODIFIER_RE",
    "PROVISIONAL_RE",
    "SEPARATE_RE",
    "STATEMENT_DATE_BEFORE_RE",
    "SUPERLATIVE_RE",
    "TOLL_QUALIFIER_RE",
    "WEEKDAY_OR_DATE_RE",
    "indefinite_kind",
]

_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

#: A dateline opens a paragraph: a place in capitals, an optional date, an optional agency in
#: brackets, then a dash. "NIAMEY, March 14 (Reuters) -", "GOMA (AFP) —", "KYIV, Ukraine, Jan. 3 -".
_DATE = r"(?:,?\s*(?P<date>(?:" + alternation(_MONTHS) + r")\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
DATELINE_RE = re.compile(
    # "NIAMEY, March 14 (Reuters) -", "GOMA -": a place in capitals
    r"(?m)^(?:(?P<place>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?" + _DATE
    + r"\s*(?:\((?P<agency>[^)\n]{1,40})\))?"
    # "Kyiv, Ukraine (AP) —", "Beirut, March 3 (AFP) -": a place as written, then an agency
    r"|(?P<place2>[A-Z][a-z'’.-]+(?:[ -][A-Z][a-z'’.-]+){0,2})"
    r"(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?" + _DATE.replace("P<date>", "P<date2>")
    + r"\s*\((?P<agency2>[^)\n]{1,40})\))\s*[-–—:]+\s"
)

#: Words before a date that make it the date of a statement, not of the incident:
#: "said on Friday", "told reporters on Saturday", "announced late on Monday".
_STATEMENT_VERBS = (
    "said", "says", "told", "announced", "confirmed", "reported", "added", "stated",
    "disclosed", "revealed", "tweeted", "wrote", "posted", "briefed", "updated",
)  # fmt: skip
STATEMENT_DATE_BEFORE_RE = re.compile(
    r"\b(?:" + alternation(_STATEMENT_VERBS) + r")(?:\s+(?:reporters|journalists|the\s+press|"
    r"(?:state\s+|national\s+)?(?:television|radio|TV)|[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,3}))?"
    r"(?:\s+in\s+an?\s+(?:\w+\s+)?(?:statement|communiqu[eé]|interview|briefing|post|update))?"
    r"(?:\s+(?:late|early|earlier|later))?(?:\s+on)?\s*$"
)

#: Weekday and date words are never speakers ("..., a local official said on Monday").
WEEKDAY_OR_DATE_RE = re.compile(
    r"^(?:(?:on|late|early|last|this|next)\s+)*(?:" + alternation([*_WEEKDAYS, *_MONTHS])
    + r"|today|yesterday|tonight|overnight|(?:this|last)\s+(?:week|month|year))\b",
    re.IGNORECASE,
)

#: "a provisional toll", "the latest official count": a qualifier of a figure, not a speaker.
TOLL_QUALIFIER_RE = re.compile(
    r"^(?:an?\s+|the\s+)?(?:(?:new|latest|last|provisional|preliminary|final|official|"
    r"updated|revised|initial|first|partial|unofficial|overall|total|previous|earlier)\s+)*"
    r"(?:death\s+)?(?:toll|count|tally|figures?|estimates?|assessment|balance)$",
    re.IGNORECASE,
)

#: Indefinite sources and the kind of speaker each is: two reports citing "a local official"
#: cite one kind of source, kept apart from "residents" or "a security source".
INDEFINITE_KINDS: dict[str, tuple[str, ...]] = {
    "local official": ("local official", "local officials", "local authorities",
                       "local authority", "official", "officials", "local administrator"),
    "security source": ("security source", "security sources", "military source",
                        "military sources", "army source", "police source", "security official",
                        "security officials"),
    "resident": ("resident", "residents", "witness", "witnesses", "villager", "villagers",
                 "local resident", "local residents", "survivor", "survivors", "relatives"),
    "humanitarian source": ("humanitarian source", "humanitarian sources", "aid worker",
                            "aid workers", "humanitarian worker", "humanitarian workers",
                            "relief worker", "relief workers"),
    "medical source": ("hospital staff", "hospital source", "hospital sources", "doctor",
                       "doctors", "medical source", "medical sources", "health worker",
                       "health workers", "nurse", "nurses", "medic", "medics"),
    "community leader": ("community leader", "community leaders", "local leader",
                         "local leaders", "elder", "elders", "local elder", "traditional leader",
                         "civil society leader", "local civil society leader"),
}  # fmt: skip
_INDEFINITE = WordTable({
    w: kind for kind, words in INDEFINITE_KINDS.items() for w in words
})
_INDEFINITE_RE = re.compile(
    r"^(?:an?\s+|the\s+|some\s+|several\s+|two\s+|three\s+|other\s+)?"
    r"(?:(?:local|senior|regional|provincial|district|municipal|village|community|town|city|"
    r"anonymous|top|another|military|government|hospital|medical|humanitarian|security)\s+)?"
    r"(?P<w>" + alternation(sorted(_INDEFINITE, key=len, reverse=True)) + r")"
    r"(?:\s+(?:in|at|of|from|near)\s+[\w' -]{1,40})?$",
    re.IGNORECASE,
)


#: Unnamed media as a speaker ("state media said", "local media reported", "state television"):
#: they relay a source, they are none. In an incident, such a claim is the origin's that gave
#: the same figure, when exactly one did.
MEDIA_RELAY_RE = re.compile(
    r"(?:the\s+)?(?:(?:state|state-run|state-owned|official|government|pro-government|"
    r"opposition|local|national|regional|foreign|international|social)\s+)?"
    r"(?:media|press|news\s+agenc(?:y|ies)|television|tv|broadcasters?|radio|"
    r"media\s+(?:reports?|outlets?)|news\s+reports?|reports?)",
    re.IGNORECASE,
)


def indefinite_kind(speaker: str) -> str | None:
    """The kind of an indefinite source ("a local official" -> "local official"), or None for
    a named speaker ("Niger's Interior Ministry")."""
    m = _INDEFINITE_RE.match(speaker.strip())
    return _INDEFINITE[m["w"].lower()] if m else None


#: Roll-up cues: a figure over weeks, months, a year, a region or many incidents is an
#: aggregate claim, never an incident of its own.
AGGREGATE_RE = re.compile(
    r"\b(?:since\s+(?:the\s+(?:start|beginning)\s+of|early|mid|late|then|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|\d{4}|last\s+\w+)"
    r"|so\s+far\s+(?:this|in)\b|this\s+year|year[\s-]to[\s-]date|to\s+date\b"
    r"|in\s+the\s+(?:first|past|last|previous)\s+(?:\w+\s+){0,2}(?:days|weeks|months|years)"
    r"|(?:over|during)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+){0,2}(?:days|weeks|months|years)"
    r"|in\s+\d+\s+(?:separate\s+)?(?:incidents|attacks|strikes|clashes|raids)"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:separate\s+)?"
    r"(?:attacks|incidents|raids|strikes|bombings|ambushes)"
    r"|\bin\s+total\b|(?:across|throughout)\s+(?:the\s+)?(?:\w+\s+)?[A-Z]\w+"
    r"|(?:weekly|monthly|quarterly|annual)\s+(?:toll|tally|report|figures|update)"
    r"|a\s+tally\s+by|(?:across|throughout)\s+the\s+(?:\w+\s+){0,2}(?:region|country|provinces|"
    r"north|south|east|west|states|districts)"
    r"|in\s+(?:the\s+)?(?:month|week)\s+of)\b",
    re.IGNORECASE,
)

#: A sentence that recalls an older incident next to today's: "The attack came three days after
#: gunmen killed five people", "This raid follows the killing of 21 fishermen", "a similar
#: attack last year".
_INCIDENT_NOUNS = r"(?:attacks?|massacres?|raids?|bombings?|ambush(?:es)?|strikes?|incidents?|killings?|shelling)"
BACKGROUND_RE = re.compile(
    r"\b(?:came|comes|follows|followed|following)\s+(?:(?:just|only|barely|some|exactly|almost|"
    r"nearly|about|more\s+than|less\s+than)\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|\d+|several|a\s+few|few)\s+)?"
    r"(?:days?|weeks?|months?|years?)\s+(?:to\s+the\s+day\s+)?(?:after|since)\b"
    # "came on the first anniversary of the massacre of 37 villagers"
    r"|\b(?:came|comes|fell|falls)\s+on\s+the\s+(?:\w+\s+)?anniversary\s+of\b"
    r"|\b(?:follows|followed|comes\s+after|came\s+after)\s+(?:the|a|an)\b"
    r"|\b(?:a\s+similar|an\s+earlier|a\s+previous|the\s+previous|last\s+year's|last\s+month's)\s+"
    + _INCIDENT_NOUNS,
    re.IGNORECASE,
)

#: A superlative ranks one incident against a period ("the deadliest attack since 2019"):
#: the period does not make its figure a roll-up.
SUPERLATIVE_RE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|highest|heaviest|most\s+(?:deadly|lethal))\b",
    re.IGNORECASE,
)

#: Qualifiers of a figure that is a lower bound and may be overtaken by a larger one.
HEDGED_QUALIFIERS = frozenset({"at_least", "more_than", "over"})
#: A toll given as provisional may rise: "a provisional toll", "preliminary figures".
PROVISIONAL_RE = re.compile(
    r"\b(?:provisional|preliminary|initial|first|partial)\s+(?:death\s+)?(?:toll|count|tally|"
    r"figures?|estimates?|assessment|reports?)\b",
    re.IGNORECASE,
)

#: A category word that only qualifies the place an incident hit ("the attack on the
#: displacement camp") names nothing counted; group 1 keeps the words before it.
PLACE_MODIFIER_RE = re.compile(
    r"\b((?:attack|raid|strike|shelling|bombing|assault)\s+(?:on|of|at)\s+(?:the|a)\s+)[\w-]+\s+"
    r"(?=(?:camps?|sites?|centres?|centers?|shelters?|settlements?)\b)"
)

#: A roundup's item is news of its own, however old: "In a separate attack on Monday",
#: "Separately,", "Elsewhere,", "In another incident".
SEPARATE_RE = re.compile(
    r"\b(?:separately|elsewhere|meanwhile|in\s+(?:a\s+)?separate\s+(?:attacks?|incidents?|raids?)|"
    r"in\s+another\s+(?:attack|incident|raid|strike)|earlier\s+(?:this|in\s+the)\s+week)\b",
    re.IGNORECASE,
)

#: Words of an outlet's name that are not its town: "Harrow Creek Herald" -> "Harrow Creek",
#: "Radio Kivu Libre" -> "Kivu".
MEDIA_WORDS = frozenset(
    """the le la les el al radio tv television fm am herald star voice today times news daily
    post tribune online infos info journal gazette observer courier mail express chronicle
    record monitor telegraph standard sun mirror press review weekly evening morning quotidien
    matin soir hebdo libre live network media agency wire service channel broadcasting
    dispatch echo bulletin report reporter informer leader guardian pioneer national
    international global continental world regional local public new free independent
    first""".split()
)

#: A figure that counts part of the dead only (those a hospital received, "nine of those"):
#: a lower bound of the incident's toll, like "at least".
PARTIAL_RE = re.compile(
    r"\b(?:patients?|of\s+(?:those|them|whom|these|the\s+(?:dead|victims|deceased)))\b",
    re.IGNORECASE,
)

#: A name before one of these nouns names a building, not a place the gazetteer lacks: "at
#: Lindell shopping centre in Westmark" happened in Westmark. (Camps and markets are kept:
#: "Zamzam camp" is where people live.)
FACILITY_AFTER = (
    r"(?:shopping\s+(?:centre|center|mall)|mall|hospital|clinic|school|university|college|"
    r"mosque|church|cathedral|synagogue|temple|hotel|stadium|station|airport|prison|factory|"
    r"bank|cinema|theatre|theater|restaurant|cafe|club|supermarket|plaza|tower|office)\b"
)
