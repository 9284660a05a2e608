"""Grammar of the open-class person test (extract/persons.py): whether a head noun no people
table lists names people, by its form and by what the sentence does to it.

A noun no table lists is read as people beside a verb only people undergo ("three okada riders
were shot dead", "a madrassa teacher was beheaded"); beside a verb that also takes things
("hanged two banners", "set ablaze two tankers", "seized two vans") and as the object a force
"lost" ("the cartel lost nine sicarios", "the army lost two helicopters"), only a noun whose
ending makes it a person (PERSON_ENDINGS, less THING_NOUNS), one a person-only modifier opens
("two suspected looters") or, as a last resort, one of PERSON_NOUNS.
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar.alternation import alternation

#: Endings of nouns of agents, adherents and peoples, singular or plural, that name people
#: whatever the verb: "-er"/"-or" (robbers, kidnappers, vendors), "-ist" (jihadists), "-ian"
#: (Colombians, technicians), "-eer" (mutineers), "-man"/"-men" (militiamen), and the
#: loanwords of Spanish and Portuguese reports ("-ero" guerrilleros, "-ista" mototaxistas,
#: "-ario" sicarios). The things that end so are THING_NOUNS.
PERSON_ENDINGS: Final[tuple[str, ...]] = ("er", "or", "ist", "ian", "eer", "man", "men", "ero", "ista", "ario")
#: Things (and places) whose names end as agents' do ("tankers", "banners", "tractors"): never
#: people by their ending.
THING_NOUNS: Final[frozenset[str]] = frozenset(
    """tanker trailer container banner poster helicopter computer transformer booster launcher
    loader bulldozer carrier cooker heater cylinder shelter border river water number center
    centre corner quarter chamber tower power flower paper letter order matter sticker flyer
    leaflet marker speaker printer generator tractor motor reactor sensor detector elevator
    ventilator incubator mirror door floor indicator excavator compressor refrigerator freezer
    locker drawer hammer cover barrier trigger silencer holster charger scooter roller blender
    tractor trawler steamer freighter destroyer cruiser fighter-jet bomber-jet""".split()
)
#: Modifiers only people take: "two suspected robbers", "three alleged informers".
PERSON_MODIFIERS: Final[frozenset[str]] = frozenset(
    """suspected alleged presumed accused unarmed elderly young teenage pregnant injured wounded""".split()
)
#: Letters a stem needs before its ending: "wrists", "lists", "Ian" are no agent nouns.
MIN_STEM: Final[int] = 3

#: The last resort: person nouns with no telling ending, that no people table lists.
PERSON_NOUNS: Final[frozenset[str]] = frozenset(
    """foreigner foreigners national nationals local locals expatriate expatriates expat expats
    stranger strangers bystander bystanders passer-by passers-by""".split()
)

#: Verbs (their first word) whose object may be a thing: a noun no table lists is a person
#: after them only by PERSON_ENDINGS or PERSON_NOUNS. "hang", "set" (ablaze, alight, on fire),
#: "seize", "capture", "torch", "burn", "hit", "strike", "destroy".
THING_VERBS: Final[frozenset[str]] = frozenset(
    """hang hangs hanged hanging set sets setting seize seizes seized seizing capture captures
    captured capturing torch torches torched torching burn burns burned burnt burning hit hits
    hitting strike strikes struck striking destroy destroys destroyed destroying""".split()
)
#: A result that only a person can undergo makes any verb a person's: "burned alive", "hanged
#: to death", "struck dead".
PERSON_RESULT = re.compile(r"\b(?:alive|dead|to\s+death)\b", re.IGNORECASE)

#: A force whose losses are dead combatants: the subject before "lost" ("the cartel lost nine
#: sicarios", "Rebels said they lost 12 guerrilleros"), in the same clause.
FORCE_NOUNS: Final[tuple[str, ...]] = (
    "army", "armies", "military", "militaries", "troops", "forces", "police", "cartel", "cartels",
    "gang", "gangs", "militia", "militias", "rebels", "insurgents", "group", "groups", "regiment",
    "battalion", "brigade", "unit", "units", "faction", "factions", "guerrillas", "jihadists",
    "militants", "side", "sides", "movement", "front",
)  # fmt: skip
FORCE_BEFORE = re.compile(r"\b" + alternation(FORCE_NOUNS) + r"\b[^,;.:]{0,60}\Z", re.IGNORECASE)

#: A word of a noun: letters, hyphens, apostrophes.
WORD = re.compile(r"[\w'’-]+")
