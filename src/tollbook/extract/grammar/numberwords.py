"""Number words, declared as data: spelled numbers, scales, ordinals, vague amounts and the
qualifier phrases written before a figure -> their values. Read by extract/numbers.py (and the
evaluation's general number reader); docs/annotation.md is the reference for the conventions.

Every word that has a numeric value (UNITS, TENS, SCALES) goes through `loader.load_table` as one
table, so a word given two values is refused. `spelled(low, high)` writes the spelled numbers
between two values as a pattern alternation, for the rules that name "one ... twelve" in a pattern.
"""

from __future__ import annotations

from tollbook.extract.grammar.loader import WordTable, load_table

__all__ = ["NUMBER_WORDS", "ORDINAL_WORDS", "QUALIFIERS", "SCALES", "SHORT_SCALES", "TENS", "UNITS",
           "VAGUE", "spelled"]  # fmt: skip

UNITS = WordTable({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
})  # fmt: skip
TENS = WordTable({
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
})  # fmt: skip
SCALES = WordTable({
    "hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
})  # fmt: skip
SHORT_SCALES = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1e9, "tn": 1e12,
    "lakhs": 100_000, "crores": 10_000_000,
}  # fmt: skip
ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "twentieth", "thirtieth", "hundredth", "thousandth",
}  # fmt: skip

#: Vague amounts: (qualifier, value, low, high). docs/annotation.md is the reference.
VAGUE: dict[str, tuple[str, float, float, float]] = WordTable({
    "a couple of": ("approx", 2, 2, 3),
    "a pair of": ("exact", 2, 2, 2),
    "a few": ("vague", 3, 2, 5),
    "a handful of": ("vague", 3, 2, 5),
    "several": ("vague", 3, 3, 9),
    "dozens": ("vague", 24, 24, 99),
    "scores": ("vague", 40, 40, 99),
    "hundreds": ("vague", 200, 200, 999),
    "thousands": ("vague", 2000, 2000, 9999),
    "tens of thousands": ("vague", 20000, 20000, 99999),
    "hundreds of thousands": ("vague", 200000, 200000, 999999),
    "millions": ("vague", 2000000, 2000000, 9999999),
    # Unquantified: the source says some people, not how many. Plural "a number of" is at
    # least two; "an unknown number" at least one. The high bound is a convention (docs).
    "a number of": ("vague", 2, 2, 99),
    "an unknown number of": ("vague", 1, 1, 99),
    "an unspecified number of": ("vague", 1, 1, 99),
    "an undisclosed number of": ("vague", 1, 1, 99),
    "an undetermined number of": ("vague", 1, 1, 99),
    "an unconfirmed number of": ("vague", 1, 1, 99),
    "unknown number of": ("vague", 1, 1, 99),
    "unspecified number of": ("vague", 1, 1, 99),
})

#: Qualifier phrases written before a figure -> (qualifier, bound rule).
QUALIFIERS: dict[str, tuple[str, str]] = {
    "at least": ("at_least", "closed"),
    "no fewer than": ("at_least", "closed"),
    "no less than": ("at_least", "closed"),
    "not less than": ("at_least", "closed"),
    "a minimum of": ("at_least", "closed"),
    "more than": ("more_than", "closed"),
    "over": ("more_than", "closed"),
    "upwards of": ("more_than", "closed"),
    "in excess of": ("more_than", "closed"),
    "up to": ("at_most", "closed"),
    "as many as": ("at_most", "closed"),
    "at most": ("at_most", "closed"),
    "no more than": ("at_most", "closed"),
    "not more than": ("at_most", "closed"),
    "a maximum of": ("at_most", "closed"),
    "fewer than": ("fewer_than", "closed"),
    "less than": ("fewer_than", "closed"),
    "under": ("fewer_than", "closed"),
    "about": ("approx", "around"),
    "around": ("approx", "around"),
    "approximately": ("approx", "around"),
    "roughly": ("approx", "around"),
    "some": ("approx", "around"),
    "an estimated": ("approx", "around"),
    "estimated": ("approx", "around"),
    "an approximate": ("approx", "around"),
    "nearly": ("approx", "below"),
    "almost": ("approx", "below"),
    "close to": ("approx", "below"),
    "just under": ("approx", "below"),
    "just over": ("more_than", "closed"),
    # an article and a word of report or sum before the figure: the figure itself, as stated
    "a reported": ("exact", "closed"),
    "a confirmed": ("exact", "closed"),
    "a recorded": ("exact", "closed"),
    "a total of": ("exact", "closed"),
}

#: Every spelled number with its value; a word declared with two values is refused at import.
NUMBER_WORDS: dict[str, float] = load_table("NUMBER_WORDS", [*UNITS.items(), *TENS.items(), *SCALES.items()])


def spelled(low: int, high: int) -> str:
    """ "one|two|...|twelve" for (1, 12): the spelled units between two values, in value order."""
    return "|".join(w for w, v in UNITS.items() if low <= v <= high)
