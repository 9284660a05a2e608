"""Attacker grammar read by extract/attackers.py ("blew himself up", "suicide bomber"), declared as
named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation

_KILLED_IN_TURN = r"(?:(?:himself|herself|eventually|finally|then)\s+)?(?:shot\s+dead|killed|gunned\s+down|shot\s+and\s+killed)\b"
SELF = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|(?:blew|blowing|blows)(?:\s+up)?|blown|shot|shooting)\s+(?:only\s+)?"
    r"(?P<self>himself|herself)\b"
    r"|\bturn(?:ed|ing|s)?\s+(?:the|his|her)\s+(?:gun|weapon|rifle)\s+on\s+(?P<self2>himself|herself)\b"
    # the reflexive after the other victims: "killing eight people and himself"
    # ("shot dead his two children and then himself")
    r"|\b(?:kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|(?:shot|shooting|stabb(?:ed|ing))\s+dead)"
    r"\s+[^,.;:()]{1,50}?\s+(?:and|as\s+well\s+as)\s+(?:then\s+|later\s+)?(?P<self3>himself|herself)\b"
    # the killer killed after his victims: "killing two soldiers before he was shot dead",
    # "killed five people before being gunned down by police"
    r"|\b(?:kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|shot|shooting|stabb(?:ed|ing)|hack(?:ed|ing)|wound(?:ed|ing)|"
    r"injur(?:ed|ing))\s+[^.;:()]{1,60}?\s+(?:before|until)\s+"
    r"(?:(?P<self4>he|she)\s+was\s+" + _KILLED_IN_TURN + r"|(?P<self5>being\s+" + _KILLED_IN_TURN + r"))",
    re.IGNORECASE,
)
#: "blew themselves up", "killing only themselves", "kill only themselves", "detonate themselves"
THEMSELVES = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|(?:blew|blowing|blow)(?:\s+up)?|blown|detonat(?:e|es|ed|ing))\s+(?:only\s+)?(?P<self>themselves)\b",
    re.IGNORECASE,
)
#: How far before "themselves" the attackers' noun may stand, and their figure before the noun.
NOUN_REACH = 100
FIGURE_REACH = 48
ATTACKER_WORD = re.compile(r"\b(?:" + alternation(vb.ATTACKER_NOUNS) + r")\b", re.IGNORECASE)
#: The article of an attacker's noun: "The attacker stabbed two ... before being shot dead".
ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+\Z", re.IGNORECASE)
#: "A suicide bomber blew himself up ... a police officer who killed himself": the sentence
#: must name an attacker (or a suicide attack, or a militant) for "himself" to be one.
ATTACK_CONTEXT = re.compile(r"\bsuicide\b|\b(?:" + alternation(vb.ATTACKER_NOUNS) + r")\b|\bexplosives?\b|"
                            r"\bdetonat|\bmilitants?\b", re.IGNORECASE)  # fmt: skip
#: The attackers added after a toll: "Two dead, plus bomber", "at least three dead, plus the
#: bombers", "12 dead, plus the two bombers". The toll must come right before (`TOLL_BEFORE`).
PLUS_ATTACKERS = re.compile(
    r"\bplus\s+(?:the\s+)?(?:(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:(?:suicide|female|male)\s+){0,2}(?P<noun>" + alternation(vb.ATTACKER_NOUNS) + r")\b",
    re.IGNORECASE,
)
TOLL_BEFORE = re.compile(r"\b(?:dead|killed|died|deaths|fatalities)\b[\s,;]*\Z", re.IGNORECASE)
#: An attacker who dies by his own device or hand ("the bomber", "a suicide attacker", "blew
#: himself up"): the toll of his blast may already count him (tally/rules.py, attackers apart).
SELF_INFLICTED = re.compile(r"\bsuicide\b|\bbombers?\b|" + re.sub(r"\?P<\w+>", "", SELF.pattern + "|" + THEMSELVES.pattern),
                            re.IGNORECASE)  # fmt: skip
