"""Records the rule modules pass one another: a figure found in a sentence (counts, housing),
the cue read beside it (cues) and the head noun after it (heads) -> typed, named fields
instead of anonymous tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from tollbook.extract.numbers import NumberMention
from tollbook.model import Span

__all__ = ["Figure", "Head", "LeftCue", "RightCue"]


class LeftCue(NamedTuple):
    """A cue right before a figure ("killed 12", "the death toll rose to 40")."""

    category: str  # a category, "toll" resolved by the toll's words, or "inherit"
    note: str  # "", "cumulative", "update", "among", "attacker", "fate", ...
    start: int  # where the cue starts


class RightCue(NamedTuple):
    """A cue after a figure's people ("27 people were killed")."""

    category: str
    detail: str | None  # "lost one parent", "housing destroyed", ...
    end: int  # where the cue ends


class Head(NamedTuple):
    """The people a number counts, read from the words after it ("63 children")."""

    population: str
    population_class: str
    unit: str
    end: int  # end of the noun phrase
    category: str | None  # the category the noun itself names ("27 dead"), if any


@dataclass(slots=True)
class Figure:
    """A count found in a sentence; mutable while the sentence's structure is worked out."""

    num: NumberMention
    span: Span  # the figure and its head noun as written
    population: str
    population_class: str
    unit: str
    category: str | None = None
    detail: str | None = None
    parent: int | None = None  # index into the sentence's figure list
    relation: str | None = None
    rule: str = ""
    flags: list[str] = field(default_factory=list)
    noun_category: str | None = None
    also: list[tuple[str, str | None]] = field(default_factory=list)  # "abducted and killed"
    has_head: bool = False
    left: LeftCue | None = None
