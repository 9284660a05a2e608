"""Asides after a bare figure: document text -> the same text with the parenthesis between a
bare figure and its verb blanked (spaces, so every character keeps its offset and claims keep
pointing at the text as written).

Coders' notes put a competing figure or a remark between a figure and its verb: "Eleven (some
sources claim 20) are dead", "Between three and ten (varied by source) are killed". The count
rules read a figure with no noun through the words right after it, so the parenthesis hides
the verb. grammar/aside_patterns.py declares where an aside stands; the figure written first
is the one read, as it is when the competing figure follows the verb.
"""

from __future__ import annotations

from tollbook.extract.grammar.aside_patterns import ASIDE_BODY, ASIDE_END

__all__ = ["blank_asides"]


def blank_asides(text: str) -> str:
    """`text` with every aside after a bare figure replaced by spaces (same length)."""
    if "(" not in text:
        return text
    # An aside ends at the first ")" after its start, and that ")" stands before the figure's
    # verb (ASIDE_END): ASIDE's matches are ASIDE_BODY's, one per such ")", searched between it
    # and the ")" before it, not the whole document's every position.
    chars: list[str] | None = None
    for end in ASIDE_END.finditer(text):
        close = end.start()
        m = ASIDE_BODY.search(text, text.rfind(")", 0, close) + 1, close + 1)
        if m is None:
            continue
        if chars is None:
            chars = list(text)
        s, e = m.span("aside")
        chars[s:e] = " " * (e - s)
    return text if chars is None else "".join(chars)

