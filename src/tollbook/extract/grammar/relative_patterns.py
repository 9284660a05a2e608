"""The grammar of a relative clause that tells a person's harm (extract/relatives.py): "The bomb
was found by a gardener who was slightly injured", "Casanova, who was wounded during the
kidnapping, was released", declared as named patterns, compiled once.
"""

from __future__ import annotations

import re
from typing import Final

from tollbook.extract.grammar.alternation import alternation

#: Relative pronouns of a person.
PRONOUNS: Final[tuple[str, ...]] = ("who",)
#: The relative pronoun after its antecedent (a comma, an opening parenthesis or a space
#: between), with a singular auxiliary after it: the predicate (victims.predicate_at) starts
#: where the pronoun ends.
RELATIVE = re.compile(
    r"(?P<lead>\s*,\s*|\s*\(\s*|\s+)(?P<pron>" + alternation(PRONOUNS) + r")(?=\s+(?:was|had\s+been|has\s+been)\s)",
    re.IGNORECASE,
)
#: How far the words of another time are looked for: to the end of the sentence's clause group
#: (a semicolon or colon), not the comma or "and" ("killed by the Basque Fatherland and Freedom
#: (ETA) group in 1995", "who was wounded, police said, in 1998" run on).
CLAUSE_END = re.compile(r"[;:]")
#: Words that put the relative clause's harm in another time than the report's: "a man who was
#: wounded in last year's attack", "who had been injured earlier", "who was shot in 1998".
OTHER_TIME = re.compile(
    r"\b(?:last|ago|earlier|previous|previously|formerly|once|years?|months?|weeks?|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: A determiner that may open the antecedent's role noun phrase ("a gardener", "his bodyguard").
DETERMINER = re.compile(r"\b(?:an?|the|his|her|their|its)(?=\s)", re.IGNORECASE)
#: How far back from the pronoun the antecedent may start, in characters.
REACH: Final[int] = 60
#: A capitalised name right before the pronoun: "Casanova", "Mr Odhiambo", "Oumar Traore".
NAME_BEFORE = re.compile(
    r"(?:(?<=\s)|(?<=^))(?P<name>(?:(?-i:[A-Z])[\w'’.-]*\s+){0,3}(?-i:[A-Z])[\w'’-]*)\Z"
)
