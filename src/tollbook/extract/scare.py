"""Scare quotes: document text -> the same text with the quote marks of scare quotes blanked
(one space each, so every character keeps its offset and claims keep pointing at the text as
written).

Coders' notes and wire copy quote a word to keep their distance from it, or bracket an
editor's word, without changing what is counted: 'killing "many"', 'three suspected
"militants"', 'a police officer is "hacked to death"', '"Most" of the [attackers] were killed'.
The count rules read words, and a quote mark between a verb and its object or a figure and
its noun hides the construction. The quote marks of a short quotation (grammar/scare_patterns.py:
a few words, no sentence punctuation, no digit) are read as spaces; a longer quotation is speech
and stays as written, for attribution.
"""

from __future__ import annotations

from tollbook.extract.grammar.scare_patterns import MAX_WORDS, MAX_WORDS_STOP, SCARE_QUOTE

__all__ = ["blank_scare_quotes"]


def blank_scare_quotes(text: str) -> str:
    """`text` with the marks of every scare quote replaced by a space (same length)."""
    if '"' not in text and "“" not in text and "[" not in text:
        return text
    chars: list[str] | None = None
    for m in SCARE_QUOTE.finditer(text):
        words = m.group("words") if m.group("open") else m.group("bwords")
        stop = m.group("stop") if m.group("open") else ""
        if len(words.split()) > (MAX_WORDS_STOP if stop else MAX_WORDS) or words != words.strip():
            continue
        if chars is None:
            chars = list(text)
        for name in ("open", "close") if m.group("open") else ("bopen", "bclose"):
            chars[m.start(name)] = " "
    return text if chars is None else "".join(chars)
