"""Plural anaphors: the words that point back at people counted before ("Gunmen abducted four
men; they were executed", "The hostages were later found dead") -> tables anaphora.py reads.
"""

from __future__ import annotations

from typing import Final

#: Pronouns and quantifiers standing for a group named before.
PLURAL_PRONOUNS: Final[tuple[str, ...]] = ("they", "all of them", "both of them", "both", "all")
#: Nouns that stand for any group taken or attacked before ("the hostages were killed").
GENERIC_NOUNS: Final[frozenset[str]] = frozenset(
    "hostages captives victims abductees prisoners detainees".split()
)
#: Words that show the group was already counted dead between it and the anaphor.
ALREADY_DEAD: Final[tuple[str, ...]] = ("killed", "killing", "dead", "died", "executed", "bodies", "slain")
#: How far back (characters) an antecedent is looked for.
REACH: Final[int] = 400
