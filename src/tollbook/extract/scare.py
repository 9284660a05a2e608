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

import re

from tollbook.extract.grammar.scare_patterns import (
    MAX_WORDS,
    MAX_WORDS_STOP,
    OPENER,
    OPENING,
    SCARE_QUOTE,
)

__all__ = ["blank_scare_quotes", "blank_scare_quotes_scan"]


def blank_scare_quotes(text: str) -> str:
    """`text` with the marks of every scare quote replaced by a space (same length)."""
    if OPENER is None or OPENING is None:
        return blank_scare_quotes_scan(text)
    if not any(c in text for c in OPENING):
        return text
    # A match starts at an opening mark: trying SCARE_QUOTE there alone, past the last match's
    # end, finds what finditer finds, without trying the pattern at every other character.
    chars: list[str] | None = None
    done = 0
    for o in OPENER.finditer(text):
        if o.start() < done:
            continue
        m = SCARE_QUOTE.match(text, o.start())
        if m is None:
            continue
        done = m.end()
        chars = _blank(m, text, chars)
    return text if chars is None else "".join(chars)


def _blank(m: re.Match[str], text: str, chars: list[str] | None) -> list[str] | None:
    """`chars` (made from `text` when first needed) with scare quote `m`'s marks blanked."""
    words = m.group("words") if m.group("open") else m.group("bwords")
    stop = m.group("stop") if m.group("open") else ""
    if len(words.split()) > (MAX_WORDS_STOP if stop else MAX_WORDS) or words != words.strip():
        return chars
    if chars is None:
        chars = list(text)
    for name in ("open", "close") if m.group("open") else ("bopen", "bclose"):
        chars[m.start(name)] = " "
    return chars


def blank_scare_quotes_scan(text: str) -> str:
    """`blank_scare_quotes` trying SCARE_QUOTE at every character (the reference)."""
    if '"' not in text and "“" not in text and "[" not in text:
        return text
    chars: list[str] | None = None
    for m in SCARE_QUOTE.finditer(text):
        chars = _blank(m, text, chars)
    return text if chars is None else "".join(chars)
