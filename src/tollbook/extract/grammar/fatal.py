"""Wounds said to be fatal: the words of "was fatally wounded", "was mortally wounded", "fatally
shooting a guard" -> tables extract/fatal.py reads.
"""

from __future__ import annotations

from typing import Final

#: Adverbs that make a wound a death.
FATAL_ADVERBS: Final[tuple[str, ...]] = ("fatally", "mortally")
#: Participles of wounding (and of violence) that a fatal adverb makes lethal.
WOUND_PARTICIPLES: Final[tuple[str, ...]] = (
    "wounded", "injured", "hurt", "shot", "stabbed", "burned", "burnt", "beaten", "hit", "struck",
)  # fmt: skip
#: Their -ing forms, before an object: "fatally wounding a guard".
WOUND_GERUNDS: Final[tuple[str, ...]] = ("wounding", "injuring", "shooting", "stabbing", "hitting", "striking")
