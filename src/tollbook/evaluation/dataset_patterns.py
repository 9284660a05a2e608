"""The words the dataset adapters read in others' labels, declared as data -> tables and
compiled patterns.

ACLED's conventions for vague amounts ("dozens" 12, "several" 3), its unclear-fatalities
phrases ("an unknown number of"), people "killed and injured" together, the coders'
bookkeeping in `notes` ("[size=dozens]", "Fatalities coded as 10") and the words before a
vague amount that do not change its reading ("at least dozens"); for IDETECT, a figure
written as a range ("between 18,000 and 25,000"). `evaluation.datasets` imports them; the
words live here, tables read by the one grammar loader (`tollbook.extract.grammar.loader`).
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.loader import load_table

__all__ = [
    "ACLED_VAGUE",
    "BOOKKEEPING_RE",
    "BOOK_SENTENCE_RE",
    "BOTH_KILLED_AND_WOUNDED_RE",
    "UNCLEAR_RE",
    "VAGUE_HEDGE_RE",
    "WRITTEN_RANGE_RE",
]

#: ACLED's reading of a vague amount, by the words it starts with (the first that matches).
ACLED_VAGUE = load_table("ACLED_VAGUE", (
    ("dozens", 12), ("several", 3), ("a few", 3), ("a handful of", 3), ("scores", 20),
    ("hundreds", 100), ("thousands", 1000), ("tens of thousands", 10000), ("a couple of", 2),
))  # fmt: skip
#: Words before a vague amount that leave ACLED's reading of it as it is ("at least dozens").
VAGUE_HEDGE_RE = re.compile(r"^(?:at least|more than|over|about|some|around|nearly)\s+")
#: What ACLED codes as its unclear 10: "an unknown number of", "fatalities" with no figure.
UNCLEAR_RE = re.compile(r"^(?:an?\s+)?(?:unknown|unspecified|undisclosed|undetermined|unconfirmed)?\s*"
                        r"number\s+of\b|^(?:fatalities|deaths|casualties)\b", re.IGNORECASE)  # fmt: skip
#: People "killed and injured" together: some died, how many is unclear.
BOTH_KILLED_AND_WOUNDED_RE = re.compile(
    r"\bkill(?:ed|ing)\s*(?:and|&|/)\s*(?:injur|wound)|\b(?:injur|wound)(?:ed|ing)\s*(?:and|&|/)\s*kill",
    re.IGNORECASE,
)
#: A coder's bracketed bookkeeping: "[size=dozens]", "[fatalities split across events]".
BOOKKEEPING_RE = re.compile(r"\[size=[^\]]*\]|\[[^\]]*fatalit[^\]]*\]", re.IGNORECASE)
#: A coder's sentence that states the label: "Fatalities coded as 10.", "2 fatalities."
BOOK_SENTENCE_RE = re.compile(
    r"fatalit(?:y|ies)\b[^.]*\b(?:coded|split|spread|divided|distributed|across|between|rounded|halved)|"
    r"\bcoded\s+as\b|^\W*(?:\d+|no|zero|one|two|three|unknown|unclear)\s+(?:total\s+|reported\s+)?"
    r"fatalit(?:y|ies)\b|(?:neither|no)\b[^.]{0,40}\bfatalities\b[^.]{0,40}\breported",
    re.IGNORECASE,
)
#: A figure written as a range, which IDMC records by its upper end.
WRITTEN_RANGE_RE = re.compile(r"\bbetween\b|\w\s*(?:-|–|to|and)\s*\d", re.IGNORECASE)
