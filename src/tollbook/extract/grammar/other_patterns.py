"""Elliptical "other one" grammar read by extract/others.py ("two were killed and one other was
wounded", "killing one and injuring another"), declared as named patterns and a verb table,
compiled once.
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.loader import WordTable

#: Active verbs of harm whose object may be an elided "another": the victim verbs, and "hurt".
OBJECT_VERBS: Final[dict[str, str]] = WordTable({
    **{v: c for v, c in vb.VICTIM_VERBS.items() if c in ("killed", "wounded")},
    "hurt": "wounded", "hurting": "wounded",
})  # fmt: skip

#: One more person named by no noun: the head is elided ("another", "one other", "the other",
#: "a second"). A noun after it is the count rules' ("another soldier", "the other two").
ONE_OTHER = r"(?:one\s+other|another|the\s+other|a\s+(?:second|third|fourth|fifth))"
#: What a subject "another" may follow: a clause boundary, so it is no verb's object.
CLAUSE_BEFORE = re.compile(r"(?:^|[.;:,(]|\b(?:and|but|while|whereas|as|when))\s*\Z", re.IGNORECASE)
_DEGREE = r"(?:(?:" + alternation(vb.HEADLINE_DEGREE) + r"|reportedly|later)\s+){0,2}"
#: Where a predicate with no auxiliary ends ("and another injured in the blast"): a boundary or
#: a preposition, not an object ("another injured two" makes "another" an agent).
BOUNDARY = re.compile(
    r"\s*(?:[,.;:)—–]|$)|\s+(?:in|at|on|as|and|near|when|while|during|after|before|with|by|who|from|"
    r"inside|outside|following|amid|across|when|but|seriously|critically|slightly|badly)\b",
    re.IGNORECASE,
)
#: The subject's own predicate: "another was injured", "one other (was) seriously wounded",
#: "the other died". The predicates and their categories are verbs.HEADLINE_PREDICATES.
SUBJECT = re.compile(
    rf"\b(?P<a>{ONE_OTHER})(?:\s+(?:person|victim|one))?\s*,?\s+"
    rf"(?:(?P<aux>was|had\s+been|has\s+been|got|is)\s+)?(?:also\s+)?{_DEGREE}"
    rf"(?P<cue>{alternation(vb.HEADLINE_PREDICATES)})\b",
    re.IGNORECASE,
)
#: The object of an active verb of harm, with no noun after it: "injuring another",
#: "wounding the other", "killed one and seriously hurt another".
OBJECT = re.compile(
    rf"\b(?P<verb>{alternation(list(OBJECT_VERBS))})\s+{_DEGREE}(?P<a>{ONE_OTHER})\b",
    re.IGNORECASE,
)
