"""Explicit zeros: sentence text -> Zero* ("nobody was killed", "no one was hurt").

"No casualties" counts as nobody killed (the narrower reading); a zero under a hypothetical
or a threat ("could have killed no one") is not read.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.extract.cues import irrealis
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar.count_patterns import HARM_WORDS as _HARM_WORDS
from tollbook.model import Span

__all__ = ["Zero", "find_zeros"]


@dataclass(frozen=True, slots=True)
class Zero:
    """An explicit zero: "nobody was killed"."""

    span: Span
    category: str
    text: str


def find_zeros(text: str, start: int, end: int) -> list[Zero]:
    """Explicit zeros; "no casualties" counts as nobody killed (the narrower reading)."""
    out: list[Zero] = []
    for m in lx.ZERO_RE.finditer(text, start, end) if literals.gate(text, start, end, lx.ZERO_GATE) else ():
        z = m.group("z").lower()
        if irrealis(text, start, m.start()):
            continue
        category = "wounded" if _HARM_WORDS.search(z) else "killed"
        out.append(Zero(span=m.span("z"), category=category, text=m.group(0)))
    return out

