"""Telegraphic grammar read by extract/bare.py ("Customs officer kidnapped, killed"), declared as
named patterns and word tables, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import modifiers as md
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.literals import gate_from
from tollbook.extract.grammar.loader import WordTable

PARTICIPLES = {**{v: c for v, c in vb.VICTIM_VERBS.items() if not v.endswith("ing")}, **vb.HEADLINE_PREDICATES}
#: The predicates SUBJECT, LIST and LIST_FIGURE_LAST end with, and OBJECT's verbs: one of them
#: is in every match (the reading's anchors, reading_patterns.READING_ANCHORS "bare").
PARTICIPLE_WORDS = (*PARTICIPLES, "shot dead", "found dead", "gunned down")
PARTICIPLE = alternation(PARTICIPLE_WORDS)
NEXT = r"(?=\s*(?:[,;.:)—–]|$)|\s+(?:" + alternation(md.TELEGRAPHIC_NEXT) + r")\b)"
MODIFIER = r"(?:(?!(?:a|an|the|his|her|their|its|one|two|three)\b)[A-Za-z][\w'’-]*\s+)"
HEAD = r"(?P<head>" + alternation(lx.SINGULARS) + r")"
#: Where SUBJECT, LIST and LIST_FIGURE_LAST open: the sentence's start, or right after one of
#: OPENING_CHARS or a newline (bare.py tries them only there: `OPENING` finds those places).
OPENING_CHARS = r'[.;:!?(—–\"“]'
OPENS = rf"(?:^|(?<={OPENING_CHARS})\s*|(?<=\n))"
OPENING = re.compile(rf"{OPENING_CHARS}|\n")
SUBJECT = re.compile(
    rf"{OPENS}\s*(?P<np>{MODIFIER}{{0,{md.MAX_BARE_MODIFIERS}}}{HEAD})"
    rf"(?:\s*\([^()]{{1,30}}\))?\s+(?:\w+ly\s+)?"
    rf"(?P<pred>{PARTICIPLE})(?:\s*,\s*(?P<pred2>{PARTICIPLE}))?{NEXT}",
    re.IGNORECASE,
)
#: The verbs before a zero-article object: the past ("Armed men killed forest guard") and the
#: historic present of headlines ("Separatists behead teacher in Bamenda", "Gunmen abduct priest");
#: a present form after "to", a modal or a determiner reports no deed (victims.PRESENT_NOT_AFTER).
OBJECT_VERBS = WordTable({**{v: c for v, c in vb.VICTIM_VERBS.items() if not v.endswith("ing")}, **vb.PRESENT_VICTIM_VERBS})
OBJECT = re.compile(
    rf"\b(?P<verb>{alternation(list(OBJECT_VERBS))})\s+"
    rf"(?P<np>{MODIFIER}{{0,{md.MAX_BARE_MODIFIERS}}}{HEAD})(?:\s*\([^()]{{1,30}}\))?{NEXT}",
    re.IGNORECASE,
)
#: A zero-article singular as a conjunct of a telegraphic list whose predicate follows it: "2
#: militants, soldier killed", "Policeman, civilian injured in grenade attack". The first conjunct
#: (`first`: a figure the count rules read, or another zero-article singular, `head1`) opens the
#: clause; the last (`np`) takes the predicate. One person each.
_FIRST = rf"(?:(?P<fig>\d+(?:\s+[A-Za-z][\w'’-]*){{1,3}})|(?P<np1>{MODIFIER}{{0,2}}(?P<head1>{alternation(lx.SINGULARS)})))"
LIST = re.compile(
    rf"{OPENS}\s*{_FIRST}\s*(?:,|\s+and|\s*&)\s+"
    rf"(?P<np>{MODIFIER}{{0,2}}{HEAD})\s+(?:\w+ly\s+)?(?P<pred>{PARTICIPLE}){NEXT}",
    re.IGNORECASE,
)
#: The same list with the figure last: "Soldier, 2 militants killed in Kupwara gunfight".
LIST_FIGURE_LAST = re.compile(
    rf"{OPENS}\s*(?P<np1>{MODIFIER}{{0,2}}(?P<head1>{alternation(lx.SINGULARS)}))"
    rf"\s*(?:,|\s+and|\s*&)\s+(?P<fig>\d+\s+[A-Za-z][\w'’-]*)\s+(?:\w+ly\s+)?(?P<pred>{PARTICIPLE}){NEXT}",
    re.IGNORECASE,
)
#: Every match of SUBJECT, LIST and LIST_FIGURE_LAST holds one of PARTICIPLE_GATE's words, every
#: match of OBJECT one of OBJECT_GATE's (read from the patterns' parse by literals.required;
#: proven in tests/test_gates.py): bare.py searches a sentence only with the patterns it may match.
PARTICIPLE_GATE = gate_from(SUBJECT)
OBJECT_GATE = gate_from(OBJECT)
