"""Anchoring grammar read by extract/anchor.py, declared as named patterns and word lists, compiled
once: the words before a place name the gazetteer may lack ("fled Marren", "the town of Port
Castellan"), the capitalised words that are never such a place, a building named after a place,
the metadata line that opens some documents.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.wire import FACILITY_AFTER
from tollbook.geo.names import fold_token

FACILITY = re.compile(r"(?:'s|’s)?\s+" + FACILITY_AFTER, re.IGNORECASE)
METADATA_LINE = re.compile(r"^\s*date\s+\S+.*\(.*\)\s*$")
#: Words before a place name the gazetteer may lack ("fled Marren"). A whole word is always
#: followed by a space, so the trie's longest-first order finds what the listed order did.
BEFORE_PLACE = """in at near outside from into around of on off across toward towards for fled flee left
    entered captured struck shelled retook took seized hit attacked besieged bombed raided leave
    reached""".split()
#: The same words folded as the scanner folds words (extract/anchor.py tries UNRESOLVED_PLACE
#: only at a word with one of these keys, or at a sentence's first capitalised word).
BEFORE_PLACE_KEYS = frozenset(map(fold_token, BEFORE_PLACE))
UNRESOLVED_PLACE = re.compile(
    r"\b(?i:" + alternation(BEFORE_PLACE) + r")\s+"
    r"(?:the\s+(?:\w+\s+)?(?:town|city|village|district|province|region|camp|neighbourhood|"
    r"neighborhood|suburb|port)\s+of\s+|the\s+(?=[A-Z]))?"
    r"(?P<p>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+)){0,2})|"
    r"(?:^|(?<=[.!?]\s))(?P<q>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?=\s+(?:city|town|village|district|"
    r"province|region|blast|attack|strike|bombing|clashes)\b|:)"
)
NOT_PLACES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those It
    He She They We Under After Before During Since Armed Forces Ministry Council Court Army
    Police Government President Minister Parliament State Republic Union Office Department
    Agency Committee Commission Organization Organisation Convention Prevention Punishment
    Human Rights International United Nations Red Cross Crescent Health Defense Defence Foreign
    Interior Security Islamic Cooperation Genocide Justice Peace Rest Today Yesterday Azernews
    Reuters Associated Press Facebook Twitter Telegram Statement Spokesman Spokesperson General
    Colonel Captain Major Lieutenant Sergeant Doctor Mr Mrs Ms Dr Prof According Districts Figures
    Troops Soldiers Police Rebels Army Fighting Gunmen Defence Minister Mayor Relief Centre Center
    Office Group Herald Agency Monitoring Memorial Committee Crescent Cross Shield Brigade Battalion
    Infantry Regiment Forces Navy Air Occupation Figures Statement Genocide Massacre War Day""".split()
)
#: Where the wounded or the dead were taken, not where they were hit: "were taken to the
#: District Hospital in Peshawar", "transferred to a clinic in Goma", "evacuated to Mopti". The
#: place right after this is never an incident's (a construction: a verb of moving the victims,
#: "to", an optional care facility and its link word).
_CARE_VERBS = (
    "taken|transferred|rushed|evacuated|admitted|airlifted|flown|moved|brought|sent|"
    "referred|treated"
)
CARE_DESTINATION = re.compile(
    rf"\b(?:{_CARE_VERBS})\s+(?:\w+\s+){{0,2}}?(?:to|at|in)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,4}?(?:hospitals?|clinics?|health\s+(?:centres?|centers?|"
    r"posts?|facilit(?:y|ies))|medical\s+(?:centres?|centers?|facilit(?:y|ies))|infirmary)\s+"
    r"(?:in|at|of)\s+(?:the\s+(?:\w+\s+)?(?:town|city|village)\s+of\s+)?$"
    r"|\b(?:taken|transferred|rushed|evacuated|airlifted|flown)\s+(?:\w+\s+){0,2}?to\s+$",
    re.IGNORECASE,
)
#: Where a CARE_DESTINATION match can start: one scan of the document, and a place with no
#: such verb in the reach before it is not searched (extract/anchor.py `_care_places`).
CARE_VERB = re.compile(rf"\b(?:{_CARE_VERBS})\s", re.IGNORECASE)
#: The same verbs folded as the scanner folds words: a CARE_VERB match starts at a word with
#: one of these keys, or right after an apostrophe (extract/anchor.py `_care_verbs`).
CARE_VERB_KEYS = frozenset(map(fold_token, _CARE_VERBS.split("|")))
#: How far before a place a care destination is read.
CARE_REACH = 120
#: After a building's name, where the document puts it: "Lindell shopping centre in Westmark".
FACILITY_PLACED = r"\s+" + FACILITY_AFTER + r"\s+(?:in|at|near|of)\s+"
#: Between a place and the place that holds it: "Gidan Maso village in Kaura local government
#: area", "Mbalu, in Masisi": the first is where it happened, the second only locates it.
HELD_IN = re.compile(
    r"(?:\s+(?:village|town|city|hamlet|settlement|neighbourhood|neighborhood|camp))?\s*,?\s+"
    r"(?:in|of|within)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?"
)
