"""The words numparse and ranges read, declared as data -> tables and compiled patterns.

Number words by kind ("minus", "half", "dozen" on top of the shared numerals of
`tollbook.extract.grammar.numberwords`), scale suffixes ("10k", "1.2bn"), ordinals inside a
range ("the tenth"), and the range constructions ("more than", "no fewer than", "between ...
and ...", "500 or more") with the words that join two bounds ("above 1000 and below 1500").
`evaluation.numparse` and `evaluation.ranges` import them; the words live here.
"""

from __future__ import annotations

import re
from decimal import Decimal

from tollbook.extract.grammar.loader import WordTable
from tollbook.extract.grammar.numberwords import SCALES, TENS, UNITS

__all__ = [
    "JOIN_RE",
    "ORDINALS",
    "ORDINAL_RE",
    "RANGE_PATTERNS",
    "SUFFIXES",
    "SUFFIX_RE",
    "TOKEN_RE",
    "WORD_KINDS",
]

#: The tokens of a number as written: digit forms by name (a chain of dotted, dashed or
#: slashed numbers, a fraction, space-grouped, comma-grouped, plain) and words.
TOKEN_RE = re.compile(
    # dotted, dashed or slashed chains are several numbers: "192.168.1.2", "5/17/2018"
    r"(?P<chain>(?<![\w.,/-])\d+(?:[./-]\d+){2,})"
    r"|(?P<frac>(?<![\w./-])\d+/\d+(?![\w/]|[-.]\d))"
    r"|(?P<spaced>(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3}(?![\d,]))+(?:\.\d+)?)"
    r"|(?P<commas>(?<![\w.,])\d+(?:,\d+)+(?:\.\d+)?)"
    r"|(?P<plain>(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?|(?<![\w.])\.\d+)"
    r"|(?P<word>\b[a-z]+\b)",
    re.IGNORECASE,
)
#: Scale suffixes after digits ("10k", "1.2 bn"): the power of ten each multiplies by.
SUFFIXES = WordTable({"k": 3, "m": 6, "mm": 6, "mil": 6, "mn": 6, "mln": 6, "b": 9, "bn": 9, "bln": 9,
            "g": 9, "t": 12, "tn": 12, "tln": 12})  # fmt: skip
SUFFIX_RE = re.compile(r"\s*(" + "|".join(sorted(SUFFIXES, key=len, reverse=True)) + r")(?!\w)",
                       re.IGNORECASE)  # fmt: skip
#: word -> (token kind, value); kinds: u(nit) t(ens) h(undred) s(cale) dz a and neg part
WORD_KINDS: dict[str, tuple[str, Decimal]] = {
    **{w: ("u", Decimal(v)) for w, v in {**UNITS, "nought": 0, "naught": 0}.items()},
    **{w: ("t", Decimal(v)) for w, v in TENS.items()},
    **{w: ("s", Decimal(v)) for w, v in SCALES.items()}, "hundred": ("h", Decimal(100)),
    **dict.fromkeys(("dozen", "dozens", "dz", "dzs", "doz", "dozs"), ("dz", Decimal(12))),
    "half": ("part", Decimal("0.5")), "quarter": ("part", Decimal("0.25")),
    "quarters": ("part", Decimal("0.25")), "a": ("a", Decimal(1)), "an": ("a", Decimal(1)),
    "and": ("and", Decimal(1)), "minus": ("neg", Decimal(-1)), "negative": ("neg", Decimal(-1)),
}  # fmt: skip

