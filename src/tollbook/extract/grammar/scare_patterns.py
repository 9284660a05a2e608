"""Scare-quote grammar read by extract/scare.py ('killed "many"', 'three suspected "militants"',
'a police officer is "hacked to death"', 'the [attackers] were killed'), declared as named
patterns, compiled once.

A scare quote is a pair of double quotes (or an editor's square brackets) around a short run
of words inside a sentence: at most `MAX_WORDS` words, no sentence punctuation and no digit
inside (a quoted figure is the source's own words and stays as written), a word character on
neither side (a closing quote glued to a word is a typo, not a scare quote). The sentence's
full stop or comma may stand before the closing mark of one or two words ('killing
"scores."'). Longer quotations are speech and stay quoted: attribution reads them.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.first_chars import opening_chars

#: The most words a scare quote holds; a longer quotation is speech.
MAX_WORDS = 4
#: The most words a scare quote holds when the sentence's full stop or comma stands inside its
#: closing mark, as American style puts it ('killing "scores."'); a longer one may be speech.
MAX_WORDS_STOP = 2

_INSIDE = r"[A-Za-z][A-Za-z'’ -]{0,40}?"
SCARE_QUOTE = re.compile(
    r"(?<![\w\"“])(?P<open>[\"“])(?P<words>" + _INSIDE + r")(?P<stop>[.,]?)(?P<close>[\"”])(?![\w\"”])"
    r"|(?<![\w\[])(?P<bopen>\[)(?P<bwords>" + _INSIDE + r")(?P<bclose>\])(?![\w\]])"
)
#: The characters a scare quote opens with ('"', '“', '['), read from SCARE_QUOTE's parse, and
#: a search for them (extract/scare.py tries SCARE_QUOTE there only); None: unknown, every
#: character is tried.
OPENING = opening_chars(SCARE_QUOTE)
OPENER = re.compile("[" + re.escape(OPENING) + "]") if OPENING else None
