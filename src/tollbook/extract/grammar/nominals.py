"""Killings named by a noun whose victim follows "of", in a clause that reports the deed:
"claimed responsibility for the assassination of Malcolm Kerr", "the blast caused the deaths
of four passersby" -> tables extract/nominals.py reads.
"""

from __future__ import annotations

from typing import Final

#: Nouns of a killing (singular and plural).
KILLING_NOUNS: Final[tuple[str, ...]] = (
    "assassination", "assassinations", "murder", "murders", "slaying", "slayings", "killing", "killings",
    "execution", "executions", "beheading", "lynching",
)  # fmt: skip
#: Nouns of a death, read only after a verb of causing ("caused the deaths of").
DEATH_NOUNS: Final[tuple[str, ...]] = ("death", "deaths")
#: Nouns of violence that kill only with "fatal" before them ("the fatal stabbing of").
FATAL_NOUNS: Final[tuple[str, ...]] = ("stabbing", "shooting", "beating", "bombing", "attack")
#: What reports the deed whose noun follows: a claim, a charge of responsibility ("a militant
#: suspected of the assassination of" describes a person, not the deed reported: not here).
RESPONSIBILITY: Final[tuple[str, ...]] = (
    "responsibility for", "credit for", "responsible for", "blamed for", "suspected in", "behind",
)  # fmt: skip
#: Verbs of causing before a death noun: "caused the deaths of", "resulted in the death of".
CAUSING: Final[tuple[str, ...]] = (
    "caused", "causing", "led to", "leading to", "resulted in", "resulting in", "brought about",
)  # fmt: skip
#: Words right after the noun that make it no deed: "assassination attempt", "murder plot".
NOT_AFTER: Final[tuple[str, ...]] = ("attempt", "attempts", "plot", "plots", "bid", "threat", "threats", "squad")
#: Words right before the noun that make it no deed: "attempted assassination".
NOT_BEFORE: Final[tuple[str, ...]] = ("attempted", "planned", "failed", "alleged", "threatened", "foiled")