#: Ordinals read as figures inside a range ("the tenth"): "first" ... "twelfth", "twentieth"...
_IRREGULAR = {"one": "first", "two": "second", "three": "third", "five": "fifth",
              "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}  # fmt: skip
ORDINALS = WordTable({_IRREGULAR.get(w, w + "th"): v for w, v in UNITS.items() if v})
ORDINALS.update({w[:-1] + "ieth": v for w, v in TENS.items()})
ORDINAL_RE = re.compile(
    r"\bthe\s+(?:(?P<tens>" + "|".join(TENS) + r")[\s-]+)?(?P<ord>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)  # fmt: skip

N = r"#(\d+)#"  # a figure, as ranges._mask writes it: "#3#" for the fourth
_NO_FIGURE_AFTER = r"(?!\s*(?:than\s*|to\s*)?#)"
_MORE = r"(?:more|greater|larger|bigger|higher)"
_LESS = r"(?:less|fewer|smaller|lower)"
_OR_EQUAL = r"(?:\s+or\s+equal|\s+than\s+or\s+equal\s+to|\s+or\s+equal\s+than)"

#: (pattern over the masked text, lower bound closed?, upper bound closed?, which side).
#: side: "low" the figure is a lower bound, "high" an upper bound, "eq" both, "pair" two figures.
RANGE_PATTERNS: list[tuple[str, bool, bool, str]] = [
    (rf"\bbetween\s+{N}\s+and\s+{N}", True, False, "pair"),
    (rf"\bfrom\s+{N}\s+to\s+{N}", True, False, "pair"),
    # not inside a phone number or a date: "+1-222-2222", "1995-01-03"
    (rf"(?<![-+/#\w]){N}\s*(?:-|–|—|~|to|through|thru)\s*{N}(?!\s*[-/]\s*#)", True, False, "pair"),
    (rf"\b{_MORE}{_OR_EQUAL}\s*{N}", True, False, "low"),
    (
        rf"\b(?:equal\s+to\s+or\s+{_MORE}\s+than|at\s+least(?:\s+or\s+equal\s+to)?|no\s+less\s+than"
        rf"|not\s+less\s+than|no\s+fewer\s+than|a\s+minimum\s+of)\s*{N}",
        True,
        False,
        "low",
    ),
    (rf"(?:>\s*=|≥)\s*{N}", True, False, "low"),
    (rf"\b{_MORE}\s+than\s*{N}\s+or\s+equal(?:\s+to)?{_NO_FIGURE_AFTER}", True, False, "low"),
    (
        rf"\b(?:{_MORE}\s+than|over|above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|in\s+excess\s+of)"
        rf"\s*{N}",
        False,
        False,
        "low",
    ),
    (rf"(?<![<=>])>(?!=)\s*{N}", False, False, "low"),
    (rf"{N}\s+(?:or|and)\s+(?:{_MORE}|above)(?:\s+than)?{_NO_FIGURE_AFTER}", True, False, "low"),
    (rf"\b{_LESS}{_OR_EQUAL}\s*{N}", False, True, "high"),
    (
        rf"\b(?:equal\s+to\s+or\s+{_LESS}\s+than|at\s+most|no\s+more\s+than|not\s+more\s+than"
        rf"|up\s+to|a\s+maximum\s+of)\s*{N}",
        False,
        True,
        "high",
    ),
    (rf"(?:<\s*=|≤)\s*{N}", False, True, "high"),
    (rf"\b{_LESS}\s+than\s*{N}\s+or\s+equal(?:\s+to)?{_NO_FIGURE_AFTER}", False, True, "high"),
    (rf"\b(?:{_LESS}\s+than|below|under)\s*{N}", False, False, "high"),
    (rf"(?<![<=>])<(?![=>])\s*{N}", False, False, "high"),
    (rf"{N}\s+(?:or|and)\s+(?:{_LESS}|below)(?:\s+than)?{_NO_FIGURE_AFTER}", False, True, "high"),
    (rf"\bequal\s+to\s*{N}\s+or\s+{_MORE}(?:\s+than)?{_NO_FIGURE_AFTER}", True, False, "low"),
    (rf"\bequal\s+to\s*{N}\s+or\s+{_LESS}(?:\s+than)?{_NO_FIGURE_AFTER}", False, True, "high"),
    (rf"\b(?:equals?|equaling)(?:\s+to)?\s*{N}", True, True, "eq"),
    # "2 in 5 or more": a proportion as the bound
    (rf"{N}\s+in\s+{N}\s+or\s+(?:{_MORE}|above){_NO_FIGURE_AFTER}", True, False, "ratio"),
]
#: Words that join two bounds into one range: "above 1000 and below 1500".
JOIN_RE = re.compile(r"\s*(?:,\s*(?:and|but)?|and|but)\s*", re.IGNORECASE)
