"""Number grammar read by extract/numbers.py, declared as named patterns, compiled once from the
number words of numberwords.py: figures in digits and words, scales, ranges, vague amounts, and
what makes a number no count of people (percent, money, ages, durations, identifiers).
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.grammar.numberwords import QUALIFIERS, SCALES, TENS, UNITS, VAGUE

NUMWORD = r"(?:" + alternation([*UNITS, *TENS]) + r")"

ALL_WORDS = alternation([*UNITS, *TENS, *SCALES])

WORDS_RE = (
    r"(?:(?:\ba|\ban)(?=\s+(?:hundred|thousand|million)\b)|" + NUMWORD + r")"
    r"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+)(?:" + ALL_WORDS + r"))*"
)

#: Thousands separators besides the comma: a space, a no-break space (U+00A0), a narrow
#: no-break space (U+202F), a thin space (U+2009), an apostrophe ("12 000", "24\u202f200",
#: "12'000"). One separator throughout a figure, groups of exactly three digits, and no digit
#: after the last group, so "in 2019 200" and "3 1000" stay two numbers.
THOUSANDS_SEPARATORS = (" ", "\u00a0", "\u202f", "\u2009", "'", "\u2019")
_GROUPED = "|".join(r"\d{1,3}(?:" + re.escape(sep) + r"\d{3})+(?![\d'\u2019]|[.,]\d)" for sep in THOUSANDS_SEPARATORS[1:])
_SCALE_WORDS = r"(?:million|billion|trillion|thousand|lakhs?|crores?|mln|mn|bn)\b"
#: Continental and Latin American notation: dots group thousands ("2.300 people", "1.250.000
#: desplazados" in translation) and a comma marks decimals before a scale ("3,5 million").
#: A dot before exactly three digits, repeated, with no scale after, cannot be a decimal of a
#: count of people; before a scale it stays a decimal ("2.300 million" is 2.3 million).
DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_DOT_GROUPED_RE = r"\d{1,3}(?:\.\d{3})+(?![\d.,]|\s*" + _SCALE_WORDS + r")"
_DECIMAL_COMMA_RE = r"\d{1,3},\d{1,2}(?=\s*" + _SCALE_WORDS + r")"
DIGITS_RE = r"(?:" + _DECIMAL_COMMA_RE + "|" + _DOT_GROUPED_RE + r"|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d|[.,]\d)|" + _GROUPED + r"|\d+)(?:\.\d+)?"
#: Every separator a figure's digits may hold, removed before reading its value.
SEPARATORS = re.compile("[," + "".join(THOUSANDS_SEPARATORS) + "]")

SCALE_RE = r"(?:\s*(?:million|billion|trillion|thousand|lakhs?|crores?|mln|mn|bn|tn|m|k)\b)?"

VAGUE_RE = alternation(VAGUE)

QUAL_RE = alternation(QUALIFIERS)

NUMBER_RE = re.compile(
    r"(?P<qual>\b(?:" + QUAL_RE + r")\s+)?"
    r"(?P<another>\b(?:another|an additional|a further)\s+)?"
    # "two dozen" is 24, so the dozen reading is tried before the bare number. A capitalised
    # number word hyphened to a word is part of a name ("Typhoon Nok-Ten"), not a number.
    r"(?:(?P<dozen>\b(?:half\s+a|a|" + NUMWORD + r"|(?<![\w.,])\d+)\s+dozens?\b)"
    r"|(?P<between>\bbetween\s+)?"
    r"(?P<num>(?<![\w.,:$€£])" + DIGITS_RE + SCALE_RE + r"|\b(?!(?<=[A-Za-z]-)(?-i:[A-Z]))" + WORDS_RE + r"\b)"
    r"|(?P<half>\bhalf\s+a\s+(?:million|billion)\b)"
    r"|(?P<vague>\b(?:" + VAGUE_RE + r")\b))",
    re.IGNORECASE,
)

RANGE_TAIL_RE = re.compile(
    r"(?P<rsep>\s*(?:-|–|—|to|and)\s*)"
    r"(?P<num2>(?<![\w.,])" + DIGITS_RE + SCALE_RE + r"|\b" + WORDS_RE + r"\b)",
    re.IGNORECASE,
)

#: "revised up to 114": after a verb of change, "up to" is the verb's particle and its "to", not
#: a qualifier of the figure (numbers.py reads the figure as exact, the cue as "revised up to").
UPDATE_UP_TO = re.compile(
    r"\b(?:revised|raised|rose|risen|increased|jumped|climbed|heightened|went|moved|pushed)\s+\Z", re.IGNORECASE
)
UPDATE_FROM = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|increased|jumped|grew|went up|soared|revised)"
    r"(?:\s+\w+)?\s+from\s+$",
    re.IGNORECASE,
)

ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)

# Hot patterns, compiled once (a module-level `re.sub(pattern, ...)` looks up its cache per call).
FIGURE_TEXT = re.compile(r"(" + DIGITS_RE + r")\s*([a-z]+)?")

GLUED_BEFORE = re.compile(r"[A-Za-z]-?\Z")

GLUED_AFTER = re.compile(r"[:/]\d|[A-Za-z]")

SPACES = re.compile(r"\s+")

AFTER_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s*cent\b|pc\b)", re.IGNORECASE)

AFTER_MONEY = re.compile(
    r"\s*(?:dollars?|euros?|pounds?|manats?|rubles?|roubles?|dinars?|rupees?|yuan|usd|eur)\b",
    re.IGNORECASE,
)

BEFORE_MONEY = re.compile(r"(?:[$€£]|\bUS\$|\bUSD\s?|\bEUR\s?)\s*$", re.IGNORECASE)

AGE_DURATION = re.compile(
    r"[\s-]*(?P<u>years?|yrs?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))"
    r"(?P<old>[\s-]*old)?\b",
    re.IGNORECASE,
)

#: Words before a figure that make it an identifier ("flight 17", "Resolution 2334", "No. 5").
IDENT_WORDS = ("no", "no.", "number", "resolution", "article", "regiment", "brigade", "division", "unit",
               "battalion", "chapter", "section", "flight", "route", "highway", "page", "km", "nr", "nr.")  # fmt: skip

#: A trie of the words (issue 23): the same strings as a list of `\bword` branches, which cost a
#: failed attempt per branch at every position of the window (3 µs of every digit figure).
BEFORE_IDENT = re.compile(r"(?:\b" + alternation(IDENT_WORDS) + r"|#)\s*\Z", re.IGNORECASE)

#: The words a NUMBER_RE match can begin with, each written out whole: a qualifier, "another",
#: "an additional", "a further", "half", "between", a number word, a vague amount, "a" or "an"
#: before whitespace ("a hundred", "a dozen"), a digit. Every branch of NUMBER_RE starts with one
#: of them after a non-word character (`\b`, or a digit after `(?<![\w.,:$€£])`).
_LEADS = [*QUALIFIERS, "another", "an additional", "a further", "half", "between", *UNITS, *TENS, *VAGUE]
NUMBER_LEADS = r"\d|an?\s|" + alternation(_LEADS)

#: NUMBER_RE tried only at a word start where one of its lead words begins (issue 23): the same
#: match wherever NUMBER_RE matches, since every match starts at such a place, and a failure in
#: one or two steps everywhere else ("the", "said", the middle of a word). numbers.py searches
#: with it from the last figure on: NUMBER_RE alone tries its long pattern at every character
#: (4x slower), which the core-word search and the word-by-word match it replaces worked around.
NUMBER_SCAN = re.compile(r"\b(?=" + NUMBER_LEADS + ")(?:" + NUMBER_RE.pattern + ")", re.IGNORECASE)

#: Any of the patterns numbers.py asks after a figure, as one (issue 23): most figures are plain
#: cardinals, for which all of them fail, and one failed match replaces five. Compiled case-blind,
#: the union matches wherever one of them does (GLUED_AFTER alone is case-sensitive, so the union
#: may match more, never less: numbers.py then asks each pattern as before).
AFTER_ANY = re.compile(
    "|".join(f"(?:{rx.pattern})" for rx in (ORDINAL_SUFFIX, AFTER_PERCENT, AFTER_MONEY, AGE_DURATION, GLUED_AFTER)),
    re.IGNORECASE,
)
