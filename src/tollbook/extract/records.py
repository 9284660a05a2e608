"""Records the rule modules pass one another: a figure found in a sentence (counts, housing),
the cue read beside it (cues) and the head noun after it (heads) -> typed, named fields
instead of anonymous tuples.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tollbook.extract.numbers import NumberMention
from tollbook.model import Span

__all__ = ["Figure"]


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
    left: tuple[str, str, int] | None = None  # (category, note, cue start)
