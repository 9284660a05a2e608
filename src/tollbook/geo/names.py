"""Name folding shared across documents: a place or person name -> its matching key
(`name_key`: case, diacritics, apostrophes and common romanisation variants folded), and the
GeoNames feature codes that mark countries and regions.

Used by the gazetteer (geo/places.py) to match names in a text, and by the stages that compare
names across documents (events: grouping, origins, compare; output: exports; evaluation), which
need the folding and not the gazetteer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["COUNTRY_FEATURES", "FOLD", "FOLD_VERSION", "REGION_FEATURES", "WORD", "fold_token", "name_key"]

#: Bump when `name_key` changes: the data file stores precomputed keys tagged with it.
FOLD_VERSION = "1"


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", chr(cp)) if not unicodedata.combining(c)
        )
        if base and base != chr(cp) and base.isascii():
            table[cp] = base.lower()
    for cp in range(0x300, 0x370):  # stray combining marks, e.g. from casefolding "İ"
        table[cp] = None
    specials = {
        "ı": "i", "ə": "a", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
        "æ": "ae", "œ": "oe", "ß": "ss", "ŋ": "n", "ħ": "h",
        "'": None, "’": None, "‘": None, "ʼ": None, "ʻ": None, "`": None, "´": None,
    }  # fmt: skip
    table.update({ord(k): v for k, v in specials.items()})
    return table


#: Letters -> their ASCII base (str.translate table): what `name_key` folds first.
FOLD = _fold_table()
# Order matters: digraphs first, then single-letter equivalences of Azerbaijani/Turkish/Russian
# romanisations (j~c~dzh, q~g, y~i, kh~x).
_DIGRAPHS = (
    ("dzh", "j"),
    ("dj", "j"),
    ("sh", "s"),
    ("ch", "c"),
    ("kh", "x"),
    ("gh", "g"),
    ("j", "c"),
    ("q", "g"),
    ("y", "i"),
)
_DOUBLES = re.compile(r"(.)\1+")
WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


@lru_cache(maxsize=1 << 16)  # pure; text repeats words a lot
def fold_token(token: str) -> str:
    s = token.casefold().translate(FOLD)
    for a, b in _DIGRAPHS:
        if a in s:
            s = s.replace(a, b)
    return _DOUBLES.sub(r"\1", s)


def name_key(name: str) -> str:
    """The matching key of a place name: words folded and joined by single spaces."""
    return " ".join(fold_token(t) for t in WORD.findall(name))


COUNTRY_FEATURES = frozenset({"PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "PCL", "TERR"})
REGION_FEATURES = frozenset({"ADM1", "ADM2", "RGN", "ADMD"})
