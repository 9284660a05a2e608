"""Relation nouns and the "lost" construction: people named by their tie to someone else
("one parent", "both parents", "two sons", "their father") -> the patterns counts.py reads.

"130 children lost one parent": a quantity of a relation noun after "lost" counts each
child's own parents, not new victims; the figure is the subject's, and the words are its
orphan cue. "130 children lost one parent and 25 lost both": the elided object of "both" is
the first conjunct's relation noun (and "25" takes the first conjunct's head, "children").
"The family lost 25 relatives": with no counted subject the relatives are the dead.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation

#: Nouns that name people by their tie to the subject, singular and plural (lower case).
RELATION_NOUNS = frozenset(
    w.strip()
    for w in """parent,parents,father,fathers,mother,mothers,son,sons,daughter,daughters,child,
    children,brother,brothers,sister,sisters,sibling,siblings,husband,husbands,wife,wives,relative,
    relatives,cousin,cousins,uncle,uncles,aunt,aunts,nephew,nephews,niece,nieces,grandparent,
    grandparents,grandchild,grandchildren,grandson,grandsons,granddaughter,granddaughters,
    family member,family members,loved one,loved ones,breadwinner,breadwinners""".split(",")
)

_POSS = r"(?:their|his|her)\s+"

#: "lost " or "lost their " ending right before a figure.
LOST_BEFORE = re.compile(r"\blost\s+(?:" + _POSS + r"(?:own\s+)?)?\Z", re.IGNORECASE)
#: After a figure's number: its noun is a relation noun ("one parent", "one of their parents",
#: "two young sons").
RELATION_AFTER = re.compile(
    r"\s+(?:of\s+" + _POSS + r")?(?:[a-z-]+\s+)?" + alternation(sorted(RELATION_NOUNS)) + r"\b", re.IGNORECASE
)
#: What may stand between a counted subject and its "lost": "130 children who had lost ...".
SUBJECT_TO_LOST = re.compile(r"\s*(?:(?:who|that|had|have|has|all|each|also)\s+)*\Z", re.IGNORECASE)

#: "130 children lost one parent and 25 lost both": between the first conjunct's figure and the
#: second's bare number, whose head is elided.
ELIDED_AND = re.compile(r"\s+[a-z][^,;:.()\d]{0,60}?\s+and\s+\Z", re.IGNORECASE)

#: Where an elided object ends: "25 lost both.", "25 lost both in the shelling".
_ELIDED_END = r"(?=\s*[,.;:)]|\s*\Z|\s+(?:in|during|when|after|at|on|to|because)\b)"
_PARENT = r"(?:fathers?|mothers?)"
_AND_OTHER_PARENT = r"\s+and\s+(?:" + _POSS + r")?" + _PARENT

#: Right cues of the orphaned category (lexicon.RIGHT_CUES reads them), one per detail.
ORPHAN_CUES: tuple[tuple[str, str, str | None], ...] = (
    (r"(?:lost\s+one\s+of\s+" + _POSS + r"parents|lost\s+a\s+parent|lost\s+one\s+parent|"
     r"lost\s+" + _POSS + _PARENT + r"\b(?!" + _AND_OTHER_PARENT + r"))",
     "orphaned", "lost one parent"),
    (r"(?:lost\s+both\s+(?:of\s+)?" + _POSS + r"parents|lost\s+both\s+parents|"
     r"lost\s+" + _POSS + _PARENT + _AND_OTHER_PARENT + r"\b|lost\s+both" + _ELIDED_END + r"|orphaned)",
     "orphaned", "lost both parents"),
)  # fmt: skip

#: "The army lost 17 soldiers", "the cartel lost its eleven gunmen": a force that *lost* a
#: number of its combatants lost them dead (lost.lost_combatants); "lost" or "lost its/their "
#: ending right before the figure.
LOST_FORCE_BEFORE = re.compile(r"\blost\s+(?:(?:its|their|his|her)\s+(?:own\s+)?)?\Z", re.IGNORECASE)
#: Combatants lost in other ways, right after the noun phrase: "lost 40 soldiers to desertion",
#: "lost 12 men as prisoners", "lost 30 fighters who defected".
LOST_FORCE_OTHERWISE = re.compile(
    r"\s*(?:\w+\s+){0,3}?(?:(?:to|through)\s+(?:desertion|defections?|capture|captivity|injur(?:y|ies)|"
    r"illness|disease|resignations?|retirement|the\s+rebels'?\s+ranks)|as\s+(?:prisoners|captives|hostages)|"
    r"(?:who|that)\s+(?:defected|deserted|surrendered|were\s+captured|were\s+taken))\b",
    re.IGNORECASE,
)
