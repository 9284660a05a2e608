"""End-anchored patterns searched only where they can end: a pattern + a window -> its match.

The count rules ask, before every figure, whether the 16-30 characters before it end like
"five members of ", "seven of the " or "a family of " (count_patterns.OF_COMPLEMENT,
NUMBERED_PART_BEFORE, FAMILY_OF: patterns anchored with `\\Z`). A search tries the pattern at
every position of the window (about 8,000 searches per 300 KB of dense articles, issue 23).
Such a match ends with one of a few words, read from the pattern by `alternation.final_words`
(re's own parse, no hand list). A window whose last word, folded as `re.IGNORECASE` compares
it (`literals.fold`: "thoſe" is "those"), ends with none of them cannot match, so the search
is skipped; otherwise it runs as before, so every match is the same. A pattern whose end is
no plain word ("who" and up to eight words: REL_CLAUSE_OPEN) is searched only where the
window holds one of the strings every match holds (`literals.required`, also from the parse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract.grammar.alternation import final_words
from tollbook.extract.grammar.literals import fold, required

__all__ = ["Ending", "ending"]


@dataclass(frozen=True, slots=True)
class Ending:
    """An end-anchored pattern and the words its matches end with (None: any, always search)."""

    pattern: re.Pattern[str]
    finals: tuple[str, ...] | None
    width: int  # the longest final word: only that much of the window's end is folded
    #: When the end is no plain word: strings one of which every match holds (literals.required).
    needs: tuple[str, ...] | None = None

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """`self.pattern.search(text, pos, endpos)`, skipped where it cannot match."""
        if self.finals is not None:
            last = text[pos:endpos].rstrip()[-self.width :]  # re's \s is str.isspace
            # fold keeps the length of the last `width` letters (it maps "İ" before lowering);
            # ASCII lowered is already folded.
            if not (last.lower() if last.isascii() else fold(last)).endswith(self.finals):
                return None
        elif self.needs is not None:
            window = text[pos:endpos]
            low = window.lower() if window.isascii() else fold(window)
            if not any(w in low for w in self.needs):
                return None
        return self.pattern.search(text, pos, endpos)


def ending(pattern: re.Pattern[str]) -> Ending:
    """The Ending of `pattern`, whose matches must end at the window's end (`\\Z`)."""
    if not pattern.pattern.endswith(r"\Z"):
        raise ValueError(f"{pattern.pattern!r} is not anchored with \\Z: search it directly")
    words = final_words(pattern.pattern, pattern.flags)
    finals = None if words is None else tuple(sorted(words))
    needs = required(pattern) if finals is None else None
    return Ending(pattern, finals, max(map(len, finals)) if finals else 0, tuple(sorted(needs)) if needs else None)
